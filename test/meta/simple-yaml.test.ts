// The simple front matter reader must read exactly what the YAML parser (failsafe schema) reads
// whenever it answers at all, and must decline whatever the parser refuses.
import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../bench/prng.js";
import { parseYaml } from "../../src/meta/matter.js";
import { parseSimpleYaml } from "../../src/meta/simple-yaml.js";

const SHA = "6addd5cf525adec1859f48c52dafcfe1f96e558a";

/** What the full parser reads, or that it refuses. */
function reference(source: string): { data: unknown } | { error: true } {
  try {
    return { data: plain(parseYaml(source.replace(/^\n/, ""))) };
  } catch {
    return { error: true };
  }
}

/** Objects as sorted entry lists, so prototypes and key order do not matter. */
function plain(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return { array: value.map(plain) };
  return Object.keys(value)
    .sort()
    .map((k) => [k, plain((value as Record<string, unknown>)[k])]);
}

function check(source: string): "read" | "declined" {
  const quick = parseSimpleYaml(source);
  if (quick === null) return "declined";
  expect({ source, got: { data: plain(quick) } }).toEqual({ source, got: reference(source) });
  return "read";
}

describe("parseSimpleYaml", () => {
  it("reads the front matter docs sites write", () => {
    const pages = [
      `\ntitle: Running your own server\ndefault_lang_commit: ${SHA}`,
      `\ntitle: Array.prototype.at()\nslug: Web/JavaScript/Reference\nl10n:\n  sourceCommit: ${SHA}`,
      `\ntitle: "运行你自己的服务器"\nweight: 10\n# a comment\n\ndefault_lang_commit: 1234e56\nlast_translation_time: 2025-04-21`,
      `\ntitle: 'C# and F#: a guide'\nlinkTitle: C# guide\ndescription: http://example.com/a?b=c`,
      "\ntitle:\nl10n:\n    sourceCommit:\n    other: x\ndraft: true",
    ];
    for (const source of pages) expect([source, check(source)]).toEqual([source, "read"]);
  });

  it("declines what the parser reads differently or refuses", () => {
    const declined = [
      "\ntitle: a: b",
      "\ntitle: foo # comment",
      "\ntitle: foo:",
      "\ntitle: 'it''s'",
      '\ntitle: "a\\tb"',
      "\ntitle: [a, b]",
      "\ntitle: &x a\nother: *x",
      "\ntags:\n  - a\n  - b",
      "\ntitle: one\n  two",
      "\nl10n:\n  sourceCommit:\n    deeper: x",
      "\nl10n:\n  a: x\n   b: y",
      "\ntitle: a\ntitle: b",
      "\n\ttitle: a",
      "\ntitle: a\r\nslug: b",
      "\n  title: indented document",
      "\njust text",
      "\n? complex\n: key",
      "\ntitle: a\u0085b",
    ];
    for (const source of declined) expect([source, check(source)]).toEqual([source, "declined"]);
  });

  it("agrees with the YAML parser on 20,000 generated documents", () => {
    const random = mulberry32(20251126);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const keys = ["title", "l10n", "sourceCommit", "default_lang_commit", "last_translation_time"];
    const oddKeys = ["__proto__", "constructor", "2x", "ké", "x.y", "a-b", "_", "null", "y", "<<"];
    const values = [
      "",
      SHA,
      "1234e56",
      "C# guide",
      "foo #bar",
      "a: b",
      "x:",
      '"quoted"',
      "'single'",
      '"esc\\"aped"',
      "'it''s'",
      '""',
      "''",
      "- item",
      "[a, b]",
      "{a: 1}",
      "&anchor x",
      "*alias",
      "!tag x",
      "|",
      ">",
      "%x",
      "@x",
      "`x`",
      "?x",
      ":x",
      "-x",
      "标题",
      "\u3000pad\u3000",
      "trailing   ",
      "http://x.y/z",
      "~",
      "null",
      "true",
      "\u00a0nbsp",
      "a\u00a0b",
      '"unclosed',
      "'unclosed",
      '"two" "strings"',
      "x\ty",
      "a\u2028b",
      "\uFEFFbom",
      "é",
    ];
    const goodValues = [
      SHA,
      "1234e56",
      "C# guide",
      "标题",
      "http://x.y/z",
      "~",
      "true",
      '"q"',
      "'s'",
      "",
    ];
    const lines = (): string => {
      const r = random();
      if (r < 0.06) return pick(["", "   ", "# comment", "  # indented comment", "#"]);
      if (r < 0.1)
        return pick(["- seq", "  - seq", "plain text", "...", "key:value", "\t", "---x"]);
      const indent = pick([0, 0, 0, 0, 0, 0, 2, 2, 4, 1]);
      const key = random() < 0.85 ? pick(keys) : pick(oddKeys);
      const sep = random() < 0.7 ? ": " : pick([":", ":  ", ": \u3000", " : "]);
      const value = random() < 0.6 ? pick(goodValues) : pick(values);
      const end = random() < 0.9 ? "" : pick([" ", "\r", "  "]);
      return `${" ".repeat(indent)}${key}${sep}${value}${end}`;
    };
    let read = 0;
    for (let doc = 0; doc < 20_000; doc++) {
      const count = 1 + Math.floor(random() * 5);
      const source = `${pick(["", "  "])}\n${Array.from({ length: count }, lines).join("\n")}`;
      if (check(source) === "read") read++;
    }
    // Enough of the documents are in the simple shape for the comparison to mean something.
    expect(read).toBeGreaterThan(2_000);
  });
});
