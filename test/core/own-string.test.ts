import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { ownString } from "../../src/core/own-string.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe("ownString", () => {
  it("keeps every code unit, a lone surrogate and a NUL too", () => {
    for (const text of ["", "a", "short", "x".repeat(100), "caf\u00e9 \ud800 \u0000 \u{1f600}"]) {
      expect(ownString(text)).toBe(text);
    }
  });

  it("keeps none of the text a piece was cut from alive", () => {
    // Fifty pieces of 40 characters, each cut from a text of 2 MB: as views they would keep
    // 100 MB alive, as copies a few kilobytes.
    const before = heapAfterGc();
    const views: string[] = [];
    const copies: string[] = [];
    for (let i = 0; i < 50; i++) {
      const text = `${"x".repeat(99)}${i}\n`.repeat(20_000);
      copies.push(ownString(text.slice(5000, 5040)));
    }
    expect(heapAfterGc() - before).toBeLessThan(10_000_000);
    for (let i = 0; i < 50; i++) {
      const text = `${"y".repeat(99)}${i}\n`.repeat(20_000);
      views.push(text.slice(5000, 5040));
    }
    // The same pieces kept as views do hold the texts: the measure can see the difference.
    expect(heapAfterGc() - before).toBeGreaterThan(50_000_000);
    expect(copies.join("")).toHaveLength(2000);
    expect(views.join("")).toHaveLength(2000);
  });
});
