// "Covered up to here": a page marked as translated up to one of its English commits records
// that commit, and its counts then show only what remains, as a new scan and git count them.
// And a page edited by hand is read and measured again without scanning the site again.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDetailLoader } from "../../src/detail/loader.js";
import { type ScanOutput, scan } from "../../src/scan/scan.js";
import { buildFixture, git, type TempSite } from "../helpers/site.js";

const PAGE = "content/zh-cn/user/moderation.md";
const options = { source: "en", content: "content", langs: [] };
let site: TempSite;
let out: ScanOutput;

beforeAll(async () => {
  site = buildFixture();
  out = await scan({ repo: site.dir, ...options });
});
afterAll(() => site?.cleanup());

const index = (o: ScanOutput, p: string) => o.result.pages.findIndex((x) => x.path === p);

describe("marking a page up to one of its commits", () => {
  it("records the commit, and the page keeps only the newer changes, as git counts them", async () => {
    const source = await createDetailLoader(out, out.result, out.details, {
      date: () => "2025-06-01",
    });
    const i = index(out, PAGE);
    const before = out.result.pages[i];
    expect(before).toMatchObject({ status: "outdated", commitsBehind: 2 });
    const [newest, oldest] = before?.commits ?? [];
    if (!newest || !oldest) throw new Error("the fixture page lists two commits");

    const outcome = await source.markUpdated(i, oldest.hash);
    if (!outcome.ok) throw new Error(outcome.error);
    expect(readFileSync(path.join(site.dir, PAGE), "utf8")).toContain(
      `raw_commit="${oldest.hash}"`,
    );
    const head = out.result.head;
    const [added, removed] = git(site.dir, [
      "diff",
      "--numstat",
      oldest.hash,
      head,
      "--",
      "content/en/user/moderation.md",
    ]).split("\t");
    expect(outcome.page).toMatchObject({
      status: "outdated",
      rawCommit: oldest.hash,
      commitsBehind: Number(
        git(site.dir, [
          "rev-list",
          "--count",
          `${oldest.hash}..${head}`,
          "--",
          "content/en/user/moderation.md",
        ]),
      ),
      linesAdded: Number(added),
      linesRemoved: Number(removed),
      lastTranslationTime: "2025-06-01",
    });
    expect(outcome.page.commits.map((c) => c.hash)).toEqual([newest.hash]);
    // The open page's diff is now the remaining change only.
    const diff = await source.wholeDiff(i);
    expect(diff.rows.filter((r) => r.kind === "add").map((r) => r.text)).toEqual([
      "",
      "See the admin guide.",
    ]);
    // A new scan of the site agrees.
    const again = await scan({ repo: site.dir, ...options });
    const fresh = again.result.pages[index(again, PAGE)];
    expect(fresh).toMatchObject({
      status: outcome.page.status,
      commitsBehind: outcome.page.commitsBehind,
      linesAdded: outcome.page.linesAdded,
      linesRemoved: outcome.page.linesRemoved,
    });
  });

  it("refuses a commit the page does not list, touching nothing", async () => {
    const fresh = await scan({ repo: site.dir, ...options });
    const source = await createDetailLoader(fresh, fresh.result, fresh.details);
    const i = index(fresh, PAGE);
    const text = readFileSync(path.join(site.dir, PAGE), "utf8");
    for (const commit of [site.labels["merge-early"] ?? "", "HEAD", `--output=${site.dir}/x`]) {
      expect(await source.markUpdated(i, commit)).toMatchObject({ ok: false });
    }
    expect(readFileSync(path.join(site.dir, PAGE), "utf8")).toBe(text);
  });
});

describe("reading an edited page again", () => {
  it("measures the page as a new scan would, and says when it is gone", async () => {
    const fresh = await scan({ repo: site.dir, ...options });
    const source = await createDetailLoader(fresh, fresh.result, fresh.details);
    const i = index(fresh, PAGE);
    const file = path.join(site.dir, PAGE);
    const head = fresh.result.head;
    // The translator brings the page up to date by hand and records HEAD.
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace(/raw_commit="[0-9a-f]+"/, `raw_commit="${head}"`),
    );
    const outcome = await source.rescan(i);
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.page).toMatchObject({ status: "up-to-date", commitsBehind: 0, commits: [] });
    const again = await scan({ repo: site.dir, ...options });
    expect(again.result.pages[index(again, PAGE)]).toEqual(outcome.page);
    rmSync(file);
    expect(await source.rescan(i)).toEqual({ ok: false, error: "the page is no longer there" });
  });
});

describe("a page read again unchanged", () => {
  it("is reported exactly as the scan reported it, for every page of the site", async () => {
    for (const kinds of [false, true]) {
      const fresh = await scan({ repo: site.dir, ...options, kinds });
      const rescan = fresh.rescan;
      if (!rescan) throw new Error("the scan offers no rescan");
      let compared = 0;
      for (const page of fresh.result.pages) {
        if (page.status === "missing") continue;
        const again = await rescan(page.path);
        expect(again?.report, `${page.path} kinds=${kinds}`).toEqual(page);
        compared++;
      }
      expect(compared).toBeGreaterThan(10);
    }
  });
});
