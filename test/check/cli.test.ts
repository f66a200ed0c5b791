// Exit codes of the built CLI (`npm run build` first) over a matrix of thresholds on the fixture:
// 0 within the thresholds, 1 when a page breaks one, 2 for usage and environment errors.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, type TempSite, tempDir } from "../helpers/site.js";
import { runCli, shallowClone } from "./helpers.js";

let site: TempSite;
let scratch: string;

beforeAll(() => {
  site = buildFixture();
  scratch = tempDir("ts-check-cli-");
});
afterAll(() => site?.cleanup());

const check = (...args: string[]) => runCli(["check", "--repo", site.dir, ...args]);

describe("check --max-age on pages without a translation date", () => {
  it("measures their age from raw_commit's author date, and says so", () => {
    const res = check("--fail-on", "outdated", "--max-age", "30", "--format", "json");
    const out = JSON.parse(res.stdout) as {
      pages: Array<{ lastTranslationTime: string | null; verdict: { reasons: string[] } }>;
    };
    const undated = out.pages.filter(
      (p) => p.lastTranslationTime === null && p.verdict.reasons.length > 0,
    );
    expect(undated.length).toBeGreaterThan(0);
    for (const p of undated) {
      expect(p.verdict.reasons.join("; ")).toMatch(
        /translated \d+ days ago, by raw_commit's date \(limit 30\)/,
      );
    }
  });
});

describe("check exit codes", () => {
  // On the fixture: outdated pages are 1-2 commits and 2-5 lines behind; zh-cn has a moved, a
  // source-missing, an unknown-commit, 2 untracked and 1 missing page; every dated translation is
  // from 2025.
  const cases: Array<[string[], number]> = [
    [[], 1],
    [["--fail-on", "outdated,moved", "--max-behind", "2"], 0],
    [["--fail-on", "outdated,moved", "--max-behind", "1"], 1],
    [["--fail-on", "outdated", "--max-lines", "5"], 0],
    [["--fail-on", "outdated", "--max-lines", "4"], 1],
    [["--fail-on", "outdated,moved", "--max-behind", "50", "--max-lines", "500"], 0],
    // A page without last_translation_time is as old as its raw_commit's author date (2025).
    [["--fail-on", "outdated", "--max-age", "100000"], 0],
    [["--fail-on", "outdated", "--lang", "ja", "--max-age", "30"], 1],
    [["--fail-on", "outdated", "--lang", "zh-cn", "--max-age", "100000"], 0],
    [["--fail-on", "outdated", "--lang", "zh-cn", "--max-age", "0"], 1],
    // The page with an unknown raw_commit has no numbers, so any numeric threshold catches it.
    [["--fail-on", "unknown-commit", "--max-behind", "1000"], 1],
    [["--fail-on", "untracked"], 1],
    [["--fail-on", "missing", "--lang", "zh-cn"], 1],
    [["--fail-on", "up-to-date", "--max-behind", "2"], 0],
    [["--fail-on", "up-to-date", "--max-behind", "1"], 1],
    [["--fail-on", "outdated", "--format", "json", "--max-behind", "9"], 0],
    [["--format", "github"], 1],
    [["--format", "markdown", "--fail-on", "moved", "--max-lines", "4"], 0],
    // usage errors
    [["--fail-on", "outdatd"], 2],
    [["--fail-on", ","], 2],
    [["--max-behind", "-1"], 2],
    [["--max-lines", "ten"], 2],
    [["--max-age", "1.5"], 2],
    [["--format", "xml"], 2],
    [["--lang", "../en"], 2],
    [["--changed-since=-x"], 2],
    [["--changed-since", "HEAD~3..HEAD"], 2],
    [["--changed-since", "HEAD:content"], 2],
    [["--changed-since", "main\n--output=/tmp/x"], 2],
    [["--changed-since", "main branch"], 2],
    [["--changed-since", "no-such-branch"], 2],
    [["--changed-since", "0123456789abcdef0123456789abcdef01234567"], 2],
    [["--bogus"], 2],
  ];

  it.each(cases)("check %j exits %i", (args, code) => {
    const res = check(...args);
    expect({ args, code: res.code, stderr: res.stderr }).toMatchObject({ args, code });
    if (code === 2) expect(res.stderr).toMatch(/^translation-status: /);
    if (code !== 2) expect(res.stderr).toBe("");
  });

  it("exits 2 for a folder that is not a repository", () => {
    expect(runCli(["check", "--repo", scratch]).code).toBe(2);
    expect(runCli(["check", "--repo", path.join(scratch, "nope")]).code).toBe(2);
  });

  it("exits 2 in a shallow clone and names the fix", () => {
    const clone = path.join(scratch, "shallow");
    shallowClone(site.dir, clone);
    const res = runCli(["check", "--repo", clone, "--max-behind", "1000"]);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe("");
    expect(res.stderr).toContain("fetch-depth: 0");
    expect(res.stderr).toContain("git fetch --unshallow");
  });

  it("narrows to pages changed since a ref", () => {
    const lastTwo = check("--changed-since", "HEAD~2", "--format", "json", "--fail-on", "outdated");
    expect(lastTwo.code).toBe(1);
    const report = JSON.parse(lastTwo.stdout);
    // HEAD~1 edits the English prerequisites page, HEAD adds zh-cn/user/notes.md.
    expect(report.pages.map((p: { path: string }) => p.path).sort()).toEqual([
      "content/ja/admin/prerequisites.md",
      "content/zh-cn/admin/prerequisites.md",
      "content/zh-cn/user/notes.md",
    ]);
    expect(report.changedSince.ref).toBe("HEAD~2");
    expect(report.changedSince.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(check("--changed-since", "HEAD~1", "--fail-on", "outdated").code).toBe(0);
    expect(check("--changed-since", "HEAD", "--format", "json").stdout).toContain('"pages": []');
  });

  it("github format: annotations outside the stopped region, paths relative to the workspace, job summary", () => {
    const summary = path.join(scratch, "summary.md");
    writeFileSync(summary, "");
    const res = check("--format", "github", "--max-behind", "1");
    const inActions = runCli(
      ["check", "--repo", site.dir, "--format", "github", "--max-behind", "1"],
      {
        GITHUB_WORKSPACE: path.dirname(site.dir),
        GITHUB_STEP_SUMMARY: summary,
        GITHUB_REPOSITORY: "example/docs",
      },
    );
    expect(res.code).toBe(1);
    expect(inActions.code).toBe(1);
    const lines = inActions.stdout.trimEnd().split("\n");
    const start = lines[0] ?? "";
    const token = /^::stop-commands::([0-9a-f]{32})$/.exec(start)?.[1];
    expect(token).toBeDefined();
    const end = lines.indexOf(`::${token}::`);
    expect(end).toBeGreaterThan(0);
    const after = lines.slice(end + 1);
    expect(after.length).toBeGreaterThan(0);
    for (const line of after)
      expect(line).toMatch(/^::error file=site\/content\/[^,]+(,line=\d+)?,title=/);
    for (const line of lines.slice(1, end)) expect(line.startsWith("::")).toBe(false);
    // A fresh token each run.
    expect(res.stdout.split("\n")[0]).not.toBe(start);
    const md = readFileSync(summary, "utf8");
    expect(md).toMatch(/^## Translation status/);
    expect(md).toContain("https://github.com/example/docs/compare/");
    // Without GITHUB_STEP_SUMMARY nothing else is written, and paths are repo-relative.
    expect(res.stdout).toContain("::error file=content/");
  });
});
