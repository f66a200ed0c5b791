// gray-matter's comment stripping is priced before it runs (commentStripCost); the price must
// count exactly what its /\s/ pattern matches.
import { describe, expect, it } from "vitest";
import { isRegExpSpace } from "../../src/meta/matter.js";

describe("isRegExpSpace", () => {
  it("is /\\s/ for every UTF-16 code unit", () => {
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (isRegExpSpace(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });
});
