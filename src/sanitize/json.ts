// Sink: JSON output, which users often print straight to a terminal. JSON.stringify escapes C0
// controls and (since ES2019, "well-formed JSON.stringify") lone surrogates, but leaves DEL, C1,
// bidi, invisible characters and U+2028/U+2029 raw. Those only ever occur inside string literals,
// so rewriting them as \uXXXX keeps the document valid and JSON.parse returns the same value.
import { isUnsafeCodePoint } from "./terminal.js";

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
  // returns the same value.
  return out.replaceAll("##[", "##\\u005b");
}

/**
 * The UTF-8 forms of MAYBE_UNSAFE's code points, as a first byte sequence and the ranges the
 * next byte falls in; and `##[`. Finding one means "maybe": the string is then checked exactly.
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
  [Buffer.from([0xd8, 0x9c]), []], // U+061C
  [Buffer.from([0xe1, 0xa0, 0x8e]), []], // U+180E
  [
    Buffer.from([0xe2, 0x80]),
    [
      [0x8b, 0x8f],
      [0xa8, 0xae],
    ],
  ], // U+200B-200F, U+2028-202E
  [Buffer.from([0xe2, 0x81]), [[0xa0, 0xaf]]], // U+2060-206F
  [Buffer.from([0xef, 0xbb, 0xbf]), []], // U+FEFF
  [Buffer.from([0xef, 0xbf]), [[0xb9, 0xbb]]], // U+FFF9-FFFB
  [Buffer.from([0xf3, 0xa0]), [[0x80, 0x81]]], // tag characters U+E0000-E007F
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
const MAYBE_UNSAFE =
  /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]|\udb40[\udc00-\udc7f]/;

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
