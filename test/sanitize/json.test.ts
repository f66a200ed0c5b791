import { describe, expect, it } from "vitest";
import { toJson } from "../../src/sanitize/json.js";
import { firstForbidden, fuzzStrings, HOSTILE_PIECES } from "./fuzz.js";

describe("toJson", () => {
  it.each([
    ["\x1b[31m", '"\\u001b[31m"'],
    ["del\x7f c1\x9b\x85", '"del\\u007f c1\\u009b\\u0085"'],
    ["\u2028\u2029", '"\\u2028\\u2029"'],
    ["\u202e\u2066\u061c\u200e", '"\\u202e\\u2066\\u061c\\u200e"'],
    ["\u200b\u200d\u2060\ufeff\u00ad", '"\\u200b\\u200d\\u2060\\ufeff\\u00ad"'],
    ["\ud800 \udfff \udc00\ud800", '"\\ud800 \\udfff \\udc00\\ud800"'], // well-formed stringify
    ["\u{e0041}", '"\\udb40\\udc41"'], // a tag character: both UTF-16 halves escaped
    ['漢字 😀 e\u0301 \\ "q"', '"漢字 😀 e\u0301 \\\\ \\"q\\""'],
  ])("toJson(%j) is %s", (input, expected) => {
    expect(toJson(input)).toBe(expected);
    expect(JSON.parse(toJson(input))).toBe(input);
  });

  it("escapes keys too and keeps indentation raw", () => {
    const v = { "k\u202e": ["\x9b", 1, null, true], n: { "\u2028": "x" } };
    expect(toJson(v, 2)).toBe(
      '{\n  "k\\u202e": [\n    "\\u009b",\n    1,\n    null,\n    true\n  ],\n  "n": {\n    "\\u2028": "x"\n  }\n}',
    );
    expect(toJson(v, "\t")).toBe(
      '{\n\t"k\\u202e": [\n\t\t"\\u009b",\n\t\t1,\n\t\tnull,\n\t\ttrue\n\t],\n\t"n": {\n\t\t"\\u2028": "x"\n\t}\n}',
    );
    expect(JSON.parse(toJson(v, 2))).toEqual(v);
  });

  it("round-trips hostile strings and never prints a forbidden character", () => {
    const values = [...HOSTILE_PIECES, HOSTILE_PIECES.join(""), ...fuzzStrings(2024, 2000)];
    const doc = { list: values, map: Object.fromEntries(values.map((s, i) => [s, i])) };
    for (const space of [undefined, 2]) {
      const out = toJson(doc, space);
      expect(firstForbidden(out.replace(/[\t\n]/g, ""))).toBeNull(); // indentation aside
      expect(JSON.parse(out)).toEqual(doc);
    }
    for (const s of values) {
      const out = toJson(s);
      expect(firstForbidden(out)).toBeNull();
      expect(JSON.parse(out)).toBe(s);
    }
  });

  it("refuses values without JSON and indentation that is not JSON whitespace", () => {
    expect(() => toJson(undefined)).toThrow(TypeError);
    expect(() => toJson(() => 1)).toThrow(TypeError);
    expect(() => toJson({}, "\x1b")).toThrow(RangeError);
    expect(() => toJson({}, "--")).toThrow(RangeError);
  });
});
