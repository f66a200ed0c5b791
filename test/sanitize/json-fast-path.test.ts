// toJson skips its per-character walk when one regex finds nothing, and toJsonBytes when no
// unsafe byte sequence is found in the encoded text; both must catch every code point the
// terminal sanitizer rejects, or an unsafe character would slip through raw.
import { describe, expect, it } from "vitest";
import { mayBeUnsafe, toJson, toJsonBytes } from "../../src/sanitize/json.js";
import { isUnsafeCodePoint } from "../../src/sanitize/terminal.js";
import { fuzzStrings } from "./fuzz.js";

/** Every code point from U+007F up, surrogates excepted (JSON.stringify escapes those). */
function* codePoints(): Generator<number> {
  for (let cp = 0x7f; cp <= 0x10ffff; cp++) if (cp < 0xd800 || cp > 0xdfff) yield cp;
}

describe("toJson fast path", () => {
  it("escapes exactly the unsafe code points from U+007F up, alone in a string", () => {
    const wrong: string[] = [];
    const check = (cp: number) => {
      const ch = String.fromCodePoint(cp);
      const raw = toJson(`a${ch}b`).includes(ch);
      if (raw === isUnsafeCodePoint(cp)) wrong.push(cp.toString(16));
    };
    for (const cp of codePoints()) check(cp);
    expect(wrong).toEqual([]);
  });
});

describe("toJsonBytes", () => {
  it("finds the UTF-8 of every unsafe code point, wherever it stands", () => {
    const missed: string[] = [];
    for (const cp of codePoints()) {
      if (!isUnsafeCodePoint(cp)) continue;
      const ch = String.fromCodePoint(cp);
      for (const text of [ch, `ab${ch}`, `${ch}cd`, `x\u6f22${ch}\u00e9`]) {
        if (!mayBeUnsafe(Buffer.from(text, "utf8"))) missed.push(cp.toString(16));
      }
    }
    expect(missed).toEqual([]);
    expect(mayBeUnsafe(Buffer.from('"x##[y"'))).toBe(true);
  });

  it("lets ordinary text through without a second look", () => {
    const text = '{"title": "運行你自己的服務器 — “quoted” … café ©", "n": 1}';
    expect(mayBeUnsafe(Buffer.from(text, "utf8"))).toBe(false);
  });

  it("gives toJson's text as UTF-8, for hostile strings too", () => {
    for (const s of fuzzStrings(5, 3000)) {
      const value = { pages: [{ title: s, list: [s, 1, null] }] };
      expect(toJsonBytes(value, 2).toString("utf8")).toBe(toJson(value, 2));
    }
  });
});
