// Which failing pages check names first, and how many annotations it gives. A page is ranked by
// the numbers it is judged by (an untracked page's estimate with --use-estimates), in every output
// that ranks; and GitHub's 10 annotations a type per step leave room for the count of the rest.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { english, page, runCli, TestRepo, tempDir } from "../hostile/helpers.js";

let repo: TestRepo;
const OUTDATED = Array.from({ length: 11 }, (_, i) => `p${i + 1}.md`);

beforeAll(() => {
  repo = TestRepo.init(path.join(tempDir(), "repo"));
  for (const p of [...OUTDATED, "big.md"]) repo.write(`content/en/${p}`, english(p));
  const raw = repo.commit("English");
  for (const p of OUTDATED) repo.write(`content/zh-cn/${p}`, page(raw));
  // No metadata: its estimate is this commit, the last that changed it.
  repo.write("content/zh-cn/big.md", "没有元数据。\n");
  repo.commit("Translate");
  for (let k = 1; k <= 4; k++) {
    repo.write("content/en/big.md", english("big.md", `Edit ${k}.\n`));
    repo.commit(`Edit big ${k}`);
  }
  for (const p of OUTDATED) repo.write(`content/en/${p}`, english(p, "Edited.\n"));
  repo.write("content/en/big.md", english("big.md", "Edit 5.\n"));
  repo.commit("Edit every page");
});

const check = (...args: string[]) =>
  runCli([
    "check",
    "--repo",
    repo.dir,
    "--no-cache",
    "--use-estimates",
    "--max-behind",
    "0",
    ...args,
  ]);
const annotations = (stdout: string, level: string) =>
  stdout.split("\n").filter((l) => l.startsWith(`::${level} `));

describe("check --use-estimates ranks an untracked page by its estimate", () => {
  it("annotates it first, 5 commits behind by its estimate, before 11 pages 1 behind", () => {
    const res = check("--format", "github");
    expect(res.code).toBe(1);
    const errors = annotations(res.stdout, "error");
    expect(errors).toHaveLength(10);
    expect(errors[0]).toMatch(/^::error file=content\/zh-cn\/big\.md,/);
    expect(errors[0]).toContain("~5 English commits behind");
    expect(annotations(res.stdout, "notice")).toEqual([
      expect.stringContaining("::2 more failing pages are not annotated"),
    ]);
  });

  it("lists it first in the table and in Markdown, and keeps it when Markdown is cut", () => {
    const table = check()
      .stdout.split("\n")
      .filter((l) => l.includes("content/zh-cn/"));
    expect(table[0]).toContain("content/zh-cn/big.md");
    const items = (md: string) => md.split("\n").filter((l) => l.startsWith("- [ ] "));
    const markdown = items(check("--format", "markdown").stdout);
    expect(markdown).toHaveLength(12);
    expect(markdown[0]).toContain("`content/zh-cn/big.md`");
    const cut = check("--format", "markdown", "--max-size", "1500").stdout;
    expect(items(cut).length).toBeLessThan(12);
    expect(items(cut)[0]).toContain("`content/zh-cn/big.md`");
  });

  it("without --use-estimates, judges and ranks it by status alone (no numbers of its own)", () => {
    const res = runCli([
      "check",
      "--repo",
      repo.dir,
      "--no-cache",
      "--fail-on",
      "outdated,untracked",
      "--format",
      "github",
    ]);
    const errors = annotations(res.stdout, "error");
    expect(errors[0]).toMatch(/^::error file=content\/zh-cn\/p1\.md,/);
    expect(errors.some((l) => l.includes("big.md"))).toBe(false);
  });
});

describe("--annotation-level notice", () => {
  it("gives at most 10 notices, the last counting the pages left out", () => {
    const res = check("--format", "github", "--annotation-level", "notice");
    const notices = annotations(res.stdout, "notice");
    expect(notices).toHaveLength(10);
    expect(notices.filter((l) => l.startsWith("::notice file="))).toHaveLength(9);
    expect(notices[9]).toContain("::3 more failing pages are not annotated");
    expect(annotations(res.stdout, "error")).toEqual([]);
  });

  it("annotates all 10 when no page is left out", () => {
    const res = check("--format", "github", "--annotation-level", "notice", "content/zh-cn/p1.md");
    expect(annotations(res.stdout, "notice")).toHaveLength(1);
    const ten = check(
      "--format",
      "github",
      "--annotation-level",
      "notice",
      ...OUTDATED.slice(0, 10).map((p) => `content/zh-cn/${p}`),
    );
    const notices = annotations(ten.stdout, "notice");
    expect(notices).toHaveLength(10);
    expect(notices.every((l) => l.startsWith("::notice file="))).toBe(true);
  });
});
