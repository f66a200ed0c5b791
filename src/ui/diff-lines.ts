// How the diff's rows become screen lines, as pure arithmetic: the two line-number columns, long
// lines wrapped (the default) or cut, and which screen line each row starts on, so that scrolling
// counts the lines the pane shows rather than the diff's rows.
import { rowSegments } from "../detail/diff.js";
import type { DiffModel, DiffRow } from "../detail/types.js";
import { charWidth, safeCode, slicePieces, textWidth } from "./text.js";

export interface Piece {
  text: string;
  changed: boolean;
}

/** Widths of the old and new line-number columns of a diff. */
export interface Gutter {
  old: number;
  new: number;
}

const gutters = new WeakMap<DiffModel, Gutter>();

/** Each column as wide as its largest number (at least 3), computed once per diff. */
export function gutterOf(model: DiffModel): Gutter {
  const known = gutters.get(model);
  if (known) return known;
  let oldMax = 0;
  let newMax = 0;
  for (const r of model.rows) {
    if (r.kind === "context" || r.kind === "del") oldMax = Math.max(oldMax, r.oldNo);
    if (r.kind === "context" || r.kind === "add") newMax = Math.max(newMax, r.newNo);
  }
  const g = {
    old: Math.max(3, String(oldMax).length),
    new: Math.max(3, String(newMax).length),
  };
  gutters.set(model, g);
  return g;
}

/** The gutter's text: old and new numbers, each blank where the line is not on that side. */
export function gutterText(row: DiffRow, g: Gutter): string {
  const oldNo = row.kind === "context" || row.kind === "del" ? String(row.oldNo) : "";
  const newNo = row.kind === "context" || row.kind === "add" ? String(row.newNo) : "";
  return `${oldNo.padStart(g.old)} ${newNo.padStart(g.new)} `;
}

/** Columns before a line's text: both numbers, a space after each, then the mark and a space. */
export function textColumn(g: Gutter): number {
  return g.old + 1 + g.new + 1 + 2;
}

/** Columns left for a line's text in a pane `width` wide. */
export function textRoom(model: DiffModel, width: number): number {
  return Math.max(1, width - textColumn(gutterOf(model)));
}

/** Ends a diff line shown in part (cut at the right edge), and begins one shown only from its
 * change on. */
export const CUT_MARK = "…";

/**
 * The pieces of a row's text, at most `limit` UTF-16 units of it from `from` on; without colour,
 * changed words are marked as `git diff --word-diff` marks them.
 */
export function rowPieces(
  model: DiffModel,
  index: number,
  color: boolean,
  limit: number,
  from = 0,
): Piece[] {
  const row = model.rows[index] as DiffRow;
  const segs = rowSegments(model, index);
  if (!segs) return [{ text: safeCode(row.text.slice(from, from + limit)), changed: false }];
  const [open, close] = row.kind === "del" ? ["[-", "-]"] : ["{+", "+}"];
  let skip = from;
  let budget = limit;
  const out: Piece[] = [];
  for (const s of segs) {
    if (budget <= 0) break;
    if (skip >= s.text.length) {
      skip -= s.text.length;
      continue;
    }
    const part = s.text.slice(skip, skip + budget);
    skip = 0;
    budget -= part.length;
    const text = safeCode(part);
    out.push({ text: s.changed && !color ? `${open}${text}${close}` : text, changed: s.changed });
  }
  return out;
}

/**
 * Where a changed row's change begins (a UTF-16 offset): its first changed word, or, on a line
 * too long to be diffed by words, the end of what it shares with its pair; 0 for a row without a
 * pair, which is all change.
 */
function changeStart(model: DiffModel, index: number): number {
  const row = model.rows[index] as DiffRow;
  if ((row.kind !== "del" && row.kind !== "add") || row.pair === null) return 0;
  const segs = rowSegments(model, index);
  if (segs) {
    let at = 0;
    for (const s of segs) {
      if (s.changed) return at;
      at += s.text.length;
    }
    return 0;
  }
  const other = model.rows[row.pair];
  if (!other || (other.kind !== "del" && other.kind !== "add")) return 0;
  const a = row.text;
  const b = other.text;
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/**
 * Where the part of a row too long to wrap whole starts: about half the kept lines before its
 * change, so that a change at the end of a long paragraph is on screen with what leads to it.
 */
function windowStart(model: DiffModel, index: number, room: number): number {
  const text = (model.rows[index] as DiffRow).text;
  const want = room * Math.floor(MAX_WRAPPED_LINES / 2);
  let from = changeStart(model, index);
  let cols = 0;
  while (from > 0 && cols < want) {
    from--;
    // Never inside a surrogate pair.
    const low = text.charCodeAt(from);
    if (from > 0 && low >= 0xdc00 && low <= 0xdfff) {
      const high = text.charCodeAt(from - 1);
      if (high >= 0xd800 && high <= 0xdbff) from--;
    }
    cols += charWidth(String.fromCodePoint(text.codePointAt(from) ?? 0x20));
  }
  return from;
}

/**
 * Pieces laid out on lines of `room` columns, each piece keeping its style; a wide character
 * that would straddle the edge starts the next line. Always at least one line.
 */
export function wrapPieces(pieces: readonly Piece[], room: number): Piece[][] {
  const lines: Piece[][] = [[]];
  let used = 0;
  for (const p of pieces) {
    let text = "";
    for (const ch of p.text) {
      const cw = charWidth(ch);
      if (used + cw > room && used > 0) {
        if (text) (lines[lines.length - 1] as Piece[]).push({ ...p, text });
        lines.push([]);
        text = "";
        used = 0;
      }
      text += ch;
      used += cw;
    }
    if (text) (lines[lines.length - 1] as Piece[]).push({ ...p, text });
  }
  return lines;
}

/** Rows wrapped by the layout beyond this many lines are shown in part (a minified file's one
 * line): the lines around their change. */
export const MAX_WRAPPED_LINES = 200;

/** A row's screen lines when wrapped; `cut` when it goes on past them (MAX_WRAPPED_LINES). */
export interface RowLines {
  lines: Piece[][];
  cut: boolean;
}

/** The screen lines of one row wrapped at `room` columns: one for a hunk header or a note. */
export function rowLines(model: DiffModel, index: number, room: number, color: boolean): RowLines {
  const row = model.rows[index] as DiffRow;
  if (row.kind === "hunk" || row.kind === "note") {
    return { lines: [[{ text: row.text, changed: false }]], cut: false };
  }
  // Enough of the line for the lines kept, and a little more to know whether it goes on.
  const limit = room * MAX_WRAPPED_LINES + 16;
  // A line longer than that is shown from a little before its change (marked as begun there).
  const from = row.text.length > limit ? windowStart(model, index, room) : 0;
  const shown = rowPieces(model, index, color, limit, from);
  const pieces = from > 0 ? [{ text: CUT_MARK, changed: false }, ...shown] : shown;
  const width = pieces.reduce((n, p) => n + textWidth(p.text), 0);
  if (width <= room) return { lines: [pieces], cut: false };
  const lines = wrapPieces(pieces, room);
  if (lines.length > MAX_WRAPPED_LINES) return markedCut(lines.slice(0, MAX_WRAPPED_LINES), room);
  return row.text.length > from + limit ? markedCut(lines, room) : { lines, cut: false };
}

/** Lines of a row that goes on past them: the last leaves room for the mark the pane puts
 * after it. */
function markedCut(lines: Piece[][], room: number): RowLines {
  const last = lines.length - 1;
  lines[last] = slicePieces(lines[last] as Piece[], 0, roomBeforeMark(room));
  return { lines, cut: true };
}

/** The columns left for a line's text in `room` when CUT_MARK ends it. */
export function roomBeforeMark(room: number): number {
  return Math.max(1, room - textWidth(CUT_MARK));
}

/** Printable ASCII: one column a character, shown as it is. */
const PLAIN = /^[\x20-\x7e]*$/;

/**
 * Whether rowLines would give the row one line, told without its word diff (the layout of a long
 * diff would otherwise diff the words of every changed line up front): a plain line that fits,
 * whose changed words are only coloured, or that has none to mark.
 */
function fitsOneLine(row: DiffRow, room: number, color: boolean): boolean {
  if (row.kind === "hunk" || row.kind === "note") return true;
  if (row.text.length > room || !PLAIN.test(row.text)) return false;
  return color || row.kind === "context" || row.pair === null;
}

/** Which screen line each row of the diff starts on, for one width and one wrap setting. */
export interface DiffLayout {
  wrap: boolean;
  /** starts[i] is row i's first screen line; starts[rows] is the number of lines. */
  starts: Int32Array;
  total: number;
}

const layouts = new WeakMap<DiffModel, Map<string, DiffLayout>>();

/** The layout of `model` in a pane `width` wide; computed once per diff, width and setting. */
export function diffLayout(
  model: DiffModel | null,
  width: number,
  wrap: boolean,
  color: boolean,
): DiffLayout {
  const n = model?.rows.length ?? 0;
  if (!model || !wrap) {
    const starts = new Int32Array(n + 1);
    for (let i = 0; i <= n; i++) starts[i] = i;
    return { wrap: false, starts, total: n };
  }
  const key = `${width}:${color}`;
  let byKey = layouts.get(model);
  if (!byKey) {
    byKey = new Map();
    layouts.set(model, byKey);
  }
  const known = byKey.get(key);
  if (known) return known;
  const room = textRoom(model, width);
  const starts = new Int32Array(n + 1);
  let line = 0;
  for (let i = 0; i < n; i++) {
    starts[i] = line;
    line += fitsOneLine(model.rows[i] as DiffRow, room, color)
      ? 1
      : rowLines(model, i, room, color).lines.length;
  }
  starts[n] = line;
  const layout = { wrap: true, starts, total: line };
  byKey.set(key, layout);
  return layout;
}

/** The row shown on screen line `line`, and which of its lines that is. */
export function rowAt(layout: DiffLayout, line: number): { row: number; part: number } {
  const { starts } = layout;
  const rows = starts.length - 1;
  if (rows <= 0) return { row: 0, part: 0 };
  let lo = 0;
  let hi = rows - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= line) lo = mid;
    else hi = mid - 1;
  }
  return { row: lo, part: Math.max(0, line - (starts[lo] as number)) };
}

/** The screen line that shows the same row in `to` as line `line` does in `from`. */
export function sameRowLine(from: DiffLayout, to: DiffLayout, line: number): number {
  if (from.total === 0) return 0;
  return to.starts[rowAt(from, line).row] ?? 0;
}
