// A kept JSON report brought up to a HEAD that has moved on by a few commits, without scanning
// again: the common case of a translator or a CI job after `git pull`, when the new commits only
// edited English pages. The report's other pages stay as they were written, byte for byte; the
// pages whose English source the new commits edited are judged again, with the same code as in
// the scan (judgePage, listOnReport, setLines, and for a page without metadata judgeEstimate
// and foldEstimate on its estimate), on what the kept report knew of them and what the new
// commits changed. Anything else the new commits did (a page added, deleted or renamed,
// a merge, a change to a path some other page was read from) leaves the scan to a full run.
//
// Why this gives the scan's own answer, when it applies:
// - The translations are the same files with the same history: the index names the same bytes
//   below their folders (and git vouches for the work tree), the folders and untracked pages
//   have the same signatures (checked as for any kept report), and no new commit touched a
//   translation folder (a page without metadata is estimated from its file's history).
// - The English side gained only in-place edits (git's status M, no merge, no rename), so HEAD
//   holds the same English paths; only the edited ones have a new blob.
// - The new commits form one line from the kept HEAD. Each page's raw_commit is in the kept
//   HEAD's history (a report is never kept otherwise), so raw..HEAD is raw..(kept HEAD) plus
//   the new commits, which come first in git's order; a page whose paths they do not touch has
//   the same commits, versions and status as before.
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
import { PathIndexBuilder } from "../core/pathindex.js";
import type { RawState } from "../core/status.js";
import type { CommitInfo, PageReport, ScanResult } from "../core/types.js";
import { BlobLineCounter } from "../git/blob-diff.js";
import { LogRecorder, readLogCapture } from "../git/history.js";
import { isFullHash } from "../git/revision.js";
import {
  fieldsAround,
  type PageSpans,
  pageAt,
  pageText,
  withPagesReplaced,
} from "../report/json.js";
import { type LangFolder, translationFolderOf } from "./folders.js";
import {
  commitInfo,
  type Estimated,
  type Findings,
  foldEstimate,
  judgeEstimate,
  judgePage,
  listOnReport,
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
  const { sourceRepo, head, folders, now } = start;
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
  const counter = new BlobLineCounter(sourceRepo, sourceRepo.objectDir, sourceRepo.diffAlgorithm);
  const pages = new Map<number, { before: PageReport; after: PageReport }>();
  try {
    const measure: Array<{ report: PageReport; count: number }> = [];
    const sinks = {
      findings: new Map() as Findings,
      countLines: counter.add.bind(counter),
      measure,
    };
    const infos: CommitInfo[] = [];
    for (const [path, { estimated, edit }] of redo) {
      const [at, hash, date, atRaw] = edit;
      if (at >= spans.starts.length || pages.has(at)) return null;
      const before = keptPage(kept.toString("utf8", spans.starts[at], spans.ends[at]));
      if (!before) return null;
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
      let after: PageReport | null;
      if (!estimated) {
        after = judgedAgain(page, { kind: "ok", hash }, (t, report) => {
          judgePage(t, report, source, sinks);
        });
        if (!after || typeof before.commitsBehind !== "number" || !Array.isArray(before.commits)) {
          return null;
        }
        listOnReport(after, before.commitsBehind + fresh.length, [...fresh, ...before.commits]);
      } else {
        // A page without metadata, measured on a trial report from its estimate, as in the scan.
        const behind = before.estimate?.commitsBehind;
        const judged: { estimate?: Estimated | null } = {};
        after = judgedAgain(page, { kind: "none" }, (t, report) => {
          const trial = trialReport(report);
          const detail = judgePage(t, trial, source, sinks, report);
          judged.estimate = judgeEstimate(report, trial, detail, atHead, hash);
        });
        const { estimate } = judged;
        if (!after || !estimate || typeof behind !== "number") return null;
        // Only the count reaches the report; the trial's list (the dashboard's) is not made.
        listOnReport(estimate.trial, behind + fresh.length, fresh);
        foldEstimate(estimate);
      }
      pages.set(at, { before, after });
    }
    pagesRead();
    const counts = await counter.counts();
    for (const m of measure) setLines(m.report, counts[m.count] ?? null);
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

/**
 * What the commits from `keptHead` to HEAD did below the English folders, when it was only
 * edits in place along one line of commits that left the translation folders alone: the paths
 * edited, each one's blob at HEAD and the new commits that edited it (newest first, as numbers
 * of `table`); null otherwise. A commit that touched a translation folder is not this case even
 * when the folder's files end as they were (a change and its revert, or a change staged before
 * the report was kept): a page without metadata is estimated from its file's own history.
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
  // One line: each commit's only parent is the next one, the last one's the kept HEAD.
  for (let c = 0; c < n; c++) {
    if (log.parents[c] !== (c + 1 < n ? table.hashes[c + 1] : keptHead)) return null;
  }
  const index = sink.finish();
  if (index.merges.length > 0 || index.renames.length > 0) return null;
  const blobs = new Map<string, string>();
  const commitsOf = new Map<string, number[]>();
  for (const path of index.paths()) {
    if (translationFolderOf(folders.langs, path) !== null) return null;
    const touches = index.touchesOf(path);
    const commits: number[] = [];
    for (const t of touches) {
      if (!index.modified(t)) return null;
      commits.push(index.commitOf(t));
    }
    // Touches come in commit order, which is git's: the newest first.
    blobs.set(path, index.newBlob(touches[0] as number));
    commitsOf.set(path, commits);
  }
  return { table, paths: [...blobs.keys()], blobs, commitsOf };
}

/**
 * The page `before` reported, judged again by `judge` from its file: null when it is not where
 * the report said (the caller then leaves the report to the scan).
 */
function judgedAgain(
  page: { before: PageReport; langs: readonly LangFolder[]; sourcePath: string; now: number },
  raw: RawState,
  judge: (t: Translation, report: PageReport) => void,
): PageReport | null {
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
  if (!report || !same) return null;
  judge(t, report);
  return report;
}

/** A page of the kept report, from its text; null when it is not an object. */
function keptPage(text: string): PageReport | null {
  try {
    const page: unknown = JSON.parse(text);
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
