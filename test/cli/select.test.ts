// scan PATH... and --status: only the pages asked about are listed (and, for check, judged).
import { symlinkSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ScanResult } from "../../src/core/types.js";
import { english, page, runCli, TestRepo, tempDir } from "../hostile/helpers.js";

const repo = TestRepo.init(path.join(tempDir(), "site"));
repo.write("content/en/docs/a.md", english("A"));
repo.write("content/en/docs/b.md", english("B"));
repo.write("content/en/blog/c.md", english("C"));
const raw = repo.commit("English");
for (const f of ["docs/a.md", "docs/b.md", "blog/c.md"]) repo.write(`content/ja/${f}`, page(raw));
repo.write("content/fr/docs/a.md", page(raw));
repo.commit("Translate");
repo.write("content/en/docs/a.md", english("A", "More.\n"));
repo.write("content/en/blog/c.md", english("C", "More.\n"));
repo.commit("Edit the English");

const json = (...args: string[]) => {
  const res = runCli(["scan", "--repo", repo.dir, "--format", "json", ...args]);
  expect(res.stderr).toBe("");
  return JSON.parse(res.stdout) as ScanResult;
};
const paths = (r: ScanResult) => r.pages.map((p) => `${p.path} ${p.status}`);

describe("selecting pages", () => {
  it("lists the pages under the paths given, by translation or English path", () => {
    expect(paths(json("content/ja/docs"))).toEqual([
      "content/ja/docs/a.md outdated",
      "content/ja/docs/b.md up-to-date",
    ]);
    expect(paths(json("content/en/docs/a.md/"))).toEqual([
      "content/fr/docs/a.md outdated",
      "content/ja/docs/a.md outdated",
    ]);
    const narrowed = json("content/ja/blog");
    expect(narrowed.summary.ja).toMatchObject({ total: 1, outdated: 1 });
    expect(narrowed.summary.fr).toMatchObject({ total: 0 });
  });

  it("lists the statuses given, in the table as in JSON", () => {
    expect(paths(json("--status", "missing,up-to-date"))).toEqual([
      "content/fr/blog/c.md missing",
      "content/fr/docs/b.md missing",
      "content/ja/docs/b.md up-to-date",
    ]);
    const table = runCli(["scan", "--repo", repo.dir, "--status", "outdated", "--no-color"]);
    expect(table.stdout).toContain("content/ja/blog/c.md");
    expect(table.stdout).not.toContain("missing");
  });

  it("judges only the pages selected in check", () => {
    expect(runCli(["check", "--repo", repo.dir, "content/ja/docs/b.md"]).code).toBe(0);
    expect(runCli(["check", "--repo", repo.dir, "content/ja/docs"]).code).toBe(1);
    expect(runCli(["check", "--repo", repo.dir, "--status", "up-to-date"]).code).toBe(0);
  });

  it("refuses what is not a path or a status, in one line", () => {
    for (const args of [
      ["scan", "../outside"],
      ["scan", "--status", "stale"],
      ["check", "content//x"],
      ["dashboard", "--status", "outdated"],
    ]) {
      const res = runCli([...args, "--repo", repo.dir]);
      expect(res.code, args.join(" ")).toBe(2);
      expect(res.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
    }
  });

  it("refuses a path that selects no page, rather than passing having looked at nothing", () => {
    for (const command of ["scan", "check", "lint"]) {
      const res = runCli([
        command,
        "--repo",
        repo.dir,
        "content/ja/docs/typo.md",
        "content/ja/docs",
      ]);
      expect(res, command).toMatchObject({
        code: 2,
        stdout: "",
        stderr:
          'translation-status: no page under "content/ja/docs/typo.md" in the languages scanned (give a page or folder as the reports print it)\n',
      });
    }
    // A folder of English pages selects their translations; a language left out selects nothing.
    expect(runCli(["check", "--repo", repo.dir, "content/en/blog"]).code).toBe(1);
    expect(runCli(["scan", "--repo", repo.dir, "--lang", "fr", "content/ja/docs"]).code).toBe(2);
    // With --changed-since, a path is checked against every page, changed or not.
    const head = repo.git(["rev-parse", "HEAD"]).trim();
    const res = runCli(["check", "--repo", repo.dir, "--changed-since", head, "content/ja/docs"]);
    expect(res.code).toBe(0);
  });

  it('says why a path the scan set aside selects nothing, though its name holds ": "', () => {
    const linked = TestRepo.init(path.join(tempDir(), "linked"));
    linked.write("content/en/a.md", english("A"));
    const head = linked.commit("English");
    linked.write("content/ja/a.md", page(head));
    symlinkSync("a.md", path.join(linked.dir, "content/ja/a: b.md"));
    const refusal = (p: string) => runCli(["scan", "--repo", linked.dir, p]).stderr;
    const tail = "in the languages scanned (give a page or folder as the reports print it)\n";
    expect(refusal("content/ja/a: b.md")).toBe(
      `translation-status: no page under "content/ja/a: b.md" (symbolic link not followed) ${tail}`,
    );
    // The warning is about "a: b.md", not about "a".
    expect(refusal("content/ja/a")).toBe(
      `translation-status: no page under "content/ja/a" ${tail}`,
    );
    // The report's own list of warnings reads the same path from it.
    const table = runCli(["scan", "--repo", linked.dir, "--no-color"]).stdout;
    expect(table).toContain("content/ja/a: b.md: symbolic link not followed");
  });
});
