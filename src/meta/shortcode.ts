// Hugo shortcodes, read in one left-to-right pass over untrusted text. A shortcode that does not
// parse is dropped and the scan resumes just after its "{{"; outside quotes a "{" always ends such
// an attempt, and a failed search for a closing quote or comment end is remembered, so no input
// can make the scan quadratic.

import { fencedBlockEnd } from "./fences.js";
import { COMMIT_ATTRIBUTE } from "./keys.js";
import { LineCounter, NextIndex } from "./offsets.js";
import { isTranslationStatusName } from "./status-shortcode.js";

export interface Shortcode {
  /** The name as written, e.g. "translation-status-zh-cn". */
  name: string;
  /** Named parameters, unquoted; a repeated name keeps its last value. */
  params: Map<string, string>;
  /** Parameter names given more than once. */
  repeated: string[];
  /** Offset of the opening "{{". */
  start: number;
  /** Offset just past the closing "}}". */
  end: number;
  /** 1-based line of the opening "{{". */
  line: number;
  /** 1-based line where the (last) raw_commit parameter is written, null without one: what an
   * annotation points at when a shortcode spans several lines. */
  commitLine: number | null;
  /** Where each named value is written (inside its quotes), when asked for: what an edit of
   * the page replaces. A repeated name keeps its last place. */
  spans?: Map<string, ValueSpan>;
  /** Where each name is written, when spans are asked for (a repeated name keeps its last). */
  keys?: Map<string, ValueSpan>;
}

export interface ValueSpan {
  start: number;
  end: number;
}

const LT = 60;
const PERCENT = 37;
const SLASH = 47;
const BACKSLASH = 92;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const BACKTICK = 96;
const EQUALS = 61;

/** Whether a fence marker occurs in text[from..brace), where a fence before the brace would
 * have to start. */
function mayOpenBefore(brace: number, from: number, backticks: NextIndex, tildes: NextIndex) {
  const b = backticks.from(from);
  const t = tildes.from(from);
  return (b !== -1 && b < brace) || (t !== -1 && t < brace);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12;
}

function isQuote(c: number): boolean {
  return c === DOUBLE_QUOTE || c === SINGLE_QUOTE || c === BACKTICK;
}

/** Characters of unquoted names and values. Braces are excluded so a "{{" always ends one. */
function isBareChar(c: number): boolean {
  if (Number.isNaN(c) || isSpace(c) || isQuote(c)) return false;
  return c !== 123 && c !== 125 && c !== LT && c !== 62 && c !== EQUALS;
}

type Attempt =
  /** The shortcode's lines are filled in by the scan, which counts lines as it goes. */
  { kind: "shortcode"; shortcode: Shortcode; commitAt: number } | { kind: "skip"; next: number };

class Scanner {
  private readonly n: number;
  /** Per quote character: the earliest opening quote known to have no closing one after it. */
  private readonly unclosedQuote = new Map<number, number>();
  /** Per delimiter ("<" or "%"): the earliest offset known to have no comment end after it. */
  private readonly unclosedComment = new Map<number, number>();

  constructor(
    private readonly text: string,
    private readonly withSpans: boolean,
  ) {
    this.n = text.length;
  }

  scan(from: number): Shortcode[] {
    const { text, n } = this;
    const found: Shortcode[] = [];
    const lines = new LineCounter(text);
    const braces = new NextIndex(text, "{{");
    const newlines = new NextIndex(text, "\n");
    // Every fence opens with three backticks or tildes.
    const backticks = new NextIndex(text, "```");
    const tildes = new NextIndex(text, "~~~");
    let pos = from;
    let atLineStart = from === 0 || text.charCodeAt(from - 1) === 10;
    while (pos < n) {
      if (atLineStart) {
        const fenceEnd = fencedBlockEnd(text, pos);
        if (fenceEnd !== -1) {
          pos = fenceEnd;
          continue;
        }
        atLineStart = false;
      }
      const brace = braces.from(pos);
      if (brace === -1) break;
      const newline = newlines.from(pos);
      // Lines are walked one by one only to find fences; with none before the brace, the
      // lines up to it can be passed over at once.
      if (newline !== -1 && newline < brace && mayOpenBefore(brace, pos, backticks, tildes)) {
        pos = newline + 1;
        atLineStart = true;
        continue;
      }
      const attempt = this.attemptAt(brace);
      if (attempt.kind === "shortcode") {
        const shortcode = attempt.shortcode;
        shortcode.line = lines.lineAt(brace);
        if (attempt.commitAt !== -1) shortcode.commitLine = lines.lineAt(attempt.commitAt);
        found.push(shortcode);
        pos = attempt.shortcode.end;
      } else {
        pos = attempt.next;
      }
    }
    return found;
  }

  private skipSpace(from: number): number {
    let i = from;
    while (i < this.n && isSpace(this.text.charCodeAt(i))) i++;
    return i;
  }

  private attemptAt(start: number): Attempt {
    const { text } = this;
    const open = text.charCodeAt(start + 2);
    // "{{{<" holds a shortcode one character later.
    if (open !== LT && open !== PERCENT) return { kind: "skip", next: start + 1 };
    const close = open === LT ? ">}}" : "%}}";
    const failed: Attempt = { kind: "skip", next: start + 2 };
    let p = this.skipSpace(start + 3);
    if (text.startsWith("/*", p)) {
      const end = this.commentEnd(p + 2, open, close);
      return end === -1 ? failed : { kind: "skip", next: end };
    }
    // A closing tag such as {{< /hint >}} carries nothing to read.
    if (text.charCodeAt(p) === SLASH) return failed;
    const nameStart = p;
    p = this.bareEnd(p, close);
    if (p === nameStart) return failed;
    const name = text.slice(nameStart, p);
    const params = new Map<string, string>();
    const repeated: string[] = [];
    // A Set beside the list, made at the first repeat: a shortcode repeating thousands of
    // names must stay linear, and the others should not pay for it.
    let repeatedSeen: Set<string> | null = null;
    // Only the metadata's own shortcode is ever edited: no other needs its places kept.
    const spans =
      this.withSpans && isTranslationStatusName(name) ? new Map<string, ValueSpan>() : null;
    const keys = spans ? new Map<string, ValueSpan>() : null;
    let commitAt = -1;
    const found = (end: number): Attempt => ({
      kind: "shortcode",
      shortcode: {
        name,
        params,
        repeated,
        start,
        end,
        line: 0,
        commitLine: null,
        ...(spans && keys ? { spans, keys } : {}),
      },
      commitAt,
    });
    for (;;) {
      p = this.skipSpace(p);
      if (p >= this.n) return failed;
      if (text.startsWith(close, p)) return found(p + 3);
      const c = text.charCodeAt(p);
      if (c === SLASH && text.startsWith(close, p + 1)) return found(p + 4);
      if (isQuote(c)) {
        // A quoted positional parameter: nothing this reader needs.
        p = this.quotedEnd(p);
        if (p === -1) return failed;
        continue;
      }
      const keyStart = p;
      p = this.bareEnd(p, close);
      if (p === keyStart) return failed;
      const key = text.slice(keyStart, p);
      const afterKey = this.skipSpace(p);
      if (text.charCodeAt(afterKey) !== EQUALS) {
        p = afterKey;
        continue;
      }
      const valueStart = this.skipSpace(afterKey + 1);
      let value = "";
      p = valueStart;
      const quoted = isQuote(text.charCodeAt(valueStart));
      if (quoted) {
        p = this.quotedEnd(valueStart);
        if (p === -1) return failed;
        value = unquote(text.slice(valueStart, p));
      } else {
        p = this.bareEnd(valueStart, close);
        value = text.slice(valueStart, p);
      }
      if (key === COMMIT_ATTRIBUTE) commitAt = keyStart;
      if (params.has(key)) {
        repeatedSeen ??= new Set();
        if (!repeatedSeen.has(key)) {
          repeatedSeen.add(key);
          repeated.push(key);
        }
      }
      params.set(key, value);
      keys?.set(key, { start: keyStart, end: keyStart + key.length });
      spans?.set(
        key,
        quoted ? { start: valueStart + 1, end: p - 1 } : { start: valueStart, end: p },
      );
    }
  }

  /** End of a run of bare characters, stopping before a closing delimiter. */
  private bareEnd(from: number, close: string): number {
    const { text } = this;
    let i = from;
    while (i < this.n) {
      const c = text.charCodeAt(i);
      if (!isBareChar(c)) break;
      if (c === SLASH && text.startsWith(close, i + 1)) break;
      if (c === PERCENT && text.startsWith(close, i)) break;
      i++;
    }
    return i;
  }

  /** Offset just past the quoted string opening at `from`, or -1 when it never closes. */
  private quotedEnd(from: number): number {
    const { text } = this;
    const quote = text.charCodeAt(from);
    if (from >= (this.unclosedQuote.get(quote) ?? Number.POSITIVE_INFINITY)) return -1;
    if (quote === BACKTICK) {
      const end = text.indexOf("`", from + 1);
      if (end !== -1) return end + 1;
    } else {
      for (let i = from + 1; i < this.n; i++) {
        const c = text.charCodeAt(i);
        if (c === BACKSLASH) i++;
        else if (c === quote) return i + 1;
      }
    }
    this.unclosedQuote.set(quote, from);
    return -1;
  }

  /** Offset just past "*\/" + optional space + the closing delimiter, or -1 when there is none. */
  private commentEnd(from: number, open: number, close: string): number {
    if (from >= (this.unclosedComment.get(open) ?? Number.POSITIVE_INFINITY)) return -1;
    let i = from;
    for (;;) {
      const star = this.text.indexOf("*/", i);
      if (star === -1) break;
      const k = this.skipSpace(star + 2);
      if (this.text.startsWith(close, k)) return k + close.length;
      i = star + 2;
    }
    this.unclosedComment.set(open, from);
    return -1;
  }
}

function unquote(quoted: string): string {
  const quote = quoted.charAt(0);
  const inner = quoted.slice(1, -1);
  return quote === "`" ? inner : inner.replaceAll(`\\${quote}`, quote);
}

/**
 * Every live shortcode from offset `from` on, in page order. Shortcodes inside fenced code
 * blocks, Hugo comments ({{</* … *\/>}}) and closing tags ({{< /name >}}) are not returned.
 * `withSpans` adds where each value is written.
 */
export function findShortcodes(text: string, from = 0, withSpans = false): Shortcode[] {
  return new Scanner(text, withSpans).scan(from);
}
