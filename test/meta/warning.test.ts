import { describe, expect, it } from "vitest";
import { MAX_QUOTED, pageText } from "../../src/meta/warning.js";

describe("pageText", () => {
  it("keeps short plain text as it is", () => {
    expect(pageText("abc def")).toBe("abc def");
  });

  it("turns line breaks, escapes and bidi controls into spaces", () => {
    expect(pageText("a\nb\r\u001b[31mc\u202ed\u2028e")).toBe("a b  [31mc d e");
  });

  it("cuts long text and marks the cut", () => {
    expect(pageText("abcdefgh", 3)).toBe("abc…");
  });

  it("never quotes more than MAX_QUOTED characters", () => {
    expect(pageText("x".repeat(1000), 5000)).toBe(`${"x".repeat(MAX_QUOTED)}…`);
  });

  it("does not leave half of a surrogate pair at the cut", () => {
    expect(pageText("ab😀cd", 3)).toBe("ab…");
  });
});
