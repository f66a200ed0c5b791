// Estimated baselines for translations without metadata, as Kubernetes' lsync makes them: the
// last commit that changed the translation (`git log -1 -- <translation>`), skipping the commits
// of the ignore-revs file. The English drift since that commit is then measured by the scan's
// own machinery, exactly as for a raw_commit (see buildReports).
//
// What each commit changed in the translation folders comes from one more history log, read only
// when some page has no metadata; the choice of commit is pure.

import { estimatesFile } from "../cache/estimates-file.js";
import { fileAt } from "../core/blob-at.js";
import type { Graph } from "../core/graph.js";
import { hasEscapedBytes } from "../core/path-bytes.js";
import { type PathIndex, PathIndexBuilder } from "../core/pathindex.js";
import { commitsForPaths, type RangeContext } from "../core/walk.js";
import { AppError } from "../errors.js";
import { type ChangeSink, readChangesIn, readLogCapture } from "../git/history.js";
import type { Repo } from "../git/run.js";
import { settleLater } from "../settle.js";
import { hasCachedLog, readCachedLog, type ScanCache } from "./cached-log.js";
import type { HistoryModel } from "./history-model.js";
import { listedPath, type PageFile, type PageListing } from "./listing.js";
import { pagePath, readTranslation, type Translation } from "./translations.js";

/** What HEAD's history changed in the translation folders of the pages without metadata. */
export interface TranslationHistory {
  /** The commits of the log, in its order: HEAD's history's, which numbers `index`'s commits. */
  hashes: readonly string[];
  index: PathIndex;
}

/** The pages whose estimates are wanted: those without metadata. */
export function pagesWithoutMetadata(pages: readonly Translation[]): Translation[] {
  return pages.filter((t) => t.meta === null);
}

/** Pages named one by one to git at most; more are read by their folders. */
const MAX_NAMED = 100;

/**
 * One git log over the given pages (by name, which lets git skip every other file: a site with
 * a few pages without metadata pays little for them), or over their folders when they are many
 * or a name is not valid UTF-8; started only when there are some. `order` is HEAD's commits in
 * git's order when the scan has them (see readChangesIn).
 */
export async function loadTranslationHistory(
  repo: Repo,
  head: string,
  pages: readonly Translation[],
  maxNamed = MAX_NAMED,
  cache: ScanCache | null = null,
  order?: Promise<readonly string[]> | null,
): Promise<TranslationHistory> {
  const { names, paths } = logPaths(pages, maxNamed);
  const keep = paths === names ? null : setHas(new Set(names));
  return readTranslationLog(repo, head, paths, keep, cache, order);
}

/** The pages' paths, and what their log reads: the pages by name, or their folders. */
function logPaths(pages: readonly Translation[], maxNamed = MAX_NAMED) {
  const names = pages.map(pagePath);
  const paths =
    names.length <= maxNamed && !names.some(hasEscapedBytes)
      ? names
      : [...new Set(pages.map((t) => `${t.base}/`))].sort();
  return { names, paths };
}

/** The log below `paths`, indexing only the files `keep` takes, when given (see onlyPaths). */
async function readTranslationLog(
  repo: Repo,
  head: string,
  paths: readonly string[],
  keep: ((path: string) => boolean) | null,
  cache: ScanCache | null,
  order?: Promise<readonly string[]> | null,
): Promise<TranslationHistory> {
  if (cache) {
    const { table, sink } = await readCachedLog(
      cache,
      repo,
      head,
      KIND,
      paths,
      () => new PathIndexBuilder(),
      (recorder) => readLogCapture(repo, head, null, paths, recorder),
    );
    return { hashes: table.hashes, index: sink.finish() };
  }
  const builder = new PathIndexBuilder();
  const sink = keep ? onlyPaths(builder, keep) : builder;
  const hashes = await readChangesIn(repo, head, paths, sink, (await order) ?? undefined);
  return { hashes, index: builder.finish() };
}

/** The kind of log the estimates' log is kept as in the cache. */
const KIND = "estimates";

/** Pages read, spread over the listing, to judge whether most lack metadata. */
const SAMPLE = 32;

/** Told of the pages as they are read; see estimatesLogWatch. */
export interface ReadingWatch {
  /** Told of every page read so far, in the order read, each time some more are. */
  read(pages: readonly Translation[]): void;
  /** The log started before or while the pages were read; null when none was. */
  history(): Promise<TranslationHistory> | null;
}

/**
 * The estimates' log of every translation folder that holds a page, started before the last
 * page is read, where the log the pages need is sure to be one of folders:
 * - before any is read, when a sample of them says most lack metadata and more than can be
 *   named to git (a site that records none, as Kubernetes' or the CNCF glossary's): git works
 *   on it beside the English log;
 * - while they are read, once more than that many lack metadata, whatever the rest hold.
 *
 * It serves whatever pages turn out to lack metadata: the estimates look up each page by its
 * own path, which a log of more folders (whose renames git pairs among more files) answers
 * alike. Read from git, it indexes only the changes to pages not known to record their commit
 * (either side of a rename): every page without metadata is among them, and once every page is
 * read they are exactly those pages, as a log read after them would index. With a cache that may
 * answer without it (the log kept, or the estimates themselves) it is read only when asked for.
 */
export function estimatesLogWatch(
  repo: Repo,
  head: string,
  listing: PageListing,
  now: number,
  cache: ScanCache | null,
  order?: Promise<readonly string[]> | null,
  maxNamed = MAX_NAMED,
): ReadingWatch {
  const { files } = listing;
  // The listed pages not known to record their commit, once the log is started without a cache
  // (a cached log is kept whole, for later runs' pages).
  let wanted: Set<string> | null = null;
  let log: (() => Promise<TranslationHistory>) | null = null;
  const start = (read: readonly Translation[]) => {
    const paths = [...new Set(files.map((f) => `${f.folder.rel}/`))].sort();
    if (!cache) {
      wanted = new Set(files.map(listedPath));
      for (const t of read) if (t.meta !== null) wanted.delete(pagePath(t));
    }
    const keep = wanted ? setHas(wanted) : null;
    const readLog = () => settleLater(readTranslationLog(repo, head, paths, keep, cache, order));
    if (
      cache &&
      (hasCachedLog(cache, KIND, paths) || cache.store.has(estimatesFile(cache.identity)))
    ) {
      let asked: Promise<TranslationHistory> | null = null;
      log = () => (asked ??= readLog());
      return;
    }
    const started = readLog();
    log = () => started;
  };
  if (mostLackMetadata(files, now, maxNamed)) start([]);
  let seen = 0;
  let without = 0;
  return {
    read(pages) {
      for (; seen < pages.length; seen++) {
        const t = pages[seen] as Translation;
        if (log) {
          if (t.meta !== null) wanted?.delete(pagePath(t));
        } else if (t.meta === null && ++without > maxNamed) {
          start(pages.slice(0, seen + 1));
        }
      }
    },
    history: () => (log ? log() : null),
  };
}

/** Whether a sample of the pages, spread over the listing, says most lack metadata and more
 * than `maxNamed` will. */
function mostLackMetadata(files: readonly PageFile[], now: number, maxNamed: number): boolean {
  const sampled = Math.min(SAMPLE, files.length);
  let without = 0;
  for (let k = 0; k < sampled; k++) {
    const file = files[Math.floor((k * files.length) / sampled)] as PageFile;
    if (readTranslation(file.folder, file.rel, now).meta === null) without++;
  }
  return sampled > 0 && without * 2 >= sampled && (without / sampled) * files.length > maxNamed;
}

/**
 * `sink` given only the changes to the paths `wanted` takes (either side of a rename), and every
 * commit. The estimates look up each page by its own path alone (its touches, merges that
 * changed it, a merge's version of it), so the index answers them as it would hold every change;
 * a log read by folders names every other translation too, which need not be indexed (nor kept
 * in memory while the reports are built). Not for a cached log, which later runs read for other
 * pages.
 */
function onlyPaths(sink: ChangeSink, wanted: (path: string) => boolean): ChangeSink {
  return {
    commit: (commit, parents) => sink.commit(commit, parents),
    change: (commit, header, path, from, newMode) => {
      if (wanted(path) || (from !== null && wanted(from))) {
        sink.change(commit, header, path, from, newMode);
      }
    },
  };
}

const setHas =
  (set: ReadonlySet<string>) =>
  (path: string): boolean =>
    set.has(path);

/** The estimates of the pages without metadata. */
export interface Estimates {
  /** Each page's estimated baseline, a full hash in HEAD's history. */
  commits: Map<Translation, string>;
  /** Pages whose estimate a shallow clone cannot tell: unknown, never guessed. */
  beyondShallow: Set<Translation>;
}

/**
 * Each page's estimated baseline: the first commit `git log -- <translation>` shows that is not
 * ignored and did not edit the English source as well (a mechanical edit across languages,
 * such as a link migration, says nothing of what the translation follows); when every other
 * commit is ignored, that last edit of both is taken after all. That log lists what git's history simplification keeps for the path, newest commit
 * date first; the scan's commit numbers are the order of git's log of the whole history, which
 * is the same order (without clock skew). A page that no kept commit changed (never committed,
 * or only by ignored commits) has no estimate.
 *
 * A shallow clone's cut-off commits (`shallowRoots`) show as adding every file, whatever they
 * changed: when the choice would fall on one, or would pass one over for lack of another
 * candidate, the answer lies in the missing history and the page is `beyondShallow` instead.
 * A candidate newer than every cut is exact: what is missing is older.
 */
export function estimateCommits(
  history: HistoryModel,
  translated: TranslationHistory,
  pages: readonly Translation[],
  ignored: ReadonlySet<string>,
  shallowRoots: readonly string[] = [],
): Estimates {
  const { table } = history;
  // Both logs walk HEAD's history in git's one order; anything else is not the same history.
  const headCount = translated.hashes.length;
  if (translated.hashes.some((h, i) => table.hashes[i] !== h) || history.fromHead[headCount]) {
    throw new AppError(2, "unexpected output from git log: the history changed during the scan");
  }
  const skip = new Set<number>();
  for (const hash of ignored) {
    const c = table.index.get(hash);
    if (c !== undefined) skip.add(c);
  }
  const cuts = new Set<number>();
  for (const hash of shallowRoots) {
    const c = table.index.get(hash);
    if (c !== undefined) cuts.add(c);
  }
  // No raw_commit bounds this walk: the whole of HEAD's history, as `git log -- <path>` walks it.
  const ctx: RangeContext = {
    graph: history.graph,
    index: translated.index,
    head: history.head,
    excluded: () => false,
    bottom: -1,
    boundary: [],
  };
  const out: Estimates = { commits: new Map(), beyondShallow: new Set() };
  // One English page is translated into every language: its edits are looked up once.
  const englishEdits = new Map<string, Set<number>>();
  for (const t of pages) {
    const own = pagePath(t);
    const source = `${t.source}/${t.sourceRel}`;
    let english = englishEdits.get(source);
    if (!english) {
      english = editsInPlace(history.graph, history.index, source);
      englishEdits.set(source, english);
    }
    const both = english.size === 0 ? english : editsInPlace(history.graph, translated.index, own);
    let best = -1;
    let bestOfBoth = -1;
    let cutSeen = false;
    for (const c of commitsForPaths(ctx, [own])) {
      if (cuts.has(c)) cutSeen = true;
      if (skip.has(c)) continue;
      if (english.has(c) && both.has(c)) {
        if (bestOfBoth === -1 || c < bestOfBoth) bestOfBoth = c;
      } else if (best === -1 || c < best) best = c;
    }
    if (cuts.has(best) || (best === -1 && cutSeen)) {
      out.beyondShallow.add(t);
      continue;
    }
    const chosen = best === -1 ? bestOfBoth : best;
    if (chosen !== -1) out.commits.set(t, table.hashes[chosen] as string);
  }
  return out;
}

/**
 * The commits that changed the file at `path` in place (see PathIndex.editedInPlace): ordinary
 * commits, and merges that changed it against their first parent, which had the file too, as
 * a merged pull request that edited it did (the same edit, rebased instead, would be an ordinary
 * commit's).
 */
function editsInPlace(graph: Graph, index: PathIndex, path: string): Set<number> {
  const out = new Set<number>();
  for (const t of index.touchesOf(path)) if (index.editedInPlace(t)) out.add(index.commitOf(t));
  for (const m of index.mergeTouches.get(path) ?? []) {
    const first = graph.parents[m]?.[0];
    const after = index.mergeDiffs.get(m)?.get(path) ?? null;
    if (first !== undefined && after !== null && fileAt(graph, index, first, path) !== null) {
      out.add(m);
    }
  }
  return out;
}
