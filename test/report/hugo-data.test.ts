// The hugo-data file on the fixture site (the demo site's history): keyed by translation path,
// an estimate said to be one, and the README's example is what the tool writes.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PageReport } from "../../src/core/types.js";
import { pageLinks } from "../../src/detail/links.js";
import { type HugoDataPage, hugoData } from "../../src/report/hugo-data.js";
import { scan } from "../../src/scan/scan.js";
import { buildFixture, ROOT, type TempSite } from "../helpers/site.js";

const GH = { owner: "example", name: "docs" };
let site: TempSite;
let data: Record<string, HugoDataPage>;

beforeAll(async () => {
  site = buildFixture();
  const { result, details } = await scan({
    repo: site.dir,
    source: "en",
    content: "content",
    langs: [],
  });
  data = hugoData(result, (i) =>
    pageLinks(GH, result.head, result.pages[i] as PageReport, details[i]),
  );
});
afterAll(() => site?.cleanup());

describe("report --format hugo-data", () => {
  it("has every page, keyed by its path, in path order", () => {
    const keys = Object.keys(data);
    expect(keys).toEqual([...keys].sort());
    expect(keys).toContain("content/zh-cn/user/run-your-own.md");
    expect(keys.every((k) => data[k]?.page && k.endsWith(`/${data[k].page}`))).toBe(true);
  });

  it("gives an untracked page its estimate, flagged", () => {
    const index = data["content/zh-cn/_index.md"];
    expect(index?.status).toBe("untracked");
    expect(index?.estimate).toBe(true);
    expect(index?.rawCommit).toMatch(/^[0-9a-f]{40}$/);
    expect(index?.compare).toMatch(/^https:\/\/github\.com\/example\/docs\/compare\//);
    expect(data["content/zh-cn/user/moderation.md"]?.estimate).toBe(false);
  });

  it("is what the README shows", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    const start = readme.indexOf('```json\n{\n  "content/zh-cn/user/moderation.md"');
    expect(start).toBeGreaterThan(-1);
    const block = readme.slice(start + 8, readme.indexOf("```\n", start + 8));
    const shown = JSON.parse(block) as Record<string, HugoDataPage>;
    for (const [key, value] of Object.entries(shown)) expect(data[key]).toEqual(value);
  });
});
