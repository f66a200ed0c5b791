// Where a front matter key's value is written, found so that the scan (for the metadata's line)
// and every writer (stamp, the dashboard's mark) edit exactly what the parser read. Candidates
// come from the text; a writer keeps only the one that the parser itself confirms (see
// confirmSpan), so text that merely looks like the key (inside a block scalar, a multi-line
// string or a comment) is never edited.

import { isDeepStrictEqual } from "node:util";
import type { FrontMatterFormat } from "./matter.js";
import { valueText } from "./value-text.js";

export interface Span {
  start: number;
  end: number;
}

export interface KeySpot {
  /** Offset where the key starts. */
  keyAt: number;
  /** The value as written: inside its quotes, or the bare token without a trailing comment. */
  value: Span;
  /** The quote the value was written in; "" when bare. */
  quote: '"' | "'" | "";
  /** Where the value as written ends: past its closing quote, so what follows on the line (a
   * comment) starts here. */
  writtenEnd: number;
  /** Nothing separates an empty value from its ":" or "=": a value written there needs a space. */
  gap: boolean;
  /** For a value after a YAML tag or anchor: the whole of it, from the tag, written over when a
   * new value does not fit the tag (`!!int`). */
  withProperties?: Span;
}

/** What to write over `spot`'s value so that it reads as `value`, quoted as the syntax needs;
 * null when it cannot be written there. */
export function replacement(
  spot: KeySpot,
  value: string,
  syntax: FrontMatterFormat,
): string | null {
  const text = valueText(syntax, spot.quote, value);
  return text !== null && spot.gap ? ` ${text}` : text;
}

const SPACE = 32;
/** Candidates looked at on one line (see keySpots). */
const MAX_ON_LINE = 8;
const TAB = 9;

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

/** A key can start after nothing but indentation on its line, or inside a flow mapping, or as
 * the last part of a dotted TOML key. */
function startsKey(text: string, at: number, from: number): boolean {
  let i = at - 1;
  const before = text.charCodeAt(i);
  if (before === 0x2e /* . */ || before === 0x7b /* { */ || before === 0x2c /* , */) return true;
  while (i >= from && isBlank(text.charCodeAt(i))) i--;
  const c = text.charCodeAt(i);
  return i < from || c === 10 || c === 13 || c === 0x7b || c === 0x2c || c === 0x2e;
}

/** End of a quoted value on its own line, just before the closing quote; -1 when unclosed. */
function closingQuote(text: string, open: number, lineEnd: number): number {
  const quote = text.charCodeAt(open);
  for (let i = open + 1; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (quote === 0x22 && c === 0x5c /* \ */) {
      i++;
      continue;
    }
    if (c !== quote) continue;
    // YAML writes a single quote inside single quotes as two.
    if (quote === 0x27 && text.charCodeAt(i + 1) === 0x27) {
      i++;
      continue;
    }
    return i;
  }
  return -1;
}

/**
 * The value's own text in a YAML block scalar whose indicator is on the line of the key at
 * `keyAt`: from the first character of its first line to the end of its last, the lines below
 * indented deeper than the key (without the last one's line ending). The indicator, indentation
 * and line breaks before the text are the value's style and stay; with no line below, the
 * indicator alone, from `indicator`.
 */
function blockScalarText(
  text: string,
  lineStart: number,
  keyAt: number,
  indicator: number,
  lineEnd: number,
  to: number,
): Span {
  const keyIndent = keyAt - lineStart;
  let start = -1;
  let end = text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
  let pos = lineEnd + 1;
  while (pos < to) {
    const nl = text.indexOf("\n", pos);
    const le = nl === -1 || nl > to ? to : nl;
    let indent = 0;
    while (text.charCodeAt(pos + indent) === SPACE) indent++;
    const blank = pos + indent >= le || text.charCodeAt(pos + indent) === 13;
    if (!blank && indent <= keyIndent) break;
    if (!blank) {
      if (start === -1) start = pos + indent;
      end = text.charCodeAt(le - 1) === 13 ? le - 1 : le;
    }
    pos = le + 1;
  }
  return { start: start === -1 ? indicator : start, end };
}

/** Past YAML node properties, a tag (`!!str`, `!x`) or an anchor (`&pin`), and the blanks after
 * them: where the value itself starts. With nothing after them on the line, `v` itself. */
function pastProperties(text: string, v: number, valueEnd: number): number {
  let p = v;
  for (let c = text.charCodeAt(p); c === 0x21 /* ! */ || c === 0x26 /* & */; ) {
    let q = p + 1;
    while (q < valueEnd && !isBlank(text.charCodeAt(q))) q++;
    while (q < valueEnd && isBlank(text.charCodeAt(q))) q++;
    if (q >= valueEnd) return v;
    p = q;
    c = text.charCodeAt(p);
  }
  return p;
}

/** End of a TOML multi-line string opened at `open` (`'''` or `"""`) and closed on the same line,
 * just before its closing delimiter; -1 otherwise. */
function closingTriple(text: string, open: number, lineEnd: number): number {
  const quote = text.charCodeAt(open);
  for (let i = open + 3; i + 2 < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (quote === 0x22 && c === 0x5c /* \ */) {
      i++;
      continue;
    }
    if (c === quote && text.charCodeAt(i + 1) === quote && text.charCodeAt(i + 2) === quote) {
      return i;
    }
  }
  return -1;
}

/**
 * Every place in text[from, to) where `key` is written as a key (bare or quoted, followed by
 * ":" or "="), with the span of its value when that is a one-line scalar. A writer must still
 * confirm the span with the parser: these are candidates, not answers.
 */
export function keySpots(
  text: string,
  from: number,
  to: number,
  key: string,
  limit = MAX_SPOTS,
): KeySpot[] {
  const spots: KeySpot[] = [];
  // The line of the last candidate, so a long line is walked once, not once per candidate.
  let lineEnd = -1;
  let lineStart = -1;
  let onLine = 0;
  for (let i = text.indexOf(key, from); i !== -1 && i < to; i = text.indexOf(key, i + 1)) {
    // Past the limit the caller gives up (see MAX_SPOTS); one more says there were more.
    if (spots.length > limit) break;
    if (i > lineEnd) {
      lineStart = text.lastIndexOf("\n", i) + 1;
      const nl = text.indexOf("\n", i);
      lineEnd = nl === -1 || nl > to ? to : nl;
      onLine = 0;
    }
    // No real page writes one key many times on a line; the rest of such a line is passed over.
    if (++onLine > MAX_ON_LINE) {
      i = lineEnd;
      continue;
    }
    let keyAt = i;
    let k = i + key.length;
    const q = text.charCodeAt(i - 1);
    if ((q === 0x22 || q === 0x27) && text.charCodeAt(k) === q) {
      keyAt = i - 1;
      k++;
    }
    if (!startsKey(text, keyAt, from)) continue;
    while (isBlank(text.charCodeAt(k))) k++;
    const sep = text.charCodeAt(k);
    if (sep !== 0x3a /* : */ && sep !== 0x3d /* = */) continue;
    k++;
    const valueEnd = text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    let v = k;
    while (v < valueEnd && isBlank(text.charCodeAt(v))) v++;
    // A tag or an anchor is how the value is written, not the value: it stays as it is.
    const written = v;
    v = pastProperties(text, v, valueEnd);
    const push = (spot: Omit<KeySpot, "writtenEnd">, writtenEnd: number) =>
      spots.push(
        v === written
          ? { ...spot, writtenEnd }
          : { ...spot, writtenEnd, withProperties: { start: written, end: writtenEnd } },
      );
    const c = text.charCodeAt(v);
    if (
      (c === 0x22 || c === 0x27) &&
      text.charCodeAt(v + 1) === c &&
      text.charCodeAt(v + 2) === c
    ) {
      // TOML's multi-line string on one line: the text between its delimiters, which stay.
      const close = closingTriple(text, v, valueEnd);
      if (close !== -1) {
        const quote = c === 0x22 ? '"' : "'";
        push({ keyAt, value: { start: v + 3, end: close }, quote, gap: false }, close + 3);
        continue;
      }
    }
    if (c === 0x22 || c === 0x27) {
      const close = closingQuote(text, v, valueEnd);
      if (close === -1) continue;
      push(
        { keyAt, value: { start: v + 1, end: close }, quote: c === 0x22 ? '"' : "'", gap: false },
        close + 1,
      );
      continue;
    }
    // A block scalar (`|`, `>-`, ...): its value is the text of the indented lines below it,
    // which is replaced there, keeping the indicator and the indentation. Looked at for the
    // first candidates only, so a page of nested blocks cannot make this quadratic.
    if ((c === 0x7c || c === 0x3e) && spots.length < MAX_SPOTS) {
      const value = blockScalarText(text, lineStart, keyAt, v, lineEnd, to);
      push({ keyAt, value, quote: "", gap: false }, value.end);
      continue;
    }
    let end = v;
    let inFlow = false;
    for (let b = lineStart; b < v && !inFlow; b++) inFlow = text.charCodeAt(b) === 0x7b;
    while (end < valueEnd) {
      const ch = text.charCodeAt(end);
      if (ch === 0x23 /* # */ && (end === v || isBlank(text.charCodeAt(end - 1)))) break;
      if (inFlow && (ch === 0x2c || ch === 0x7d || ch === 0x5d)) break;
      end++;
    }
    while (end > v && isBlank(text.charCodeAt(end - 1))) end--;
    push({ keyAt, value: { start: v, end }, quote: "", gap: end === k }, end);
  }
  return spots;
}

/**
 * How many places that look like one key are looked at. Real front matter writes a key once or
 * twice; a page that writes it thousands of times (in a block scalar, say) would otherwise cost
 * a parse per place, which is quadratic. Past this, writers refuse and the scan's metaLine takes
 * the one place whose text is the value read, if there is exactly one.
 */
export const MAX_SPOTS = 32;

export type Parse = (text: string) => unknown;

/** The value at `path` inside parsed front matter data, or undefined. */
export function valueAt(data: unknown, path: readonly string[]): unknown {
  let cur = data;
  for (const part of path) {
    if (typeof cur !== "object" || cur === null || Array.isArray(cur)) return undefined;
    if (!Object.hasOwn(cur, part)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** A copy of `data` with the value at each path replaced by `mark` (paths that exist only). */
function masked(data: unknown, paths: ReadonlyArray<readonly string[]>, mark: unknown): unknown {
  const copy = (node: unknown, path: readonly string[], depth: number): unknown => {
    if (depth === path.length) return mark;
    if (typeof node !== "object" || node === null || Array.isArray(node)) return node;
    const part = path[depth] as string;
    if (!Object.hasOwn(node, part)) return node;
    return { ...node, [part]: copy((node as Record<string, unknown>)[part], path, depth + 1) };
  };
  let out = data;
  for (const path of paths) out = copy(out, path, 0);
  return out;
}

/** How a parsed scalar reads as text: dates (TOML) by their ISO form, the rest as strings. */
export function scalarText(value: unknown): string | null {
  if (typeof value === "string") return value;
  // smol-toml's dates print as written for local dates and times ("2025-04-21").
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

/**
 * Whether `after` is `before` with only the values at `paths` changed, each to what `want`
 * gives for its path: the test every front matter edit must pass.
 */
export function onlyChanged(
  before: unknown,
  after: unknown,
  paths: ReadonlyArray<readonly string[]>,
  want: (path: readonly string[]) => string,
): boolean {
  for (const path of paths) {
    // Read as the scan reads it (frontmatter.ts asWritten): a block scalar's final line break
    // (`|`, `>`) is how the value is written, and stays.
    if (scalarText(valueAt(after, path))?.trim() !== want(path)) return false;
  }
  const mark = Symbol("edited");
  return sameData(masked(before, paths, mark), masked(after, paths, mark));
}

/**
 * Whether two parsed front matters hold the same data. The simple reader makes objects without
 * a prototype and the YAML parser ordinary ones, and an edit can move a block from one to the
 * other: prototypes are not compared. Data too deep to compare counts as different.
 */
export function sameData(a: unknown, b: unknown): boolean {
  try {
    return isDeepStrictEqual(plain(a), plain(b));
  } catch {
    return false;
  }
}

function plain(value: unknown): unknown {
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map(plain);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    Object.defineProperty(out, key, {
      value: plain((value as Record<string, unknown>)[key]),
      enumerable: true,
    });
  }
  return out;
}

/** A replacement value that occurs nowhere in `text`, valid wherever a hash or date is. */
function sentinel(text: string, date: boolean): string {
  for (let n = 0; ; n++) {
    const s = date
      ? `${String(9999 - n).padStart(4, "0")}-12-31`
      : `c0ffee${n.toString(16).padStart(34, "0")}`;
    if (!text.includes(s)) return s;
  }
}

/**
 * The one spot among `spots` whose value the parser reads at `path`: replacing it changes that
 * value and nothing else. `block` is what `parse` reads; spots are offsets into it.
 * `syntax` says how a replacement is quoted (TOML has no bare strings).
 */
export function confirmSpan(
  block: string,
  spots: readonly KeySpot[],
  path: readonly string[],
  parse: Parse,
  data: unknown,
  opts: { date: boolean; syntax: FrontMatterFormat },
): KeySpot | null {
  const s = sentinel(block, opts.date);
  const reads = (spot: KeySpot) => {
    const value = replacement(spot, s, opts.syntax);
    if (value === null) return false;
    const edited = block.slice(0, spot.value.start) + value + block.slice(spot.value.end);
    let after: unknown;
    try {
      after = parse(edited);
    } catch {
      return false;
    }
    return after !== null && onlyChanged(data, after, [path], () => s);
  };
  let confirmed: KeySpot | null = null;
  for (const spot of spots) {
    // The value alone, keeping its tag; else, where the value does not fit the tag, the whole.
    const { withProperties, ...own } = spot;
    const whole = withProperties && { ...own, value: withProperties, quote: "" as const };
    const found = reads(own) ? own : whole && reads(whole) ? whole : null;
    if (!found) continue;
    if (confirmed) return null;
    confirmed = found;
  }
  return confirmed;
}
