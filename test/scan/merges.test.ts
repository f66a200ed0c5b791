// Merges are where a per-path history walk can go wrong: each page of this fixture meets one of
// git's history-simplification rules, and every number must equal what plain git says.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { perPage } from "../../bench/per-page.js";
import type { PageReport } from "../../src/core/types.js";
import { scan } from "../../src/scan/scan.js";
import { buildFixture, type TempSite } from "../helpers/site.js";

let site: TempSite;
let pages: PageReport[];

beforeAll(async () => {
  site = buildFixture("merges.json");
  pages = (await scan({ repo: site.dir, source: "en", content: "content", langs: ["zh-cn"] }))
    .result.pages;
});
afterAll(() => site?.cleanup());

const page = (name: string) =>
  pages.find((p) => p.path === `content/zh-cn/${name}.md`) as PageReport;

describe("merge fixture", () => {
  it("agrees with git rev-list and git diff --numstat on every page", () => {
    for (const p of pages) {
      const want = perPage(site.dir, p);
      expect({
        path: p.path,
        commitsBehind: p.commitsBehind,
        linesAdded: p.linesAdded,
        linesRemoved: p.linesRemoved,
      }).toEqual({
        path: p.path,
        ...want,
      });
    }
  });

  it("gives the statuses the merges imply", () => {
    expect(
      pages.map((p) => [p.path.slice("content/zh-cn/".length), p.status, p.commitsBehind]),
    ).toEqual([
      ["a.md", "outdated", 1],
      ["b.md", "up-to-date", 0],
      ["c.md", "outdated", 1],
      ["d.md", "outdated", 3],
      ["e.md", "outdated", 1],
      ["f.md", "up-to-date", 0],
      ["g.md", "outdated", 1],
      ["h.md", "moved", 3],
      ["i.md", "outdated", 2],
    ]);
  });

  it("names the merge that rewrote a page itself", () => {
    expect(page("c").commits.map((c) => c.hash)).toEqual([site.labels["merge-c"]]);
    // A branch forked before the translation and merged after it counts with its own commits.
    expect(page("e").commits.map((c) => c.hash)).toEqual([site.labels["e-edit"]]);
    // A branch merged onto the translation commit itself, with no net change, counts nothing:
    // git treats raw_commit (the range's bottom) as relevant when simplifying the merge.
    expect(page("f").commits).toEqual([]);
    // The merge differs from its branch in mode alone, and git counts it for that.
    expect(page("i").commits.map((c) => c.hash)).toEqual([
      site.labels["merge-i"],
      site.labels["i-branch"],
    ]);
  });
});
