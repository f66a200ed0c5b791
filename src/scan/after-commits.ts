// A kept JSON report brought up to a HEAD that has moved on by a few commits, without scanning
// again: the common case of a translator or a CI job after `git pull`, or of a pull request's
// merge commit, when the new commits only edited English pages. The report's other pages stay
// as they were written, byte for byte; the pages whose English source the new commits edited
// are judged again with the scan's own code. Along one line of commits that needs no history:
// judgePage, listOnReport, setLines (and for a page without metadata judgeEstimate and
// foldEstimate on its estimate) on what the kept report knew of the page and what the new
// commits changed. Past merges and branches, buildReports judges those pages on HEAD's whole
// history, which the cache holds up to an earlier HEAD. Anything else the new commits did (a
// page added, deleted or renamed, a change to a translation or to a path some other page was
// read from) leaves the scan to a full run.
//
// Why this gives the scan's own answer, when it applies:
// - The translations are the same files with the same history: the index names the same bytes
//   below their folders (and git vouches for the work tree), the folders and untracked pages
//   have the same signatures (checked as for any kept report), and no new commit touched a
//   translation folder (a page without metadata is estimated from its file's history).
// - The English side gained only in-place edits (git's status M in every new commit's diff
//   against its first parent, a merge's included; no rename), so HEAD holds the same English
//   paths; only the edited ones have a new blob.
// - The kept HEAD is on HEAD's first-parent chain, and each page's raw_commit is in its history
//   (a report is never kept otherwise). At a merge, git's walk for a path follows the first
//   parent alone when it holds the path as the merge does. So for a path that no new commit
//   changed (neither a merge against its first parent nor any commit on a merged branch, all of
//   which are new commits), the walk from HEAD reaches the kept HEAD as a walk from there
//   starts, and the page has the same commits, versions and status as before. Along one line,
//   raw..HEAD is raw..(kept HEAD) plus the new commits, which come first in git's order.
// - One repository holds both (cli/kept-report.ts keeps no facts otherwise).
// - Nothing else in the repository is read: the options, the config file and the ignore-revs
//   file are in the inputs' key (`base`), so a commit elsewhere (a README, a layout) that
//   changes them changes that key, and one that does not changes no answer.
// - What a page's report was read from is kept beside it (cache/report-file.ts ReportFacts):
//   a page read from more than one path's history (a renamed page) is never patched, and if
//   the new commits touch a path such a page was read from, nothing is. A page not judged
//   from the history at all (no usable raw_commit and no estimate, a missing page) reads only
//   which English paths exist, which edits in place leave as they were.
import {
  factsLines,
  type KeptEdit,
  type PageEdit,
  type ReportFacts,
} from "../cache/report-file.js";
import { reorderedSince } from "../core/graph.js";
import { PathIndexBuilder } from "../core/pathindex.js";
import type { RawState } from "../core/status.js";
import type { CommitInfo, PageReport, ScanResult } from "../core/types.js";
import { BlobLineCounter } from "../git/blob-diff.js";
import { type CommitTable, LogRecorder, readLogCapture } from "../git/history.js";
import { isFullHash } from "../git/revision.js";
import {
  fieldsAround,
  listedHash,
  type PageSpans,
  pageAt,
  pagesHolding,
  pageText,
  withPagesReplaced,
} from "../report/json.js";
import { englishPages, type LangFolder, translationFolderOf } from "./folders.js";
import { completeHistory, type HistoryModel } from "./history-model.js";
import {
  buildReports,
  commitInfo,
  foldEstimate,
  judgeEstimate,
  judgePage,
  LIST_CUT,
  listOnReport,
  newestFirst,
  type PageDetail,
  pageReports,
  type SourceFacts,
  setLines,
  trialReport,
} from "./reports.js";
import type { ScanStart } from "./start.js";
import { readTranslation, type Translation } from "./translations.js";

/** Past this many new commits a full scan is as quick, and git's log of them is long. */
const MAX_NEW_COMMITS = 1000;

/** What the new commits did below the English folders (see englishEdits). */
export type EnglishEdits = NonNullable<Awaited<ReturnType<typeof englishEdits>>>;

/**
 * The report of `start`'s HEAD made from `kept` (the report of `facts.head`) and `edits` (what
 * the commits since did, from englishEdits), or null when they did more than edit English pages
 * that only their own pages were read from (then the scan runs). `pagesRead` is told once every
 * translation it reads is read.
 */
export async function reportAfterCommits(
  start: ScanStart,
  facts: ReportFacts,
  kept: Buffer,
  edits: EnglishEdits | null,
  pagesRead: () => void = () => {},
): Promise<{ report: Buffer[]; spans: PageSpans } | null> {
  const { sourceRepo, head } = start;
  if (!edits) return null;
  const redo: Array<[string, KeptEdit]> = [];
  // A path no page was read from (an image, a page no one translates) changes no report.
  for (const path of edits.paths) {
    const pages = facts.blocks(path) ? null : facts.editsOf(path);
    if (!pages) return null;
    for (const edit of pages) redo.push([path, edit]);
  }
  const { spans } = facts;
  const document = spans && holdsPages(kept, spans, redo) ? fieldsAround(kept, spans) : null;
  if (!spans || !document) return null;
  const items: Redo[] = [];
  const seen = new Set<number>();
  for (const [path, { estimated, edit }] of redo) {
    const item = redoOf(kept, spans, path, estimated, edit);
    if (!item || seen.has(item.at)) return null;
    seen.add(item.at);
    items.push(item);
  }
  const counter = new BlobLineCounter(sourceRepo, sourceRepo.objectDir, sourceRepo.diffAlgorithm);
  let pages: Map<number, Judged> | null;
  try {
    const sinks: JudgeSinks = {
      findings: new Map(),
      countLines: counter.add.bind(counter),
      measure: [],
    };
    pages = edits.linear
      ? judgedAlongLine(start, edits, items, sinks)
      : await judgedOnHistory(start, items, sinks, { facts, kept, spans });
    if (!pages) return null;
    pagesRead();
    const counts = await counter.counts();
    for (const m of sinks.measure) setLines(m.report, counts[m.count] ?? null);
  } finally {
    await counter.close();
  }
  const summary = document.summary;
  for (const { before, after } of pages.values()) {
    const row = summary[before.lang];
    if (!row) return null;
    row[before.status] -= 1;
    row[after.status] += 1;
  }
  const result: ScanResult = {
    ...document.top,
    head: head.hash,
    pages: [],
    summary,
    ...document.rest,
    headDate: await start.headDate,
  };
  const after = new Map([...pages].map(([at, { after }]) => [at, pageText(after)]));
  return withPagesReplaced(result, kept, spans, after);
}

/** A page of the kept report to judge again: where it is, the English path the new commits
 * edited, what the facts say of it and what the report said. */
interface Redo {
  at: number;
  path: string;
  estimated: boolean;
  edit: PageEdit;
  before: PageReport;
}

/** The page of the kept report that `edit` names, to judge again; null when it is not there. */
function redoOf(
  kept: Buffer,
  spans: PageSpans,
  path: string,
  estimated: boolean,
  edit: PageEdit,
): Redo | null {
  const at = edit[0];
  if (at >= spans.starts.length) return null;
  const before = keptPageAt(kept, spans, at);
  return before ? { at, path, estimated, edit, before } : null;
}

/** A page of the kept report as it was and as it is judged now. */
interface Judged {
  before: PageReport;
  after: PageReport;
}

/** Where judging asks for line counts and files findings (see judgePage). */
type JudgeSinks = Parameters<typeof judgePage>[3];

/**
 * The pages judged again after new commits along one line: from what the kept report knew of
 * each (its commits, its raw_commit's version) and what the new commits changed, without the
 * history; by page number, null when one cannot be.
 */
function judgedAlongLine(
  start: ScanStart,
  edits: EnglishEdits,
  items: readonly Redo[],
  sinks: JudgeSinks,
): Map<number, Judged> | null {
  const { folders, now } = start;
  const pages = new Map<number, Judged>();
  const infos: CommitInfo[] = [];
  for (const { at, path, estimated, edit, before } of items) {
    const [, hash, date, atRaw] = edit;
    const atHead = edits.blobs.get(path) as string;
    const source: SourceFacts = {
      rawHash: hash,
      ...(date === null ? {} : { rawDate: date }),
      isAncestor: true,
      cut: false,
      onSomeRef: false,
      atHead,
      atRaw,
      earlier: null,
      movedTo: null,
      movedToBlob: null,
      movedToTranslation: null,
    };
    const fresh = (edits.commitsOf.get(path) as number[]).map((c) =>
      commitInfo(edits.table, c, infos),
    );
    const page = { before, langs: folders.langs, sourcePath: path, now };
    if (!estimated) {
      const again = readAgain(page, { kind: "ok", hash });
      if (!again || typeof before.commitsBehind !== "number" || !Array.isArray(before.commits)) {
        return null;
      }
      judgePage(again.t, again.report, source, sinks);
      listOnReport(again.report, before.commitsBehind + fresh.length, [
        ...fresh,
        ...before.commits,
      ]);
      pages.set(at, { before, after: again.report });
    } else {
      // A page without metadata, measured on a trial report from its estimate, as in the scan.
      const behind = before.estimate?.commitsBehind;
      const again = readAgain(page, { kind: "none" });
      if (!again || typeof behind !== "number") return null;
      const { t, report } = again;
      const trial = trialReport(report);
      const detail = judgePage(t, trial, source, sinks, report);
      const estimate = judgeEstimate(report, trial, detail, atHead, hash);
      if (!estimate) return null;
      // Only the count reaches the report; the trial's list (the dashboard's) is not made.
      listOnReport(estimate.trial, behind + fresh.length, fresh);
      foldEstimate(estimate);
      pages.set(at, { before, after: report });
    }
  }
  return pages;
}

/**
 * The pages judged again after new commits that are not one line (merges, branches): by the
 * scan's own code (buildReports) on HEAD's whole history, which the cache holds up to some
 * earlier HEAD; by page number, null when one cannot be. Every raw_commit and estimate of a
 * kept page is in the kept HEAD's history, which HEAD's holds.
 *
 * A merge can also change the order of older commits, which a page lists in topological order
 * (a side branch that starts below other merges is walked first): the pages that list a
 * commit whose place changed have their lists put in the new order, and those whose list was
 * cut (its newest may now be others) are judged again, unless there are too many.
 */
async function judgedOnHistory(
  start: ScanStart,
  items: readonly Redo[],
  sinks: JudgeSinks,
  kept: { facts: ReportFacts; kept: Buffer; spans: PageSpans },
): Promise<Map<number, Judged> | null> {
  const { sourceRepo, folders, now } = start;
  const [headLog, entries] = await Promise.all([start.headHistory(), start.englishList()]);
  const keptHead = headLog.table.index.get(kept.facts.head);
  const inHistory = (redo: readonly Redo[]) =>
    redo.every(({ edit }) => headLog.table.index.has(edit[1]));
  if (keptHead === undefined || !inHistory(items)) return null;
  // Nothing to add to HEAD's history: only the graph is made.
  const history = await completeHistory(sourceRepo, headLog, []);
  const all = [...items];
  const judged = new Set(items.map((i) => i.at));
  const out = new Map<number, Judged>();
  const moved = reorderedSince(history.graph, keptHead);
  if (moved.length > MAX_REORDERED) return null;
  if (moved.length > 0) {
    const hashes = moved.map((c) => listedHash(headLog.table.hashes[c] as string));
    const { kept: text, spans } = kept;
    for (const at of pagesHolding(text, spans, [...hashes, LIST_CUT])) {
      if (judged.has(at)) continue;
      const before = keptPageAt(text, spans, at);
      if (!before) return null;
      const resorted = inTopologicalOrder(before, history);
      if (resorted) {
        out.set(at, { before, after: resorted });
        continue;
      }
      // A cut list may now hold other commits than the newest it kept: the page is judged again.
      const item = keptRedo(kept.facts, before, at);
      if (!item) return null;
      all.push(item);
    }
  }
  if (all.length === 0) return out;
  if (!inHistory(all)) return null;
  const pages: Translation[] = [];
  const reports: PageReport[] = [];
  const rawOf = new Map<Translation, RawState>();
  const estimates = new Map<Translation, string>();
  for (const { path, estimated, edit, before } of all) {
    const raw: RawState = estimated ? { kind: "none" } : { kind: "ok", hash: edit[1] };
    const again = readAgain({ before, langs: folders.langs, sourcePath: path, now }, raw);
    if (!again) return null;
    pages.push(again.t);
    reports.push(again.report);
    rawOf.set(again.t, raw);
    if (estimated) estimates.set(again.t, edit[1]);
  }
  const built = buildReports({
    pages,
    reports,
    rawOf,
    outsideBlobs: new Map(),
    english: englishPages(folders, entries),
    history,
    onSomeRef: () => false,
    shallow: sourceRepo.shallow,
    shallowRoots: sourceRepo.shallowRoots,
    countLines: sinks.countLines,
    findings: sinks.findings,
  });
  built.addUntracked(estimates);
  await built.listCommits();
  sinks.measure.push(...built.measure);
  all.forEach(({ at, before }, k) => {
    out.set(at, { before, after: reports[k] as PageReport });
  });
  return out;
}

/**
 * A page no new commit changed, with its commits in this history's topological order (the
 * scan's, newest first), when its list is whole: the same commits, since git's walk for its
 * paths reaches the kept HEAD as before. Null when its list was cut (the newest may be others
 * now) or names a commit the history does not have.
 */
function inTopologicalOrder(page: PageReport, history: HistoryModel): PageReport | null {
  const { commits, commitsBehind } = page;
  if (!Array.isArray(commits) || commits.length !== commitsBehind) return null;
  const numbers = new Map<number, CommitInfo>();
  for (const c of commits) {
    const at = history.table.index.get(c.hash);
    if (at === undefined) return null;
    numbers.set(at, c);
  }
  if (numbers.size !== commits.length) return null;
  const order = [...numbers.keys()].sort(newestFirst(history.graph));
  return { ...page, commits: order.map((c) => numbers.get(c) as CommitInfo) };
}

/** Past this many older commits reordered by the new ones, a full scan is as quick. */
const MAX_REORDERED = 200;

/** `page`, page `at` of the kept report as read, to judge again from what the facts say of it;
 * null when they say nothing (a page read from several paths, or from none). */
function keptRedo(facts: ReportFacts, page: PageReport, at: number): Redo | null {
  const path = page.sourcePath;
  if (typeof path !== "string" || facts.blocks(path)) return null;
  const found = facts.editsOf(path)?.find(({ edit }) => edit[0] === at);
  return found ? { at, path, estimated: found.estimated, edit: found.edit, before: page } : null;
}

/**
 * What the commits from `keptHead` to HEAD did below the English folders, when it was only
 * edits in place (git's status M, in every commit's diff against its first parent, a merge's
 * too) that left the translation folders alone, and the kept HEAD is on HEAD's first-parent
 * chain: the paths edited, and whether the commits form one line from the kept HEAD (`linear`);
 * null otherwise. A commit that touched a translation folder is not this case even when the
 * folder's files end as they were (a change and its revert, or a change staged before the
 * report was kept): a page without metadata is estimated from its file's own history.
 * Along one line, also each edited path's blob at HEAD and the new commits that edited it
 * (newest first, as numbers of `table`).
 */
export async function englishEdits(start: ScanStart, keptHead: string) {
  const { sourceRepo, head, folders } = start;
  if (!isFullHash(keptHead) || keptHead === head.hash) return null;
  const sink = new PathIndexBuilder();
  let read: Awaited<ReturnType<typeof readLogCapture>>;
  try {
    read = await readLogCapture(
      sourceRepo,
      head.hash,
      keptHead,
      [...folders.sourceFolders, ...folders.langs.map((f) => f.rel)],
      new LogRecorder(sink),
    );
  } catch {
    // The kept HEAD is gone (a garbage collection after a rewrite): not this report's case.
    return null;
  }
  const { table, log } = read;
  const n = table.hashes.length;
  if (n === 0 || n > MAX_NEW_COMMITS || table.hashes[0] !== head.hash) return null;
  if (!log.headers.every(editsInPlace)) return null;
  if (!onFirstParentChain(log.parents, table, keptHead)) return null;
  // One line: each commit's only parent is the next one, the last one's the kept HEAD.
  let linear = true;
  for (let c = 0; c < n && linear; c++) {
    linear = log.parents[c] === (c + 1 < n ? table.hashes[c + 1] : keptHead);
  }
  const index = sink.finish();
  const paths = [...new Set([...index.paths(), ...index.mergeTouches.keys()])];
  if (paths.some((path) => translationFolderOf(folders.langs, path) !== null)) return null;
  const blobs = new Map<string, string>();
  const commitsOf = new Map<string, number[]>();
  if (linear) {
    for (const path of paths) {
      const touches = index.touchesOf(path);
      // Touches come in commit order, which is git's: the newest first.
      blobs.set(path, index.newBlob(touches[0] as number));
      commitsOf.set(
        path,
        [...touches].map((t) => index.commitOf(t)),
      );
    }
  }
  return { table, paths, linear, blobs, commitsOf };
}

/** Whether a raw-diff header ":<modes> <blobs> <status>" is an edit in place (status M). */
const editsInPlace = (header: string) => header.charCodeAt(header.lastIndexOf(" ") + 1) === 77;

/**
 * Whether the first parents from HEAD (the table's first commit) lead to `keptHead` through the
 * new commits alone. Then git's walk from HEAD reaches the kept HEAD as a walk from it starts:
 * a path no new commit changed is judged as it was.
 */
function onFirstParentChain(
  parents: readonly string[],
  table: CommitTable,
  keptHead: string,
): boolean {
  let c = 0;
  // A chain of first parents visits each commit once at most: as many steps as commits.
  for (let steps = 0; steps < table.hashes.length; steps++) {
    const first = (parents[c] as string).split(" ")[0] as string;
    if (first === keptHead) return true;
    const next = table.index.get(first);
    if (next === undefined) return false;
    c = next;
  }
  return false;
}

/**
 * The page `before` reported, read again from its file, with its report before any judging:
 * null when it is not where the report said, or does not read as it did (the caller then
 * leaves the report to the scan).
 */
function readAgain(
  page: { before: PageReport; langs: readonly LangFolder[]; sourcePath: string; now: number },
  raw: RawState,
): { t: Translation; report: PageReport } | null {
  const { before, langs, sourcePath, now } = page;
  const folder = translationFolderOf(langs, before.path);
  if (!folder?.abs || before.sourcePath !== sourcePath || before.lang !== folder.lang) return null;
  const t = readTranslation(folder, before.path.slice(folder.rel.length + 1), now);
  if (t.unread || !sourcePath.startsWith(`${t.source}/`)) return null;
  // As the scan matched it with HEAD's English pages, which the edits left as they were.
  t.sourceRel = sourcePath.slice(t.source.length + 1);
  const rawOf = new Map([[t, raw]]);
  const [report] = pageReports([t], rawOf, new Map());
  // The file is the one the report was made from (git's index says so); a page that reads
  // otherwise changed where git could not see it, and is left to the scan.
  const same =
    report?.path === before.path &&
    report.rawCommit === before.rawCommit &&
    report.rawTitle === before.rawTitle &&
    report.lastTranslationTime === before.lastTranslationTime &&
    report.metaLine === before.metaLine;
  return report && same ? { t, report } : null;
}

/** Page `at` of the kept report, from its text; null when it is not an object. */
function keptPageAt(text: Buffer, spans: PageSpans, at: number): PageReport | null {
  try {
    const page: unknown = JSON.parse(text.toString("utf8", spans.starts[at], spans.ends[at]));
    return typeof page === "object" && page !== null ? (page as PageReport) : null;
  } catch {
    return null;
  }
}

/** Whether the kept report's text has a page where `spans` says, for the first and last pages
 * and those to be judged again: the facts are of this text. */
function holdsPages(
  kept: Buffer,
  spans: PageSpans,
  redo: ReadonlyArray<[string, KeptEdit]>,
): boolean {
  const n = spans.starts.length;
  const at = (i: number) => pageAt(kept, spans, i);
  return n > 0 && at(0) && at(n - 1) && redo.every(([, { edit }]) => at(edit[0]));
}

/**
 * The facts a kept report needs for reportAfterCommits, from the scan that made it (`pages` and
 * `details` in the report's order): the pages judged on one English path's history alone, and
 * the paths every other page's report was read from.
 */
export function factsOfScan(
  pages: readonly PageReport[],
  details: readonly PageDetail[],
  follows: ReadonlyMap<PageReport, readonly string[]>,
): { pages: number; lines: Buffer } {
  const edits: Array<{ path: string } & KeptEdit> = [];
  const blocked = new Set<string>();
  pages.forEach((report, i) => {
    const paths = follows.get(report);
    // Judged without the history (no usable raw_commit and no estimate, or a missing page):
    // an edit in place leaves every English path where it was, so such a report stays.
    if (!paths) return;
    const d = details[i];
    const { estimate } = report;
    const onePath =
      paths.length === 1 && paths[0] === report.sourcePath && report.movedFrom === null;
    const ownCommit =
      estimate === undefined &&
      report.commitsBehind !== null &&
      (report.status === "outdated" || report.status === "up-to-date");
    const estimated =
      estimate !== undefined && estimate.commitsBehind !== null && report.status === "untracked";
    if (onePath && (ownCommit || estimated) && d?.rawHash && d.fromBlob !== null && d.toBlob) {
      const edit: PageEdit = [i, d.rawHash, d.rawDate ?? null, d.fromBlob];
      edits.push({ path: report.sourcePath, estimated, edit });
    } else {
      for (const p of paths) blocked.add(p);
    }
  });
  return { pages: pages.length, lines: factsLines(edits, blocked) };
}
