// The one rule for rows made of parts to spare: whole parts give way, the least important first,
// measured in terminal columns as Ink measures them (wide CJK and emoji take two).
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { fitParts, fitPartsText, type Part } from "../../src/ui/fit-parts.js";

/** Parts that give way from the last, as hints do. */
const inOrder = (...texts: string[]): Part[] => texts.map((text, i) => ({ text, priority: -i }));

describe("fitParts", () => {
  it("keeps every part, in order, when they fit", () => {
    expect(fitPartsText(inOrder("ab", "cd", "ef"), 10, "  ")).toBe("ab  cd  ef");
    expect(fitPartsText(inOrder("ab", "cd", "ef"), 10, "  ")).toHaveLength(10);
  });

  it("drops whole parts, lowest priority first, keeping the row's order", () => {
    const parts: Part[] = [
      { text: "first", priority: 3 },
      { text: "second", priority: 1 },
      { text: "third", priority: 2 },
    ];
    expect(fitParts(parts, 15)).toEqual([
      { index: 0, text: "first" },
      { index: 2, text: "third" },
    ]);
    expect(fitPartsText(parts, 9)).toBe("first");
  });

  it("counts the separator only between the parts kept", () => {
    // "aaa  bbb" is 8 columns: at 7 the second part goes, and no separator is left behind.
    expect(fitPartsText(inOrder("aaa", "bbb"), 8, "  ")).toBe("aaa  bbb");
    expect(fitPartsText(inOrder("aaa", "bbb"), 7, "  ")).toBe("aaa");
  });

  it("lets parts of one priority give way together", () => {
    const parts: Part[] = [
      { text: "a", priority: 2 },
      { text: "b", priority: 1 },
      { text: "c", priority: 1 },
    ];
    // "ac" alone would fit in 2, but b and c go as one.
    expect(fitPartsText(parts, 2)).toBe("a");
  });

  it("steps a part to its shorter wording before it leaves", () => {
    const parts: Part[] = [
      { text: "HEAD", priority: Infinity },
      {
        text: " 3 warnings",
        priority: 1,
        shorter: { text: " ⚠3", priority: 2 },
      },
    ];
    expect(fitPartsText(parts, 15)).toBe("HEAD 3 warnings");
    expect(fitPartsText(parts, 8)).toBe("HEAD ⚠3");
    expect(fitPartsText(parts, 6)).toBe("HEAD");
  });

  it("measures wide characters and emoji in columns, as the terminal draws them", () => {
    const parts = inOrder("中文", "页面", "👍ok");
    // 4 + 1 + 4 + 1 + 4 columns, though only 10 UTF-16 units.
    expect(fitPartsText(parts, 14, " ")).toBe("中文 页面 👍ok");
    expect(fitPartsText(parts, 13, " ")).toBe("中文 页面");
    expect(fitPartsText(parts, 8, " ")).toBe("中文");
    expect(fitPartsText(parts, 3, " ")).toBe("");
  });

  it("lets a part wider than the whole width go in its turn, not before", () => {
    const wide = "a part far wider than the row";
    const parts: Part[] = [
      { text: "keep", priority: 1 },
      { text: wide, priority: 3 },
      { text: "tail", priority: 2 },
    ];
    // The wide part matters most, so the others go first; then it goes too.
    expect(fitParts(parts, 12)).toEqual([]);
    // One that never gives way stays whole: cutting it is the caller's.
    const fixed: Part[] = [
      { text: wide, priority: Infinity },
      { text: "tail", priority: 1 },
    ];
    expect(fitPartsText(fixed, 12)).toBe(wide);
  });

  it("gives nothing at width 0, and at 1 only what is one column wide", () => {
    expect(fitParts(inOrder("ab", "c"), 0)).toEqual([]);
    expect(fitPartsText(inOrder("ab", "c"), 1)).toBe("");
    expect(fitPartsText([{ text: "c", priority: 0 }], 1)).toBe("c");
    expect(fitPartsText(inOrder("中"), 1)).toBe("");
  });

  it("leaves empty parts out, separator and all", () => {
    expect(fitPartsText(inOrder("a", "", "b"), 4, "  ")).toBe("a  b");
  });

  it("never returns a row wider than the width, unless a part never gives way", () => {
    const parts: Part[] = [
      { text: "↑↓ move", priority: 9 },
      { text: "⏎ open", priority: 8, shorter: { text: "⏎", priority: 4 } },
      { text: "中文 search", priority: 7 },
      { text: "u mark updated", priority: 6, shorter: { text: "u mark", priority: 5 } },
      { text: "? help", priority: 8 },
    ];
    let before = Infinity;
    for (let width = 60; width >= 0; width--) {
      const kept = fitParts(parts, width, "  ");
      const row = kept.map((p) => p.text).join("  ");
      expect(stringWidth(row)).toBeLessThanOrEqual(width);
      // A narrower row never shows more of the parts that matter most.
      expect(kept.length).toBeLessThanOrEqual(before);
      before = kept.length;
    }
  });
});
