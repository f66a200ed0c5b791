// Sink: a terminal (plain table or Ink dashboard). Page paths, titles, commit subjects and author
// names come from pull requests by strangers, so any of them may try to recolour the screen, move
// the cursor, set the window title, hide text or reorder it. Each such code point is replaced by a
// printable ASCII escape (`\x1b`, `\u202e`, `\n`, ...) so the reader sees that it was there.
//
// A literal backslash is deliberately NOT escaped: that keeps `visible` idempotent (sinks may
// sanitize text that was already sanitized) at the price that the text `\x1b` and a real ESC look
// alike once escaped. Use `hasUnsafeChars` on the raw value when that difference matters. Page
// names, which users give back to the tool, are printed with `shownName` instead: the same
// escapes, and a backslash doubled where it would read as one, so `nameFromShown` reverses it.
import { INVISIBLE_CLASS } from "./invisible.js";

/**
 * Every code point from U+007F up that must never reach a terminal raw, as the contents of a
 * `[...]` for a regular expression with the `u` flag: DEL and C1 (8-bit CSI U+009B, OSC U+009D),
 * the line and paragraph separators, lone surrogates (which is how a `u` expression sees half a
 * pair), and every invisible character (invisible.ts: zero-width, bidi, fillers, tags, ...).
 */
export const UNSAFE_FROM_DEL_CLASS = String.raw`\u007f-\u009f\u2028\u2029\p{Cs}${INVISIBLE_CLASS}`;

// C0 as well: ESC starts CSI/OSC/DCS/APC/SOS/PM; also BEL, BS, TAB, LF, CR, NUL.
const UNSAFE_CLASS = String.raw`\u0000-\u001f${UNSAFE_FROM_DEL_CLASS}`;
const UNSAFE = new RegExp(`[${UNSAFE_CLASS}]`, "u");
const UNSAFE_ALL = new RegExp(`[${UNSAFE_CLASS}]`, "gu");

/** True for code points that must never reach a terminal raw. */
export function isUnsafeCodePoint(cp: number): boolean {
  if (cp < 0x7f) return cp >= 0 && cp <= 0x1f;
  if (cp > 0x10ffff || !Number.isInteger(cp)) return false;
  return UNSAFE.test(String.fromCodePoint(cp));
}

const NAMED: ReadonlyMap<number, string> = new Map([
  [0x09, "\\t"],
  [0x0a, "\\n"],
  [0x0d, "\\r"],
]);

function escapeCodePoint(cp: number): string {
  const named = NAMED.get(cp);
  if (named !== undefined) return named;
  // A byte of a file name or commit text that was not UTF-8 (core/path-bytes.ts): shown as the
  // byte, in capitals. `\x80` and up are bytes only; a character from U+0080 (C1, the soft
  // hyphen) is `\u0080`, so the two never print alike.
  if (cp >= 0xdc80 && cp <= 0xdcff) return `\\x${(cp - 0xdc00).toString(16).toUpperCase()}`;
  const hex = cp.toString(16);
  if (cp < 0x80) return `\\x${hex.padStart(2, "0")}`;
  if (cp <= 0xffff) return `\\u${hex.padStart(4, "0")}`;
  return `\\u{${hex}}`;
}

const escapeMatch = (ch: string) => escapeCodePoint(ch.codePointAt(0) ?? 0);

/** `s` split into code points (a lone surrogate is its own item), each unsafe one escaped. */
function* tokens(s: string): Generator<string> {
  // for..of walks code points: a valid surrogate pair stays together, a lone half comes alone.
  if (!UNSAFE.test(s)) {
    yield* s;
    return;
  }
  for (const ch of s) yield isUnsafeCodePoint(ch.codePointAt(0) ?? 0) ? escapeMatch(ch) : ch;
}

/** Whether `visible(s)` would change `s`. */
export function hasUnsafeChars(s: string): boolean {
  return UNSAFE.test(s);
}

/** `s` with every unsafe code point replaced by a printable ASCII escape. Idempotent. */
export function visible(s: string): string {
  if (!UNSAFE.test(s)) return s;
  return s.replace(UNSAFE_ALL, escapeMatch);
}

/** A backslash whose printed form would be followed by something that reads as an escape: a
 * backslash, `t`, `n`, `r`, `x`, `u`, or a code point that is itself printed as an escape. */
const BACKSLASH_BEFORE_ESCAPE = new RegExp(String.raw`\\(?=[\\tnrxu${UNSAFE_CLASS}])`, "gu");

/**
 * A page name (any file name) as every report prints it: `visible`, with a literal backslash
 * doubled where it would otherwise read as an escape, so `c\xFFd.md` (backslash, x, F, F)
 * prints as `c\\xFFd.md` and the name holding the byte 0xFF as `c\xFFd.md`. Free of unsafe
 * characters, so the sinks' own `visible` leaves it as it is. `nameFromShown` reverses it.
 *
 * The forms GitHub's runner reads a workflow command in are escapes too, in the name itself
 * rather than by each sink: the `[` of `##[` is `\x5b`, and the first `:` of a `::` that starts
 * a segment of the path (after white space) is `\x3a`, as a line may start with the name or with
 * its part inside the language's folder. A sink that broke them up its own way would write a
 * character that other names hold (`##\[x].md` is a name as well), and two names would print
 * alike; an escape reads back as the character it stands for.
 */
export function shownName(name: string): string {
  return withoutRunnerCommands(annotationPath(name));
}

/**
 * A name as `shownName` prints it but for the workflow-command forms: for the `file` property of
 * a GitHub annotation, which the runner reads as that command's property only (so `##[` there
 * runs nothing) and GitHub matches against the repository's files. It still reads back.
 */
export function annotationPath(name: string): string {
  if (!name.includes("\\")) return visible(name);
  return visible(name.replace(BACKSLASH_BEFORE_ESCAPE, "\\\\"));
}

// The escape never follows a backslash of the name: the `[` follows `#`, the `:` a `/`, white
// space or nothing, and every escape `visible` writes ends in a letter, a digit or `}`.
function withoutRunnerCommands(shown: string): string {
  return shown.replaceAll("##[", "##\\x5b").replace(/(^|\/)(\s*):(?=:)/g, "$1$2\\x3a");
}

const SHOWN_ESCAPE =
  /\\(?:(\\)|([tnr])|x([0-9a-fA-F]{2})|u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4}))/g;
const NAMED_BACK: Readonly<Record<string, string>> = { t: "\t", n: "\n", r: "\r" };

/**
 * A name as the reports print it back to the name itself: the one reading of a PAGE or PATH
 * given on the command line, the inverse of `shownName` for every escape it writes (`\\`, `\t`,
 * `\n`, `\r`, `\x00`-`\x7f` for those characters, `\x80`-`\xFF` for a byte that was not UTF-8,
 * `\uXXXX`, `\u{X}`). A backslash before anything else is itself.
 */
export function nameFromShown(text: string): string {
  if (!text.includes("\\")) return text;
  return text.replace(
    SHOWN_ESCAPE,
    (all, slash?: string, named?: string, byte?: string, braced?: string, unit?: string) => {
      if (slash) return "\\";
      if (named) return NAMED_BACK[named] ?? all;
      if (byte) {
        const n = Number.parseInt(byte, 16);
        return String.fromCharCode(n < 0x80 ? n : 0xdc00 + n);
      }
      if (braced) {
        const cp = Number.parseInt(braced, 16);
        return cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
      }
      return String.fromCharCode(Number.parseInt(unit as string, 16));
    },
  );
}

/**
 * `visible(s)` cut to at most `max` code points in total, the last being `…` when anything was cut.
 * Never splits a surrogate pair or an escape such as `\x1b`.
 */
export function visibleLine(s: string, max: number): string {
  if (!Number.isInteger(max) || max < 0) {
    throw new RangeError(`max must be a natural number: ${max}`);
  }
  const parts = [...tokens(s)];
  const width = (t: string) => [...t].length; // an escape is ASCII; a surrogate pair counts once
  let total = 0;
  for (const t of parts) total += width(t);
  if (total <= max) return parts.join("");
  if (max === 0) return "";
  let out = "";
  let used = 0;
  for (const t of parts) {
    if (used + width(t) > max - 1) break;
    out += t;
    used += width(t);
  }
  return `${out}…`;
}
