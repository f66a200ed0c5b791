// `scan --diff` / `check --diff`: the English change since each listed page's baseline as a
// unified diff, for readers without the dashboard (people in a terminal, agents in CI). Every
// line of it comes from the repository, so it is made visible and inert before any terminal.
import { structuredPatch } from "diff";
import type { PageReport } from "../core/types.js";
import type { BlobText } from "../detail/types.js";
import { inertLine } from "../sanitize/github.js";

/** Lines of one page's diff shown at most; the rest is counted. */
export const MAX_DIFF_LINES = 400;
/** Edits the diff may search through before it gives up (a huge or hostile page). */
const MAX_EDIT_LENGTH = 5_000;

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

/** One page's diff as plain lines (JSON's `diff` field joins them). */
export function diffLines(item: PageDiffInput): string[] {
  const { page, before, after } = item;
  if (before?.kind !== "text" || after?.kind !== "text") {
    return [`(no diff: ${why(before)}, ${why(after)})`];
  }
  const patch = structuredPatch(
    item.fromPath,
    page.sourcePath,
    before.text,
    after.text,
    item.from.slice(0, 12),
    "HEAD",
    { context: 3, maxEditLength: MAX_EDIT_LENGTH },
  );
  if (!patch) return ["(no diff: the change is too large to show; see the compare link)"];
  const lines = [`--- ${item.fromPath}  ${item.from.slice(0, 12)}`, `+++ ${page.sourcePath}  HEAD`];
  for (const h of patch.hunks) {
    lines.push(`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, ...h.lines);
  }
  if (lines.length > MAX_DIFF_LINES) {
    const left = lines.length - MAX_DIFF_LINES;
    return [...lines.slice(0, MAX_DIFF_LINES), `(${left} more lines not shown)`];
  }
  return lines;
}

function why(blob: BlobText | null): string {
  if (blob === null) return "no English version";
  switch (blob.kind) {
    case "text":
      return "text";
    case "absent":
      return "no English version";
    case "binary":
      return "a binary file";
    case "too-large":
      return `a file of ${blob.size} bytes`;
    default:
      return "not readable";
  }
}

function pageDiff(item: PageDiffInput, color: boolean): string[] {
  const est = item.page.estimate ? ", estimated baseline" : "";
  const head = `${inertLine(item.page.path)}  (English ${inertLine(item.page.sourcePath)}, ${item.from.slice(0, 12)}..HEAD${est})`;
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
