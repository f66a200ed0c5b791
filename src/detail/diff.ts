// Turns two versions of the English source into rows of a unified diff, once, when a page is
// opened. Pure: the texts come in, rows come out; the UI renders only the rows it can show. The
// work is bounded, so that opening any page is quick: common lines at both ends are set aside
// first, the line diff of the middle gets an edit budget, and past it the middle is shown as one
// block removed and one added (and says so).
import { diffArrays, diffWordsWithSpace } from "diff";
import type { BlobText, DiffModel, DiffRow, Segment } from "./types.js";

export interface DiffLimits {
  /** Rows kept; a longer diff is cut and says so. */
  maxRows: number;
  /** Budget of the line diff, in line comparisons (about (old + new) × edits). */
  maxWork: number;
  /** Lines longer than this get no word highlighting. */
  maxWordLine: number;
}

export const DEFAULT_LIMITS: DiffLimits = {
  maxRows: 20_000,
  maxWork: 20_000_000,
  maxWordLine: 2_000,
};

/** Lines of context around each change, as git shows by default. */
const CONTEXT = 3;

type Op = { kind: "same" | "del" | "add"; line: string };

export function computeDiff(
  before: BlobText,
  after: BlobText,
  limits: DiffLimits = DEFAULT_LIMITS,
): DiffModel {
  const problem = unreadable(before) ?? unreadable(after);
  if (problem) return empty(problem);
  if (before.kind === "absent" && after.kind === "absent") {
    return empty("The English source does not exist on either side.");
  }
  const oldText = before.kind === "text" ? before.text : "";
  const newText = after.kind === "text" ? after.text : "";
  if (before.kind === "text" && after.kind === "text" && oldText === newText) {
    return empty("No change: the English source is the same on both sides.");
  }
  const notices: string[] = [];
  if (before.kind === "absent")
    notices.push("The English source did not exist on the old side: every line is new.");
  if (after.kind === "absent")
    notices.push("The English source was deleted: every line was removed.");
  const { ops, exact } = lineOps(splitLines(oldText), splitLines(newText), limits.maxWork);
  if (!exact) notices.push("Large change: shown as whole blocks removed and added.");
  const model = rowsOf(ops, limits.maxRows);
  if (model.truncated)
    notices.push(`Long diff: showing the first ${limits.maxRows} of ${model.total} lines.`);
  return {
    rows: model.rows,
    added: model.added,
    removed: model.removed,
    notice: notices.length > 0 ? notices.join(" ") : null,
    truncated: model.truncated,
  };
}

/** Lines with their newline kept, so that a missing newline at the end counts as a change. */
export function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function lineOps(a: string[], b: string[], maxWork: number): { ops: Op[]; exact: boolean } {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (
    suf < a.length - pre &&
    suf < b.length - pre &&
    a[a.length - 1 - suf] === b[b.length - 1 - suf]
  )
    suf++;
  const midA = a.slice(pre, a.length - suf);
  const midB = b.slice(pre, b.length - suf);
  const ops: Op[] = a.slice(0, pre).map((line) => ({ kind: "same", line }));
  let exact = true;
  if (midA.length === 0 || midB.length === 0) {
    for (const line of midA) ops.push({ kind: "del", line });
    for (const line of midB) ops.push({ kind: "add", line });
  } else {
    const budget = Math.max(100, Math.floor(maxWork / (midA.length + midB.length)));
    const changes = diffArrays(midA, midB, { maxEditLength: budget, timeout: 1000 });
    if (changes) {
      for (const c of changes) {
        const kind = c.added ? "add" : c.removed ? "del" : "same";
        for (const line of c.value) ops.push({ kind, line });
      }
    } else {
      exact = false;
      for (const line of midA) ops.push({ kind: "del", line });
      for (const line of midB) ops.push({ kind: "add", line });
    }
  }
  for (const line of a.slice(a.length - suf)) ops.push({ kind: "same", line });
  return { ops, exact };
}

/** Unified-diff rows with CONTEXT lines around changes, hunks merged when their context meets. */
function rowsOf(ops: Op[], maxRows: number) {
  const rows: DiffRow[] = [];
  let added = 0;
  let removed = 0;
  let total = 0;
  const push = (row: DiffRow) => {
    total += 1;
    if (rows.length < maxRows) rows.push(row);
  };
  // Old and new line numbers before each op.
  const oldAt = new Int32Array(ops.length + 1);
  const newAt = new Int32Array(ops.length + 1);
  const changes: number[] = [];
  ops.forEach((op, i) => {
    oldAt[i + 1] = (oldAt[i] as number) + (op.kind === "add" ? 0 : 1);
    newAt[i + 1] = (newAt[i] as number) + (op.kind === "del" ? 0 : 1);
    if (op.kind !== "same") changes.push(i);
  });
  let c = 0;
  while (c < changes.length) {
    const first = changes[c] as number;
    let last = first;
    while (c + 1 < changes.length && (changes[c + 1] as number) - last <= 2 * CONTEXT + 1) {
      c++;
      last = changes[c] as number;
    }
    c++;
    const start = Math.max(0, first - CONTEXT);
    const end = Math.min(ops.length, last + CONTEXT + 1);
    const oldLines = (oldAt[end] as number) - (oldAt[start] as number);
    const newLines = (newAt[end] as number) - (newAt[start] as number);
    const oldStart = (oldAt[start] as number) + (oldLines > 0 ? 1 : 0);
    const newStart = (newAt[start] as number) + (newLines > 0 ? 1 : 0);
    push({ kind: "hunk", text: `@@ -${oldStart},${oldLines} +${newStart},${newLines} @@` });
    let dels: number[] = [];
    let adds: number[] = [];
    const pair = () => {
      const n = Math.min(dels.length, adds.length);
      for (let k = 0; k < n; k++) {
        const d = rows[dels[k] as number];
        const a = rows[adds[k] as number];
        if (d?.kind === "del" && a?.kind === "add") {
          d.pair = adds[k] as number;
          a.pair = dels[k] as number;
        }
      }
      dels = [];
      adds = [];
    };
    for (let i = start; i < end; i++) {
      const op = ops[i] as Op;
      const text = op.line.endsWith("\n") ? op.line.slice(0, -1) : op.line;
      const at = rows.length;
      if (op.kind === "del") {
        if (adds.length > 0) pair();
        removed += 1;
        if (at < maxRows) dels.push(at);
        push({ kind: "del", text, oldNo: (oldAt[i] as number) + 1, pair: null });
      } else if (op.kind === "add") {
        added += 1;
        if (at < maxRows) adds.push(at);
        push({ kind: "add", text, newNo: (newAt[i] as number) + 1, pair: null });
      } else {
        pair();
        push({
          kind: "context",
          text,
          oldNo: (oldAt[i] as number) + 1,
          newNo: (newAt[i] as number) + 1,
        });
      }
      if (!op.line.endsWith("\n")) push({ kind: "note", text: "\\ No newline at end of file" });
    }
    pair();
  }
  // Changes past the cut still count in the totals.
  const truncated = total > rows.length;
  if (truncated) rows.push({ kind: "note", text: `… ${total - rows.length} more lines not shown` });
  return { rows, added, removed, total, truncated };
}

function unreadable(b: BlobText): string | null {
  switch (b.kind) {
    case "binary":
      return "The English source is a binary file: no line diff.";
    case "too-large":
      return `The English source is too large to diff here (${Math.round(b.size / 1024)} KiB).`;
    case "unreadable":
      return "A version of the English source is not in this repository (a partial or shallow clone?).";
    default:
      return null;
  }
}

function empty(notice: string): DiffModel {
  return { rows: [], added: 0, removed: 0, notice, truncated: false };
}

const wordCache = new WeakMap<DiffModel, Map<number, Segment[] | null>>();

/**
 * The row's text split into changed and unchanged words against its paired line, or null when
 * the row has no pair or the lines are too different for word highlighting to help. Computed on
 * first use and cached, so only rows that are actually shown pay for it.
 */
export function rowSegments(
  model: DiffModel,
  index: number,
  limits: DiffLimits = DEFAULT_LIMITS,
): Segment[] | null {
  const row = model.rows[index];
  if (!row || (row.kind !== "del" && row.kind !== "add") || row.pair === null) return null;
  let cache = wordCache.get(model);
  if (!cache) {
    cache = new Map();
    wordCache.set(model, cache);
  }
  if (cache.has(index)) return cache.get(index) ?? null;
  const other = model.rows[row.pair];
  if (!other || (other.kind !== "del" && other.kind !== "add")) return null;
  const [oldText, newText] = row.kind === "del" ? [row.text, other.text] : [other.text, row.text];
  const words = wordDiff(oldText, newText, limits);
  const [delIdx, addIdx] = row.kind === "del" ? [index, row.pair] : [row.pair, index];
  cache.set(delIdx, words?.old ?? null);
  cache.set(addIdx, words?.new ?? null);
  return (row.kind === "del" ? words?.old : words?.new) ?? null;
}

/** Word-level difference of two lines; null when they share too little for it to be useful. */
export function wordDiff(
  oldText: string,
  newText: string,
  limits: DiffLimits = DEFAULT_LIMITS,
): { old: Segment[]; new: Segment[] } | null {
  if (oldText.length > limits.maxWordLine || newText.length > limits.maxWordLine) return null;
  const changes = diffWordsWithSpace(oldText, newText, { maxEditLength: 200 });
  if (!changes) return null;
  const oldSegs: Segment[] = [];
  const newSegs: Segment[] = [];
  let common = 0;
  for (const c of changes) {
    if (c.added) newSegs.push({ text: c.value, changed: true });
    else if (c.removed) oldSegs.push({ text: c.value, changed: true });
    else {
      common += c.value.trim().length;
      oldSegs.push({ text: c.value, changed: false });
      newSegs.push({ text: c.value, changed: false });
    }
  }
  const longest = Math.max(oldText.trim().length, newText.trim().length);
  if (longest === 0 || common / longest < 0.3) return null;
  return { old: merge(oldSegs), new: merge(newSegs) };
}

function merge(segs: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segs) {
    const last = out[out.length - 1];
    if (last && last.changed === s.changed) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}
