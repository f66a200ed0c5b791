// `scan --diff` / `check --diff`: the English change since each listed page's baseline as a
// unified diff, for readers without the dashboard (people in a terminal, agents in CI). Every
// line of it comes from the repository, so it is made visible and inert before any terminal.
import type { PageReport } from "../core/types.js";
import { computeDiff, DEFAULT_LIMITS } from "../detail/diff.js";
import type { BlobText } from "../detail/types.js";
import { inertLine } from "../sanitize/github.js";
import { shownName } from "../sanitize/terminal.js";

/** Lines of one page's diff shown at most; the rest is counted. */
export const MAX_DIFF_LINES = 400;

export interface PageDiffInput {
  page: PageReport;
  /** The English page at the baseline (raw_commit, or the estimate) and at HEAD. */
  before: BlobText | null;
  after: BlobText | null;
  /** The baseline commit. */
  from: string;
  /** English path at the baseline (the old one for a moved page). */
  fromPath: string;
}

/** The diffs, one block per page: a heading, then the unified diff or why there is none. */
export function renderDiffs(items: readonly PageDiffInput[], color: boolean): string {
  const out: string[] = [];
  for (const item of items) {
    out.push("", ...pageDiff(item, color));
  }
  return out.length === 0 ? "" : `${out.join("\n")}\n`;
}

/**
 * One page's diff as plain lines: the dashboard's diff model (detail/diff.ts: its bounded work
 * on huge or hostile pages, its notices) written out as a unified diff.
 */
export function diffLines(item: PageDiffInput): string[] {
  const { page, before, after } = item;
  if (before === null || after === null) return ["(no diff: an English version is not readable)"];
  const model = computeDiff(before, after, { ...DEFAULT_LIMITS, maxRows: MAX_DIFF_LINES });
  const lines = [
    `--- ${shownName(item.fromPath)}  ${item.from.slice(0, 12)}`,
    `+++ ${shownName(page.sourcePath)}  HEAD`,
  ];
  for (const row of model.rows) {
    if (row.kind === "hunk") lines.push(row.text);
    else if (row.kind === "note") lines.push(`(${row.text})`);
    else lines.push(`${row.kind === "del" ? "-" : row.kind === "add" ? "+" : " "}${row.text}`);
  }
  if (model.notice) lines.push(`(${model.notice})`);
  return lines;
}

function pageDiff(item: PageDiffInput, color: boolean): string[] {
  const est = item.page.estimate ? ", estimated baseline" : "";
  const head = `${inertLine(shownName(item.page.path))}  (English ${inertLine(shownName(item.page.sourcePath))}, ${item.from.slice(0, 12)}..HEAD${est})`;
  const paint = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  return [
    color ? `\x1b[1m${head}\x1b[0m` : head,
    ...diffLines(item).map((line) => {
      const safe = inertLine(line);
      if (line.startsWith("+") && !line.startsWith("+++")) return paint("32", safe);
      if (line.startsWith("-") && !line.startsWith("---")) return paint("31", safe);
      if (line.startsWith("@@")) return paint("36", safe);
      return safe;
    }),
  ];
}
