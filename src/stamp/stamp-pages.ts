// `translation-status stamp`: records that translations were brought up to date with an English
// commit (HEAD by default), by rewriting only the commit and date inside each page's metadata.
import { existsSync } from "node:fs";
import path from "node:path";
import { decodeBytes, encodeBytes, fsPath, unescapeShownBytes } from "../core/path-bytes.js";
import { gitBlobReader } from "../detail/blobs.js";
import type { BlobText } from "../detail/types.js";
import { AppError } from "../errors.js";
import { type Lookup, lookupObjects } from "../git/objects.js";
import { openRepo, readHead } from "../git/repo.js";
import { parseRawCommit } from "../git/revision.js";
import { listTree } from "../git/tree.js";
import {
  isSourcePath,
  type Layout,
  type TranslationPlace,
  translationPlace,
} from "../layout/layout.js";
import {
  ALREADY_TRACKED,
  initText,
  type MetadataChoice,
  type MetaStyle,
  pageLink,
  pageTitle,
  styleOfChoice,
} from "../meta/init.js";
import { readMeta } from "../meta/read.js";
import { type StampResult, stampText } from "../meta/stamp.js";
import { DEFAULTS } from "../options/defaults.js";
import { type SiteScope, siteLayout } from "../scan/folders.js";
import { commitFromLookup } from "../scan/raw-commits.js";
import { openSourceRepo } from "../scan/source-repo.js";
import { nfcIndex } from "../scan/translations.js";
import { folderProblem, pageFileTest, readPageBytes, realFolderInside } from "../site/files.js";
import { replaceFile } from "../site/write.js";
import { siteStyle } from "./site-style.js";

export interface StampOptions extends Omit<SiteScope, "langs" | "exclude"> {
  repo: string;
  /** The site's languages, where its layout needs them to tell its folders apart. */
  langs?: readonly string[];
  /** The site's layout when the caller has it already (the dashboard, from its scan); else it
   * is found as the scan finds it. */
  knownLayout?: Layout;
  /** Page paths, relative to the current folder or absolute. */
  pages: readonly string[];
  /** English commit to record; HEAD when null. */
  commit: string | null;
  /** YYYY-MM-DD recorded as the translation date. */
  date: string;
  cwd?: string;
  /** Stamp pages whose permissions say read-only too (their mode is kept). */
  force?: boolean;
  /** Bring pages that record no metadata under tracking (stamp --init). */
  init?: InitOptions | null;
}

export interface InitOptions {
  /** The style to write in; "auto" learns it from the site's other translations. */
  metadata: MetadataChoice;
  /** Each page's estimated English commit (repo-relative path -> full hash), used when no
   * commit is given. */
  estimates?: ReadonlyMap<string, string>;
}

export interface StampOutcome {
  path: string;
  /** The English commit recorded, when the page was stamped. */
  commit: string | null;
  error: string | null;
}

export async function stampPages(
  opts: StampOptions,
): Promise<{ commit: string; outcomes: StampOutcome[] }> {
  const [repo, other] = await Promise.all([
    openRepo(opts.repo),
    opts.sourceRepo ? openSourceRepo(opts.sourceRepo) : null,
  ]);
  // The commit recorded is the English repository's, and so are the sources checked at it.
  const english = other?.repo ?? repo;
  const commit =
    opts.commit === null && other
      ? (await other.head).hash
      : await resolveCommit(english, opts.commit);
  const layout =
    opts.knownLayout ??
    siteLayout(repo.workTree, {
      ...opts,
      langs: opts.langs ?? [],
      sourceWorkTree: other ? english.workTree : null,
    });
  const isPage = pageFileTest(opts.extensions ?? DEFAULTS.extensions);
  const rels = opts.pages.map((given) =>
    repoRelative(repo.workTree, opts.cwd ?? process.cwd(), given),
  );
  // Stamping a page whose English source is gone at that commit (moved or deleted) would
  // record a state that does not exist: the translation must move first. One lookup for all.
  const init = opts.init ?? null;
  // A page brought under tracking follows its estimate unless a commit was given.
  const commitOf = (rel: string) =>
    init && opts.commit === null ? (init.estimates?.get(rel) ?? null) : commit;
  const places = rels.map((rel) => placeOf(rel, layout, isPage));
  const wanted = rels.flatMap((rel, i) => {
    const place = places[i] as TranslationPlace | { error: string };
    const at = commitOf(rel);
    return "error" in place || at === null ? [] : [{ commit: at, path: place.sourcePath }];
  });
  const sources = await sourcesAt(english, layout, wanted);
  const titles = init ? await englishTexts(english, sources) : null;
  const styles = new Map<string, Promise<MetaStyle | null>>();
  const styleFor = (lang: string, choice: MetadataChoice) => {
    let style = styles.get(lang);
    if (!style) {
      const chosen = styleOfChoice(choice);
      style = chosen ? Promise.resolve(chosen) : siteStyle(repo.workTree, layout, lang, isPage);
      styles.set(lang, style);
    }
    return style;
  };
  const outcomes: StampOutcome[] = [];
  for (const [i, rel] of rels.entries()) {
    const place = places[i] as TranslationPlace | { error: string };
    const at = commitOf(rel);
    const failed = (error: string) => outcomes.push({ path: rel, commit: null, error });
    if ("error" in place) {
      failed(place.error);
      continue;
    }
    if (at === null) {
      // Said only once the page is read: one that records metadata needs no estimate.
      const noEstimate = (text: string): StampResult =>
        readMeta(text).meta
          ? { error: ALREADY_TRACKED }
          : { error: "no estimate for this page (git has no commit of it); give --commit" };
      failed((await stampOne(repo.workTree, rel, "", noEstimate, opts, null)) ?? "");
      continue;
    }
    const src = sources.get(sourceKey(at, place.sourcePath));
    const found = src && !("missing" in src) && src.type === "blob" ? src : null;
    const missing = found ? null : place.sourcePath;
    let edit: (text: string) => StampResult = (text) => stampText(text, at, opts.date);
    if (init) {
      const style = await styleFor(place.lang, init.metadata);
      if (!style) {
        failed(
          'no page of this site records metadata yet: set "metadata" in the config (shortcode, default_lang_commit or l10n.sourceCommit)',
        );
        continue;
      }
      const name = path.posix.basename(place.sourcePath);
      const source = found ? titles?.get(found.oid) : undefined;
      const values = {
        commit: at,
        date: opts.date,
        title: source?.kind === "text" ? pageTitle(source.text, name) : name,
        link: pageLink(place.rel),
        lang: place.lang,
      };
      edit = (text) => initText(text, style, values);
    }
    const error = await stampOne(repo.workTree, rel, at, edit, opts, missing);
    outcomes.push({ path: rel, commit: error === null ? at : null, error });
  }
  return { commit, outcomes };
}

/** The English pages' texts, by blob, for their titles (one git process, or two). */
async function englishTexts(
  repo: Parameters<typeof readHead>[0],
  sources: ReadonlyMap<string, Lookup | undefined>,
): Promise<Map<string, BlobText>> {
  const oids = [...sources.values()].flatMap((l) =>
    l && !("missing" in l) && l.type === "blob" ? [l.oid] : [],
  );
  return gitBlobReader(repo)(oids);
}

/**
 * Reports print paths relative to the repository, so a relative PAGE is read that way first;
 * a path relative to the current folder works too when the first reading names no file.
 */
function repoRelative(workTree: string, cwd: string, given: string): string {
  // A name that is not valid UTF-8 is printed with `\xFF` escapes; it is taken back as such
  // when no file has the name as written.
  const unescaped = unescapeShownBytes(given);
  const exists = (p: string) => existsSync(fsPath(p));
  const name =
    unescaped !== given &&
    !exists(path.resolve(workTree, given)) &&
    !exists(path.resolve(cwd, given))
      ? unescaped
      : given;
  const fromRepo = path.resolve(workTree, name);
  const abs = path.isAbsolute(name) || !exists(fromRepo) ? path.resolve(cwd, name) : fromRepo;
  return path.relative(workTree, abs).split(path.sep).join("/");
}

/** Which English page `rel` translates, or why it cannot be a translated page. Checked
 * before any git lookup. */
function placeOf(
  rel: string,
  layout: Layout,
  isPage: (name: string) => boolean,
): TranslationPlace | { error: string } {
  const where = layout.pairs.map((p) => `${p.translation("<lang>")}/`).join(" or ");
  const parts = rel.split("/");
  if (
    rel.startsWith("..") ||
    path.isAbsolute(rel) ||
    parts.some((p) => p === ".." || p === "." || p === "")
  ) {
    return { error: `not a translated page under ${where}` };
  }
  if (isSourcePath(layout, rel)) {
    return { error: "this is an English source page, not a translation" };
  }
  const place = translationPlace(layout, rel, null);
  if (place === null) return { error: `not a translated page under ${where}` };
  if (!isPage(rel)) return { error: "not a page file (see --extensions)" };
  return place;
}

async function stampOne(
  workTree: string,
  rel: string,
  commit: string,
  edit: (text: string) => StampResult,
  opts: { force?: boolean },
  sourceMissing: string | null,
): Promise<string | null> {
  // O_NOFOLLOW guards the file itself; its folders are checked first, so a symbolic link to a
  // folder outside the repository is not read through.
  const folder = path.posix.dirname(rel);
  if (!realFolderInside(workTree, folder)) return folderProblem(workTree, folder);
  const read = readPageBytes(path.join(workTree, rel));
  if ("error" in read) return read.error;
  // Bytes that are not UTF-8 (a stray Latin-1 byte in the body) are kept as they are: the scan
  // reads the metadata around them, so stamp edits it around them too (core/path-bytes.ts).
  const text = decodeBytes(read.bytes);
  const stamped = edit(text);
  if ("error" in stamped) return stamped.error;
  if (sourceMissing !== null) {
    return `the English source ${sourceMissing} does not exist at ${commit.slice(0, 12)}: it was moved or deleted; move or remove the translation instead`;
  }
  if (stamped.text === text) return null;
  const written = await replaceFile(workTree, rel, read.bytes, encodeBytes(stamped.text), {
    force: opts.force ?? false,
  });
  return "error" in written ? written.error : null;
}

function sourceKey(commit: string, path: string): string {
  return `${commit}:${path}`;
}

/**
 * The English source of each path at its commit, as git spells it, keyed by sourceKey. The scan
 * pairs a translation with an English file whose name differs only in Unicode normalization
 * (NFD on disk, NFC in git); stamp must find the same file, so a name git does not hold is
 * looked for in NFC among the English folders' files. One lookup, and a listing per commit and
 * a second lookup only for such names.
 */
async function sourcesAt(
  repo: Parameters<typeof readHead>[0],
  layout: Layout,
  wanted: ReadonlyArray<{ commit: string; path: string }>,
): Promise<Map<string, Lookup | undefined>> {
  const found = await lookupObjects(
    repo,
    wanted.map((w) => sourceKey(w.commit, w.path)),
  );
  const sources = new Map(wanted.map((w, i) => [sourceKey(w.commit, w.path), found[i]]));
  const absent = wanted.filter((w) => {
    const f = sources.get(sourceKey(w.commit, w.path));
    return !f || "missing" in f;
  });
  if (absent.length === 0) return sources;
  const respelled: Array<{ key: string; name: string }> = [];
  for (const commit of new Set(absent.map((w) => w.commit))) {
    const tree = await listTree(
      repo,
      commit,
      layout.pairs.map((pair) => pair.source),
    );
    const byNfc = nfcIndex(tree.map((e) => e.path));
    for (const w of absent) {
      if (w.commit !== commit) continue;
      const match = byNfc.get(w.path.normalize("NFC"));
      if (match !== undefined && match !== w.path) {
        respelled.push({ key: sourceKey(commit, w.path), name: sourceKey(commit, match) });
      }
    }
  }
  const again = await lookupObjects(
    repo,
    respelled.map((r) => r.name),
  );
  respelled.forEach((r, i) => {
    sources.set(r.key, again[i]);
  });
  return sources;
}

async function resolveCommit(
  repo: Parameters<typeof readHead>[0],
  given: string | null,
): Promise<string> {
  if (given === null) return (await readHead(repo)).hash;
  const hex = parseRawCommit(given);
  if (!hex)
    throw new AppError(
      2,
      `--commit needs a commit hash, got ${JSON.stringify(given.slice(0, 80))}`,
    );
  const [found] = await lookupObjects(repo, [hex]);
  const commit = commitFromLookup(hex, found, "--commit");
  if ("why" in commit) throw new AppError(2, commit.why);
  return commit.hash;
}

/** Today's date as translators write it (local time). */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
