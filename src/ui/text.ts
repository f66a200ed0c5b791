// Fitting sanitized text into terminal columns. Input is the output of visible(): no control or
// invisible characters (sanitize/invisible.ts: default-ignorable code points such as U+3164,
// U+115F, U+034F and U+1D173, and blank fillers, whose width terminals and Ink disagree on), so
// width is 2 for East Asian wide characters, 0 for combining marks, 1 otherwise. Ink truncates
// again as a safety net; doing it here keeps every row exactly one line.
import { visible, visibleLine } from "../sanitize/terminal.js";

const COMBINING = /^[\p{Mn}\p{Me}]$/u;

export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x300) return 1;
  if (COMBINING.test(ch)) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch);
  return w;
}

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
  cut: "end" | "start" = "end",
): string {
  const fitted = cut === "end" ? fitEnd(s, width) : fitStart(s, width);
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
