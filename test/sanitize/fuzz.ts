// Deterministic "random" strings built from hostile code points, shared by the sanitizer tests.
import { mulberry32 as prng } from "../../bench/prng.js";

/** UTF-16 units / strings to draw from. Raw surrogate halves may pair up by chance, on purpose. */
export const HOSTILE_PIECES: readonly string[] = [
  ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)),
  ...Array.from({ length: 0x21 }, (_, i) => String.fromCharCode(0x7f + i)),
  "\u00ad",
  "\u061c",
  "\u200b",
  "\u200c",
  "\u200d",
  "\u200e",
  "\u200f",
  "\u2028",
  "\u2029",
  "\u202a",
  "\u202b",
  "\u202c",
  "\u202d",
  "\u202e",
  "\u2060",
  "\u2061",
  "\u2062",
  "\u2063",
  "\u2064",
  "\u2066",
  "\u2067",
  "\u2068",
  "\u2069",
  "\ufeff",
  "\ud800",
  "\udbff",
  "\udc00",
  "\udfff",
  "\udb40",
  "\udc41",
  "\\",
  "x",
  "1b",
  "u",
  "{",
  "[",
  "]",
  "%",
  ":",
  ",",
  "|",
  "`",
  "@",
  "#",
  "<",
  "&",
  "\u00e9",
  "\u0301",
  "\u6f22",
  "\ud83d\ude00",
  "::",
  "##[",
  "://",
  "www.",
];

/** `count` strings of 0..maxLen pieces each, identical on every run. */
export function fuzzStrings(
  seed: number,
  count: number,
  maxLen = 24,
  pieces: readonly string[] = HOSTILE_PIECES,
): string[] {
  const rand = prng(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const len = Math.floor(rand() * (maxLen + 1));
    let s = "";
    for (let j = 0; j < len; j++) s += pieces[Math.floor(rand() * pieces.length)];
    out.push(s);
  }
  return out;
}

// The classes every sanitizer must keep out of its output, written out independently of
// src/sanitize/terminal.ts so the tests do not just re-run the predicate under test.
const FORBIDDEN_BMP = new RegExp(
  "[\\u0000-\\u001f\\u007f-\\u009f\\u00ad\\u061c\\u200b-\\u200f\\u2028\\u2029\\u202a-\\u202e" +
    "\\u2060-\\u2064\\u2066-\\u2069\\ufeff]",
);
// With the u flag a surrogate range matches only halves that are not part of a valid pair.
const LONE_SURROGATE = /[\ud800-\udfff]/u;

/** The first forbidden character in `s` as U+XXXX, or null. */
export function firstForbidden(s: string): string | null {
  const m = FORBIDDEN_BMP.exec(s) ?? LONE_SURROGATE.exec(s);
  if (m === null) return null;
  return `U+${(m[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}
