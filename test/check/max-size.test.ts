// check --format markdown sized for a pull request comment (issue 17): a generated drift of 520
// pages, far over 65,536 characters in full, keeps the summary table and the worst pages, stays
// under the limit and says how many pages it left out and where they are. In a --changed-since
// run, a language with no failing page is left out of the table. A size too small to hold the
// report's first lines and its closing note is refused.
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LEAST_MAX_SIZE } from "../../src/options/defaults.js";
import { english, page, runCli, TestRepo, tempDir } from "../hostile/helpers.js";

const PAGES = 520;
const name = (i: number) => `p${String(i).padStart(3, "0")}.md`;

let base: string;
let repo: TestRepo;
let translated: string;

beforeAll(() => {
  base = tempDir("ts-max-size-");
  repo = TestRepo.init(path.join(base, "site"));
  for (let i = 0; i < PAGES; i++) repo.write(`content/en/${name(i)}`, english(`Page ${i}`));
  repo.write("content/en/still.md", english("Still"));
  const raw = repo.commit("English");
  for (let i = 0; i < PAGES; i++) repo.write(`content/zh-cn/${name(i)}`, page(raw));
  // Japanese translates only a page that does not change afterwards.
  repo.write("content/ja/still.md", page(raw));
  translated = repo.commit("Translate");
  // Page i changes in i % 3 + 1 commits, so the worst pages are a third of them.
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < PAGES; i++) {
      if (i % 3 >= round)
        repo.write(`content/en/${name(i)}`, english(`Page ${i}`, `Round ${round} of edits.\n`));
    }
    repo.commit(`Edit the English pages, round ${round}`);
  }
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** The pages a Markdown report lists, in order. */
const listed = (md: string) => [...md.matchAll(/^- \[ \] `([^`]+)`/gm)].map((m) => m[1]);

describe("check --format markdown --max-size", () => {
  it("keeps a 520-page drift under 65,536 characters and says what it left out", () => {
    const res = runCli(["check", "--repo", repo.dir, "--format", "markdown"]);
    expect(res.code).toBe(1);
    const md = res.stdout;
    expect(md.length).toBeLessThanOrEqual(65_536);
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(65_536);
    // The summary table is whole, with every language.
    expect(md).toMatch(/^\| zh-cn \| 521 \| 520 \|/m);
    expect(md).toMatch(/^\| ja \| 521 \| 0 \|/m);
    const pages = listed(md);
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.length).toBeLessThan(PAGES);
    // Worst first: the pages three commits behind come before any that are fewer.
    expect(pages[0]).toBe(`content/zh-cn/${name(2)}`);
    expect(md).toContain(`- [ ] \`content/zh-cn/${name(2)}\`: outdated, 3 commits behind`);
    expect(md.trimEnd().split("\n").at(-1)).toBe(
      `_${PAGES - pages.length} more failing pages are not listed: this report is kept under 65,536 characters (--max-size). The job summary or the report's artifact has the full list._`,
    );
    // The job summary's own limit is untouched: the same run in full is far larger.
    const full = runCli([
      "check",
      "--repo",
      repo.dir,
      "--format",
      "markdown",
      "--max-size",
      "99999999",
    ]);
    expect(full.stdout.length).toBeGreaterThan(65_536 * 2);
    expect(listed(full.stdout)).toHaveLength(PAGES);
  });

  it("fits a smaller size, and leaves unchanged languages out of a --changed-since table", () => {
    const res = runCli([
      "check",
      "--repo",
      repo.dir,
      "--format",
      "markdown",
      "--max-size",
      "5000",
      "--changed-since",
      translated,
    ]);
    expect(res.code).toBe(1);
    expect(Buffer.byteLength(res.stdout)).toBeLessThanOrEqual(5000);
    expect(res.stdout).toMatch(/^\| zh-cn \| 520 \| 520 \|/m);
    // Japanese lists the changed pages as missing there, but none fails: nothing to report.
    expect(res.stdout).not.toMatch(/^\| ja \|/m);
    expect(res.stdout).toMatch(/_\d+ more failing pages are not listed: /);
    expect(res.stdout).not.toContain("table rows");
  });

  it("keeps to every size from the least it takes, and refuses a smaller one in one line", () => {
    const markdown = (n: number) =>
      runCli(["check", "--repo", repo.dir, "--format", "markdown", "--max-size", `${n}`]);
    for (const n of [50, 100, 200, LEAST_MAX_SIZE - 1]) {
      const res = markdown(n);
      expect(res.code).toBe(2);
      expect(res.stdout).toBe("");
      expect(res.stderr).toBe(
        `translation-status: --max-size must be at least 1,000 (room for the report's first lines and its note on what it left out), got ${n}\n`,
      );
    }
    for (const n of [LEAST_MAX_SIZE, LEAST_MAX_SIZE + 1, 1234, 2000]) {
      const res = markdown(n);
      expect(res.code).toBe(1);
      expect(Buffer.byteLength(res.stdout)).toBeLessThanOrEqual(n);
      expect(res.stdout.startsWith("## Translation status\n")).toBe(true);
      expect(res.stdout.trimEnd().split("\n").at(-1)).toMatch(
        new RegExp(
          `^_\\d+ more failing pages are not listed: this report is kept under ${n.toLocaleString("en-US")} characters \\(--max-size\\)\\. The job summary or the report's artifact has the full list\\._$`,
        ),
      );
    }
  });

  it("is refused with a format it does not shape", () => {
    const res = runCli(["check", "--repo", repo.dir, "--format", "json", "--max-size", "100"]);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe("translation-status: --max-size applies to --format markdown\n");
    const scan = runCli(["scan", "--repo", repo.dir, "--max-size", "100"]);
    expect(scan.code).toBe(2);
    expect(scan.stderr).toBe("translation-status: --max-size is an option of check\n");
  });
});
