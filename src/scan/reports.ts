// Turning the gathered facts into page reports. No I/O happens here: every git answer arrives
// as data, and the status rules themselves are the pure functions in core/.
import { recordsNoDate } from "../core/age.js";
import { blobAt } from "../core/blob-at.js";
import { driftFlagProblem } from "../core/drift-flag.js";
import { ancestorsOf, type Graph } from "../core/graph.js";
import { ownString } from "../core/own-string.js";
import { isZero, type Rename } from "../core/pathindex.js";
import { decideStatus, type RawState } from "../core/status.js";
import { type CommitInfo, ESTIMATE_BASIS, type PageMeta, type PageReport } from "../core/types.js";
import { boundaryMerges, commitsForPaths, type RangeContext } from "../core/walk.js";
import type { BlobPair, Numstat } from "../git/blob-diff.js";
import type { CommitTable } from "../git/history.js";
import {
  abbreviated,
  dateBeforeCommit,
  invalidCommit,
  MALFORMED,
  notAncestor,
  sourceMissingAtCommit,
} from "../lint/commit-rules.js";
import type { Finding } from "../lint/finding.js";
import { NON_ASCII } from "../meta/frontmatter.js";
import { shownName } from "../sanitize/terminal.js";
import type { ScanFolders } from "./folders.js";
import type { HistoryModel } from "./history-model.js";
import { NO_WARNINGS, pagePath, type Translation } from "./translations.js";

/** Commit lists longer than this are cut (newest kept) so reports stay readable and bounded. */
export const MAX_COMMITS_LISTED = 500;
/** How the warning of a cut list starts. */
export const LIST_CUT = "commit list cut to the newest";
const FETCH_ALL =
  "fetch the full history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout)";
const SHALLOW_CUT = `the history between raw_commit and HEAD is cut off in this shallow clone; commits behind are not counted: ${FETCH_ALL}`;
/** The warning of a page whose estimate is unknown in a shallow clone (PageDetail.estimateUnknown):
 * said to people, never read back. */
export const SHALLOW_ESTIMATE = `no estimate: the translation's history is cut off in this shallow clone, so the commit it follows is unknown; ${FETCH_ALL}`;

/** The source's blob before and after a commit. */
export interface BlobChange {
  before: string | null;
  after: string | null;
}

/** For each listed commit (by hash), the source's blob before and after it. A Map is one. */
export interface CommitBlobs {
  get(hash: string): BlobChange | undefined;
  values(): Iterable<BlobChange>;
}

/**
 * CommitBlobs worked out on first use: only the dashboard reads them, for the few pages a
 * translator opens, and a map per page for 15,000 pages costs memory and time for nothing.
 */
class LazyCommitBlobs implements CommitBlobs {
  private map: Map<string, BlobChange> | null = null;
  constructor(
    private readonly history: HistoryModel,
    private readonly commits: readonly number[],
    private readonly lineage: readonly string[],
  ) {}

  private built(): Map<string, BlobChange> {
    this.map ??= commitBlobs(this.history, this.commits, this.lineage);
    return this.map;
  }

  get(hash: string): BlobChange | undefined {
    return this.built().get(hash);
  }

  values(): Iterable<BlobChange> {
    return this.built().values();
  }
}

/** What the dashboard needs to show a page's English diff later, without scanning again. */
export interface PageDetail {
  rawHash: string | null;
  /** raw_commit's author date, as the history recorded it, which judging the page again after
   * new commits needs (lint's date rule, the report's rawCommitDate); absent when the history
   * does not have it. */
  rawDate?: string;
  /** English blob at raw_commit and at HEAD (null when absent). */
  fromBlob: string | null;
  toBlob: string | null;
  commitBlobs: CommitBlobs;
  /** For a page without metadata, the English commits since its estimated baseline (whose
   * hash is then `rawHash`): the dashboard shows them, marked as estimated. */
  estimatedCommits?: readonly CommitInfo[];
  /** For a page without metadata whose last change lies in the history a shallow clone lacks:
   * its estimate is unknown there, and is not guessed (stamp --init refuses it). */
  estimateUnknown?: "shallow";
}

export interface ReportInput {
  pages: readonly Translation[];
  /** pageReports(pages, rawOf): the reports to complete, one per page. */
  reports: PageReport[];
  rawOf: Map<Translation, RawState>;
  /** The source's blob at raw_commit for pages whose raw_commit is not in HEAD's history. */
  outsideBlobs: Map<Translation, string | null>;
  /** English pages at HEAD: repo-relative path → blob. */
  english: Map<string, string>;
  history: HistoryModel;
  /** Whether a branch, remote branch or tag contains the commit (asked only for raw_commits
   * off HEAD's history). */
  onSomeRef: (hash: string) => boolean;
  shallow: boolean;
  /** Commits whose parents the shallow clone cut off. */
  shallowRoots: readonly string[];
  /** The order in which to take the pages (indexes into `pages`; all of them by default): the
   * order the report is written in, so line counts are asked for, and answered, in it. */
  order?: readonly number[];
  /** Asks for the line counts between two blobs (git counts them meanwhile); returns the
   * number of the answer. */
  countLines: (pair: BlobPair) => number;
  /** Each report's findings (lint/), whose messages are among its warnings; added to here. */
  findings: Findings;
  /** When given: for each page whose report was read from the history (its own, or its
   * estimate's), the English paths whose history that was. */
  follows?: Map<PageReport, readonly string[]>;
}

/** The rules' findings of each page, beside its report (see lint/). */
export type Findings = Map<PageReport, Finding[]>;

/** A finding on a page: its message joins the page's warnings. */
function flag(findings: Findings, report: PageReport, f: Finding): void {
  warn(report, f.message);
  const list = findings.get(report);
  if (list) list.push(f);
  else findings.set(report, [f]);
}

/** What buildReports adds to the input's reports, which it completes in place. */
export interface Built {
  /** One per page, in the order of the input's pages. */
  details: PageDetail[];
  /** Pages whose line counts git gives, with the number countLines returned. */
  measure: Array<{ report: PageReport; count: number }>;
  /**
   * Completes the pages without metadata, given the estimated baseline (a full hash in HEAD's
   * history) of those that have one (see estimates.ts); once, before listCommits. Separate so
   * that the other pages are done while git reads what the estimates need.
   */
  addUntracked: (
    estimates?: ReadonlyMap<Translation, string>,
    beyondShallow?: ReadonlySet<Translation>,
  ) => void;
  /**
   * Fills in commitsBehind and the commit lists. Separate so the caller can let git count
   * lines meanwhile: statuses and blob pairs are known before any history walk.
   */
  listCommits: () => Promise<void>;
}

interface WalkItem {
  report: PageReport;
  detail: PageDetail;
  lineage: string[];
}

/** What all pages naming one raw_commit share; made once per raw_commit. */
interface Walk {
  rawIdx: number;
  /** raw_commit's ancestors (git's UNINTERESTING). */
  excluded: (commit: number) => boolean;
  /** raw_commit is in HEAD's history. */
  isAncestor: boolean;
  /** English renames in raw..HEAD, oldest first. */
  renames: Rename[];
  cut: boolean;
  items: WalkItem[];
}

function makeWalk(input: ReportInput, rawHash: string): Walk {
  const { history } = input;
  const rawIdx = history.table.index.get(rawHash) as number;
  const excluded = ancestorsOf(history.graph, rawIdx);
  const renames = history.index.renames
    .filter((r) => !excluded(r.commit) && history.fromHead[r.commit] === 1)
    .sort((a, b) => (history.graph.topo[a.commit] ?? 0) - (history.graph.topo[b.commit] ?? 0));
  // A cut-off commit inside raw..HEAD means part of the range is not in this clone: git
  // would show that commit as adding every file and could not see raw_commit below it. The
  // count (and whether raw_commit is an ancestor) is then unknown, so none is given. Without
  // one, the range is complete and the count exact even in a shallow clone.
  const cut = input.shallowRoots.some((hash) => {
    const c = history.table.index.get(hash);
    return c !== undefined && history.fromHead[c] === 1 && !excluded(c);
  });
  return {
    rawIdx,
    excluded,
    isAncestor: history.fromHead[rawIdx] === 1,
    renames,
    cut,
    items: [],
  };
}

function listCommits(history: HistoryModel, walk: Walk, infos: CommitInfo[]): void {
  const { excluded } = walk;
  const ctx: RangeContext = {
    graph: history.graph,
    index: history.index,
    head: history.head,
    excluded,
    bottom: walk.rawIdx,
    boundary: boundaryMerges(history.graph, history.index.merges, excluded),
  };
  for (const { report, detail, lineage } of walk.items) {
    if (walk.cut) continue;
    const ordered = commitsForPaths(ctx, lineage).sort(newestFirst(history.graph));
    const listed = ordered.slice(0, MAX_COMMITS_LISTED);
    listOnReport(
      report,
      ordered.length,
      listed.map((c) => commitInfo(history.table, c, infos)),
    );
    if (listed.length > 0) detail.commitBlobs = new LazyCommitBlobs(history, listed, lineage);
  }
}

/** How a page's commits are listed: newest first in the topological order (git's with
 * --topo-order along the history's lines), by commit number. */
export function newestFirst(graph: Graph): (a: number, b: number) => number {
  return (a, b) => (graph.topo[b] ?? 0) - (graph.topo[a] ?? 0);
}

/**
 * Gives a page its commits behind: `total` of them, of which `newest` are the newest first
 * (at least MAX_COMMITS_LISTED of them when there are more).
 */
export function listOnReport(
  report: PageReport,
  total: number,
  newest: readonly CommitInfo[],
): void {
  report.commitsBehind = total;
  // An up-to-date page keeps the shared empty list.
  if (total === 0) return;
  if (total > MAX_COMMITS_LISTED) {
    warn(report, `${LIST_CUT} ${MAX_COMMITS_LISTED} of ${total}`);
  }
  report.commits =
    newest.length > MAX_COMMITS_LISTED ? newest.slice(0, MAX_COMMITS_LISTED) : newest;
}

export function buildReports(input: ReportInput): Built {
  const { history } = input;
  const n = input.pages.length;
  const out: Built = {
    details: new Array(n),
    measure: [],
    addUntracked: () => {},
    listCommits: async () => {},
  };
  // Pages are taken in `order`, so git is asked for line counts in the order the report is
  // written; what pages naming one raw_commit share (its ancestors above all) is made once.
  const walks = new Map<string, Walk>();
  const walkOf = (rawHash: string) => {
    let walk = walks.get(rawHash);
    if (!walk) {
      walk = makeWalk(input, rawHash);
      walks.set(rawHash, walk);
    }
    return walk;
  };
  const estimated: Estimated[] = [];
  const untracked: number[] = [];
  for (const k of input.order ?? input.pages.keys()) {
    const t = input.pages[k] as Translation;
    const raw = input.rawOf.get(t) as RawState;
    const report = input.reports[k] as PageReport;
    if (raw.kind === "none") {
      untracked.push(k);
      continue;
    }
    if (raw.kind !== "ok") {
      out.details[k] = emptyDetail();
      continue;
    }
    out.details[k] = completeReport(input, walkOf(raw.hash), t, report, raw.hash, out.measure);
  }
  out.addUntracked = (estimates, beyondShallow) => {
    for (const k of untracked.splice(0)) {
      const t = input.pages[k] as Translation;
      const report = input.reports[k] as PageReport;
      const estimate = estimates?.get(t);
      const cut = beyondShallow?.has(t) === true;
      if (cut) warn(report, SHALLOW_ESTIMATE);
      const detail = completeUntracked(input, walkOf, t, report, estimate, out.measure, estimated);
      // A copy: a page with no estimate has the one empty detail every such page shares.
      out.details[k] = cut ? { ...detail, estimateUnknown: "shallow" } : detail;
    }
  };
  out.listCommits = async () => {
    const infos: CommitInfo[] = [];
    for (const walk of walks.values()) {
      listCommits(history, walk, infos);
      // Lets git's output (the line counts running meanwhile) be read between groups.
      await new Promise((resolve) => setImmediate(resolve));
    }
    for (const e of estimated) foldEstimate(e);
  };
  return out;
}

/** A page without metadata measured from its estimate, through a report of its own (`trial`)
 * that the scan fills in as it fills in any other. */
export interface Estimated {
  report: PageReport;
  trial: PageReport;
  detail: PageDetail;
}

/**
 * A page without metadata: `source-missing` when its English page is nowhere at HEAD, else
 * `untracked`, with its estimate measured as a raw_commit would be. The measuring is done on a
 * trial report, so nothing the estimate implies (a status, counts stated as fact) reaches the
 * page except as its `estimate`.
 */
function completeUntracked(
  input: ReportInput,
  walkOf: (rawHash: string) => Walk,
  t: Translation,
  report: PageReport,
  estimate: string | undefined,
  measure: Built["measure"],
  estimated: Estimated[],
): PageDetail {
  const atHead = input.english.get(`${t.source}/${t.sourceRel}`) ?? null;
  if (estimate === undefined) {
    report.status = decideStatus({
      raw: { kind: "none" },
      sourceAtHead: atHead,
      sourceAtRaw: null,
      movedTo: null,
    });
    return emptyDetail();
  }
  const trial = trialReport(report);
  const detail = completeReport(input, walkOf(estimate), t, trial, estimate, measure, report);
  const judged = judgeEstimate(report, trial, detail, atHead, estimate);
  if (!judged) return emptyDetail();
  estimated.push(judged);
  return detail;
}

/** The report an estimate is measured on, as a raw_commit would be (see completeUntracked). */
export function trialReport(report: PageReport): PageReport {
  return { ...report, warnings: NO_WARNINGS };
}

/**
 * A page without metadata judged on its estimate, once the trial report has been judged on it
 * (judgePage, with the page's report as the one measured): `untracked` with its estimate, or
 * `source-missing` (then null: nothing more to fill in).
 */
export function judgeEstimate(
  report: PageReport,
  trial: PageReport,
  detail: PageDetail,
  atHead: string | null,
  estimate: string,
): Estimated | null {
  // The English page is gone, unless it was renamed since the estimate: then the page follows it.
  const movedTo = trial.movedFrom === null ? null : trial.sourcePath;
  report.status = decideStatus({
    raw: { kind: "none" },
    sourceAtHead: atHead,
    sourceAtRaw: detail.fromBlob,
    movedTo,
  });
  if (report.status !== "untracked") return null;
  if (movedTo !== null) {
    report.sourcePath = movedTo;
    report.movedFrom = trial.movedFrom;
  }
  report.estimate = {
    rawCommit: ownString(estimate),
    basis: ESTIMATE_BASIS,
    commitsBehind: null,
    // Known already for an unchanged source; git's counts arrive through setLines otherwise.
    linesAdded: trial.linesAdded,
    linesRemoved: trial.linesRemoved,
  };
  return { report, trial, detail };
}

/** Moves what the commit walk found for an estimate into the page, once it has run. */
export function foldEstimate({ report, trial, detail }: Estimated): void {
  if (report.estimate) report.estimate.commitsBehind = trial.commitsBehind;
  detail.estimatedCommits = trial.commits;
  // The trial's warnings speak of raw_commit; for this page that is the estimated commit.
  for (const w of trial.warnings) {
    warn(report, `estimate: ${w.replaceAll("raw_commit", "the estimated commit")}`);
  }
}

/**
 * Completes one page's report as far as the history goes without listing commits: looks up
 * what the history says of its English source, then judges the page on that (judgePage).
 */
function completeReport(
  input: ReportInput,
  walk: Walk,
  t: Translation,
  report: PageReport,
  rawHash: string,
  measure: Built["measure"],
  /** The report whose line counts git's answer fills in (see setLines); `report` by default. */
  measured: PageReport = report,
): PageDetail {
  const { history } = input;
  const { rawIdx, renames, isAncestor } = walk;
  const srcPath = `${t.source}/${t.sourceRel}`;
  const atHead = input.english.get(srcPath) ?? null;
  const lineage = atHead === null ? followRenames(renames, srcPath) : [srcPath];
  const last = lineage[lineage.length - 1] as string;
  const movedTo = last !== srcPath && input.english.has(last) ? last : null;
  // Inside HEAD's history the path index knows every version; a raw_commit on another
  // branch was looked up in git instead.
  let atRaw = isAncestor
    ? blobAt(history.graph, history.index, rawIdx, srcPath)
    : (input.outsideBlobs.get(t) ?? null);
  // A translation already moved to follow an English rename (or part of a chain of them: the
  // English `a` -> `b` -> `c`, the translation at `b`): its raw_commit still means the English
  // page under its name then, so that is what it is compared with.
  let earlier: string | null = null;
  if (atRaw === null && isAncestor) {
    const name = earlierName(renames, srcPath);
    const before = name ? blobAt(history.graph, history.index, rawIdx, name) : null;
    if (name && before !== null) {
      atRaw = before;
      earlier = name;
    }
  }
  const rawDate = history.table.dates[history.table.index.get(rawHash) ?? -1];
  const facts: SourceFacts = {
    rawHash,
    ...(rawDate === undefined ? {} : { rawDate }),
    isAncestor,
    cut: walk.cut,
    onSomeRef: !isAncestor && input.onSomeRef(rawHash),
    atHead,
    atRaw,
    earlier,
    movedTo,
    movedToBlob: movedTo ? (input.english.get(movedTo) ?? null) : null,
    // The translation may have been moved already, by copying: then this one is left over.
    movedToTranslation: movedTo ? translationOf(input, t.lang, movedTo) : null,
  };
  const detail = judgePage(t, report, facts, { ...input, measure }, measured);
  // A moved page's history is that of its names from raw_commit on, as one pathspec (what
  // `git rev-list raw..HEAD -- a b c` walks along a chain of renames). A moved page whose name
  // at raw_commit is known only as the translation's path keeps that and its new name.
  const paths = earlier
    ? chainFrom(renames, earlier, movedTo ?? srcPath)
    : movedTo
      ? [srcPath, movedTo]
      : [srcPath];
  walk.items.push({ report, detail, lineage: paths });
  input.follows?.set(measured, paths);
  return detail;
}

/** What the history says of a page's English source, which judgePage judges the page on. */
export interface SourceFacts {
  rawHash: string;
  /** raw_commit's author date, when the history has it. */
  rawDate?: string;
  /** raw_commit is in HEAD's history. */
  isAncestor: boolean;
  /** Part of raw..HEAD is cut off in this shallow clone. */
  cut: boolean;
  /** Off HEAD's history: whether a branch, remote branch or tag holds raw_commit. */
  onSomeRef: boolean;
  /** The English source's blob at HEAD and at raw_commit (null when absent). */
  atHead: string | null;
  atRaw: string | null;
  /** The English page's name at raw_commit, when it was renamed to the source's path since
   * (atRaw is that version's blob); null otherwise. */
  earlier: string | null;
  /** Where the English page was renamed to, when it is gone from its path at HEAD, and its
   * blob there. */
  movedTo: string | null;
  movedToBlob: string | null;
  /** The language's translation of `movedTo`, when there is one. */
  movedToTranslation: string | null;
}

/** Where judgePage asks for line counts and files its findings. */
interface JudgeSinks {
  findings: Findings;
  countLines: (pair: BlobPair) => number;
  measure: Built["measure"];
}

/**
 * Judges one page on what the history says of its English source: its status, warnings and
 * versions; asks for its line counts when its English source changed. No lookups: the same
 * facts give the same report, however they were found.
 */
export function judgePage(
  t: Translation,
  report: PageReport,
  facts: SourceFacts,
  sinks: JudgeSinks,
  /** The report whose line counts git's answer fills in (see setLines); `report` by default. */
  measured: PageReport = report,
): PageDetail {
  const { rawHash, isAncestor, cut, atHead, atRaw, earlier, movedTo, rawDate } = facts;
  if (earlier !== null) {
    warn(
      report,
      `the English source was renamed from ${shownName(earlier)} after raw_commit; compared with that version`,
    );
  }
  report.status = decideStatus({
    raw: { kind: "ok", hash: rawHash },
    sourceAtHead: atHead,
    sourceAtRaw: atRaw,
    movedTo,
  });
  const drifted = t.meta?.drifted;
  const flagProblem = drifted === undefined ? null : driftFlagProblem(drifted, report.status);
  if (flagProblem !== null) warn(report, flagProblem);
  // A page's own metadata, not an estimate measured on a trial report, is judged by the rules.
  const meta = report === measured ? t.meta : null;
  // Such a page is as old as its raw_commit: the date every output ages it by.
  if (meta && rawDate !== undefined && recordsNoDate(report.lastTranslationTime)) {
    report.rawCommitDate = rawDate;
  }
  const rule = (f: Finding | null) => {
    if (f !== null) flag(sinks.findings, report, f);
  };
  if (meta) rule(abbreviated(meta, rawHash));
  if (cut) warn(report, SHALLOW_CUT);
  else if (!isAncestor) {
    const f = notAncestor(meta ?? NO_META, facts.onSomeRef);
    if (meta) rule(f);
    else warn(report, f.message);
  }
  if (meta && rawDate !== undefined) rule(dateBeforeCommit(meta, rawDate));
  if (atHead !== null && atRaw === null) {
    if (meta) rule(sourceMissingAtCommit(meta));
    else warn(report, sourceMissingAtCommit(NO_META).message);
  } else if (movedTo && atRaw === null) {
    // Counting from nothing would give the whole page as new: no numbers rather than a guess.
    warn(report, "what the English page was called at raw_commit is not known: no line counts");
  }
  if (movedTo) {
    report.sourcePath = movedTo;
    report.movedFrom = `${t.source}/${t.sourceRel}`;
    const other = facts.movedToTranslation;
    if (other !== null) {
      warn(
        report,
        `${shownName(other)} already translates the English page's new path; this file is a leftover to delete`,
      );
    }
  }
  const headBlob = movedTo ? facts.movedToBlob : atHead;
  const detail: PageDetail = {
    rawHash,
    ...(rawDate === undefined ? {} : { rawDate }),
    fromBlob: atRaw,
    toBlob: headBlob,
    commitBlobs: NO_BLOBS,
  };
  if (report.status === "up-to-date") {
    report.linesAdded = 0;
    report.linesRemoved = 0;
  } else if (headBlob !== null && !(movedTo && atRaw === null)) {
    // Outdated or moved: git counts the lines from the version at raw_commit (the old path
    // for a moved page) to HEAD's. A deleted page has no line counts.
    sinks.measure.push({ report: measured, count: sinks.countLines([atRaw, headBlob]) });
  }
  return detail;
}

/** Sets a page's line counts from git's answer for its pair of blobs: its estimate's, for a
 * page without metadata. */
export function setLines(report: PageReport, counts: Numstat): void {
  const target = report.estimate ?? report;
  if (counts === null) {
    warn(
      report,
      `no${report.estimate ? " estimated" : ""} line counts: the English source is a binary file`,
    );
    return;
  }
  target.linesAdded = counts.added;
  target.linesRemoved = counts.removed;
}

/** The path's successors under the given renames (oldest first). */
function followRenames(
  renames: ReadonlyArray<{ from: string; to: string }>,
  start: string,
): string[] {
  const chain = [start];
  let cur = start;
  for (const r of renames) {
    if (r.from === cur) {
      cur = r.to;
      chain.push(cur);
    }
  }
  return chain;
}

/** The names from `first` along the renames (oldest first) up to `last`: `a`, `b`, `c` for
 * `a` -> `b` -> `c`; just the two ends when the renames do not lead from one to the other. */
function chainFrom(
  renames: ReadonlyArray<{ from: string; to: string }>,
  first: string,
  last: string,
): string[] {
  const chain = followRenames(renames, first);
  const end = chain.indexOf(last);
  return end === -1 ? [first, last] : chain.slice(0, end + 1);
}

/** The name `path` had before the given renames (oldest first), or null if it was not renamed. */
function earlierName(
  renames: ReadonlyArray<{ from: string; to: string }>,
  path: string,
): string | null {
  let cur = path;
  for (let i = renames.length - 1; i >= 0; i--) {
    const r = renames[i] as { from: string; to: string };
    if (r.to === cur) cur = r.from;
  }
  return cur === path ? null : cur;
}

function commitBlobs(
  history: HistoryModel,
  commits: readonly number[],
  lineage: readonly string[],
): Map<string, BlobChange> {
  const map = new Map<string, BlobChange>();
  const wanted = new Set(commits);
  const { index } = history;
  for (const p of lineage) {
    for (const t of index.touchesOf(p)) {
      const c = index.commitOf(t);
      if (!wanted.has(c)) continue;
      const hash = history.table.hashes[c] as string;
      if (map.has(hash)) continue;
      const before = index.oldBlob(t);
      const after = index.newBlob(t);
      map.set(hash, {
        before: isZero(before) ? null : before,
        after: isZero(after) ? null : after,
      });
    }
  }
  return map;
}

/**
 * The commit as reports show it, made once per scan (`cache` is indexed by commit number): a
 * commit is listed by many pages, and reports are read-only.
 */
export function commitInfo(t: CommitTable, c: number, cache: CommitInfo[]): CommitInfo {
  const known = cache[c];
  if (known) return known;
  // Copies: the report outlives the history, whose strings are views of git's log output.
  const info: CommitInfo = {
    hash: ownString(t.hashes[c] ?? ""),
    date: ownString(t.dates[c] ?? ""),
    author: ownString(t.authors[c] ?? ""),
    subject: ownString(t.subjects[c] ?? ""),
  };
  cache[c] = info;
  return info;
}

const translationsBySource = new WeakMap<readonly Translation[], Map<string, string>>();

/** The path of the page that translates the English `sourcePath` into `lang`, or null. Made
 * once per scan, and only when a page has moved. */
function translationOf(input: ReportInput, lang: string, sourcePath: string): string | null {
  let index = translationsBySource.get(input.pages);
  if (!index) {
    index = new Map();
    for (const p of input.pages)
      index.set(`${p.lang}\0${p.source}/${p.sourceRel}`, `${p.base}/${p.rel}`);
    translationsBySource.set(input.pages, index);
  }
  return index.get(`${lang}\0${sourcePath}`) ?? null;
}

/**
 * Each page's report as far as it goes without the history: what the page says, and its status
 * when it names no usable commit. The scan makes them while git is still reading the history.
 */
export function pageReports(
  pages: readonly Translation[],
  rawOf: Map<Translation, RawState>,
  findings: Findings,
): PageReport[] {
  return pages.map((t) => {
    const raw = rawOf.get(t) as RawState;
    const report = basicReport(t, raw);
    if (t.findings) findings.set(report, [...t.findings]);
    const why = raw.kind === "malformed" ? MALFORMED : raw.kind === "unresolved" ? raw.why : null;
    if (why === null) return report;
    // Front matter that cannot be read, and a clone too shallow to know, are no fault of the
    // raw_commit itself: said, but not a finding.
    const fault =
      t.meta && t.meta.unreadable === undefined && !(raw.kind === "unresolved" && raw.shallow);
    if (fault && t.meta) flag(findings, report, invalidCommit(t.meta, why));
    else warn(report, why);
    return report;
  });
}

function basicReport(
  t: Translation,
  raw: RawState,
  status: PageReport["status"] = raw.kind === "none" ? "untracked" : "unknown-commit",
): PageReport {
  // Lists are read-only and `warn` replaces them, so a report can share the page's own.
  const warnings = t.warnings;
  return {
    lang: t.lang,
    path: pagePath(t),
    sourcePath: `${t.source}/${t.sourceRel}`,
    status,
    // A page that could not be read wrote nothing anyone knows of: no commit, no line.
    rawCommit: t.unread ? null : (t.meta?.rawCommit ?? null),
    lastTranslationTime: t.meta?.lastTranslationTime ?? null,
    commitsBehind: null,
    linesAdded: null,
    linesRemoved: null,
    commits: NO_COMMITS,
    movedFrom: null,
    warnings,
    metaLine: t.unread ? null : (t.meta?.line ?? null),
    rawTitle: t.meta?.rawTitle ?? null,
  };
}

/** A report for every English page that a language has no translation of. */
export function missingPages(
  english: Map<string, string>,
  translations: readonly Translation[],
  folders: ScanFolders,
): PageReport[] {
  const out: PageReport[] = [];
  for (const { lang, rel: base, pair } of folders.langs) {
    const source = pair.source;
    // An English folder inside this one (a Hugo mount's) has its own pages.
    const deeper = folders.sourceFolders.filter((f) => f.startsWith(`${source}/`));
    const have = new Set(translations.filter((t) => t.base === base).map((t) => nfc(t.rel)));
    for (const path of english.keys()) {
      if (!path.startsWith(`${source}/`)) continue;
      if (deeper.length > 0 && deeper.some((f) => path.startsWith(`${f}/`))) continue;
      const rel = path.slice(source.length + 1);
      if (have.has(nfc(rel))) continue;
      const page = { lang, base, source, rel, sourceRel: rel, meta: null, warnings: NO_WARNINGS };
      out.push(basicReport(page, { kind: "none" }, "missing"));
    }
  }
  return out;
}

/** The missing pages, less those a translation already reports as moved there: a page that
 * moved in English is reported once, as moved, not again as missing. */
export function notMovedTo(missing: readonly PageReport[], reports: readonly PageReport[]) {
  const movedTargets = new Set<string>();
  for (const r of reports) if (r.movedFrom) movedTargets.add(`${r.lang}\0${r.sourcePath}`);
  if (movedTargets.size === 0) return missing;
  return missing.filter((m) => !movedTargets.has(`${m.lang}\0${m.sourcePath}`));
}

/** ASCII text is in NFC already; normalize() costs a call into ICU per name otherwise. */
function nfc(text: string): string {
  return NON_ASCII.test(text) ? text.normalize("NFC") : text;
}

/** Shared by every report without a listed commit, as NO_WARNINGS is by those without a
 * warning: fewer objects for the garbage collector to copy. `warn` gives a report its own list. */
const NO_COMMITS: readonly CommitInfo[] = Object.freeze([]);

function warn(report: PageReport, text: string): void {
  report.warnings = [...report.warnings, text];
}

/** Where a finding about an estimate would point: nowhere, as it is said only as a warning. */
const NO_META: PageMeta = {
  kind: "shortcode",
  rawCommit: "",
  rawTitle: null,
  rawLink: null,
  lastTranslationTime: null,
  line: 1,
};

/** No commits and no versions to show. */
const NO_BLOBS: CommitBlobs = { get: () => undefined, values: () => [] };
const EMPTY_DETAIL: PageDetail = Object.freeze({
  rawHash: null,
  fromBlob: null,
  toBlob: null,
  commitBlobs: NO_BLOBS,
});

/** The detail of a page without a usable raw_commit: one shared, read-only object, as readers
 * replace details rather than change them, and most pages of a large site are missing ones. */
export function emptyDetail(): PageDetail {
  return EMPTY_DETAIL;
}
