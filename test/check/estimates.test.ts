// `check --use-estimates` on the site without metadata (fixtures/no-metadata.json), the
// ignore-revs file as untrusted input, and the extra history log costing nothing on a site whose
// pages all have metadata. The built CLI runs in its own process on real repositories.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PageReport } from "../../src/core/types.js";
import { loggingGit } from "../helpers/logging-git.js";
import { buildFixture, type TempSite } from "../helpers/site.js";
import { outdatedRepo, runCli, tempDir } from "../hostile/helpers.js";

let site: TempSite;
beforeAll(() => {
  site = buildFixture("no-metadata.json");
});
afterAll(() => site?.cleanup());

const check = (...args: string[]) =>
  runCli(["check", "--repo", site.dir, "--format", "json", ...args]);

interface CheckedPage extends PageReport {
  verdict: { fails: boolean; reasons: string[] };
}
const failing = (stdout: string) =>
  (JSON.parse(stdout) as { pages: CheckedPage[] }).pages.filter((p) => p.verdict.fails);

describe("check --use-estimates", () => {
  // The estimates (see test/scan/estimates.test.ts): _index 0 behind, branch 1 (+2), concepts
  // 3 (+5 -1), guide/old-name 2 (+2), tasks 1 (+2).
  it("without it, judges untracked pages by status alone: their numbers are unknown", () => {
    const res = check("--fail-on", "untracked", "--max-behind", "3");
    expect(res.code).toBe(1);
    expect(failing(res.stdout).map((p) => p.path)).toHaveLength(5);
    expect(failing(res.stdout)[0]?.verdict.reasons).toContain("commits behind unknown (limit 3)");
  });

  it("applies --max-behind and --max-lines to the estimates, saying they are estimated", () => {
    const over = check("--use-estimates", "--fail-on", "untracked", "--max-behind", "2");
    expect(over.code).toBe(1);
    expect(failing(over.stdout).map((p) => [p.path, p.verdict.reasons])).toEqual([
      ["content/zh-cn/concepts.md", ["status untracked", "3 commits behind, estimated (limit 2)"]],
    ]);
    const within = check(
      "--use-estimates",
      "--fail-on",
      "untracked",
      "--max-behind",
      "3",
      "--max-lines",
      "6",
    );
    expect([within.code, within.stderr]).toEqual([0, ""]);
    const lines = check("--use-estimates", "--fail-on", "untracked", "--max-lines", "5");
    expect(lines.code).toBe(1);
    expect(failing(lines.stdout)[0]?.verdict.reasons).toEqual([
      "status untracked",
      "6 lines changed, estimated (limit 5)",
    ]);
  });

  it("lets untracked pages fail by default when asked, and says so in the rule", () => {
    const res = runCli([
      "check",
      "--repo",
      site.dir,
      "--use-estimates",
      "--max-behind",
      "2",
      "--max-lines",
      "6",
    ]);
    expect(res.code).toBe(1);
    expect(res.stdout).toContain(
      "rule: a page fails when its status is outdated, moved, source-missing, unknown-commit or untracked and it is more than 2 commits behind or more than 6 lines changed (estimated for untracked pages)",
    );
    expect(res.stdout).toContain("~3 behind ~+5 -1");
    expect(res.stdout).toContain("content/zh-cn/concepts.md  (est. from");
  });

  it("is an option of check only", () => {
    const res = runCli(["scan", "--repo", site.dir, "--use-estimates"]);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe("translation-status: --use-estimates is an option of check\n");
  });
});

describe("the ignore-revs file", () => {
  const estimateOf = (stdout: string, page: string) =>
    (JSON.parse(stdout) as { pages: PageReport[] }).pages.find((p) => p.path === page)?.estimate
      ?.rawCommit;

  it("is read from the repository's top by default, or from --ignore-revs-file", () => {
    const byDefault = runCli(["scan", "--repo", site.dir, "--format", "json"]);
    // The mass commit edited tasks.md only in Chinese, so only the file skips it there.
    expect(estimateOf(byDefault.stdout, "content/zh-cn/tasks.md")).toBe(site.labels.translate);
    const other = path.join(tempDir(), "revs");
    writeFileSync(other, "\n# nothing to skip here\n\n");
    const named = runCli([
      "scan",
      "--repo",
      site.dir,
      "--format",
      "json",
      "--ignore-revs-file",
      other,
    ]);
    expect(estimateOf(named.stdout, "content/zh-cn/tasks.md")).toBe(site.labels.mass);
  });

  it("is named in the config file relative to the repository's top", () => {
    const dir = tempDir();
    const config = path.join(dir, "config.json");
    writeFileSync(path.join(site.dir, "no-revs"), "# none\n");
    writeFileSync(config, JSON.stringify({ ignoreRevsFile: "no-revs" }));
    const res = runCli(["scan", "--repo", site.dir, "--format", "json", "--config", config]);
    expect(res.stderr).toBe("");
    expect(estimateOf(res.stdout, "content/zh-cn/tasks.md")).toBe(site.labels.mass);
  });

  it.each([
    ["a line that is not a hash", "# ok\n\nHEAD~1\n", "line 3 is not a full commit hash"],
    ["an abbreviated hash", "0123456\n", "line 1 is not a full commit hash"],
    ["an option", "--output=/tmp/x\n", "line 1 is not a full commit hash"],
  ])("refuses %s with one line, exit 2", (_what, text, why) => {
    const file = path.join(tempDir(), "bad-revs");
    writeFileSync(file, text);
    const res = runCli(["check", "--repo", site.dir, "--ignore-revs-file", file]);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe("");
    expect(res.stderr).toBe(
      `translation-status: ${file}: ${why} (40 hex digits, or 64; # starts a comment)\n`,
    );
  });

  it("refuses an oversized file, a missing one, and a config path outside the repository", () => {
    const big = path.join(tempDir(), "big-revs");
    writeFileSync(big, `${"0".repeat(40)}\n`.repeat(30_000));
    const res = runCli(["scan", "--repo", site.dir, "--ignore-revs-file", big]);
    expect([res.code, res.stderr]).toEqual([
      2,
      `translation-status: ${big}: larger than 1024 KiB; not an ignore-revs file\n`,
    ]);
    const absent = path.join(tempDir(), "absent");
    const missing = runCli(["scan", "--repo", site.dir, "--ignore-revs-file", absent]);
    expect([missing.code, missing.stderr]).toEqual([
      2,
      `translation-status: ${absent}: file could not be read\n`,
    ]);
    const config = path.join(tempDir(), "config.json");
    writeFileSync(config, JSON.stringify({ ignoreRevsFile: "../outside" }));
    const outside = runCli(["scan", "--repo", site.dir, "--config", config]);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain(
      `"ignoreRevsFile": a file path relative to the repository's top`,
    );
  });
});

describe("the extra history log", () => {
  const historyLogs = (calls: string[]) => calls.filter((c) => / log .*--raw/.test(c));

  it("runs only when some page has no metadata", () => {
    const tracked = outdatedRepo(path.join(tempDir(), "site"));
    const plain = loggingGit();
    // Counted without the cache, which would spare a rescan every one of these logs.
    expect(runCli(["scan", "--no-cache", "--repo", tracked.dir], { env: plain.env }).code).toBe(0);
    // The English history: one log, as the history is shorter than a log part.
    expect(historyLogs(plain.calls())).toHaveLength(1);
    const untracked = loggingGit();
    expect(runCli(["scan", "--no-cache", "--repo", site.dir], { env: untracked.env }).code).toBe(0);
    const logs = historyLogs(untracked.calls());
    expect(logs).toHaveLength(2);
    // The pages without metadata, named to git (few of them), or their folder.
    expect(logs.filter((c) => c.includes(" -- content/zh-cn/"))).toHaveLength(1);
  });
});
