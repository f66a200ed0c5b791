// git diff --numstat honours the repository's diff.algorithm, and so must the line counts:
// the two versions of fixtures/rewrite.json's page count differently under Myers and histogram.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scan } from "../../src/scan/scan.js";
import { buildFixture, git, type TempSite } from "../helpers/site.js";

let site: TempSite;
let dir: string;
let raw: string;

beforeAll(() => {
  // fixtures/rewrite.json: one English page rewritten after its translation.
  site = buildFixture("rewrite.json");
  dir = site.dir;
  raw = site.labels.a as string;
});
afterAll(() => site?.cleanup());

const numstat = (algorithm: string) =>
  git(dir, [
    "-c",
    `diff.algorithm=${algorithm}`,
    "diff",
    "--numstat",
    raw,
    "HEAD",
    "--",
    "content/en/p.md",
  ])
    .split("\t")
    .slice(0, 2)
    .map(Number);

describe("diff.algorithm", () => {
  it("counts lines with the repository's configured algorithm, as git diff does", async () => {
    expect(numstat("myers")).not.toEqual(numstat("histogram"));
    for (const algorithm of ["myers", "histogram"]) {
      git(dir, ["config", "diff.algorithm", algorithm]);
      const { result } = await scan({ repo: dir, source: "en", content: "content", langs: [] });
      const page = result.pages.find((p) => p.path === "content/zh-cn/p.md");
      expect([algorithm, page?.linesAdded, page?.linesRemoved]).toEqual([
        algorithm,
        ...numstat(algorithm),
      ]);
    }
  });
});
