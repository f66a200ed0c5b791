// Applies the thresholds to a scan: which pages are checked (all, or those changed since a ref),
// each page's verdict, and the failing pages worst first. Pure: no git, no clock, no output.
import { withPages } from "../core/counts.js";
import type { PageReport, ScanResult } from "../core/types.js";
import {
  judgedNumbers,
  linesChanged,
  type Thresholds,
  type Verdict,
  verdict,
} from "./thresholds.js";

export interface CheckedPage {
  page: PageReport;
  verdict: Verdict;
}

export interface ChangedSince {
  /** The ref as given on the command line. */
  ref: string;
  /** The commit it resolved to. */
  commit: string;
  /** The merge base of `commit` and HEAD: the pages kept are those changed from it to HEAD. */
  base: string;
}

/**
 * The line that says which pages a --changed-since report keeps, in every format's words: `ref`
 * and `hash` put the ref and a short hash in the format's form. The merge base is named when it
 * is not the ref's own commit (the base branch moved on since the pull request left it).
 */
export function changedSinceLine(
  { ref, commit, base }: ChangedSince,
  quote: { ref: (text: string) => string; hash: (hash: string) => string },
): string {
  const from =
    base === commit ? "" : `, from its merge base with HEAD ${quote.hash(base.slice(0, 12))}`;
  return `only pages changed since ${quote.ref(ref)} (${quote.hash(commit.slice(0, 12))}${from})`;
}

export interface CheckReport {
  /** The scan, narrowed to the checked pages (summary recomputed) under --changed-since. */
  result: ScanResult;
  thresholds: Thresholds;
  /** Same order as result.pages. */
  pages: CheckedPage[];
  /** The failing pages, worst first. */
  failing: CheckedPage[];
  changedSince: ChangedSince | null;
  /** The time the ages were measured against. */
  now: Date;
}

/**
 * Worst first: most commits behind, then most lines changed (unknown counts last), then path. The
 * numbers are those the check judges by (judgedNumbers): with `useEstimates` an untracked page
 * ranks by its estimate's, as it failed by them.
 */
export function worstFirst(
  a: PageReport,
  b: PageReport,
  t: Pick<Thresholds, "useEstimates"> = {},
): number {
  const na = judgedNumbers(a, t).measured;
  const nb = judgedNumbers(b, t).measured;
  const behind = (nb.commitsBehind ?? -1) - (na.commitsBehind ?? -1);
  if (behind !== 0) return behind;
  const lines = (linesChanged(nb) ?? -1) - (linesChanged(na) ?? -1);
  if (lines !== 0) return lines;
  if (a.lang !== b.lang) return a.lang < b.lang ? -1 : 1;
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/**
 * Keeps the pages whose translation, English source or former English path (before a rename) is
 * among `changed` (repo-relative paths). Paths are compared in NFC, as the scan does.
 */
export function onlyChanged(result: ScanResult, changed: ReadonlySet<string>): ScanResult {
  const set = new Set([...changed].map((p) => p.normalize("NFC")));
  const hit = (p: string | null) => p !== null && set.has(p.normalize("NFC"));
  const pages = result.pages.filter((p) => hit(p.path) || hit(p.sourcePath) || hit(p.movedFrom));
  return withPages(result, pages);
}

/** Each page's verdict. */
export function evaluate(
  result: ScanResult,
  thresholds: Thresholds,
  now: Date,
  changedSince: ChangedSince | null = null,
): CheckReport {
  const pages = result.pages.map((page) => ({ page, verdict: verdict(page, thresholds, now) }));
  const failing = pages
    .filter((p) => p.verdict.fails)
    .sort((a, b) => worstFirst(a.page, b.page, thresholds));
  return { result, thresholds, pages, failing, changedSince, now };
}
