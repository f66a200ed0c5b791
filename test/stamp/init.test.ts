// stamp --init: a page without metadata brought under tracking, at its estimate (or --commit),
// in the site's own style, with only the metadata added; afterwards the scan reads the page
// at that commit with the numbers the estimate had. And `u` in the dashboard on such a page.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDetailLoader } from "../../src/detail/loader.js";
import { scan } from "../../src/scan/scan.js";
import { buildFixture, git, type TempSite } from "../helpers/site.js";
import { runCli } from "../hostile/helpers.js";

let site: TempSite;
beforeAll(() => {
  site = buildFixture("no-metadata.json");
});
afterAll(() => site?.cleanup());

const PAGE = "content/zh-cn/concepts.md";
const options = { repo: "", source: "en", content: "content", langs: [] as string[] };
const pageOf = async (dir: string, rel: string) =>
  (await scan({ ...options, repo: dir })).result.pages.find((p) => p.path === rel);

describe("stamp --init", () => {
  it("adds the site's front matter key at the estimate, changing nothing else", async () => {
    const before = await pageOf(site.dir, PAGE);
    expect(before?.status).toBe("untracked");
    const estimate = before?.estimate;
    if (!estimate) throw new Error("no estimate");
    // The estimate is what git says, skipping the ignore-revs file's link migration.
    const mass = site.labels.mass;
    const log = git(site.dir, ["log", "--format=%H", "--", PAGE]).split("\n");
    expect(estimate.rawCommit).toBe(log.find((h) => h !== mass));

    const text = readFileSync(path.join(site.dir, PAGE), "utf8");
    const res = runCli(["stamp", "--repo", site.dir, "--init", PAGE]);
    expect(res.stderr).toBe("");
    expect(res.stdout).toBe(`tracking ${PAGE} at ${estimate.rawCommit.slice(0, 12)}\n`);
    // The site's other page records default_lang_commit in front matter: so does this one now.
    expect(readFileSync(path.join(site.dir, PAGE), "utf8")).toBe(
      text.replace("---\n\n", `default_lang_commit: ${estimate.rawCommit}\n---\n\n`),
    );
    const after = await pageOf(site.dir, PAGE);
    expect(after).toMatchObject({
      status: "outdated",
      rawCommit: estimate.rawCommit,
      commitsBehind: estimate.commitsBehind,
      linesAdded: estimate.linesAdded,
      linesRemoved: estimate.linesRemoved,
    });
    expect(after?.estimate).toBeUndefined();
  });

  it("refuses a page that records metadata already, and a page with no estimate", () => {
    const tracked = runCli(["stamp", "--repo", site.dir, "--init", "content/zh-cn/tracked.md"]);
    expect(tracked.code).toBe(2);
    expect(tracked.stderr).toMatch(/already records metadata; use stamp without --init/);
    // A translation nobody has committed yet has no estimate.
    writeFileSync(path.join(site.dir, "content/zh-cn/guide/new-name.md"), "# 指南\n");
    const uncommitted = runCli([
      "stamp",
      "--repo",
      site.dir,
      "--init",
      "content/zh-cn/guide/new-name.md",
    ]);
    expect(uncommitted.stderr).toMatch(/no estimate for this page .* give --commit/);
    git(site.dir, ["clean", "-fq", "content"]);
  });

  it("takes --commit and --metadata, and says when the site shows no style to follow", () => {
    const head = git(site.dir, ["rev-parse", "HEAD"]);
    const page = "content/zh-cn/tasks.md";
    const text = readFileSync(path.join(site.dir, page), "utf8");
    const res = runCli([
      "stamp",
      "--repo",
      site.dir,
      "--init",
      "--commit",
      head,
      "--metadata",
      "shortcode",
      page,
    ]);
    expect(res.stderr).toBe("");
    expect(readFileSync(path.join(site.dir, page), "utf8")).toBe(
      `${text}\n{{< translation-status-zh-cn raw_title="Tasks" raw_link="/tasks/" last_translation_time="${today()}" raw_commit="${head}">}}\n`,
    );
    git(site.dir, ["checkout", "--", "content"]);

    // Without the one page that records metadata, nothing shows the site's style.
    git(site.dir, ["rm", "-q", "content/zh-cn/tracked.md"]);
    const none = runCli(["stamp", "--repo", site.dir, "--init", page]);
    expect(none.code).toBe(2);
    // Both ways of naming the style are told: the flag and the config key.
    expect(none.stderr).toMatch(
      /no page of this site records metadata yet: give --metadata, or set "metadata" in the config/,
    );
    expect(readFileSync(path.join(site.dir, page), "utf8")).toBe(text);
    git(site.dir, ["reset", "-q", "--hard"]);
  });
});

describe("u in the dashboard on an untracked page", () => {
  it("adds metadata at HEAD, after which the page is up to date", async () => {
    const own = buildFixture("no-metadata.json");
    try {
      const out = await scan({ ...options, repo: own.dir });
      const i = out.result.pages.findIndex((p) => p.path === "content/zh-cn/tasks.md");
      const target = out.result.pages[i];
      expect(target?.status).toBe("untracked");
      const source = await createDetailLoader(out, out.result, out.details, {
        date: () => "2026-12-06",
      });
      // Where the English page moved since the estimate, the translation must move first.
      const moved = out.result.pages.findIndex((p) => p.path === "content/zh-cn/guide/old-name.md");
      expect(await source.markUpdated(moved)).toMatchObject({ ok: false, error: /moved/ });
      const outcome = await source.markUpdated(i);
      expect(outcome).toMatchObject({ ok: true, page: { status: "up-to-date" } });
      const head = git(own.dir, ["rev-parse", "HEAD"]);
      const again = await pageOf(own.dir, target?.path ?? "");
      expect(again).toMatchObject({ status: "up-to-date", rawCommit: head });
    } finally {
      own.cleanup();
    }
  });
});

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
