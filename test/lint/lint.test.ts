// lint and lint --fix on a real repository: every rule on a page that breaks it, the scan's
// warnings carrying the same findings, and every repair byte for byte on LF, CRLF, byte order
// mark and no-final-newline pages, in a shortcode and in YAML and TOML front matter.
import { readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mdText } from "../../src/sanitize/markdown.js";
import { hasUnsafeChars } from "../../src/sanitize/terminal.js";
import { runCli, scanRepo, TestRepo, tempDir } from "../hostile/helpers.js";

/** How a page's bytes are laid out: the repairs must keep each as it is. */
const SHAPES = {
  lf: (s: string) => s,
  crlf: (s: string) => s.replaceAll("\n", "\r\n"),
  bom: (s: string) => `\uFEFF${s}`,
  "no-final-newline": (s: string) => s.replace(/\n$/, ""),
} as const;
type Shape = keyof typeof SHAPES;
const SHAPE_NAMES = Object.keys(SHAPES) as Shape[];

let base: string;
let repo: TestRepo;
let raw: string;
let short: string;
/** Each repaired page: its path, its bytes before, and the bytes the repair must give. */
const repairs: Array<{ rel: string; before: Buffer; after: Buffer }> = [];

function shortcodePage(shape: Shape, name: string): { before: string; after: string } {
  const text = (title: string, link: string, key: string, commit: string) =>
    SHAPES[shape](
      `---\ntitle: 译文\n---\n\n正文。\n\n{{< translation-status-zh-cn raw_title="${title}" raw_link='${link}' ${key}="2025-02-01" raw_commit="${commit}" >}}\n`,
    );
  return {
    before: text("Old title", "/wrong/", "last_tranlation_time", short),
    after: text(`English ${name}`, `/${name}/`, "last_translation_time", raw),
  };
}

function yamlPage(shape: Shape): { before: string; after: string } {
  const text = (key: string, commit: string) =>
    SHAPES[shape](
      `---\ntitle: "译文" # 标题\ndefault_lang_commit: ${commit}\n${key}: 2025-02-01\nweight: 3\n---\n\n正文。\n`,
    );
  return {
    before: text("last_tranlation_time", short),
    after: text("last_translation_time", raw),
  };
}

function tomlPage(shape: Shape): { before: string; after: string } {
  const text = (key: string, commit: string) =>
    SHAPES[shape](
      `+++\ntitle = '译文'\ndefault_lang_commit = "${commit}"\n${key} = "2025-02-01"\n+++\n\n正文。\n`,
    );
  return {
    before: text("last_tranlation_time", short),
    after: text("last_translation_time", raw),
  };
}

/** Pages that each break one rule, by the rule they break. */
const BROKEN: Record<string, (commit: string) => string> = {
  "raw-commit-invalid": () => page("zzzzzzz"),
  "date-invalid": (c) => page(c, 'last_translation_time="2025-02-31"'),
  "date-future": (c) => page(c, 'last_translation_time="2999-01-01"'),
  "date-before-commit": (c) => page(c, 'last_translation_time="2024-12-01"'),
  "lang-suffix": (c) => page(c).replace("translation-status-zh-cn", "translation-status-ja"),
  "duplicate-metadata": (c) => `${page(c)}\n${page(c).split("\n\n").pop()}`,
  "hidden-metadata": (c) =>
    `# 标题\n\n\`\`\`\n{{< translation-status raw_commit="${c}" >}}\n\`\`\`\n`,
  "unknown-attribute": (c) => page(c, 'translator="someone"'),
};

/** A well-formed page of the rules' fixture: right title, link and date. */
function page(commit: string, extra = 'last_translation_time="2025-02-01"'): string {
  return `---\ntitle: 译文\n---\n\n正文。\n\n{{< translation-status-zh-cn raw_title="English" ${extra} raw_commit="${commit}" >}}\n`;
}

beforeAll(() => {
  base = tempDir("ts-lint-");
  repo = TestRepo.init(path.join(base, "site"));
  const english = (title: string) => `---\ntitle: ${title}\n---\n\nText.\n`;
  const names: string[] = [];
  for (const shape of SHAPE_NAMES) names.push(`sc-${shape}`, `yaml-${shape}`, `toml-${shape}`);
  for (const name of names) repo.write(`content/en/${name}.md`, english(`English ${name}`));
  for (const rule of Object.keys(BROKEN)) repo.write(`content/en/${rule}.md`, english("English"));
  repo.write("content/en/clean.md", english("English"));
  // Hugo's config says how URLs are made (here as by default): raw_link is checked.
  repo.write("hugo.toml", 'title = "Docs"\n');
  repo.write("content/en/not-ancestor.md", english("English"));
  raw = repo.commit("English pages");
  short = raw.slice(0, 10);
  // On a branch no ref keeps: not an ancestor of HEAD, on no branch.
  repo.git(["checkout", "-q", "-b", "side"]);
  repo.write("content/en/side.md", "side\n");
  const offBranch = repo.commit("Side");
  repo.git(["checkout", "-q", "main"]);
  repo.git(["branch", "-q", "-D", "side"]);
  repo.write("content/en/added-later.md", english("English"));
  repo.commit("More English");
  for (const shape of SHAPE_NAMES) {
    for (const [name, made] of [
      [`sc-${shape}`, shortcodePage(shape, `sc-${shape}`)],
      [`yaml-${shape}`, yamlPage(shape)],
      [`toml-${shape}`, tomlPage(shape)],
    ] as const) {
      const rel = `content/zh-cn/${name}.md`;
      repo.write(rel, made.before);
      repairs.push({ rel, before: Buffer.from(made.before), after: Buffer.from(made.after) });
    }
  }
  for (const [rule, made] of Object.entries(BROKEN)) {
    repo.write(`content/zh-cn/${rule}.md`, made(raw));
  }
  repo.write("content/zh-cn/clean.md", page(raw));
  repo.write("content/zh-cn/not-ancestor.md", page(offBranch));
  repo.write("content/zh-cn/added-later.md", page(raw));
  repo.commit("Translations");
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

interface JsonFinding {
  path: string;
  line: number;
  column: number;
  rule: string;
  level: string;
  message: string;
  fixable: boolean;
}

function lintJson(...args: string[]) {
  const res = runCli(["lint", "--repo", repo.dir, "--format", "json", ...args]);
  return { ...res, json: JSON.parse(res.stdout) as { findings: JsonFinding[] } };
}

function rulesOf(findings: readonly JsonFinding[], rel: string): string[] {
  return findings.filter((f) => f.path === `content/zh-cn/${rel}.md`).map((f) => f.rule);
}

describe("lint", () => {
  it("finds each rule on the page that breaks it, and nothing on a clean page", () => {
    const { code, json } = lintJson();
    expect(code).toBe(1);
    for (const rule of Object.keys(BROKEN)) expect(rulesOf(json.findings, rule)).toEqual([rule]);
    expect(rulesOf(json.findings, "not-ancestor")).toEqual(["raw-commit-not-ancestor"]);
    expect(rulesOf(json.findings, "added-later")).toEqual(["source-missing-at-commit"]);
    expect(rulesOf(json.findings, "clean")).toEqual([]);
    expect(rulesOf(json.findings, "sc-lf").sort()).toEqual([
      "misspelled-attribute",
      "raw-commit-abbreviated",
      "raw-link",
      "raw-title",
    ]);
    expect(rulesOf(json.findings, "yaml-crlf").sort()).toEqual([
      "misspelled-attribute",
      "raw-commit-abbreviated",
    ]);
  });

  it("points at the attribute itself, by line and column", () => {
    const { json } = lintJson("content/zh-cn/sc-lf.md");
    const misspelled = json.findings.find((f) => f.rule === "misspelled-attribute");
    const text = readFileSync(path.join(repo.dir, "content/zh-cn/sc-lf.md"), "utf8");
    const lines = text.split("\n");
    expect(misspelled?.line).toBe(7);
    expect(lines[6]?.slice((misspelled?.column ?? 0) - 1)).toMatch(/^last_tranlation_time=/);
    expect(misspelled?.level).toBe("error");
  });

  it("gives the scan the same findings as warnings, once per page", async () => {
    const { json } = lintJson();
    const { result } = await scanRepo(repo.dir);
    for (const rule of [...Object.keys(BROKEN), "not-ancestor", "added-later"]) {
      const path = `content/zh-cn/${rule}.md`;
      const warnings = result.pages.find((p) => p.path === path)?.warnings ?? [];
      for (const f of json.findings.filter((x) => x.path === path)) {
        expect(warnings.filter((w) => w === f.message)).toHaveLength(1);
      }
    }
  });

  it("prints one finding a line in the table and as GitHub annotations", () => {
    const table = runCli(["lint", "--repo", repo.dir, "content/zh-cn/lang-suffix.md"]);
    expect(table.code).toBe(1);
    expect(table.stdout).toMatch(
      /^content\/zh-cn\/lang-suffix\.md:7:1 {2}error {2}lang-suffix {2}.*\n1 error, 0 warnings\n$/,
    );
    const github = runCli([
      "lint",
      "--repo",
      repo.dir,
      "--format",
      "github",
      "content/zh-cn/unknown-attribute.md",
    ]);
    expect(github.code).toBe(0);
    expect(github.stdout).toMatch(
      /^::warning file=content\/zh-cn\/unknown-attribute\.md,line=7,col=\d+,title=translation-status unknown-attribute::/,
    );
  });

  it("says a warning many pages share once in the scan's table, with a count", () => {
    const res = runCli(["scan", "--repo", repo.dir]);
    const misspelt =
      'metadata uses the misspelled key "last_tranlation_time"; Hugo templates read "last_translation_time"';
    expect(res.stdout.split(misspelt)).toHaveLength(2);
    expect(res.stdout).toContain(
      `  warning: ${misspelt} (8 ×), first: content/zh-cn/toml-bom.md\n`,
    );
    // check's pull-request comment too: the pages it lists say it once, after them.
    const md = runCli([
      "check",
      "--repo",
      repo.dir,
      "--fail-on",
      "up-to-date,outdated",
      "--format",
      "markdown",
    ]);
    const shown = mdText(misspelt);
    expect(md.stdout.split(shown)).toHaveLength(2);
    expect(md.stdout).toContain(
      `- Warning: ${shown} (8 ×), first: \`content/zh-cn/toml-bom.md\`\n`,
    );
  });

  it("shows a hostile attribute name inert, in every format", () => {
    const rel = "content/zh-cn/hostile.md";
    repo.write(rel, page(raw, 'x\x1b]0;owned\x07\u202ey="1" last_translation_time="2025-02-01"'));
    try {
      for (const format of ["table", "json", "github"]) {
        const res = runCli(["lint", "--repo", repo.dir, "--format", format, rel]);
        expect(res.stdout).toContain("unknown-attribute");
        expect(hasUnsafeChars(res.stdout.replaceAll("\n", ""))).toBe(false);
      }
    } finally {
      rmSync(path.join(repo.dir, rel));
    }
  });

  it("refuses options that do not apply (exit 2)", () => {
    expect(runCli(["lint", "--repo", repo.dir, "--dry-run"]).code).toBe(2);
    expect(runCli(["lint", "--repo", repo.dir, "--format", "markdown"]).code).toBe(2);
    expect(runCli(["scan", "--repo", repo.dir, "--fix"]).code).toBe(2);
  });
});

describe("lint --fix", () => {
  it("--dry-run prints the diff and writes nothing", () => {
    const res = runCli([
      "lint",
      "--repo",
      repo.dir,
      "--fix",
      "--dry-run",
      "content/zh-cn/sc-crlf.md",
    ]);
    expect(res.stdout).toContain('-{{< translation-status-zh-cn raw_title="Old title"');
    expect(res.stdout).toContain("(would fix: ");
    for (const r of repairs) expect(readFileSync(path.join(repo.dir, r.rel))).toEqual(r.before);
    // Nothing was written, so what is wrong is still wrong: the exit code, the JSON's findings
    // and the annotations say so, as without --fix.
    expect(res.code).toBe(1);
    const args = ["lint", "--repo", repo.dir, "--fix", "--dry-run", "content/zh-cn/sc-crlf.md"];
    const json = JSON.parse(runCli([...args, "--format", "json"]).stdout);
    expect(json.fixed).toEqual([]);
    expect(json.wouldFix.length).toBeGreaterThan(0);
    expect(json.findings.length).toBeGreaterThanOrEqual(json.wouldFix.length);
    expect(runCli([...args, "--format", "github"]).stdout).toContain("::error file=");
    // In a workspace holding the repository as a folder, annotations name the file from there.
    const inActions = runCli([...args, "--format", "github"], {
      env: { GITHUB_WORKSPACE: path.dirname(repo.dir) },
    });
    expect(inActions.stdout).toContain(
      `::error file=${path.basename(repo.dir)}/content/zh-cn/sc-crlf.md,`,
    );
  });

  it("repairs every page byte for byte, and a second lint finds nothing there", () => {
    const res = runCli(["lint", "--repo", repo.dir, "--fix", ...repairs.map((r) => r.rel)]);
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    for (const r of repairs) {
      expect(readFileSync(path.join(repo.dir, r.rel)).toString(), r.rel).toBe(r.after.toString());
      expect(readFileSync(path.join(repo.dir, r.rel)), r.rel).toEqual(r.after);
    }
    const again = lintJson(...repairs.map((r) => r.rel));
    expect(again.code).toBe(0);
    expect(again.json.findings).toEqual([]);
  });

  it("never writes through a symbolic link, and says it was not read as the README says", () => {
    const outside = path.join(base, "outside.md");
    const text = shortcodePage("lf", "sc-lf").before;
    writeFileSync(outside, text);
    symlinkSync(outside, path.join(repo.dir, "content/zh-cn/linked.md"));
    const res = runCli(["lint", "--repo", repo.dir, "--fix", "content/zh-cn/linked.md"]);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(
      "translation-status: content/zh-cn/linked.md: not read (symbolic link not followed)\n",
    );
    expect(readFileSync(outside, "utf8")).toBe(text);
    rmSync(path.join(repo.dir, "content/zh-cn/linked.md"));
  });

  it("leaves what it cannot repair and says so (exit 1 for an error left)", () => {
    const res = runCli(["lint", "--repo", repo.dir, "--fix", "content/zh-cn/date-invalid.md"]);
    expect(res.code).toBe(1);
    expect(res.stdout).toContain("error  date-invalid");
    expect(res.stdout).toContain("0 fixed");
  });
});
