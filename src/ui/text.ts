// Fitting sanitized text into terminal columns. Input is the output of visible(): no control or
// invisible characters (sanitize/invisible.ts: default-ignorable code points such as U+3164,
// U+115F, U+034F and U+1D173, and blank fillers, whose width terminals and Ink disagree on).
// Widths are string-width's, the library Ink lays rows out with, so a row measured here is the
// row Ink draws: wide East Asian characters and emoji take 2, combining marks 0. Ink truncates
// again as a safety net; doing it here keeps every row exactly one line.
import { charWidth, textWidth, wrapWords } from "../core/columns.js";
import { visible, visibleLine } from "../sanitize/terminal.js";

export { charWidth, textWidth, wrapWords } from "../core/columns.js";

/** `s` cut to `width` columns, ending in `…` when cut. */
export function fitEnd(s: string, width: number): string {
  if (width <= 0) return "";
  if (textWidth(s) <= width) return s;
  let out = "";
  let w = 0;
  for (const ch of s) {
    const cw = charWidth(ch);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

/** `s` cut to `width` columns from the left, starting with `…` when cut (keeps file names). */
export function fitStart(s: string, width: number): string {
  if (width <= 0) return "";
  if (textWidth(s) <= width) return s;
  const chars = [...s];
  let out = "";
  let w = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    const ch = chars[i] as string;
    const cw = charWidth(ch);
    if (w + cw > width - 1) break;
    out = ch + out;
    w += cw;
  }
  return `…${out}`;
}

/**
 * A path cut to `width` columns in the middle, so that its file name stays: the first folder and
 * as many of the nearest folders as fit (`content/…/guide/page.md`), whole. A file name too long
 * for that keeps its end (`…-name.md`). The one way every view of the dashboard shortens a path.
 */
export function fitPath(path: string, width: number): string {
  if (width <= 0) return "";
  if (textWidth(path) <= width) return path;
  const folders = path.split("/");
  const name = folders.pop() as string;
  let tail = `/${name}`;
  if (folders.length === 0 || textWidth(tail) + 1 > width) return fitStart(path, width);
  let head = "";
  let first = 0;
  let last = folders.length;
  const fits = (h: string, t: string) => textWidth(h) + 1 + textWidth(t) <= width;
  if (fits(`${folders[0]}/`, tail)) head = `${folders[first++]}/`;
  while (last > first && fits(head, `/${folders[last - 1]}${tail}`))
    tail = `/${folders[--last]}${tail}`;
  while (first < last && fits(`${head}${folders[first]}/`, tail)) head += `${folders[first++]}/`;
  return `${head}…${tail}`;
}

/**
 * `text` wrapped after `prefix`, the following lines indented to where the text began, all within
 * `width` columns (at least 8 for the text).
 */
export function wrapAfter(prefix: string, text: string, width: number): string[] {
  const indent = textWidth(prefix);
  return wrapWords(text, Math.max(8, width - indent)).map(
    (line, i) => `${i === 0 ? prefix : " ".repeat(indent)}${line}`,
  );
}

export function padEnd(s: string, width: number): string {
  const w = textWidth(s);
  return w >= width ? s : s + " ".repeat(width - w);
}

export function padStart(s: string, width: number): string {
  const w = textWidth(s);
  return w >= width ? s : " ".repeat(width - w) + s;
}

/** Cut or pad to exactly `width` columns. */
export function cell(
  s: string,
  width: number,
  align: "left" | "right" = "left",
  cut: "end" | "path" = "end",
): string {
  const fitted = cut === "end" ? fitEnd(s, width) : fitPath(s, width);
  return align === "left" ? padEnd(fitted, width) : padStart(fitted, width);
}

/** Longest untrusted string the dashboard ever lays out; longer ones are cut before measuring. */
export const MAX_FIELD = 1000;

/** An untrusted string made safe for the terminal (and bounded), ready to fit into a cell. */
export function safe(s: string, max = MAX_FIELD): string {
  return visibleLine(s, max);
}

/** An untrusted line of a file: tabs shown as spaces, everything else unsafe escaped. */
export function safeCode(s: string): string {
  return visible(s.replace(/\t/g, "    "));
}

/**
 * The columns [offset, offset + width) of a line made of pieces, keeping each piece's style.
 * Used for sideways scrolling of diff lines.
 */
export function slicePieces<T extends { text: string }>(
  pieces: readonly T[],
  offset: number,
  width: number,
): T[] {
  const out: T[] = [];
  let col = 0;
  let used = 0;
  for (const p of pieces) {
    let text = "";
    for (const ch of p.text) {
      const cw = charWidth(ch);
      if (col >= offset && used + cw <= width) {
        text += ch;
        used += cw;
      }
      col += cw;
      if (used >= width) break;
    }
    if (text) out.push({ ...p, text });
    if (used >= width) break;
  }
  return out;
}

/** The first variant that fits `width` once sanitized, else the last one cut to fit. */
export function fitVariants(variants: readonly string[], width: number): string {
  const safeOnes = variants.map((v) => safe(v));
  const found = safeOnes.find((v) => textWidth(v) <= width);
  return found ?? fitEnd(safeOnes[safeOnes.length - 1] ?? "", width);
}

/** Rows a wrapped status line may take when a shorter wording of it fits in fewer. */
const ROOMY_ROWS = 2;

/**
 * A transient line's rows: the roomiest variant that wraps into at most two rows, else the
 * tightest one wrapped whole, in at most `maxRows` rows (never a word cut off: a screen too short
 * for it ends its last row in `…`). Sanitized.
 */
export function wrapVariants(
  variants: readonly string[],
  width: number,
  maxRows: number,
): string[] {
  const safeOnes = variants.map((v) => safe(v));
  const wrapped = safeOnes.map((v) => wrapWords(v, width));
  const rows =
    wrapped.find((w) => w.length <= Math.min(ROOMY_ROWS, maxRows)) ?? wrapped[wrapped.length - 1];
  if (!rows) return [""];
  const room = Math.max(1, maxRows);
  if (rows.length <= room) return rows;
  const kept = rows.slice(0, room);
  kept[room - 1] = fitEnd(`${kept[room - 1]} …`, width);
  return kept;
}

/**
 * `s` cut to `width` columns in the middle, keeping its start and its end (`open-tel…etry.io`):
 * for names whose both ends say what they are.
 */
export function fitMiddle(s: string, width: number): string {
  if (width <= 0) return "";
  if (textWidth(s) <= width) return s;
  const head = Math.ceil((width - 1) / 2);
  const start = fitEnd(s, head + 1).slice(0, -1);
  const end = fitStart(s, width - textWidth(start)).slice(1);
  return `${start}…${end}`;
}
