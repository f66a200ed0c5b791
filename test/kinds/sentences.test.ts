import { describe, expect, it } from "vitest";
import { layout } from "../../src/kinds/layout.js";
import { sentences } from "../../src/kinds/sentences.js";

describe("the typo rule's sentences", () => {
  it("start where the layout starts a block, and only there", () => {
    const text = [
      "# A heading",
      "A line that runs on",
      "- an item",
      "1) a numbered item",
      "> a quote",
      "| a | row |",
      // A no-break space after the dash: no list item, for the layout as for the sentences.
      "-\u00a0not an item",
      "#hashtag is no heading",
    ].join("\n");
    const cut = sentences(text);
    expect(cut.map((s) => s[0])).toEqual(["#", "A", "-", "1)", ">", "|"]);
    expect(cut.at(-1)).toEqual([
      "|",
      "a",
      "|",
      "row",
      "|",
      "-",
      "not",
      "an",
      "item",
      "#hashtag",
      "is",
      "no",
      "heading",
    ]);
    expect(cut).toHaveLength(layout(text).marks.length);
  });
});
