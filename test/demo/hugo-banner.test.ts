// The hugo-data file drives a banner on the demo site: the site's own Hugo templates
// (fixtures/hugo-site/) read `report --format hugo-data`, and Hugo itself builds the pages.
// Debian's hugo is required here, as chromium is for the status page (.ci/run installs both).
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureDemo } from "../../src/demo/demo-site.js";
import { runCli } from "../check/helpers.js";
import { ROOT, tempDir } from "../helpers/site.js";

let root: string;
let publicDir: string;
let data: Record<string, { status: string; commitsBehind: number | null }>;

beforeAll(() => {
  root = tempDir("ts-hugo-demo-");
  mkdirSync(path.join(root, "fixtures"));
  cpSync(path.join(ROOT, "fixtures", "site.json"), path.join(root, "fixtures", "site.json"));
  cpSync(path.join(ROOT, "fixtures", "hugo-site"), path.join(root, "fixtures", "hugo-site"), {
    recursive: true,
  });
  ensureDemo(root);
  const demo = path.join(root, ".demo");
  const file = path.join(demo, "data", "translation_status.json");
  const report = runCli(["report", "--repo", demo, "--format", "hugo-data", "--output", file]);
  expect(report).toMatchObject({ code: 0, stderr: "" });
  data = JSON.parse(readFileSync(file, "utf8"));
  publicDir = path.join(root, "public");
  const hugo = spawnSync(
    "hugo",
    [
      "--source",
      demo,
      "--destination",
      publicDir,
      "--cacheDir",
      path.join(root, "cache"),
      "--quiet",
    ],
    { encoding: "utf8", env: { ...process.env, HOME: root } },
  );
  if (hugo.error) throw new Error(`hugo is required for this test: ${hugo.error.message}`);
  expect(hugo.stderr).toBe("");
  expect(hugo.status).toBe(0);
}, 120_000);

afterAll(() => {
  if (root) spawnSync("rm", ["-rf", root]);
});

const page = (rel: string) => readFileSync(path.join(publicDir, rel, "index.html"), "utf8");
const banner = (html: string) =>
  html
    .match(/<aside class="translation-status" role="note">([\s\S]*?)<\/aside>/)?.[1]
    ?.replace(/\s+/g, " ")
    .trim();

describe("the demo site's banner, from report --format hugo-data", () => {
  it("says how far behind an outdated translation is, with the scan's numbers", () => {
    expect(data["content/zh-cn/user/moderation.md"]).toMatchObject({
      status: "outdated",
      commitsBehind: 2,
    });
    expect(banner(page("zh-cn/user/moderation"))).toBe(
      "This translation is 2 English changes behind (+4 −0).",
    );
    expect(banner(page("zh-cn/user/run-your-own"))).toBe(
      "This translation is 1 English change behind (+3 −0).",
    );
    expect(banner(page("ja/admin/prerequisites"))).toBe(
      "This translation is 2 English changes behind (+4 −1).",
    );
  });

  it("shows no banner on a page that is up to date, or whose numbers are only an estimate", () => {
    expect(data["content/zh-cn/user/contacts.md"]?.status).toBe("up-to-date");
    expect(page("zh-cn/user/contacts")).not.toContain("translation-status");
    expect(data["content/zh-cn/_index.md"]?.status).toBe("untracked");
    expect(page("zh-cn")).not.toContain('class="translation-status"');
    // English pages carry no banner.
    expect(page("user/moderation")).not.toContain('class="translation-status"');
  });
});
