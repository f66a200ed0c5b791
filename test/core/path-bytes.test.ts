import { describe, expect, it } from "vitest";
import { decodeBytes, encodeBytes, hasEscapedBytes } from "../../src/core/path-bytes.js";
import { NulSplitter } from "../../src/git/run.js";
import { nameFromShown, shownName } from "../../src/sanitize/terminal.js";

describe("file names as bytes", () => {
  it("decodes valid UTF-8 as usual and gives every other byte back", () => {
    expect(decodeBytes(Buffer.from("café/页.md"))).toBe("café/页.md");
    const bad = Buffer.from([0x62, 0xff, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0xf0, 0x9f, 0x98]);
    const text = decodeBytes(bad);
    expect(hasEscapedBytes(text)).toBe(true);
    expect(text).not.toContain("\uFFFD");
    expect(encodeBytes(text).equals(bad)).toBe(true);
  });

  it("finds no kept byte in a name of valid UTF-8 whose character pairs surrogates", () => {
    // U+20080 is D840 DC80 in UTF-16: its second half is no byte kept from a bad name.
    expect(hasEscapedBytes(decodeBytes(Buffer.from("𠂀.md")))).toBe(false);
    expect(hasEscapedBytes(decodeBytes(Buffer.from([0xf0, 0xa0, 0x82, 0x80, 0xff])))).toBe(true);
  });

  it("round-trips 5,000 random byte strings", () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed >>> 16;
    };
    for (let n = 0; n < 5000; n++) {
      const bytes = Buffer.from(Array.from({ length: next() % 24 }, () => next() % 256));
      expect(encodeBytes(decodeBytes(bytes)).equals(bytes)).toBe(true);
    }
  });

  it("reads the escaped form the reports print back, for any bytes", () => {
    expect(
      encodeBytes(nameFromShown("b\\xFFad.md")).equals(
        Buffer.from([0x62, 0xff, 0x61, 0x64, 0x2e, 0x6d, 0x64]),
      ),
    ).toBe(true);
    let seed = 11;
    const next = () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed >>> 16;
    };
    // Backslashes and the letters escapes are made of, often, among every other byte.
    const pick = [0x5c, 0x5c, 0x78, 0x75, 0x74, 0x6e, 0x7b, 0x46, 0x30];
    for (let n = 0; n < 5000; n++) {
      const bytes = Buffer.from(
        Array.from({ length: next() % 16 }, () =>
          next() % 3 === 0 ? (pick[next() % pick.length] as number) : next() % 256,
        ),
      );
      const shown = shownName(decodeBytes(bytes));
      expect(encodeBytes(nameFromShown(shown)).equals(bytes)).toBe(true);
    }
  });

  it("splits git's NUL records keeping their bytes across chunk boundaries", () => {
    const records = [
      Buffer.from("a\u00e9"),
      Buffer.from([0x62, 0xff]),
      Buffer.from(""),
      Buffer.from("页"),
    ];
    const all = Buffer.concat(records.flatMap((r) => [r, Buffer.from([0])]));
    for (let cut = 0; cut <= all.length; cut++) {
      const got: string[] = [];
      const splitter = new NulSplitter((r) => got.push(r));
      splitter.push(all.subarray(0, cut));
      splitter.push(all.subarray(cut));
      splitter.end();
      expect(got.map((g) => encodeBytes(g).toString("hex"))).toEqual(
        records.map((r) => r.toString("hex")),
      );
    }
  });
});
