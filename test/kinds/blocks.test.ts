import { describe, expect, it } from "vitest";
import { classifyChange } from "../../src/kinds/classify.js";
import { newWork } from "../../src/kinds/work.js";

// `whitespace` is the same words in the same blocks, as CommonMark (and GFM, for tables) reads
// them: a re-wrap that keeps every word can still make a heading, a thematic break, an HTML
// block or a code block, move a paragraph out of its list item, or break a table. Each case is
// [name, before, after, kind], the texts after one paragraph that no change touches.
const CASES: Array<[string, string, string, string]> = [
  // Blocks made or unmade by a re-wrap: never whitespace.
  [
    "a setext heading (===)",
    "The total is === not a heading.",
    "The total is\n===\nnot a heading.",
    "prose",
  ],
  [
    "a setext heading (---)",
    "The rule is --- not a heading.",
    "The rule is\n---\nnot a heading.",
    "prose",
  ],
  [
    "a thematic break (***)",
    "The stars *** mark a break.",
    "The stars\n***\nmark a break.",
    "prose",
  ],
  ["a thematic break (___)", "One two\nthree ___ four", "One two\nthree\n___\nfour", "prose"],
  ["a thematic break (- - -)", "One two\nthree - - - four", "One two\nthree\n- - -\nfour", "prose"],
  [
    "an HTML block (type 6)",
    "The tag <div> starts a block.",
    "The tag\n<div> starts a block.",
    "prose",
  ],
  ["an HTML block (type 7)", "<span> hi there", "<span>\nhi there", "prose"],
  ["an HTML block split by a blank line", "<div>\nfoo\n</div>", "<div>\nfoo\n\n</div>", "prose"],
  [
    "a paragraph de-indented out of its list item",
    "- Step one.\n\n  Details of step one.\n\n- Step two.",
    "- Step one.\n\nDetails of step one.\n\n- Step two.",
    "prose",
  ],
  ["a paragraph de-indented out of an ordered item", "1. a\n\n   b", "1. a\n\n  b", "prose"],
  ["a line after a heading in a list item", "- # Head\n  text", "- # Head\ntext", "prose"],
  [
    "an indented code block made",
    "Text here\n    code line",
    "Text here\n\n    code line",
    "prose",
  ],
  ["a paragraph line joined to an indented code line", "    a\nb", "    a b", "prose"],
  ["a lazy line parted from its quote", "> a\nb", "> a\n\nb", "prose"],
  ["a definition joined to a paragraph", "[a]: /url\nText", "[a]: /url Text", "prose"],
  [
    "two table rows joined",
    "a | b\n--- | ---\n1 | 2\n3 | 4",
    "a | b\n--- | ---\n1 | 2 3 | 4",
    "prose",
  ],
  // The same blocks: whitespace still.
  [
    "a paragraph with an indented line re-wrapped",
    "Text here\n    code line",
    "Text here code line",
    "whitespace",
  ],
  ["a lazy line of a quote re-wrapped", "> a\nb c", "> a b\nc", "whitespace"],
  ["a list item re-wrapped", "- a b c\n  d e", "- a b\n  c d e", "whitespace"],
  ["a list item re-wrapped onto a lazy line", "- a b c\n  d e", "- a b\nc d e", "whitespace"],
  ["a table cell re-spaced", "a | b\n--- | ---\n1 | 2", "a | b\n--- | ---\n1 |  2", "whitespace"],
];

const page = (text: string) => `Intro paragraph.\n\n${text}\n`;

describe("whitespace keeps the blocks CommonMark reads", () => {
  it.each(CASES)("%s", (_name, before, after, kind) => {
    expect(classifyChange(page(before), page(after)).kind).toBe(kind);
  });

  it("reads the lines of a <pre> block, whose breaks show, as lines; a <div>'s as prose", () => {
    const block = (tag: string, body: string) => page(`<${tag}>\n${body}\n</${tag}>`);
    const text = "first line of output\n\nand more of it";
    const rewrapped = "first line of\noutput\n\nand more of it";
    for (const tag of ["pre", "PRE", "script", "style"]) {
      expect([tag, classifyChange(block(tag, text), block(tag, rewrapped)).kind]).not.toEqual([
        tag,
        "whitespace",
      ]);
    }
    expect(classifyChange(block("div", "a b\nc"), block("div", "a\nb c")).kind).toBe("whitespace");
    // A blank line does not end it: what follows is still in it.
    const code = "<pre>\nx\n\n    indented\n</pre>";
    expect(
      classifyChange(page(code), page(code.replace("    indented", "  indented"))).kind,
    ).not.toBe("whitespace");
  });

  it("takes a <pre> indented four columns for code, not an unclosed block holding the page", () => {
    // Longer than the classifier parses whole: only the changed blocks are cut out and parsed,
    // which an unclosed <pre> from the indented code block would make the rest of the page.
    const paragraphs = Array.from(
      { length: 3000 },
      (_, i) => `Paragraph ${i} has some words in it to fill the page up nicely.`,
    );
    const before = `Intro.\n\n    <pre> in an indented code block\n\n${paragraphs.join("\n\n")}\n\nThe quick brwn fox.\n`;
    expect(before.length).toBeGreaterThan(128 * 1024);
    expect(classifyChange(before, before.replace("brwn", "brown")).kind).toBe("typo");
    // In a list item, within its content's indent, it is an HTML block still.
    const item = (body: string) => page(`- <pre>\n  ${body}\n  </pre>`);
    expect(classifyChange(item("a b\n  c"), item("a\n  b c")).kind).not.toBe("whitespace");
  });

  it("reads a blank line taken out after the front matter as whitespace", () => {
    const before = "---\ntitle: x\n---\n\nText here.\n";
    expect(classifyChange(before, before.replace("---\n\nText", "---\nText")).kind).toBe(
      "whitespace",
    );
  });

  it("calls a bare web address changed in a page with a table what it is in one without", () => {
    const table = "\n\n| a |\n| - |\n| 1 |\n";
    const before = "Go to www.example.com now, then sign in with your own account.";
    const after = before.replace("example", "example2");
    expect(classifyChange(page(before), page(after)).kind).toBe("typo");
    expect(classifyChange(page(before + table), page(after + table)).kind).toBe("typo");
  });

  it("parses a changed table once a side, for its kind and its structure", () => {
    const before = page("| a | b |\n| - | - |\n| 1 | 2 |");
    const after = before.replace("| 1 | 2 |", "| 1 | 2 |\n| 3 | 4 |");
    const work = newWork();
    expect(classifyChange(before, after, true, work)).toEqual({
      kind: "prose",
      structureChanges: ["a table: 2 × 2 → 3 rows × 2 columns"],
    });
    expect(work.parsed).toHaveLength(2);
  });

  it("parses nothing for a paragraph re-wrapped, and the changed blocks only otherwise", () => {
    const text = "A first sentence that runs on.\nA second one after it.";
    const rewrapped = "A first sentence that\nruns on. A second one after it.";
    const work = newWork();
    expect(classifyChange(page(text), page(rewrapped), false, work).kind).toBe("whitespace");
    // A list item's second paragraph too: its indentation is kept, not its line breaks.
    const item = "- A step.\n\n  Its details run on\n  over two lines.";
    const item2 = "- A step.\n\n  Its details run\n  on over two lines.";
    expect(classifyChange(page(item), page(item2), false, work).kind).toBe("whitespace");
    expect(work.parsed).toEqual([]);
    const split = newWork();
    const setext = "A first sentence that runs on.\n===\nA second one after it.";
    expect(classifyChange(page(text), page(setext), false, split).kind).toBe("prose");
    expect(split.parsed.every((t) => !t.includes("Intro"))).toBe(true);
  });
});
