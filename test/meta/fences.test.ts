import { describe, expect, it } from "vitest";
import { fencedBlockEnd } from "../../src/meta/fences.js";

describe("fencedBlockEnd", () => {
  it("returns the offset after the closing fence line", () => {
    const text = "```\ncode\n```\nafter";
    expect(fencedBlockEnd(text, 0)).toBe(text.indexOf("after"));
  });

  it("accepts tildes, info strings and longer fences", () => {
    const text = "~~~~ yaml {.x}\n~~~\nstill code\n~~~~~\nafter";
    expect(fencedBlockEnd(text, 0)).toBe(text.indexOf("after"));
  });

  it("does not close on the other fence character or on a shorter run", () => {
    const text = "````md\n```\n~~~~\n````\nafter";
    expect(fencedBlockEnd(text, 0)).toBe(text.indexOf("after"));
  });

  it("accepts up to three spaces of indentation on both fences", () => {
    const text = "   ```\ncode\n   ```  \nafter";
    expect(fencedBlockEnd(text, 0)).toBe(text.indexOf("after"));
  });

  it("does not open with four spaces or a tab of indentation", () => {
    expect(fencedBlockEnd("    ```\ncode\n```\n", 0)).toBe(-1);
    expect(fencedBlockEnd("\t```\ncode\n```\n", 0)).toBe(-1);
  });

  it("does not open with fewer than three fence characters", () => {
    expect(fencedBlockEnd("``\ncode\n``\n", 0)).toBe(-1);
  });

  it("does not open a backtick fence whose info string holds a backtick", () => {
    expect(fencedBlockEnd("``` a`b\ncode\n```\n", 0)).toBe(-1);
  });

  it("lets a tilde fence's info string hold backticks", () => {
    const text = "~~~ a`b\ncode\n~~~\nafter";
    expect(fencedBlockEnd(text, 0)).toBe(text.indexOf("after"));
  });

  it("does not close on a fence line followed by text", () => {
    const text = "```\n``` not a close\n```\nafter";
    expect(fencedBlockEnd(text, 0)).toBe(text.indexOf("after"));
  });

  it("runs to the end of the text when never closed", () => {
    const text = "```\ncode\nmore";
    expect(fencedBlockEnd(text, 0)).toBe(text.length);
  });

  it("ends at the end of the text when the closing fence is the last line", () => {
    const text = "```\ncode\n```";
    expect(fencedBlockEnd(text, 0)).toBe(text.length);
  });

  it("handles CRLF line endings", () => {
    const text = "```js\r\ncode\r\n```\r\nafter";
    expect(fencedBlockEnd(text, 0)).toBe(text.indexOf("after"));
  });

  it("works from a line start other than 0", () => {
    const text = "intro\n```\nx\n```\nafter";
    expect(fencedBlockEnd(text, 6)).toBe(text.indexOf("after"));
    expect(fencedBlockEnd(text, 0)).toBe(-1);
  });
});
