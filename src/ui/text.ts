// Fitting sanitized text into terminal columns. Input is the output of visible(): no control or
// invisible characters (sanitize/invisible.ts: default-ignorable code points such as U+3164,
// U+115F, U+034F and U+1D173, and blank fillers, whose width terminals and Ink disagree on).
// Widths are string-width's, the library Ink lays rows out with, so a row measured here is the
// row Ink draws: wide East Asian characters and emoji take 2, combining marks 0. Ink truncates
// again as a safety net; doing it here keeps every row exactly one line.
import stringWidth from "string-width";
import { visible, visibleLine } from "../sanitize/terminal.js";

export function charWidth(ch: string): number {
  // Latin text is one column a character; everything else is measured as Ink measures it.
  return (ch.codePointAt(0) ?? 0) < 0x300 ? 1 : stringWidth(ch);
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
