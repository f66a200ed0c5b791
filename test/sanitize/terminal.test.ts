import { describe, expect, it } from "vitest";
import {
  annotationPath,
  hasUnsafeChars,
  isUnsafeCodePoint,
  nameFromShown,
  shownName,
  visible,
  visibleLine,
} from "../../src/sanitize/terminal.js";
import { firstForbidden, fuzzStrings, HOSTILE_PIECES } from "./fuzz.js";

describe("visible", () => {
  it.each([
    ["\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"], // CSI
    ["\x1b]0;owned\x07", "\\x1b]0;owned\\x07"], // OSC set title, BEL terminated
    [
      "\x1b]8;;https://evil\x1b\\link\x1b]8;;\x1b\\",
      "\\x1b]8;;https://evil\\x1b\\link\\x1b]8;;\\x1b\\",
    ],
    ["\x1bPq#0\x1b\\", "\\x1bPq#0\\x1b\\"], // DCS
    ["\x1b_apc\x1b\\", "\\x1b_apc\\x1b\\"], // APC
    ["\x1bXsos\x1b^pm", "\\x1bXsos\\x1b^pm"], // SOS, PM
    ["a\tb\nc\rd", "a\\tb\\nc\\rd"],
    ["\x00\x07\x08\x0b\x0c\x1f", "\\x00\\x07\\x08\\x0b\\x0c\\x1f"],
    ["del\x7f", "del\\x7f"],
    ["\x9b31m\x9d0;t\x9c\x80\x9f", "\\u009b31m\\u009d0;t\\u009c\\u0080\\u009f"], // 8-bit CSI, OSC, ST
    ["\u061c\u200e\u200f", "\\u061c\\u200e\\u200f"],
    ["\u202a\u202b\u202c\u202d\u202e", "\\u202a\\u202b\\u202c\\u202d\\u202e"],
    ["\u2066\u2067\u2068\u2069", "\\u2066\\u2067\\u2068\\u2069"],
    ["a\u200bb\u200cc\u200dd", "a\\u200bb\\u200cc\\u200dd"],
    ["\u2060\u2061\u2062\u2063\u2064", "\\u2060\\u2061\\u2062\\u2063\\u2064"],
    ["\ufeffbom", "\\ufeffbom"],
    ["soft\u00adhyphen", "soft\\u00adhyphen"],
    ["l\u2028p\u2029", "l\\u2028p\\u2029"],
    ["\ud800", "\\ud800"],
    ["a\udc00b", "a\\udc00b"],
    ["\udc00\ud800", "\\udc00\\ud800"], // reversed halves are two lone surrogates
    ["\ud83d", "\\ud83d"], // half an emoji
    ["\u{e0041}\u{e007f}", "\\u{e0041}\\u{e007f}"], // tag characters (hidden ASCII)
    ["\u180e\u2065\u206f\ufff9\ufffb", "\\u180e\\u2065\\u206f\\ufff9\\ufffb"],
    // Default-ignorable code points and blank fillers (issue 19): Hangul fillers, the combining
    // grapheme joiner, a musical beam control, braille blank, variation selectors (which can
    // carry smuggled bytes, and widen ❤ to two columns in some terminals).
    ["a\u3164b\u115fc\uffa0d", "a\\u3164b\\u115fc\\uffa0d"],
    ["a\u034fb\u{1d173}c\u2800d", "a\\u034fb\\u{1d173}c\\u2800d"],
    ["\u2764\ufe0f \u{e0100}", "\u2764\\ufe0f \\u{e0100}"],
  ])("escapes %j", (input, expected) => {
    expect(visible(input)).toBe(expected);
  });

  it("leaves no ESC in a splice that would re-form a sequence after naive stripping", () => {
    const out = visible("\x1b\x1b[0m[31m");
    expect(out).toBe("\\x1b\\x1b[0m[31m");
    expect(out.includes("\x1b")).toBe(false);
  });

  it.each([
    ["plain ASCII: docs/en/intro.md — v1.2 (50%) [x] `y` \\n"],
    ["漢字とかな、한국어, Ελληνικά, עברית, العربية"],
    ["emoji 😀👍🏽🇫🇷 ❤"],
    ["combining e\u0301 a\u0308 \u0915\u094d\u0937"],
    ["ellipsis … and nbsp\u00a0here"],
  ])("passes ordinary text unchanged: %s", (text) => {
    expect(visible(text)).toBe(text);
    expect(hasUnsafeChars(text)).toBe(false);
  });

  it("escapes the ZWJ inside emoji ZWJ sequences (the brief lists U+200D as invisible)", () => {
    expect(visible("👨\u200d👩")).toBe("👨\\u200d👩");
  });

  it("shows a byte that was not UTF-8 (a lone U+DC80..U+DCFF) as that byte", () => {
    expect(visible("b\udcffad.md")).toBe("b\\xFFad.md");
    expect(visible("x\udc80")).toBe("x\\x80");
    expect(visible("\ud800")).toBe("\\ud800");
  });

  it("keeps a literal backslash as is, which is what makes it idempotent", () => {
    expect(visible("\\x1b")).toBe("\\x1b");
    expect(hasUnsafeChars("\\x1b")).toBe(false);
    expect(hasUnsafeChars("\x1b")).toBe(true);
  });

  const fuzz = fuzzStrings(0x5eed, 2000);

  it("is idempotent, on fixed and on generated hostile strings", () => {
    for (const s of [...HOSTILE_PIECES, HOSTILE_PIECES.join(""), ...fuzz]) {
      const once = visible(s);
      expect(visible(once)).toBe(once);
    }
  });

  it("never outputs a forbidden code point and only adds printable ASCII", () => {
    for (const s of [HOSTILE_PIECES.join(""), ...fuzz]) {
      const out = visible(s);
      expect(firstForbidden(out)).toBeNull();
      // Every character not in the input is printable ASCII (part of an escape).
      for (const ch of out) {
        if (!s.includes(ch)) expect(ch).toMatch(/^[\x20-\x7e]$/);
      }
    }
  });

  it("classifies code points as the brief lists them", () => {
    const unsafe = [0x00, 0x09, 0x1b, 0x1f, 0x7f, 0x80, 0x9b, 0x9f, 0xad, 0x61c, 0x200b, 0x200f];
    const unsafe2 = [0x2028, 0x202e, 0x2060, 0x2069, 0xfeff, 0xd800, 0xdfff, 0xe0001];
    for (const cp of [...unsafe, ...unsafe2]) expect(isUnsafeCodePoint(cp)).toBe(true);
    const unsafe3 = [0x34f, 0x115f, 0x3164, 0xfe0f, 0xffa0, 0x2800, 0x1d159, 0x1d173, 0xe0100];
    for (const cp of unsafe3) expect(isUnsafeCodePoint(cp)).toBe(true);
    const safe = [0x20, 0x7e, 0xa0, 0xa9, 0x301, 0x200a, 0x2010, 0x202f, 0x2070, 0xfe10, 0x1f600];
    for (const cp of safe) expect(isUnsafeCodePoint(cp)).toBe(false);
  });
});

describe("shownName and nameFromShown", () => {
  it.each([
    ["content/zh-cn/new\nline.md", "content/zh-cn/new\\nline.md"],
    ["tab\tx\r.md", "tab\\tx\\r.md"],
    ["b\udcffad.md", "b\\xFFad.md"], // the byte 0xFF
    ["c\\xFFd.md", "c\\\\xFFd.md"], // backslash, x, F, F: the backslash is doubled
    ["c\\\udcffd.md", "c\\\\\\xFFd.md"], // a backslash, then the byte
    ["a\\\\t.md", "a\\\\\\\\t.md"], // two backslashes before a t
    ["a\\b\\.md\\", "a\\b\\.md\\"], // a backslash that reads as nothing else stays one
    ["c1\u009b\u00ad.md", "c1\\u009b\\u00ad.md"], // C1 and U+00AD never print as bytes do
    ["x\udc80\u0080", "x\\x80\\u0080"],
    ["tag\u{e0041}\u200b", "tag\\u{e0041}\\u200b"],
    // What GitHub's runner reads a workflow command in is an escape too, never `##\[`, which
    // is a name of its own.
    ["a/##[error]x.md", "a/##\\x5berror]x.md"],
    ["a/##\\[x.md", "a/##\\[x.md"],
    ["a/##\\x5b.md", "a/##\\\\x5b.md"],
    ["::x.md", "\\x3a:x.md"],
    ["a/ ::b/::c::d.md", "a/ \\x3a:b/\\x3a:c::d.md"],
    ["a\\/::b.md", "a\\/\\x3a:b.md"],
  ])("prints %j as %j and reads it back", (name, printed) => {
    expect(shownName(name)).toBe(printed);
    expect(nameFromShown(printed)).toBe(name);
    // What a sink does to it afterwards changes nothing.
    expect(visible(printed)).toBe(printed);
  });

  it("never prints two names alike: every name reads back from its printed form", () => {
    const pieces = [
      ...HOSTILE_PIECES,
      "\\",
      "\\",
      "x",
      "u",
      "t",
      "n",
      "r",
      "{",
      "F",
      "0",
      "\udcff",
      "##[",
      "#",
      "[",
      "::",
      "/",
      " ",
    ];
    const names = [...fuzzStrings(0xbac5, 2000), ...fuzzStrings(0xbac6, 2000, 24, pieces)];
    for (const name of names) expect(nameFromShown(shownName(name))).toBe(name);
  });

  it("keeps a workflow command's form in an annotation's file, which still reads back", () => {
    expect(annotationPath("a/##[x].md")).toBe("a/##[x].md");
    expect(annotationPath("::x\\xFF.md")).toBe("::x\\\\xFF.md");
    expect(nameFromShown(annotationPath("::x\\xFF.md"))).toBe("::x\\xFF.md");
  });

  it("takes a backslash before anything else as itself", () => {
    expect(nameFromShown("a\\b\\xZ\\u12\\u{110000}")).toBe("a\\b\\xZ\\u12\\u{110000}");
  });
});

describe("visibleLine", () => {
  it.each([
    ["abc", 3, "abc"],
    ["abcd", 3, "ab…"],
    ["abcdef", 4, "abc…"],
    ["abc", 0, ""],
    ["abc", 1, "…"],
    ["", 0, ""],
    ["😀😀😀", 3, "😀😀😀"],
    ["😀😀😀", 2, "😀…"], // counts code points and never splits a surrogate pair
    ["漢字かな", 3, "漢字…"],
    ["a\x1bb", 6, "a\\x1bb"], // the escape is counted as the four characters shown
    ["a\x1bb", 5, "a…"], // and is never cut into `\x1…`
    ["a\nb", 3, "a…"],
  ])("visibleLine(%j, %i) is %j", (input, max, expected) => {
    expect(visibleLine(input, max)).toBe(expected);
  });

  it("rejects a negative or fractional max", () => {
    expect(() => visibleLine("x", -1)).toThrow(RangeError);
    expect(() => visibleLine("x", 1.5)).toThrow(RangeError);
  });

  it("is idempotent and stays within max on generated strings", () => {
    for (const s of fuzzStrings(7, 500)) {
      for (const max of [0, 1, 5, 20]) {
        const once = visibleLine(s, max);
        expect([...once].length).toBeLessThanOrEqual(max);
        expect(visibleLine(once, max)).toBe(once);
        expect(firstForbidden(once)).toBeNull();
      }
    }
  });
});
