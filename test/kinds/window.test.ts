import { describe, expect, it } from "vitest";
import { classifyChange } from "../../src/kinds/classify.js";
import { changedWindows } from "../../src/kinds/window.js";

const PAGE = [
  "---",
  "title: A",
  "",
  "weight: 1",
  "---",
  "",
  "# Title",
  "",
  "First paragraph of the page.",
  "",
  "```yaml",
  "a: 1",
  "",
  "b: 2",
  "```",
  "",
  "- item one",
  "",
  "  continued item.",
  "",
  "Last paragraph of the page.",
  "",
].join("\n");

describe("changedWindows", () => {
  it("keeps only the changed block, from a blank line to a blank line", () => {
    const w = changedWindows(PAGE, PAGE.replace("First paragraph of the page.", "First words."));
    expect(w).toEqual({ before: "First paragraph of the page.", after: "First words." });
  });

  it("leaves out the unchanged blocks between two changes", () => {
    const after = PAGE.replace("First paragraph", "First words").replace(
      "Last paragraph",
      "Last words",
    );
    expect(changedWindows(PAGE, after)).toEqual({
      before: "First paragraph of the page.\n\nLast paragraph of the page.",
      after: "First words of the page.\n\nLast words of the page.",
    });
    expect(classifyChange(PAGE, after).kind).toBe("typo");
  });

  it("widens to the whole fence when the change is inside one, across its blank lines", () => {
    const w = changedWindows(PAGE, PAGE.replace("b: 2", "b: 3"));
    expect(w.before).toBe("```yaml\na: 1\n\nb: 2\n```");
    expect(classifyChange(PAGE, PAGE.replace("b: 2", "b: 3")).kind).toBe("code");
  });

  it("widens to the top for a change inside the front matter, blank lines and all", () => {
    const after = PAGE.replace("weight: 1", "weight: 2");
    expect(changedWindows(PAGE, after).before.startsWith("---\ntitle: A")).toBe(true);
    expect(classifyChange(PAGE, after)).toEqual({ kind: "front-matter", changedKeys: ["weight"] });
  });

  it("keeps a list item's indented continuation with its item", () => {
    const w = changedWindows(PAGE, PAGE.replace("continued item.", "continued items."));
    expect(w.before).toBe("- item one\n\n  continued item.");
  });
});
