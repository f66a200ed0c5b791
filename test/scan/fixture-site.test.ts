// The fixture site's history exercises every status; the expected values below were worked out
// from the history in fixtures/site.json and are cross-checked against plain git.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PageReport } from "../../src/core/types.js";
import { scan } from "../../src/scan/scan.js";
import { buildFixture, git, type TempSite } from "../helpers/site.js";

let site: TempSite;
let pages: PageReport[];
let head: string;

beforeAll(async () => {
  site = buildFixture();
  const out = await scan({ repo: site.dir, source: "en", content: "content", langs: [] });
  pages = out.result.pages;
  head = out.result.head;
});
afterAll(() => site?.cleanup());

const page = (p: string) => {
  const found = pages.find((x) => x.path === p);
  if (!found) throw new Error(`no report for ${p}`);
  return found;
};

describe("fixture site", () => {
  it("builds the same commits every time", () => {
    expect(head).toBe(git(site.dir, ["rev-parse", "HEAD"]));
    expect(site.labels.initial).toMatch(/^[0-9a-f]{40}$/);
  });

  it("gives every zh-cn page the status its history implies", () => {
    const zh = Object.fromEntries(
      pages.filter((p) => p.lang === "zh-cn").map((p) => [p.path, p.status]),
    );
    expect(zh).toEqual({
      "content/zh-cn/_index.md": "untracked",
      "content/zh-cn/admin/backups.md": "unknown-commit",
      "content/zh-cn/admin/optional/elasticsearch.md": "moved",
      "content/zh-cn/admin/prerequisites.md": "outdated",
      "content/zh-cn/dev/old-api.md": "source-missing",
      "content/zh-cn/user/contacts.md": "up-to-date",
      "content/zh-cn/user/filters.md": "missing",
      "content/zh-cn/user/moderation.md": "outdated",
      // No English page has this path: a translation of nothing (issue 14).
      "content/zh-cn/user/notes.md": "source-missing",
      "content/zh-cn/user/run-your-own.md": "outdated",
      "content/zh-cn/user/signup.md": "up-to-date",
    });
  });

  it("counts commits by ancestry: a branch merged after the stamp counts, one merged before does not", () => {
    const mod = page("content/zh-cn/user/moderation.md");
    expect(mod.commitsBehind).toBe(2);
    expect(mod.commits.map((c) => c.hash)).toEqual([site.labels["late-2"], site.labels["late-1"]]);
    expect(mod.commits[0]?.subject).toBe("Moderation: link the admin guide");
    expect(page("content/zh-cn/user/contacts.md").commitsBehind).toBe(0);
  });

  it("reports a reverted edit as up to date while still listing the commits", () => {
    const signup = page("content/zh-cn/user/signup.md");
    expect(signup).toMatchObject({
      status: "up-to-date",
      commitsBehind: 2,
      linesAdded: 0,
      linesRemoved: 0,
    });
  });

  it("follows a rename and measures drift along the lineage", () => {
    const es = page("content/zh-cn/admin/optional/elasticsearch.md");
    expect(es).toMatchObject({
      status: "moved",
      sourcePath: "content/en/admin/elasticsearch.md",
      movedFrom: "content/en/admin/optional/elasticsearch.md",
      commitsBehind: 2,
      linesAdded: 3,
      linesRemoved: 1,
    });
  });

  it("measures edits in lines", () => {
    expect(page("content/zh-cn/user/run-your-own.md")).toMatchObject({
      commitsBehind: 1,
      linesAdded: 3,
      linesRemoved: 0,
      lastTranslationTime: "2025-04-21",
    });
    expect(page("content/zh-cn/admin/prerequisites.md")).toMatchObject({
      commitsBehind: 1,
      linesAdded: 2,
      linesRemoved: 0,
    });
    expect(page("content/zh-cn/dev/old-api.md")).toMatchObject({
      commitsBehind: 1,
      linesAdded: null,
    });
  });

  it("reads front matter and the misspelled shortcode attribute in Japanese pages", () => {
    const pre = page("content/ja/admin/prerequisites.md");
    expect(pre).toMatchObject({
      status: "outdated",
      commitsBehind: 2,
      lastTranslationTime: "2025-03-01",
    });
    expect(pre.warnings.join(" ")).toContain("last_tranlation_time");
    expect(page("content/ja/user/run-your-own.md")).toMatchObject({
      status: "up-to-date",
      commitsBehind: 0,
    });
    expect(page("content/ja/user/moderation.md")).toMatchObject({
      status: "outdated",
      commitsBehind: 2,
    });
  });

  it("explains an unknown raw_commit", () => {
    const b = page("content/zh-cn/admin/backups.md");
    expect(b.commitsBehind).toBeNull();
    expect(b.warnings).toContain("raw_commit is not a commit in this repository");
  });

  it("agrees with plain git for every page that has a commit range", () => {
    for (const p of pages) {
      if (!p.rawCommit || p.status === "unknown-commit" || p.status === "moved") continue;
      const range = `${p.rawCommit}..HEAD`;
      const count = Number(git(site.dir, ["rev-list", "--count", range, "--", p.sourcePath]));
      expect([p.path, p.commitsBehind]).toEqual([p.path, count]);
      if (p.linesAdded === null) continue;
      const numstat = git(site.dir, ["diff", "--numstat", p.rawCommit, "HEAD", "--", p.sourcePath]);
      const [added = "0", removed = "0"] = numstat.split("\t");
      expect([p.path, p.linesAdded, p.linesRemoved]).toEqual([
        p.path,
        Number(added || 0),
        Number(removed || 0),
      ]);
    }
  });
});
