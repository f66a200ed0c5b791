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
  // `space` is copied raw between tokens, where a \u escape would not be valid JSON.
  if (typeof space === "string" && !/^[ \t\n\r]*$/.test(space)) {
    throw new RangeError("space may only contain JSON whitespace");
  }
  const json = JSON.stringify(value, null, space);
  if (json === undefined) throw new TypeError("value has no JSON representation");
  // Almost every report has none of these: one regex test spares a per-character walk over
  // megabytes of JSON.
  let out = json;
  if (MAYBE_UNSAFE.test(json)) out = escapeUnsafe(json);
  // JSON printed in a GitHub Actions log is scanned for `##[command]` anywhere in a line. Outside
  // strings a `[` never follows `#`, so this only rewrites string contents, and JSON.parse still
  // returns the same value.
  return out.replaceAll("##[", "##\\u005b");
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
