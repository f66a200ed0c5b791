// The page list on a narrow terminal: the columns after the path give way (AGE first, then
// +/- LINES) before two pages' names could no longer be told apart.
import { cleanup } from "ink-testing-library";
import stringWidth from "string-width";
import { afterEach, describe, expect, it } from "vitest";
import { columns } from "../../src/ui/PageList.js";
import { frame, renderDashboard } from "./drive.js";
import { listOnlyData, page, resultOf, waitFor } from "./helpers.js";

afterEach(() => cleanup());

describe("the page list's columns", () => {
  it("give the path at least 20 columns for as long as AGE and +/- LINES can give way", () => {
    for (let width = 40; width <= 160; width++) {
      for (const kinds of [false, true]) {
        const c = columns(width, kinds);
        const used =
          2 +
          c.status +
          1 +
          (c.kind ? c.kind + 1 : 0) +
          c.path +
          (c.behind + 1) +
          (c.lines && c.lines + 1) +
          (c.age && c.age + 1);
        expect(used, `${width} ${kinds}`).toBeLessThanOrEqual(width);
        // AGE goes before +/- LINES, and each only when the path would have less than 20
        // columns beside it.
        if (c.lines === 0) expect(c.age).toBe(0);
        if (c.lines === 0) expect(c.path - 12, `${width} ${kinds}`).toBeLessThan(20);
        if (c.age === 0) expect(c.path - (c.lines ? 0 : 12) - 6, `${width}`).toBeLessThan(20);
        else expect(c.path, `${width} ${kinds}`).toBeGreaterThanOrEqual(20);
      }
    }
    expect(columns(120)).toMatchObject({ lines: 11, age: 5 });
    expect(columns(40)).toMatchObject({ lines: 0, age: 0, path: 28 });
  });

  it("at 40 columns still shows each page's folder and whole file name", async () => {
    const pages = [
      page({ path: "content/zh-cn/user/moderating.md", status: "outdated", commitsBehind: 13 }),
      page({ path: "content/zh-cn/admin/migrating.md", status: "outdated", commitsBehind: 10 }),
    ];
    const r = renderDashboard(listOnlyData(resultOf(pages)), 40, 20);
    const f = await waitFor(() => (frame(r).includes("sort: ") ? frame(r) : null), "the list");
    expect(f).toMatch(/user\/moderating\.md\s+13\s*$/m);
    expect(f).toMatch(/admin\/migrating\.md\s+10\s*$/m);
    for (const line of f.split("\n")) expect(stringWidth(line)).toBeLessThanOrEqual(40);
  });
});
