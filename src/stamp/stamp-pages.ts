// `translation-status stamp`: records that translations were brought up to date with an English
// commit (HEAD by default), by rewriting only the commit and date inside each page's metadata.
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileWarningText } from "../core/file-warning.js";
import { decodeBytes, encodeBytes, fsPath, replacedBytesHint } from "../core/path-bytes.js";
import { gitBlobReader } from "../detail/blobs.js";
import type { BlobText } from "../detail/types.js";
import { AppError } from "../errors.js";
import { authorDates } from "../git/author-dates.js";
import { isAncestor, remoteDefaultBranch } from "../git/branches.js";
import { resolveCommit as resolveRef } from "../git/diff-names.js";
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
import { stampedDateFinding } from "../lint/stamped-date.js";
import {
  ALREADY_TRACKED,
  initText,
  type MetaStyle,
  pageLink,
  pageTitle,
  styleOfChoice,
} from "../meta/init.js";
import { readMeta } from "../meta/read.js";
import { NO_METADATA, type StampResult, stampText } from "../meta/stamp.js";
import { DEFAULTS, type MetadataChoice } from "../options/defaults.js";
import { groupWarnings, warningText } from "../report/warnings.js";
import { shownName } from "../sanitize/terminal.js";
import { languagesNotRead, type SiteScope, SOURCE_FOLDER, siteLayout } from "../scan/folders.js";
import { commitFromLookup } from "../scan/raw-commits.js";
import { holdsMdnSource, openSourceRepo } from "../scan/source-repo.js";
import { nfcIndex } from "../scan/translations.js";
import { writeEncodingProblem } from "../site/encoding.js";
import {
  findPages,
  folderProblem,
  nestedRepositoryAbove,
  pageFileTest,
  readPageBytes,
  realFolderInside,
} from "../site/files.js";
import { pageDiff } from "../site/page-diff.js";
import { replaceFile, replaceProblem } from "../site/write.js";
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
  /** YYYY-MM-DD recorded as the translation date; null for today, except that a page brought
   * under tracking at its estimate records the day of the estimate's author date: the estimate
   * is the translation's last change, not a translation made today. */
  date: string | null;
  cwd?: string;
  /** Stamp pages whose permissions say read-only too (their mode is kept). */
  force?: boolean;
  /** Bring pages that record no metadata under tracking (stamp --init). */
  init?: InitOptions | null;
  /** The branch pins must be on (refused otherwise); null to warn when the remote's default
   * branch, if known, does not contain the commit. */
  pinBranch?: string | null;
  /** Write nothing: each outcome carries the unified diff the stamp would make. */
  dryRun?: boolean;
  /** The time lint judges dates at (a date in the future); now when absent. */
  now?: number;
}

export interface InitOptions {
  /** The style to write in; "auto" learns it from the site's other translations. */
  metadata: MetadataChoice;
  /** The estimated English commit of each page of these languages (repo-relative path -> full
   * hash), used when no commit is given; asked once, for the languages of the pages given,
   * whichever languages the site's scan covers otherwise. */
  estimates?: (langs: readonly string[]) => Promise<ReadonlyMap<string, PageEstimate>>;
}

/** A page's estimate: its full hash, or why the scan could not tell it (the missing history of
 * a shallow clone). */
export type PageEstimate = string | { unknown: "shallow" };

export interface StampOutcome {
  path: string;
  /** The English commit recorded, when the page was stamped. */
  commit: string | null;
  error: string | null;
  /** With dryRun: what would change, as a unified diff ("" when nothing would). */
  diff?: string;
}

export async function stampPages(
  opts: StampOptions,
): Promise<{ commit: string; outcomes: StampOutcome[]; warnings: string[] }> {
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
  const layout = withNamed(
    opts.knownLayout ??
      siteLayout(repo.workTree, {
        ...opts,
        langs: opts.langs ?? [],
        mdnSource: other ? await holdsMdnSource(english, (await other.head).hash) : false,
      }),
    opts.langs ?? [],
  );
  const isPage = pageFileTest(opts.extensions ?? DEFAULTS.extensions);
  const given = opts.pages.map((p) => repoRelative(repo.workTree, opts.cwd ?? process.cwd(), p));
  // A folder stands for the translations below it: its English pages are none of them.
  const translated = (rel: string) =>
    !isSourcePath(layout, rel) && translationPlace(layout, rel, null) !== null;
  const { rels, fromFolders, empty, skipped } = await withFolderPages(
    repo.workTree,
    given,
    isPage,
    translated,
  );
  const init = opts.init ?? null;
  // A page in a folder the scan does not read as a language is one it never reports: stamp
  // refuses it as it refuses a page outside the layout, whatever commit was given.
  const notRead = languagesNotRead(repo.workTree, layout, opts.langs ?? []);
  const places = rels.map((rel) => {
    const place = placeOf(rel, layout, isPage);
    if ("error" in place) return place;
    const why = notRead(place.lang);
    const root = rel.slice(0, rel.length - place.rel.length - 1);
    if (why !== null) {
      return notALanguage(layout.languagesIn ? `${layout.languagesIn}/${place.lang}` : root, why);
    }
    const nested = nestedRepositoryAbove(repo.workTree, root, place.rel);
    return nested === null ? place : nestedRepository(nested);
  });
  const placed = places.flatMap((place, i) =>
    "error" in place ? [] : [{ rel: rels[i] as string, place }],
  );
  // A page brought under tracking follows its estimate unless a commit was given. Estimates are
  // commits of the translations' own history, so there are none with two repositories.
  const estimated = init !== null && opts.commit === null;
  const estimatedLangs = [...new Set(placed.map((p) => p.place.lang))];
  const estimates =
    estimated && !other && estimatedLangs.length > 0
      ? await (init.estimates?.(estimatedLangs) ?? new Map())
      : new Map<string, PageEstimate>();
  const commitOf = (rel: string) => {
    if (!estimated) return commit;
    const e = estimates.get(rel);
    return typeof e === "string" ? e : null;
  };
  // The pin is checked only when some page is to record `commit` (a commit given, or HEAD):
  // refused before anything is written, warned about only once a page recorded it.
  const pinWarnings =
    estimated || placed.length === 0 ? [] : await pinProblems(english, commit, opts.pinBranch);
  // HEAD, read once: `commit` itself when none was given.
  const head = opts.commit === null ? commit : (await readHead(english)).hash;
  // A commit HEAD does not reach would be recorded only for lint to reject it (see
  // lint/commit-rules.ts): the branch must hold it first. A shallow clone cannot tell a commit
  // beyond its cut from one off HEAD's history, and the scan only warns of such a pin there.
  if (opts.commit !== null && placed.length > 0 && !english.shallow) {
    if (!(await isAncestor(english, commit, head))) {
      throw new AppError(
        2,
        `${commit.slice(0, 12)} is not in HEAD's history, which lint reports as raw-commit-not-ancestor: merge or rebase onto it first, or give a commit of HEAD's`,
      );
    }
  }
  // Stamping a page whose English source is gone at that commit (moved or deleted) would
  // record a state that does not exist: the translation must move first. A page without an
  // estimate is looked for at HEAD, to tell one whose English page is gone; and in the
  // translations' HEAD, to tell one git has no commit of. One lookup each, for all pages.
  const wanted = placed.map(({ rel, place }) => ({
    commit: commitOf(rel) ?? commit,
    path: place.sourcePath,
  }));
  // The English pages at HEAD too, for pins of another commit: a pin whose English page is
  // HEAD's leaves the page in sync, and a page missing at the pin but found at HEAD came later
  // (the commit is too old), rather than having moved away.
  const atHead = wanted.flatMap((w) => (w.commit === head ? [] : [{ commit: head, path: w.path }]));
  const unestimated = other ? [] : placed.flatMap((p) => (commitOf(p.rel) === null ? [p.rel] : []));
  const [sources, dates, inHead] = await Promise.all([
    sourcesAt(english, layout, [...wanted, ...atHead]),
    authorDates(english, [...new Set(wanted.map((w) => w.commit))]),
    committedAt(repo, commit, unestimated),
  ]);
  const now = opts.now ?? Date.now();
  const stampDay = opts.date ?? today(new Date(now));
  // The author's own calendar day (`%aI` starts with it), which lint's date-before-commit
  // accepts in every time zone and check --max-age reads as it reads raw_commit's date.
  const dayOf = (commit: string) =>
    estimated && opts.date === null ? (dates.get(commit)?.slice(0, 10) ?? stampDay) : stampDay;
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
  const outcomes: StampOutcome[] = empty.map((folder) => ({
    path: folder,
    commit: null,
    error: "no translated page below this folder",
  }));
  let untracked = 0;
  for (const [i, rel] of rels.entries()) {
    const place = places[i] as TranslationPlace | { error: string };
    const at = commitOf(rel);
    const failed = (error: string) => outcomes.push({ path: rel, commit: null, error });
    if ("error" in place) {
      failed(place.error);
      continue;
    }
    const found = blobOf(sources.get(sourceKey(at ?? commit, place.sourcePath)));
    const missing = found ? null : place.sourcePath;
    const headBlob = blobOf(sources.get(sourceKey(head, place.sourcePath)));
    const gone = (commit: string) =>
      sourceGone(place.sourcePath, commit, commit !== head && headBlob !== null);
    // Said only once the page is read: one that records metadata is told so first.
    const refuse = async (why: string) => {
      const untrackedOnly = (text: string): StampResult => ({
        error: readMeta(text).meta ? ALREADY_TRACKED : why,
      });
      failed((await stampOne(repo.workTree, rel, untrackedOnly, opts, null)).error ?? why);
    };
    if (at === null) {
      const beyondShallow = estimates.get(rel) !== undefined;
      await refuse(noEstimate(missing, commit, other !== null, inHead.has(rel), beyondShallow));
      continue;
    }
    const checked = (stamped: StampResult): StampResult => {
      const meta = "error" in stamped ? null : readMeta(stamped.text).meta;
      const date = dates.get(at);
      const wrong = meta && date !== undefined ? stampedDateFinding(meta, date, now) : null;
      return wrong === null
        ? stamped
        : {
            error: `${wrong.message}, which lint reports as ${wrong.rule}: give --date a day it accepts`,
          };
    };
    const inSync = found !== null && found.oid === headBlob?.oid;
    let edit: (text: string) => StampResult = (text) =>
      checked(stampText(text, at, stampDay, inSync));
    if (init) {
      const style = await styleFor(place.lang, init.metadata);
      if (!style) {
        // A page whose English page is gone cannot be tracked in any style: that comes first.
        await refuse(
          missing === null
            ? 'no page of this site records metadata yet: give --metadata, or set "metadata" in the config (shortcode, default_lang_commit or l10n.sourceCommit)'
            : gone(at),
        );
        continue;
      }
      const name = path.posix.basename(place.sourcePath);
      const source = found ? titles?.get(found.oid) : undefined;
      const values = {
        commit: at,
        date: dayOf(at),
        title: source?.kind === "text" ? pageTitle(source.text, name) : name,
        link: pageLink(place.rel),
        lang: place.lang,
      };
      edit = (text) => checked(initText(text, style, values));
    }
    const { error, diff } = await stampOne(
      repo.workTree,
      rel,
      edit,
      opts,
      missing === null ? null : gone(at),
    );
    // A page without metadata found in a folder is left for --init, not counted as a failure.
    if (error === NO_METADATA && !init && fromFolders.has(rel)) {
      untracked++;
      continue;
    }
    outcomes.push({
      path: rel,
      commit: error === null ? at : null,
      error,
      ...(diff !== undefined ? { diff } : {}),
    });
  }
  const pinned = outcomes.some((o) => o.error === null && o.commit === commit);
  const warnings = [...skipped, ...(pinned ? pinWarnings : [])];
  if (untracked > 0) {
    warnings.push(
      untracked === 1
        ? "1 page in the folders given records no metadata and was left alone (stamp --init adds it)"
        : `${untracked} pages in the folders given record no metadata and were left alone (stamp --init adds it)`,
    );
  }
  return { commit, outcomes, warnings };
}

/**
 * The pages named, with each folder among them replaced by the translations below it (in path
 * order); which came from a folder; the folders that hold none.
 */
async function withFolderPages(
  workTree: string,
  given: readonly string[],
  isPage: (name: string) => boolean,
  translated: (rel: string) => boolean,
): Promise<{ rels: string[]; fromFolders: Set<string>; empty: string[]; skipped: string[] }> {
  const rels: string[] = [];
  const fromFolders = new Set<string>();
  const empty: string[] = [];
  const skipped: string[] = [];
  for (const rel of given) {
    const clean = rel.replace(/\/+$/, "");
    const abs = clean === "" || clean.startsWith("..") ? null : realFolderInside(workTree, clean);
    if (!abs || !statSync(abs).isDirectory()) {
      rels.push(rel);
      continue;
    }
    const found = await findPages(abs, isPage);
    const pages = found.files.map((f) => `${clean}/${f.rel}`).filter(translated);
    if (pages.length === 0) empty.push(clean);
    // What the listing set aside among the translations (a symbolic link), said as the scan
    // says it, and grouped as the scan's report groups it: a pull request may plant thousands.
    const aside = found.skipped.flatMap((f) => {
      const at = f.rel === "" ? clean : `${clean}/${f.rel}`;
      return translated(at) ? [fileWarningText(at, f.why)] : [];
    });
    for (const g of groupWarnings(aside, clean)) skipped.push(warningText(g, (text) => text));
    for (const page of pages) {
      rels.push(page);
      fromFolders.add(page);
    }
  }
  return { rels, fromFolders, empty, skipped };
}

/**
 * Whether `commit` is on the branch pins belong on: a usage error when a branch was named and
 * does not contain it; a warning when the remote's default branch (if the clone knows it) does
 * not.
 */
async function pinProblems(
  repo: Parameters<typeof readHead>[0],
  commit: string,
  pinBranch: string | null | undefined,
): Promise<string[]> {
  const short = commit.slice(0, 12);
  if (pinBranch) {
    const tip = await resolveRef(repo, pinBranch, "--pin-branch");
    if (await isAncestor(repo, commit, tip)) return [];
    throw new AppError(
      2,
      `${short} is not on ${pinBranch}, which pins must be on: give --commit ${pinBranch} (or a commit of it)`,
    );
  }
  const remote = await remoteDefaultBranch(repo);
  if (!remote) return [];
  if (await isAncestor(repo, commit, await resolveRef(repo, remote, "--pin-branch"))) return [];
  const name = remote.replace(/^refs\/remotes\//, "");
  return [
    `${short} is not on ${name}, the remote's default branch: reviewers may ask for a pin on it (--commit ${name})`,
  ];
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
function repoRelative(workTree: string, cwd: string, name: string): string {
  const exists = (p: string) => existsSync(fsPath(p));
  const fromRepo = path.resolve(workTree, name);
  const fromCwd = path.resolve(cwd, name);
  // A name neither reading finds (a page not translated yet) is taken as the reports print it
  // unless the current folder's reading stays in the repository: either is then refused as
  // absent, not as a path outside the site.
  const up = path.relative(workTree, fromCwd);
  const outside = up === ".." || up.startsWith(`..${path.sep}`);
  const abs =
    path.isAbsolute(name) || (!exists(fromRepo) && !(outside && !exists(fromCwd)))
      ? fromCwd
      : fromRepo;
  return path.relative(workTree, abs).split(path.sep).join("/");
}

/**
 * The layout with the languages `named` (--lang) among those it declares: the scan reads a
 * language named so though the site does not declare it (a folder beside Hugo's languages), and
 * stamp places its pages as the scan does.
 */
function withNamed(layout: Layout, named: readonly string[]): Layout {
  if (!layout.languages || named.every((l) => layout.languages?.includes(l))) return layout;
  return { ...layout, languages: [...new Set([...layout.languages, ...named])] };
}

/** Which English page `rel` translates, or why it cannot be a translated page. Checked
 * before any git lookup. */
function placeOf(
  rel: string,
  layout: Layout,
  isPage: (name: string) => boolean,
): TranslationPlace | { error: string } {
  const where = layout.pairs.map((p) => `${shownName(p.translation("<lang>"))}/`).join(" or ");
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
  // The source language's own folder where the languages' are (Docusaurus's `i18n/en/`).
  const own = layout.languagesIn === "" ? null : `${layout.languagesIn}/${layout.sourceLang}`;
  if (place === null && own !== null && rel.startsWith(`${own}/`)) {
    return notALanguage(own, SOURCE_FOLDER);
  }
  if (place === null) return { error: `not a translated page under ${where}` };
  if (!isPage(rel)) return { error: "not a page file (see --extensions)" };
  return place;
}

/** The refusal of a page inside a nested repository or submodule, which the scan skips. */
function nestedRepository(folder: string): { error: string } {
  return {
    error: `${shownName(folder)} is a nested repository or submodule: the scan reports none of its pages`,
  };
}

/** The refusal of a page in a folder the scan does not read as a language, and why not. */
function notALanguage(folder: string, why: string): { error: string } {
  return {
    error: `${folder} is not read as a language (${why}): the scan reports none of its pages`,
  };
}

async function stampOne(
  workTree: string,
  rel: string,
  edit: (text: string) => StampResult,
  opts: { force?: boolean; dryRun?: boolean; init?: InitOptions | null },
  sourceMissing: string | null,
): Promise<{ error: string | null; diff?: string }> {
  // O_NOFOLLOW guards the file itself; its folders are checked first, so a symbolic link to a
  // folder outside the repository is not read through.
  const folder = path.posix.dirname(rel);
  if (!realFolderInside(workTree, folder)) return { error: folderProblem(workTree, folder) };
  const read = readPageBytes(path.join(workTree, rel));
  if ("error" in read) {
    // Stamp records the state of a translation; it never creates one (scan lists it as missing).
    if (read.absent) {
      const hint = replacedBytesHint(rel);
      if (hint !== null) return { error: `no such file: ${hint}` };
      return {
        error: opts.init
          ? "the translation does not exist, so there is nothing to initialise: translate the page first"
          : "the translation does not exist: translate the page first, then stamp it",
      };
    }
    return { error: read.error };
  }
  // Bytes that are not UTF-8 (a stray Latin-1 byte in the body) are kept as they are: the scan
  // reads the metadata around them, so stamp edits it around them too (core/path-bytes.ts).
  // A page in another encoding altogether, or one --init would add a title to, is refused.
  const encoding = writeEncodingProblem(read.bytes, Boolean(opts.init));
  if (encoding !== null) return { error: encoding };
  const text = decodeBytes(read.bytes);
  const stamped = edit(text);
  if ("error" in stamped) return { error: stamped.error };
  if (sourceMissing !== null) return { error: sourceMissing };
  if (stamped.text === text) return opts.dryRun ? { error: null, diff: "" } : { error: null };
  const write = { force: opts.force ?? false };
  if (opts.dryRun) {
    // "would stamp" must mean the real run would: every refusal of the write is checked too.
    const problem = await replaceProblem(workTree, rel, read.bytes, write);
    if ("error" in problem) return { error: problem.error };
    return { error: null, diff: pageDiff(rel, text, stamped.text) };
  }
  const written = await replaceFile(workTree, rel, read.bytes, encodeBytes(stamped.text), write);
  return { error: "error" in written ? written.error : null };
}

/** Which of `rels` the commit `at` holds. */
async function committedAt(
  repo: Parameters<typeof readHead>[0],
  at: string,
  rels: readonly string[],
): Promise<Set<string>> {
  const found = await lookupObjects(
    repo,
    rels.map((rel) => `${at}:${rel}`),
  );
  return new Set(rels.filter((_, i) => !("missing" in (found[i] ?? { missing: true }))));
}

/** Why a page whose English source is not at `commit` is not stamped; `later` when HEAD has it
 * (added, or renamed to that name, after the commit). */
function sourceGone(source: string, commit: string, later = false): string {
  const at = `the English source ${shownName(source)} does not exist at ${commit.slice(0, 12)}`;
  return later
    ? `${at}: it was added, or renamed to that name, after that commit; give a later commit (HEAD has it)`
    : `${at}: move the translation to its English page's name, or remove it`;
}

/** The blob a lookup found, if it found one. */
function blobOf(found: Lookup | undefined): { oid: string } | null {
  return found && !("missing" in found) && found.type === "blob" ? found : null;
}

/**
 * Why a page without metadata has no estimate to be tracked at (`head` is HEAD; `missing` the
 * English page when HEAD lacks it). The scan estimates every page git has a commit of, in any
 * language, but only from this repository's history, and not past a shallow clone's cut.
 */
function noEstimate(
  missing: string | null,
  head: string,
  twoRepos: boolean,
  inHead: boolean,
  beyondShallow: boolean,
): string {
  if (missing !== null) return sourceGone(missing, head);
  if (twoRepos) {
    return "with --source-repo no page has an estimate (the translations' commits are not the English history's): give --commit";
  }
  // Written down, a commit guessed at the cut would read as fact from then on.
  if (beyondShallow) {
    return "no estimate for this page: its history is cut off in this shallow clone; fetch the full history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout), or give --commit";
  }
  return inHead
    ? "no estimate for this page: the ignore-revs file lists every commit that changed it; give --commit"
    : "no estimate for this page (git has no commit of it); commit it, or give --commit";
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
  // A branch or tag (`--commit main`), checked as --changed-since's ref is.
  if (!hex) return resolveRef(repo, given, "--commit");
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
