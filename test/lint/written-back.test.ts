// lint on pages a tester wrote to catch it out: a repair that must be quoted to stay valid, page
// text with invisible characters, a misspelt commit key, a page that is a symbolic link, and
// repairs that cannot be written. What lint says must be what the page holds and what --fix does.
import { chmodSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasUnsafeChars } from "../../src/sanitize/terminal.js";
import { runCli, TestRepo, tempDir } from "../hostile/helpers.js";

let base: string;
let repo: TestRepo;
/** A commit whose first 7 hex digits are all decimal (the first not 0, which TOML refuses):
 * TOML and YAML read them as a number. */
let digits: string;
let raw: string;

interface JsonFinding {
  path: string;
  rule: string;
  message: string;
  fixable: boolean;
}

function lintJson(...args: string[]) {
  const res = runCli(["lint", "--repo", repo.dir, "--format", "json", ...args]);
  return { ...res, json: JSON.parse(res.stdout) as { findings: JsonFinding[] } };
}

const shortcode = (attrs: string) =>
  `x\n\n{{< translation-status-zh-cn ${attrs} last_translation_time="2025-02-01" raw_commit="${raw}" >}}\n`;

beforeAll(() => {
  base = tempDir("ts-lint-back-");
  repo = TestRepo.init(path.join(base, "site"));
  const english = (title: string) => `---\ntitle: ${title}\n---\n\nText.\n`;
  repo.write("content/en/toml.md", english("T"));
  repo.write("content/en/broken.md", english("T"));
  repo.write("content/en/zwsp.md", english('"Run\\u200bning"'));
  repo.write("content/en/esc.md", english("BX"));
  repo.write("content/en/backslash.md", english("'trailing backslash\\'"));
  repo.write("content/en/escaped-quote.md", english("'mid\\\"dle'"));
  repo.write("content/en/quoted.md", english(`'q "x" y'`));
  for (const n of ["a", "b", "c", "link", "sub/deep", "untranslated"])
    repo.write(`content/en/${n}.md`, english(n));
  raw = repo.commit("English pages");
  // Deterministic (fixed identities and dates): the first commit whose abbreviation is digits.
  for (let i = 0; !/^[1-9][0-9]{6}/.test(repo.head()); i++) repo.commit(`step ${i}`);
  digits = repo.head();
  repo.write(
    "content/zh-cn/toml.md",
    `+++\ntitle = "ja"\ndefault_lang_commit = ${digits.slice(0, 7)}\n+++\n\nx\n`,
  );
  repo.write(
    "content/zh-cn/broken.md",
    `+++\ntitle = "ja"\ndefault_lang_commit = ${raw}\n+++\n\nx\n`,
  );
  repo.write("content/zh-cn/zwsp.md", shortcode('raw_title="Run ning"'));
  repo.write("content/zh-cn/esc.md", shortcode('raw_title="B\x1b[31mX"'));
  for (const n of ["backslash", "escaped-quote", "quoted"]) {
    repo.write(`content/zh-cn/${n}.md`, shortcode('raw_title="old"'));
  }
  repo.write("content/zh-cn/a.md", `---\ntitle: a\ndefault_lang_comit: ${raw}\n---\n\nx\n`);
  repo.write("content/zh-cn/b.md", `---\ntitle: b\nl10n:\n  sourceComit: ${raw}\n---\n\nx\n`);
  repo.write(
    "content/zh-cn/c.md",
    `x\n\n{{< translation-status-zh-cn raw_title="c" raw_comit="${raw}" >}}\n`,
  );
  repo.commit("Translations");
  // Pages lint must not read: a symbolic link whose English page exists, and a page below a
  // symbolic link to a folder outside the repository.
  const outside = path.join(base, "outside");
  mkdirSync(outside);
  writeFileSync(path.join(outside, "deep.md"), shortcode('raw_title="x"'));
  symlinkSync("esc.md", path.join(repo.dir, "content/zh-cn/link.md"));
  symlinkSync(outside, path.join(repo.dir, "content/zh-cn/sub"));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe("lint --fix writes what reads back", () => {
  it("quotes a full hash written over a bare TOML number, and a later lint is clean", () => {
    const rel = "content/zh-cn/toml.md";
    const res = runCli(["lint", "--repo", repo.dir, "--fix", rel]);
    expect(res.stdout).toContain("fixed  raw-commit-abbreviated");
    expect(res.code).toBe(0);
    expect(readFileSync(path.join(repo.dir, rel), "utf8")).toBe(
      `+++\ntitle = "ja"\ndefault_lang_commit = "${digits}"\n+++\n\nx\n`,
    );
    const again = lintJson(rel);
    expect(again.json.findings).toEqual([]);
    const scan = JSON.parse(
      runCli(["scan", "--repo", repo.dir, "--format", "json", "--no-cache", rel]).stdout,
    );
    expect(scan.pages[0].rawCommit).toBe(digits);
    expect(scan.pages[0].warnings).toEqual([]);
  });

  it("reports front matter that does not parse (exit 1)", () => {
    const { code, json } = lintJson("content/zh-cn/broken.md");
    expect(code).toBe(1);
    expect(json.findings.map((f) => [f.rule, f.fixable])).toEqual([
      ["front-matter-invalid", false],
    ]);
    expect(json.findings[0]?.message).toMatch(/^front matter is not valid TOML/);
  });
});

describe("lint messages", () => {
  it("show invisible and control characters as escapes, in every format", () => {
    for (const format of ["table", "json", "github"]) {
      const res = runCli([
        "lint",
        "--repo",
        repo.dir,
        "--format",
        format,
        "content/zh-cn/zwsp.md",
        "content/zh-cn/esc.md",
      ]);
      expect(hasUnsafeChars(res.stdout.replaceAll("\n", ""))).toBe(false);
      // The page's plain space and the English title's zero-width space no longer look alike.
      const zwsp = format === "json" ? "Run\\\\u200bning" : "Run\\u200bning";
      expect(res.stdout, format).toContain(zwsp);
      expect(res.stdout, format).toContain("Run ning");
      expect(res.stdout, format).toContain(format === "json" ? "B\\\\x1b[31mX" : "B\\x1b[31mX");
    }
  });
});

describe("a misspelt commit key", () => {
  it("is an error, on a page that records no metadata because of it", () => {
    const { code, json } = lintJson(
      "content/zh-cn/a.md",
      "content/zh-cn/b.md",
      "content/zh-cn/c.md",
    );
    expect(code).toBe(1);
    expect(json.findings.map((f) => [f.path, f.rule, f.fixable])).toEqual([
      ["content/zh-cn/a.md", "misspelled-attribute", false],
      ["content/zh-cn/b.md", "misspelled-attribute", false],
      ["content/zh-cn/c.md", "misspelled-attribute", false],
    ]);
    expect(json.findings.map((f) => f.message.match(/"[\w.]+"$/)?.[0] ?? f.message)).toEqual([
      expect.stringContaining("default_lang_commit"),
      expect.stringContaining("l10n.sourceCommit"),
      expect.stringContaining("raw_commit"),
    ]);
  });
});

describe("a page lint cannot read", () => {
  it("is said, with exit 2, when it was named: a symbolic link, or below one", () => {
    for (const rel of ["content/zh-cn/link.md", "content/zh-cn/sub/deep.md"]) {
      for (const fix of [[], ["--fix"]]) {
        const res = runCli(["lint", "--repo", repo.dir, ...fix, rel]);
        expect(res.code, rel).toBe(2);
        expect(res.stderr, rel).toMatch(
          /^translation-status: content\/zh-cn\/(link\.md|sub): not read \(symbolic link not followed\)\n$/,
        );
      }
    }
    expect(readFileSync(path.join(base, "outside", "deep.md"), "utf8")).toBe(
      shortcode('raw_title="x"'),
    );
  });

  it("is said, with exit 2, when it does not exist", () => {
    const res = runCli(["lint", "--repo", repo.dir, "content/zh-cn/untranslated.md"]);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(
      "translation-status: content/zh-cn/untranslated.md: not read (the translation does not exist)\n",
    );
  });

  it("is a warning when it is in a folder asked for", () => {
    const res = runCli(["lint", "--repo", repo.dir, "content/zh-cn/sub", "content/zh-cn/esc.md"]);
    expect(res.code).toBe(2);
    const all = runCli(["lint", "--repo", repo.dir, "--format", "json"]);
    expect(all.stderr).toContain("translation-status: warning: symbolic link not followed (2 ×)");
    expect(all.code).toBe(1);
  });
});

describe("(fixable)", () => {
  it("is said of exactly what --fix then fixes", () => {
    const rels = ["backslash", "escaped-quote", "quoted"].map((n) => `content/zh-cn/${n}.md`);
    const before = lintJson(...rels);
    const table = runCli(["lint", "--repo", repo.dir, ...rels]).stdout;
    const fixable = before.json.findings.filter((f) => f.fixable).map((f) => f.path);
    expect(fixable).toEqual(["content/zh-cn/quoted.md"]);
    expect(table.split("(fixable)")).toHaveLength(2);
    expect(table).toContain("1 fixable with lint --fix");
    const fixed = runCli(["lint", "--repo", repo.dir, "--fix", "--format", "json", ...rels]);
    const out = JSON.parse(fixed.stdout) as { fixed: Array<{ path: string }>; notFixed: unknown[] };
    expect(out.fixed.map((f) => f.path)).toEqual(fixable);
    expect(out.notFixed).toEqual([]);
    for (const rel of rels.slice(0, 2)) {
      expect(readFileSync(path.join(repo.dir, rel), "utf8")).toBe(shortcode('raw_title="old"'));
    }
    expect(readFileSync(path.join(repo.dir, rels[2] as string), "utf8")).toBe(
      shortcode('raw_title="q \\"x\\" y"'),
    );
  });

  it("is not said of a page --fix would refuse to write, until --force makes it writable", () => {
    const site = TestRepo.init(path.join(base, "read-only"));
    site.write("content/en/a.md", "---\ntitle: A\n---\n\nText.\n");
    const english = site.commit("English");
    const page = `x\n\n{{< translation-status-zh-cn last_tranlation_time="2025-02-01" raw_commit="${english}" >}}\n`;
    site.write("content/zh-cn/a.md", page);
    site.commit("Translation");
    const file = path.join(site.dir, "content/zh-cn/a.md");
    chmodSync(file, 0o444);
    const lintOf = (...args: string[]) =>
      runCli(["lint", "--repo", site.dir, "--format", "json", ...args]);
    const plain = JSON.parse(lintOf().stdout) as { findings: JsonFinding[] };
    expect(plain.findings.map((f) => [f.rule, f.fixable])).toEqual([
      ["misspelled-attribute", false],
    ]);
    expect(runCli(["lint", "--repo", site.dir]).stdout).not.toContain("fixable");
    const refused = runCli(["lint", "--repo", site.dir, "--fix"]);
    expect(refused.stdout).toContain("read-only");
    expect(readFileSync(file, "utf8")).toBe(page);
    const forced = JSON.parse(lintOf("--fix", "--force").stdout) as { fixed: unknown[] };
    expect(forced.fixed).toHaveLength(1);
    expect(readFileSync(file, "utf8")).toBe(page.replace("tranlation", "translation"));
  });
});
