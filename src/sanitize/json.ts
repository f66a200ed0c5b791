// Sink: JSON output, which users often print straight to a terminal. JSON.stringify escapes C0
// controls and (since ES2019, "well-formed JSON.stringify") lone surrogates, but leaves DEL, C1,
// bidi, invisible characters and U+2028/U+2029 raw. Those only ever occur inside string literals,
// so rewriting them as \uXXXX keeps the document valid and JSON.parse returns the same value.
// Which characters are unsafe is terminal.ts's answer (and invisible.ts's), never decided here.
import { breakRunnerCommands } from "./github.js";
import { isUnsafeCodePoint, UNSAFE_FROM_DEL_CLASS } from "./terminal.js";

function unicodeEscape(ch: string): string {
  let out = "";
  // An astral character (tag characters) becomes its two UTF-16 escapes, as JSON requires.
  for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, "0")}`;
  return out;
}

/** JSON.stringify(value, null, space) with no raw control, bidi or invisible character in it. */
export function toJson(value: unknown, space?: number | string): string {
  return sanitized(stringify(value, space));
}

/**
 * toJson as UTF-8, for large reports. A report is almost never unsafe, and looking for the
 * byte sequences of the unsafe characters in the encoded text (which has to be made anyway) is
 * several times faster than a regex over the string; only a report that has one is rewritten.
 */
export function toJsonBytes(value: unknown, space?: number | string): Buffer {
  const json = stringify(value, space);
  const bytes = Buffer.from(json, "utf8");
  return mayBeUnsafe(bytes) ? Buffer.from(sanitized(json), "utf8") : bytes;
}

function stringify(value: unknown, space?: number | string): string {
  // `space` is copied raw between tokens, where a \u escape would not be valid JSON.
  if (typeof space === "string" && !/^[ \t\n\r]*$/.test(space)) {
    throw new RangeError("space may only contain JSON whitespace");
  }
  const json = JSON.stringify(value, null, space);
  if (json === undefined) throw new TypeError("value has no JSON representation");
  return json;
}

function sanitized(json: string): string {
  // Almost every report has none of these: one regex test spares a per-character walk over
  // megabytes of JSON.
  let out = json;
  if (MAYBE_UNSAFE.test(json)) out = escapeUnsafe(json);
  // JSON printed in a GitHub Actions log is scanned for `##[command]` anywhere in a line. Outside
  // strings a `[` never follows `#`, so this only rewrites string contents, and JSON.parse still
  // returns the same value. No line starts with a string's text: each starts with white space,
  // then a quote or a bracket.
  return breakRunnerCommands(out, { bracket: "\\u005b", colon: null });
}

/**
 * A first byte sequence and the ranges the next byte falls in, covering the UTF-8 form of every
 * code point from U+007F up that isUnsafeCodePoint rejects; and `##[`. Finding one means "maybe":
 * the string is then checked exactly. This is only a quick look for the exact rule, which it must
 * never miss: test/sanitize/json-fast-path.test.ts checks every code point against it.
 */
const UNSAFE_UTF8: ReadonlyArray<[Buffer, ReadonlyArray<readonly [number, number]>]> = [
  [Buffer.from([0x7f]), []], // DEL
  [
    Buffer.from([0xc2]),
    [
      [0x80, 0x9f],
      [0xad, 0xad],
    ],
  ], // C1, soft hyphen
  [Buffer.from([0xcd]), [[0x8f, 0x8f]]], // U+034F combining grapheme joiner
  [
    Buffer.from([0xd8]),
    [
      [0x80, 0x85],
      [0x9c, 0x9c],
    ],
  ], // U+0600-0605 Arabic number signs, U+061C
  [Buffer.from([0xdb]), [[0x9d, 0x9d]]], // U+06DD
  [Buffer.from([0xdc]), [[0x8f, 0x8f]]], // U+070F
  [Buffer.from([0xe0, 0xa2]), [[0x90, 0x91]]], // U+0890-0891
  [Buffer.from([0xe0, 0xa3]), [[0xa2, 0xa2]]], // U+08E2
  [Buffer.from([0xe1, 0x85]), [[0x9f, 0xa0]]], // U+115F-1160 Hangul fillers
  [Buffer.from([0xe1, 0x9e]), [[0xb4, 0xb5]]], // U+17B4-17B5 Khmer inherent vowels
  [Buffer.from([0xe1, 0xa0]), [[0x8b, 0x8f]]], // U+180B-180F Mongolian selectors, U+180E
  [
    Buffer.from([0xe2, 0x80]),
    [
      [0x8b, 0x8f],
      [0xa8, 0xae],
    ],
  ], // U+200B-200F, U+2028-202E
  [Buffer.from([0xe2, 0x81]), [[0xa0, 0xaf]]], // U+2060-206F
  [Buffer.from([0xe2, 0xa0]), [[0x80, 0x80]]], // U+2800 braille blank
  [Buffer.from([0xe3, 0x85]), [[0xa4, 0xa4]]], // U+3164 Hangul filler
  [Buffer.from([0xef, 0xb8]), [[0x80, 0x8f]]], // U+FE00-FE0F variation selectors
  [Buffer.from([0xef, 0xbb, 0xbf]), []], // U+FEFF
  [Buffer.from([0xef, 0xbe]), [[0xa0, 0xa0]]], // U+FFA0 halfwidth Hangul filler
  [Buffer.from([0xef, 0xbf]), [[0xb0, 0xbb]]], // U+FFF0-FFFB
  [Buffer.from([0xf0, 0x91]), [[0x82, 0x83]]], // U+110BD, U+110CD Kaithi number signs
  [Buffer.from([0xf0, 0x93]), [[0x90, 0x90]]], // U+13430-1343F Egyptian format controls
  [Buffer.from([0xf0, 0x9b]), [[0xb2, 0xb2]]], // U+1BCA0-1BCA3 shorthand format controls
  [Buffer.from([0xf0, 0x9d]), [[0x85, 0x85]]], // U+1D159, U+1D173-1D17A musical symbols
  [Buffer.from([0xf3, 0xa0]), []], // U+E0000-E0FFF tags, variation selectors supplement
  [Buffer.from("##["), []],
];

/** Whether the UTF-8 text may hold a character toJson escapes (never false when it does). */
export function mayBeUnsafe(bytes: Uint8Array): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const [start, next] of UNSAFE_UTF8) {
    for (let at = buf.indexOf(start); at !== -1; at = buf.indexOf(start, at + 1)) {
      if (next.length === 0) return true;
      const b = buf[at + start.length] ?? -1;
      if (next.some(([lo, hi]) => b >= lo && b <= hi)) return true;
    }
  }
  return false;
}

/** Every code point at or above U+007F that isUnsafeCodePoint rejects (tag characters as pairs). */
const MAYBE_UNSAFE = new RegExp(`[${UNSAFE_FROM_DEL_CLASS}]`, "u");

function escapeUnsafe(json: string): string {
  let out = "";
  for (const ch of json) {
    const cp = ch.codePointAt(0) ?? 0;
    // Below U+007F only C0 is unsafe, and JSON.stringify already escaped it inside strings; the
    // tabs and newlines outside strings are indentation and must stay raw.
    out += cp >= 0x7f && isUnsafeCodePoint(cp) ? unicodeEscape(ch) : ch;
  }
  return out;
}
