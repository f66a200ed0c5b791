import { describe, expect, it } from "vitest";
import { LineCounter, NextIndex } from "../../src/meta/offsets.js";

describe("LineCounter", () => {
  it("gives 1-based lines for increasing offsets", () => {
    const lines = new LineCounter("a\nbb\n\nc");
    expect([0, 1, 2, 4, 5, 6].map((o) => lines.lineAt(o))).toEqual([1, 1, 2, 2, 3, 4]);
  });

  it("still answers correctly when an offset goes backwards", () => {
    const lines = new LineCounter("a\nb\nc");
    expect(lines.lineAt(4)).toBe(3);
    expect(lines.lineAt(2)).toBe(2);
  });
});

describe("NextIndex", () => {
  it("finds the next occurrence at or after an offset", () => {
    const next = new NextIndex("ab{{cd{{", "{{");
    expect(next.from(0)).toBe(2);
    expect(next.from(2)).toBe(2);
    expect(next.from(3)).toBe(6);
    expect(next.from(7)).toBe(-1);
    expect(next.from(8)).toBe(-1);
    expect(next.from(1)).toBe(2);
  });
});
