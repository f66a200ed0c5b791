// toJson skips its per-character walk when one regex finds nothing; that regex must catch every
// code point the terminal sanitizer rejects, or an unsafe character would slip through raw.
import { describe, expect, it } from "vitest";
import { toJson } from "../../src/sanitize/json.js";
import { isUnsafeCodePoint } from "../../src/sanitize/terminal.js";

describe("toJson fast path", () => {
  it("escapes exactly the unsafe code points from U+007F up, alone in a string", () => {
    const wrong: string[] = [];
    const check = (cp: number) => {
      const ch = String.fromCodePoint(cp);
      const raw = toJson(`a${ch}b`).includes(ch);
      if (raw === isUnsafeCodePoint(cp)) wrong.push(cp.toString(16));
    };
    for (let cp = 0x7f; cp <= 0xffff; cp++) if (cp < 0xd800 || cp > 0xdfff) check(cp);
    for (let cp = 0xe0000; cp <= 0xe00ff; cp++) check(cp);
    expect(wrong).toEqual([]);
  });
});
