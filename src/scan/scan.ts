// The scan: gathers facts from the work tree and from git (a handful of git processes, never one
// per page or per raw_commit), then derives every page's status with pure functions.

import path from "node:path";
import { codeId } from "../cache/code-id.js";
import {
  estimatesFile,
  type PageEstimates,
  readEstimates,
  writeEstimates,
} from "../cache/estimates-file.js";
import { lineCountsFile, readLineCounts, writeLineCounts } from "../cache/line-counts.js";
import { pageReadsFile, readPageReads, writePageReads } from "../cache/page-reads.js";
import { kindSummary } from "../core/counts.js";
import { byLanguageAndPath, type RawState, summarize } from "../core/status.js";
import type { PageReport, ScanResult } from "../core/types.js";
import { gitBlobReader } from "../detail/blobs.js";
import { AppError } from "../errors.js";
import { BlobLineCounter } from "../git/blob-diff.js";
import { filesChangedBy } from "../git/commit-files.js";
import { commitsOnOtherRefs } from "../git/history.js";
import type { Repo } from "../git/run.js";
import { hugoLanguagesHint } from "../layout/hugo.js";
import { describeLayout, siteRoot } from "../layout/layout.js";
import type { Finding } from "../lint/finding.js";
import { settleLater } from "../settle.js";
import type { ScanCache } from "./cached-log.js";
import { flushScanCache } from "./cached-log.js";
import {
  estimateCommits,
  estimatesLogWatch,
  loadTranslationHistory,
  pagesWithoutMetadata,
} from "./estimates.js";
import { englishPages, type ScanFolders, type SiteScope } from "./folders.js";
import { completeHistory } from "./history-model.js";
import { holdsUntil, storeDependentRaws } from "./inputs-key.js";
import { listTranslations, type PageListing } from "./listing.js";
import { blobsOutsideHistory } from "./outside-blobs.js";
import { resolveRawCommits } from "./raw-commits.js";
import {
  type Built,
  buildReports,
  emptyDetail,
  type Findings,
  missingPages,
  notMovedTo,
  type PageDetail,
  pageReports,
  setLines,
} from "./reports.js";
import { pageRescanner, type RescanPage } from "./rescan.js";
import { type ScanStart, startScan } from "./start.js";
import type { StructureItem } from "./structure.js";
import {
  matchSourceSpelling,
  type PageMemo,
  pagePath,
  readTranslations,
  type Translation,
} from "./translations.js";

export type { PageDetail } from "./reports.js";

export interface ScanOptions extends SiteScope {
  repo: string;
  /** Classify each changed page's English change, and each listed commit's (see kinds/). */
  kinds?: boolean;
  onProgress?: (progress: Progress) => void;
  /**
   * Told as soon as every page's status is final, before the commits behind are counted and
   * listed: a result whose summary, languages and HEAD are the final ones, for a screen's
   * figures; its pages get their commits afterwards. Not told with `kinds`, whose summary
   * comes last.
   */
  onStatuses?: (result: ScanResult) => void;
}

export interface Progress {
  phase: "pages" | "history" | "measure" | "done";
  done: number;
  total: number;
}

export interface ScanOutput {
  result: ScanResult;
  /** Same order as result.pages. */
  details: PageDetail[];
  /** Where the translations are (and are written). */
  repo: Repo;
  /** Where the English history and blobs are: `repo` itself unless the options named another. */
  sourceRepo: Repo;
  /** The folder the site is in (its config's), relative to `repo`'s top: "" at the top, `site`
   * for a site the scan found in that subfolder. */
  site: string;
  /** Same order as result.pages: each page's findings of the rules (lint/), whose messages are
   * among its warnings. */
  findings: Finding[][];
  /** One page scanned again against this scan's history (see rescan.ts). */
  rescan?: RescanPage;
}

const SHALLOW_WARNING =
  "this is a shallow clone: raw_commits outside it cannot be checked; fetch the full history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout)";

/**
 * Scans the repository. `start` is the scan's first step (see start.ts) when the caller has
 * already begun it.
 */
export async function scan(
  opts: ScanOptions,
  start: Promise<ScanStart> = startScan(opts),
): Promise<ScanOutput> {
  const staged = await scanInStages(opts, start);
  await staged.linesUpTo(staged.output.result.pages.length);
  return staged.output;
}

/** A scan whose last answers, the line counts of changed pages, are still coming from git. */
export interface StagedScan {
  /** The whole scan, but the line counts that `linesUpTo` has not filled in yet are null. */
  output: ScanOutput;
  /**
   * Fills in the line counts of result.pages[0..end) once git has counted them, so a report can
   * be written a stretch at a time meanwhile. Calls take turns; the one that reaches the last
   * page also waits for git to finish and settles any failure of the counting.
   */
  linesUpTo: (end: number) => Promise<void>;
  /** What else than the inputs the answer follows from, to be checked before a report kept
   * from it is used again; null when that cannot be checked cheaply (see scan/inputs-key.ts). */
  alsoFrom: Array<[string, RawState]> | null;
  /** The time the answer holds until, as far as the clock goes (see scan/inputs-key.ts). */
  holdsUntil: number;
  /** The translations' files as the scan found them. */
  listing: PageListing;
  /** With a cache: for each page read from the history, the English paths whose history that
   * was (see ReportInput.follows). */
  follows: ReadonlyMap<PageReport, readonly string[]> | null;
}

/** The scan in two stages; see StagedScan. */
export async function scanInStages(
  opts: ScanOptions,
  start: Promise<ScanStart> = startScan(opts),
): Promise<StagedScan> {
  // git is already reading the history (the longest job, which needs nothing from the pages),
  // unless the cache holds it.
  // Every English fact (HEAD, its tree, raw_commits, history, blobs) comes from `sourceRepo`;
  // only the translations come from `repo`, as files in its work tree.
  const begun = await start;
  const { repo, sourceRepo, head, folders, headHistory, englishList, ignoreRevs, cache, now } =
    begun;
  // HEAD's commits in git's order, when the start listed them (see start.ts).
  const headOrder = begun.order;
  const twoRepos = sourceRepo !== repo;
  const progress = opts.onProgress ?? (() => {});
  const listing = await listTranslations(
    folders.langs,
    folders.excluded,
    folders.isPage,
    cache ? { now } : null,
  );
  // With two repositories the translations' commits are not the English history's: no page
  // can be estimated from them. Otherwise, where the pages without metadata are sure to need a
  // log of their folders, git starts on it before or while the pages are read rather than once
  // every page is.
  const estimatesLog = twoRepos
    ? null
    : estimatesLogWatch(repo, head.hash, listing, now, cache, headOrder);
  const reads = cache ? pageReadsOf(cache, repo, now) : null;
  const translations = await readTranslations(
    listing,
    (done, total) => progress({ phase: "pages", done, total }),
    now,
    reads?.memo ?? null,
    estimatesLog ? (pages) => estimatesLog.read(pages) : undefined,
  );
  reads?.keep();
  // Pages without metadata need one more history log, of their folders, for their estimates;
  // it runs beside the English one, and not at all when every page has metadata.
  const untracked = pagesWithoutMetadata(translations.pages);
  const estimating = untracked.length > 0 && !twoRepos;
  const estimatesName = cache && estimating ? estimatesFile(cache.identity) : null;
  const knownEstimates =
    cache && estimatesName
      ? readEstimates(cache.store, estimatesName, head.hash, ignoreRevs, untracked.map(pagePath))
      : null;
  // A log started before or while the pages were read serves them: it reads every folder that
  // holds a page, so every page without metadata is below it.
  const translationHistory =
    estimating && !knownEstimates
      ? (estimatesLog?.history() ??
        settleLater(
          loadTranslationHistory(repo, head.hash, untracked, undefined, cache, headOrder),
        ))
      : null;
  // git checks the raw_commits while the English pages are matched with the translations.
  const resolving = settleLater(
    resolveRawCommits(sourceRepo, sourceRepo.shallow, translations.pages),
  );
  const englishEntries = await englishList();
  // The English side is read from HEAD, never from the disk, which a sparse checkout may leave
  // without it; so HEAD, not the disk, says whether the source folder exists.
  if (englishEntries.length === 0) {
    // On a Hugo site whose languages have no folders of their own, --source alone cannot help.
    const hugo =
      folders.layout.kind === "content" && !twoRepos
        ? hugoLanguagesHint(
            path.join(repo.workTree, siteRoot(folders.layout)),
            folders.content,
            folders.source,
          )
        : null;
    throw new AppError(
      2,
      `no such source language folder in ${twoRepos ? "the source repository's " : ""}HEAD: ${folders.sourceFolders.join(", ")} (${hugo ?? "set it with --source"})`,
    );
  }
  const english = englishPages(folders, englishEntries);
  matchSourceSpelling(translations.pages, english);
  // These need nothing from the history, which git is usually still reading.
  const missing = missingPages(english, translations.pages, folders);
  const rawOf = await resolving;
  const findings: Findings = new Map();
  const reports = pageReports(translations.pages, rawOf, findings);
  // Language and path never change from here on, so the report's order is known already.
  const inReportOrder = [...reports.keys()].sort((a, b) =>
    byLanguageAndPath(reports[a] as PageReport, reports[b] as PageReport),
  );

  progress({ phase: "history", done: 0, total: 1 });
  const okHashes = [
    ...new Set([...rawOf.values()].flatMap((r) => (r.kind === "ok" ? [r.hash] : []))),
  ];
  const headLog = await headHistory();
  // Only for raw_commits off HEAD's history (rare): which of them some other ref contains. git
  // looks while it reads those commits into the history, not after.
  const offHead = okHashes.some((h) => !headLog.table.index.has(h));
  const otherRefs = offHead ? settleLater(commitsOnOtherRefs(sourceRepo, head.hash)) : null;
  const history = await completeHistory(sourceRepo, headLog, okHashes);
  // A clone that can be deepened, or a page that could not be read (which may pass), makes an
  // answer no one should be given again.
  const alsoFrom =
    sourceRepo.shallow || translations.pages.some((t) => t.unread)
      ? null
      : storeDependentRaws(translations.pages, rawOf, (h) => {
          const at = history.table.index.get(h);
          return at !== undefined && history.fromHead[at] === 1;
        });
  const onOtherRefs = otherRefs ? await otherRefs : null;

  // git counts lines while the reports are built and the commits listed: the pairs of blobs go
  // to it in chunks as the pages' versions are found (see BlobLineCounter), in report order.
  const linesFile = cache ? lineCountsFile([...cache.identity, sourceRepo.diffAlgorithm]) : null;
  const knownLines = cache && linesFile ? readLineCounts(cache.store, linesFile) : new Map();
  const counter = new BlobLineCounter(
    sourceRepo,
    sourceRepo.objectDir,
    sourceRepo.diffAlgorithm,
    undefined,
    knownLines,
  );
  const follows = cache ? new Map<PageReport, readonly string[]>() : null;
  let built: Built;
  try {
    built = buildReports({
      pages: translations.pages,
      reports,
      rawOf,
      outsideBlobs: await blobsOutsideHistory(sourceRepo, translations.pages, rawOf, history),
      english,
      history,
      onSomeRef: (hash) => onOtherRefs?.has(hash) ?? false,
      shallow: sourceRepo.shallow,
      shallowRoots: sourceRepo.shallowRoots,
      order: inReportOrder,
      countLines: (pair) => counter.add(pair),
      findings,
      ...(follows ? { follows } : {}),
    });
    // The pages without metadata come last: git has been reading their estimates' log meanwhile.
    // A shallow clone is never cached, so a cached estimate never lies beyond a cut.
    const estimates = knownEstimates
      ? { commits: fromPaths(untracked, knownEstimates), beyondShallow: new Set<Translation>() }
      : translationHistory
        ? estimateCommits(
            history,
            await translationHistory,
            untracked,
            ignoreRevs,
            sourceRepo.shallowRoots,
          )
        : undefined;
    if (cache && estimatesName && translationHistory && estimates) {
      const byPath = new Map(untracked.map((t) => [pagePath(t), estimates.commits.get(t) ?? null]));
      cache.pending.push(() =>
        writeEstimates(cache.store, estimatesName, head.hash, ignoreRevs, byPath),
      );
    }
    built.addUntracked(estimates?.commits, estimates?.beyondShallow);
  } catch (err) {
    await counter.close();
    throw err;
  }
  progress({ phase: "history", done: 1, total: 1 });
  progress({ phase: "measure", done: 0, total: built.measure.length });
  // Sends the last pairs; the answers are read through linesUpTo.
  void counter.counts();
  // Neither the order nor any status depends on the commits, which are listed next.
  const order = reportOrder(reports, inReportOrder, notMovedTo(missing, reports));
  const sorted = order.map(([p]) => p);
  // Not through a closure over `built`: that would keep every detail, and the history they
  // point to, alive for as long as linesUpTo is, after a caller has dropped them.
  const builtDetails = built.details;
  const details: PageDetail[] = [];
  for (const [, i] of order) details.push(builtDetails[i] ?? emptyDetail());
  const languages = folders.languages;
  const headDate = await begun.headDate;
  const resultWith = (kindSummary: ScanResult["kinds"] | null): ScanResult => ({
    schemaVersion: 1,
    head: head.hash,
    headDate,
    shallow: sourceRepo.shallow,
    source: folders.source,
    content: folders.content,
    languages,
    pages: sorted,
    summary: summarize(languages, sorted),
    warnings: [
      ...(sourceRepo.shallow ? [SHALLOW_WARNING] : []),
      ...folders.skipped,
      ...translations.skipped,
    ],
    // Only with --kinds, so that reports without it are unchanged.
    ...(kindSummary ? { kinds: kindSummary } : {}),
    ...(folders.layout.kind === "content" ? {} : { layout: describeLayout(folders.layout) }),
    // Only with two repositories, so that a one-repository report is unchanged.
    ...(twoRepos ? { sourceRepo: sourceRepo.workTree } : {}),
  });
  if (!opts.kinds) opts.onStatuses?.(resultWith(null));
  await built.listCommits();
  // Only --kinds parses Markdown: its modules (a hundred files of micromark and mdast) are
  // loaded for it alone, not at every start.
  let kinds: typeof import("./kinds.js") | null = null;
  if (opts.kinds) {
    try {
      kinds = await import("./kinds.js");
      const { addChangeKinds, listedCommits, markCommitsWithTranslation } = kinds;
      const { addStructureWarnings } = await import("./structure.js");
      const read = gitBlobReader(sourceRepo);
      await addChangeKinds(sorted, details, read);
      // With two repositories a translation is never in an English commit.
      if (!twoRepos) {
        const files = await filesChangedBy(sourceRepo, listedCommits(sorted, details));
        markCommitsWithTranslation(sorted, details, files);
      }
      await addStructureWarnings(structureItems(order, translations.pages, details, folders), read);
    } catch (err) {
      await counter.close();
      throw err;
    }
  }
  return {
    output: {
      repo,
      sourceRepo,
      site: siteRoot(folders.layout),
      details,
      findings: sorted.map((p) => findings.get(p) ?? []),
      rescan: pageRescanner({
        repo,
        sourceRepo,
        head: head.hash,
        folders,
        history,
        english,
        ignoreRevs,
        kinds: opts.kinds === true,
      }),
      result: resultWith(kinds ? kindSummary(languages, sorted) : null),
    },
    alsoFrom,
    holdsUntil: holdsUntil(translations.pages, now),
    listing,
    follows,
    linesUpTo: lineFiller(sorted, built.measure, counter, () => {
      progress({ phase: "done", done: 1, total: 1 });
      // The scan is whole: what it learnt is kept for the next run.
      if (cache && linesFile) {
        const { store } = cache;
        cache.pending.push(() =>
          writeLineCounts(store, linesFile, counter.countsByPair(), knownLines),
        );
      }
      flushScanCache(cache);
    }),
  };
}

/**
 * The pages' readings kept in `repo` by this build of the tool (whose code decides what a page
 * reads as), and `keep`, which leaves this run's to be written once the scan is done when they
 * differ from the file's; null when the build cannot be named.
 */
function pageReadsOf(
  cache: ScanCache,
  repo: Repo,
  now: number,
): { memo: PageMemo; keep: () => void } | null {
  const code = codeId();
  if (code === null) return null;
  const name = pageReadsFile([repo.gitDir, repo.workTree, code]);
  const memo: PageMemo = { known: readPageReads(cache.store, name, now), used: new Map() };
  const keep = () => {
    const { known, used } = memo;
    let same = used.size === known.size;
    for (const [path, read] of used) {
      if (!same) break;
      const before = known.get(path);
      same = before?.signature === read.signature && before.lang === read.lang;
    }
    if (!same) cache.pending.push(() => writePageReads(cache.store, name, now, used));
  };
  return { memo, keep };
}

/** Estimates by page from estimates by path (see cache/estimates-file.ts). */
function fromPaths(pages: readonly Translation[], byPath: PageEstimates): Map<Translation, string> {
  const out = new Map<Translation, string>();
  for (const t of pages) {
    const e = byPath.get(pagePath(t));
    if (e) out.set(t, e);
  }
  return out;
}

/** The up-to-date translations, with their English blob at HEAD and their file. */
function structureItems(
  order: readonly Placed[],
  pages: readonly Translation[],
  details: readonly PageDetail[],
  folders: ScanFolders,
): StructureItem[] {
  const abs = new Map(folders.langs.map((f) => [f.rel, f.abs]));
  const out: StructureItem[] = [];
  order.forEach(([report, i], k) => {
    const t = pages[i];
    const englishBlob = details[k]?.toBlob;
    const folder = t ? abs.get(t.base) : null;
    if (report.status !== "up-to-date" || !t || !englishBlob || !folder) return;
    out.push({ report, englishBlob, translationFile: `${folder}/${t.rel}` });
  });
  return out;
}

/**
 * Every page of the report in order (by language, then path), each with its index in
 * [...reports, ...missing], which the details follow. The translations' order is known
 * already; the missing pages come in order too unless a folder list said otherwise, so the
 * two are merged rather than sorted again.
 */
function reportOrder(
  reports: readonly PageReport[],
  inOrder: readonly number[],
  missing: readonly PageReport[],
): Placed[] {
  const rest: Placed[] = missing.map((p, i) => [p, reports.length + i]);
  const byPage = (a: Placed, b: Placed) => byLanguageAndPath(a[0], b[0]);
  if (rest.some((m, i) => i > 0 && byPage(rest[i - 1] as Placed, m) > 0)) rest.sort(byPage);
  const out: Placed[] = [];
  let m = 0;
  for (const i of inOrder) {
    const placed: Placed = [reports[i] as PageReport, i];
    // A missing page goes first only when it sorts strictly before: on a tie (which two real
    // pages cannot make) the translation comes first, as a stable sort would put it.
    while (m < rest.length && byPage(rest[m] as Placed, placed) < 0) out.push(rest[m++] as Placed);
    out.push(placed);
  }
  return out.concat(rest.slice(m));
}

/** A page of the report, with its index in [...reports, ...missing]. */
type Placed = readonly [PageReport, number];

/**
 * StagedScan.linesUpTo for `pages` (in report order). Pages asked for their counts in report
 * order have increasing answer numbers, so each stretch waits only for the git processes that
 * count it.
 */
function lineFiller(
  pages: readonly PageReport[],
  measure: Built["measure"],
  counter: BlobLineCounter,
  onDone: () => void,
): (end: number) => Promise<void> {
  const answerOf = new Map<PageReport, number>();
  for (const m of measure) answerOf.set(m.report, m.count);
  // For each position, the highest answer number any page up to it needs, plus one.
  const needed = new Int32Array(pages.length);
  let most = 0;
  pages.forEach((p, i) => {
    most = Math.max(most, (answerOf.get(p) ?? -1) + 1);
    needed[i] = most;
  });
  let filled = 0;
  let finished = false;
  let turn: Promise<void> = Promise.resolve();
  const fill = async (end: number) => {
    const upTo = Math.min(end, pages.length);
    if (upTo > filled) {
      const counts = await counter.counted(needed[upTo - 1] ?? 0);
      for (let i = filled; i < upTo; i++) {
        const page = pages[i] as PageReport;
        const answer = answerOf.get(page);
        if (answer !== undefined) setLines(page, counts[answer] ?? null);
      }
      filled = upTo;
    }
    if (!finished && filled === pages.length && end >= pages.length) {
      finished = true;
      await counter.counts();
      onDone();
    }
  };
  return (end) => {
    turn = turn.then(() => fill(end));
    return turn;
  };
}
