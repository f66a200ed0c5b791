// The first step of a scan, in a module of its own: it needs little of the tool's code, so the
// entry point can set git to work on the history (the scan's longest job) before it has loaded
// the rest.

import type { CacheChoice } from "../cache/store.js";
import { AppError } from "../errors.js";
import { logPartSize, WHOLE_LOG } from "../git/history.js";
import { type IndexState, indexState } from "../git/index-state.js";
import { type FoundRepo, type OpenedRepo, openRepo, openRepoAtHead } from "../git/repo.js";
import { listTree, type TreeEntry } from "../git/tree.js";
import { readIgnoreRevs } from "../options/ignore-revs.js";
import { settleLater } from "../settle.js";
import { openScanCache, type ScanCache } from "./cached-log.js";
import { resolveFolders, type ScanFolders, type SiteScope } from "./folders.js";
import { type HeadHistory, headHistoryCached, loadHeadHistory } from "./history-model.js";
import { holdsMdnSource, openSourceRepo } from "./source-repo.js";

export interface ScanStart {
  /** The repository whose work tree holds the translations. */
  repo: OpenedRepo;
  /**
   * The repository whose history holds the English pages: `repo` itself (the same object)
   * unless the options name another one (MDN's two repositories).
   */
  sourceRepo: OpenedRepo;
  /** The source repository's HEAD: what the translations are compared with. */
  head: { hash: string };
  /** HEAD's commit date, still being read. */
  headDate: Promise<string>;
  /** The folder options, checked against the work tree before git starts on the history. */
  folders: ScanFolders;
  /** HEAD's history: still being read, or read on the first call. */
  headHistory: () => Promise<HeadHistory>;
  /** What HEAD holds below the English folders: read beside the history, or on the first call. */
  englishList: () => Promise<TreeEntry[]>;
  /** Commits that estimates skip (the ignore-revs file), checked before git starts. */
  ignoreRevs: ReadonlySet<string>;
  /** The cache, when there is one (see cached-log.ts). */
  cache: ScanCache | null;
  /** HEAD's commits in git's log order, whole, when they are listed: without a cache, for a
   * log that is split (see logPartSize). */
  order: Promise<readonly string[]> | null;
  /** The time the pages are judged at (a date in the future). */
  now: number;
  /** With a cache, what git's index vouches for in the translation folders (see
   * git/index-state.ts): what names the pages' bytes without reading them. */
  pages: Promise<IndexState | null> | null;
}

/** As many commits as git counts: every commit HEAD reaches. */
const MAX_COUNT = 2 ** 30;

const PARTIAL_CLONE =
  "this is a partial clone (git clone --filter): the scan reads English files from history and never downloads missing objects; use a full clone (in actions/checkout, leave `filter` unset)";

export async function startScan(
  opts: SiteScope & { repo: string; cache?: CacheChoice; found?: Promise<FoundRepo> },
): Promise<ScanStart> {
  // Both repositories are opened at once; the source's HEAD date is read alongside. Without a
  // cache the history log is certain to run, and where it is split (see logPartSize) the same
  // walk lists HEAD's commits in git's order, which the log splits its work by; with one, a run
  // that finds its log there would walk for nothing, and the log lists them for itself when it
  // runs (see readHeadHistory).
  const countTo = opts.cache?.enabled || logPartSize() === WHOLE_LOG ? 1 : MAX_COUNT;
  const [opened, translations] = await Promise.all([
    opts.sourceRepo
      ? openSourceRepo(opts.sourceRepo, countTo)
      : openRepoAtHead(opts.repo, countTo, opts.found),
    opts.sourceRepo ? openRepo(opts.repo, opts.found) : null,
  ]);
  const sourceRepo = opened.repo;
  const repo = translations ?? sourceRepo;
  if (sourceRepo.partial) throw new AppError(2, PARTIAL_CLONE);
  // The log starts from the hash found with the repository, without waiting for HEAD's date.
  // Without a hash (no commits yet) reading HEAD has failed, with the reason to give.
  const hash = opened.headHash ?? (await opened.head).hash;
  // Checked before the history log starts: a wrong --lang must not wait for a log nobody reads.
  const folders = resolveFolders(repo.workTree, {
    ...opts,
    mdnSource: translations ? await holdsMdnSource(sourceRepo, hash) : false,
  });
  // Read whether or not a page will need it, so that a bad file is an error on every run.
  const ignoreRevs = readIgnoreRevs(repo.workTree, opts.ignoreRevsFile ?? null);
  const cache = openScanCache(opts.cache, sourceRepo, hash);
  const order = countTo > 1 ? settleLater(opened.head.then((span) => span.order)) : null;
  // From git, the history is the longest job and starts now. From the cache it is Node's work,
  // which a run answered by a kept report (cli/kept-report.ts) never needs; nor the English
  // list, which otherwise is read now, not once the scan's own code has loaded.
  const headHistory = whenNeeded(!cache || !headHistoryCached(cache, folders.sourceFolders), () =>
    loadHeadHistory(
      sourceRepo,
      hash,
      folders.sourceFolders,
      undefined,
      cache,
      order ? () => order : undefined,
    ),
  );
  const englishList = whenNeeded(!cache, () => listTree(sourceRepo, hash, folders.sourceFolders));
  return {
    repo,
    sourceRepo,
    head: { hash },
    headDate: settleLater(opened.head.then((span) => span.date)),
    folders,
    headHistory,
    englishList,
    ignoreRevs,
    cache,
    order,
    now: Date.now(),
    pages: cache ? settleLater(indexState(repo, translationFolders(folders))) : null,
  };
}

/** The translation folders that exist, repo-relative. */
export const translationFolders = (folders: ScanFolders) =>
  folders.langs.flatMap((f) => (f.abs === null ? [] : [f.rel]));

/** `load`, started now when `now` is true, else on the first call. */
function whenNeeded<T>(now: boolean, load: () => Promise<T>): () => Promise<T> {
  let started = now ? settleLater(load()) : null;
  return () => {
    started ??= settleLater(load());
    return started;
  };
}
