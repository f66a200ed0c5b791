import { describe, expect, it } from "vitest";
import { MAX_QUOTED, pageText } from "../../src/meta/warning.js";
import { hasUnsafeChars } from "../../src/sanitize/terminal.js";

describe("pageText", () => {
  it("keeps short plain text as it is", () => {
    expect(pageText("abc def")).toBe("abc def");
  });

  it("shows line breaks, escapes, bidi and invisible characters as their escapes", () => {
    const shown = pageText("a\nb\r\u001b[31mc\u202ed\u2028e\u200bf");
    expect(shown).toBe("a\\nb\\r\\x1b[31mc\\u202ed\\u2028e\\u200bf");
    expect(hasUnsafeChars(shown)).toBe(false);
    // Two values that differ only in an invisible character do not read the same.
    expect(pageText("Run\u200bning")).not.toBe(pageText("Run ning"));
  });

  it("cuts long text and marks the cut", () => {
    expect(pageText("abcdefgh", 3)).toBe("abc…");
  });

  it("never quotes more than MAX_QUOTED characters", () => {
    expect(pageText("x".repeat(1000), 5000)).toBe(`${"x".repeat(MAX_QUOTED)}…`);
  });

  it("never cuts a character or an escape in half", () => {
    expect(pageText("ab😀cd", 3)).toBe("ab😀…");
    expect(pageText("ab\u001bcd", 3)).toBe("ab…");
  });
});
