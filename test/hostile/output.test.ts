// What the reports print when a pull request is built to flood or disguise them (issue 19):
// thousands of files that each earn the same warning, invisible characters in paths, subjects and
// names, and a --format the command does not take. Real repositories, the built CLI.
import { readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

// Before Ink (and chalk) are loaded: no colour codes in the dashboard's frames.
const savedForceColor = vi.hoisted(() => {
  const saved = process.env.FORCE_COLOR;
  process.env.FORCE_COLOR = "0";
  return saved;
});

import { cleanup, render } from "ink-testing-library";
import { createElement } from "react";
import { evaluate } from "../../src/check/evaluate.js";
import { makeThresholds } from "../../src/check/thresholds.js";
import type { ScanResult } from "../../src/core/types.js";
import { LEAST_MAX_SIZE } from "../../src/options/defaults.js";
import { maxSizeNote, renderMarkdown, SUMMARY_MAX_BYTES } from "../../src/report/markdown.js";
import { Dashboard } from "../../src/ui/App.js";
import { scannedData } from "../ui/helpers.js";
import { english, page, runCli, scanRepo, TestRepo, tempDir } from "./helpers.js";

const MiB = 1024 * 1024;
const bytes = (s: string) => Buffer.byteLength(s, "utf8");
const count = (text: string, what: string) => text.split(what).length - 1;

let base: string;
beforeAll(() => {
  base = tempDir();
});
afterAll(() => {
  rmSync(base, { recursive: true, force: true });
  if (savedForceColor === undefined) delete process.env.FORCE_COLOR;
  else process.env.FORCE_COLOR = savedForceColor;
});

/** `check --format github` with a job summary file; the log and the summary. */
function checkWithSummary(
  dir: string,
  name: string,
): { code: number | null; log: string; summary: string } {
  const file = path.join(base, `${name}.md`);
  writeFileSync(file, "");
  const res = runCli(["check", "--repo", dir, "--format", "github"], {
    env: { GITHUB_STEP_SUMMARY: file },
  });
  return { code: res.code, log: res.stdout, summary: readFileSync(file, "utf8") };
}

/** The structure a cut must never break: every <details> closed, every table row whole. */
function expectWholeMarkdown(md: string): void {
  expect(count(md, "<details>")).toBe(count(md, "</details>"));
  let open = 0;
  for (const line of md.split("\n")) {
    if (line.trim().startsWith("<details>")) open += 1;
    if (line.trim() === "</details>") open -= 1;
    expect(open === 0 || open === 1).toBe(true);
    if (line.startsWith("|")) expect(line.endsWith(" |")).toBe(true);
  }
  expect(open).toBe(0);
}

describe("20,000 committed symbolic links and one outdated page", () => {
  const LINKS = 20_000;
  let repo: TestRepo;

  beforeAll(() => {
    repo = TestRepo.init(path.join(base, "links"));
    repo.write("content/en/a.md", english("A"));
    const raw = repo.commit("English");
    repo.write("content/zh-cn/a.md", page(raw));
    repo.write("content/en/a.md", english("A", "More text.\n"));
    repo.write("content/zh-cn/links/.keep", "");
    for (let i = 0; i < LINKS; i++) {
      symlinkSync("../a.md", path.join(repo.dir, `content/zh-cn/links/l${i}.md`));
    }
    repo.commit("Translate; change the English; plant links");
  });

  it("the job summary lists the failing page first and the warnings once, with their count", () => {
    const { code, log, summary } = checkWithSummary(repo.dir, "links");
    expect(code).toBe(1);
    expect(bytes(summary)).toBeLessThan(MiB);
    expect(bytes(summary)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    expect(summary).toMatch(/^- \[ \] `content\/zh-cn\/a\.md`: outdated/m);
    // The failing pages come before the warnings.
    expect(summary.indexOf("content/zh-cn/a.md")).toBeLessThan(
      summary.indexOf("warnings</summary>"),
    );
    // One line stands for the 20,000 warnings: what they say, how many, the first path.
    expect(summary).toContain(
      "- symbolic link not followed (20,000 ×), first: `content/zh-cn/links/l0.md`",
    );
    expect(count(summary, "symbolic link not followed")).toBe(1);
    expectWholeMarkdown(summary);
    // The log too: one warning line, and the annotation for the page.
    expect(count(log, "symbolic link not followed")).toBe(1);
    expect(log).toContain(
      "warning: symbolic link not followed (20,000 ×), first: content/zh-cn/links/l0.md",
    );
    expect(log).toMatch(/^::error file=content\/zh-cn\/a\.md,/m);
  });

  it("the plain report and the Markdown group them too; the JSON keeps every one", () => {
    const table = runCli(["scan", "--repo", repo.dir]);
    expect(table.code).toBe(0);
    expect(table.stdout.split("\n").filter((l) => l.startsWith("warning: "))).toEqual([
      "warning: symbolic link not followed (20,000 ×), first: content/zh-cn/links/l0.md",
    ]);
    const md = runCli(["check", "--repo", repo.dir, "--format", "markdown"]);
    expect(md.code).toBe(1);
    expect(count(md.stdout, "symbolic link not followed")).toBe(1);
    const json = runCli(["scan", "--repo", repo.dir, "--format", "json"]);
    const warnings = JSON.parse(json.stdout).warnings as string[];
    expect(warnings).toHaveLength(LINKS);
    expect(warnings).toContain("content/zh-cn/links/l19999.md: symbolic link not followed");
  });
});

describe("a job summary with more than fits in 1 MiB", () => {
  const PAGES = 150;
  let repo: TestRepo;
  let result: ScanResult;

  beforeAll(async () => {
    repo = TestRepo.init(path.join(base, "big"));
    const names = ["worst", ...Array.from({ length: PAGES }, (_, i) => `p${i}`)];
    for (const n of names) repo.write(`content/en/${n}.md`, english(n));
    const raw = repo.commit("English");
    for (const n of names) repo.write(`content/zh-cn/${n}.md`, page(raw));
    repo.commit("Translate");
    // Eight English commits with 1,000-character subjects (the most a subject keeps) touch
    // every page, so every page's entry is about 8 KB; one more touches only `worst`, the page
    // most behind.
    for (let c = 0; c < 8; c++) {
      for (const n of names) repo.write(`content/en/${n}.md`, english(n, `Edit ${c}.\n`));
      repo.commit(`Edit ${c} ${"long subject ".repeat(76)}`);
    }
    repo.write("content/en/worst.md", english("worst", "Once more.\n"));
    repo.commit("Edit worst");
    repo.write("content/zh-cn/links/.keep", "");
    for (let i = 0; i < 2000; i++) {
      symlinkSync("../worst.md", path.join(repo.dir, `content/zh-cn/links/l${i}.md`));
    }
    repo.commit("Plant links");
    result = (await scanRepo(repo.dir)).result;
  });

  it("is cut between pages, lists the worst page first and counts what was left out", () => {
    const { code, summary } = checkWithSummary(repo.dir, "big");
    expect(code).toBe(1);
    expect(bytes(summary)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    const listed = summary.match(/^- \[ \] /gm)?.length ?? 0;
    expect(listed).toBeGreaterThan(0);
    expect(listed).toBeLessThan(PAGES + 1);
    expect(summary.match(/^- \[ \] `[^`]*`/m)?.[0]).toBe("- [ ] `content/zh-cn/worst.md`");
    expectWholeMarkdown(summary);
    // The grouped warnings still fit after the pages that did; the last line counts the rest.
    expect(summary).toContain("- symbolic link not followed (2,000 ×)");
    expect(summary.indexOf("content/zh-cn/worst.md")).toBeLessThan(summary.indexOf("(2,000 ×)"));
    const last = summary.trimEnd().split("\n").at(-1);
    expect(last).toBe(
      `_${PAGES + 1 - listed} more failing pages are not listed: this report is kept under ${Math.floor(SUMMARY_MAX_BYTES / 1024)} KiB. Run \`translation-status check\` for the full list._`,
    );
  });

  it("wherever the limit falls, the Markdown stays whole and says what it left out", () => {
    const none = { failOn: null, maxBehind: null, maxLines: null, maxAge: null };
    const report = evaluate(result, makeThresholds(none), new Date(Date.UTC(2025, 5, 1)));
    const full = renderMarkdown(report, { github: null });
    expect(full).not.toContain("not listed");
    const limits = [1500, 2000, 3000, 5000, 9000];
    for (let max = 10_000; max < bytes(full) + 30_000; max += 29_989) limits.push(max);
    for (const max of limits) {
      const md = renderMarkdown(report, { github: null, maxBytes: max });
      expect(bytes(md)).toBeLessThanOrEqual(max);
      expectWholeMarkdown(md);
      const pagesLeft = PAGES + 1 - (md.match(/^- \[ \] /gm)?.length ?? 0);
      const left = [
        ...(pagesLeft === 1 ? ["1 more failing page"] : []),
        ...(pagesLeft > 1 ? [`${pagesLeft} more failing pages`] : []),
        ...(md.includes("(2,000 ×)") ? [] : ["2000 warnings"]),
      ];
      const verb = left.length === 1 && left[0]?.startsWith("1 ") ? "is" : "are";
      if (left.length === 0) expect(md).not.toContain("not listed");
      else expect(md).toContain(`\n_${left.join(" and ")} ${verb} not listed: `);
      expect(md.endsWith(left.length === 0 ? "</details>\n\n" : "full list._\n")).toBe(true);
    }
  });

  it("groups a page's own warnings that say the same thing", () => {
    const worst = result.pages.find((p) => p.path === "content/zh-cn/worst.md");
    if (!worst) throw new Error("no worst page");
    const repeated = 'attribute "raw_title" is given more than once; using the last value';
    const changed = {
      ...result,
      pages: result.pages.map((p) =>
        p === worst ? { ...p, warnings: Array.from({ length: 5000 }, () => repeated) } : p,
      ),
    };
    const none = { failOn: null, maxBehind: null, maxLines: null, maxAge: null };
    const report = evaluate(changed, makeThresholds(none), new Date(Date.UTC(2025, 5, 1)));
    const md = renderMarkdown(report, { github: null });
    expect(count(md, "is given more than once")).toBe(1);
    expect(md).toContain("using the last value (5,000 ×)");
  });
});

describe("a thousand language folders, each with a failing page", () => {
  const LANGS = 1000;
  let result: ScanResult;

  beforeAll(async () => {
    const repo = TestRepo.init(path.join(base, "languages"));
    repo.write("content/en/a.md", english("A"));
    const raw = repo.commit("English");
    for (let i = 0; i < LANGS; i++) repo.write(`content/l${i}/a.md`, page(raw));
    repo.write("content/en/a.md", english("A", "More text.\n"));
    repo.commit("Translate into every language; change the English");
    result = (await scanRepo(repo.dir)).result;
  });

  it("cuts between table rows and pages, and counts both", () => {
    const none = { failOn: null, maxBehind: null, maxLines: null, maxAge: null };
    const report = evaluate(result, makeThresholds(none), new Date(Date.UTC(2025, 5, 1)));
    expect(report.failing).toHaveLength(LANGS);
    const full = renderMarkdown(report, { github: null });
    for (let max = 1000; max < bytes(full) + 20_000; max += 19_997) {
      const md = renderMarkdown(report, { github: null, maxBytes: max });
      expect(bytes(md)).toBeLessThanOrEqual(max);
      expectWholeMarkdown(md);
      const pagesLeft = LANGS - (md.match(/^- \[ \] /gm)?.length ?? 0);
      const rowsLeft = LANGS - (md.match(/^\| l\d+ \|/gm)?.length ?? 0);
      const left = [
        ...(pagesLeft > 0 ? [`${pagesLeft} more failing page${pagesLeft === 1 ? "" : "s"}`] : []),
        ...(rowsLeft > 0
          ? [`the table rows of ${rowsLeft} language${rowsLeft === 1 ? "" : "s"}`]
          : []),
      ];
      if (left.length === 0) expect(md).not.toContain("not listed");
      else expect(md).toMatch(new RegExp(`\n_${left.join(" and ")} (is|are) not listed: `));
    }
  });
  it("keeps to every --max-size from the least, even with a ref too long for the first lines", () => {
    const none = { failOn: null, maxBehind: null, maxLines: null, maxAge: null };
    const report = evaluate(result, makeThresholds(none), new Date(Date.UTC(2025, 5, 1)));
    const long = {
      ...report,
      changedSince: { ref: "r".repeat(5000), commit: "a".repeat(40), base: "a".repeat(40) },
    };
    for (const r of [report, long]) {
      for (let max = LEAST_MAX_SIZE; max < LEAST_MAX_SIZE + 600; max += 13) {
        const md = renderMarkdown(r, { github: null, maxBytes: max, limitNote: maxSizeNote(max) });
        expect(bytes(md)).toBeLessThanOrEqual(max);
        expectWholeMarkdown(md);
        expect(md.startsWith("## Translation status\n")).toBe(true);
        expect(md).toMatch(/ are not listed: this report is kept under [\d,]+ characters/);
      }
    }
  });
});

/** The four code points of the report, and a blank filler that is not default-ignorable. */
const INVISIBLE: ReadonlyArray<[string, string]> = [
  ["\u3164", "\\u3164"], // HANGUL FILLER
  ["\u115f", "\\u115f"], // HANGUL CHOSEONG FILLER
  ["\u{1d173}", "\\u{1d173}"], // MUSICAL SYMBOL BEGIN BEAM
  ["\u034f", "\\u034f"], // COMBINING GRAPHEME JOINER
  ["\u2800", "\\u2800"], // BRAILLE PATTERN BLANK
];

describe("invisible characters in paths, subjects and names", () => {
  let repo: TestRepo;
  const names = INVISIBLE.map(([ch], i) => `p${i}${ch}x`);
  const subject = `Edit${INVISIBLE.map(([ch]) => ch).join("")} the pages`;
  const author = `Ann${INVISIBLE.map(([ch]) => ch).join("")}`;

  beforeAll(() => {
    repo = TestRepo.init(path.join(base, "invisible"));
    for (const n of names) repo.write(`content/en/${n}.md`, english(n));
    const raw = repo.commit("English");
    for (const n of names) {
      repo.write(
        `content/zh-cn/${n}.md`,
        page(raw, "译文。\n", ' last_translation_time="2025-01-01"'),
      );
      repo.write(`content/en/${n}.md`, english(n, "More.\n"));
    }
    repo.commit(subject, { GIT_AUTHOR_NAME: author });
  });

  /** Each code point is absent raw and present as its escape. */
  function expectEscaped(out: string): void {
    for (const [ch, shown] of INVISIBLE) {
      expect(out.includes(ch), `raw U+${ch.codePointAt(0)?.toString(16)}`).toBe(false);
      expect(out).toContain(shown);
    }
  }

  it("the plain report shows them escaped", () => {
    const res = runCli(["scan", "--repo", repo.dir]);
    expect(res.code).toBe(0);
    expectEscaped(res.stdout);
  });

  it("the JSON escapes them, and JSON.parse gives back the original text", () => {
    for (const command of ["scan", "check"]) {
      const res = runCli([command, "--repo", repo.dir, "--format", "json"]);
      expect(res.stdout).not.toBe("");
      for (const [ch] of INVISIBLE) {
        expect(res.stdout.includes(ch)).toBe(false);
        const hex = (u: string) => u.charCodeAt(0).toString(16).padStart(4, "0");
        const units = ch.split("").map((u) => `\\u${hex(u)}`);
        expect(res.stdout).toContain(units.join(""));
      }
      const parsed = JSON.parse(res.stdout) as ScanResult;
      expect(parsed.pages.map((p) => p.path).sort()).toEqual(
        names.map((n) => `content/zh-cn/${n}.md`).sort(),
      );
      expect(parsed.pages[0]?.commits[0]?.subject).toBe(subject);
      expect(parsed.pages[0]?.commits[0]?.author).toBe(author);
    }
  });

  it("Markdown and the GitHub log show them escaped", () => {
    const md = runCli(["check", "--repo", repo.dir, "--format", "markdown"]);
    expect(md.code).toBe(1);
    expectEscaped(md.stdout);
    const { log, summary } = checkWithSummary(repo.dir, "invisible");
    expectEscaped(log);
    expectEscaped(summary);
    // The annotations' file property too.
    for (const line of log.split("\n").filter((l) => l.startsWith("::error "))) {
      expect(line).toMatch(/file=content\/zh-cn\/p\d\\u/);
    }
  });

  describe("in the dashboard", () => {
    afterEach(() => cleanup());

    it("every row keeps its age column where the header has it", async () => {
      const scanned = await scanRepo(repo.dir);
      const data = scannedData(repo.dir, scanned, "invisible");
      const r = render(
        createElement(Dashboard, {
          load: async () => data,
          repoName: "invisible",
          ui: { color: false, hyperlinks: false },
          now: Date.UTC(2025, 5, 1),
        }),
      );
      const until = Date.now() + 5000;
      while (!(r.lastFrame() ?? "").includes("sort: ") && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const lines = (r.lastFrame() ?? "").split("\n");
      const header = lines.findIndex((l) => l.includes("PATH") && l.includes("AGE"));
      expect(header).toBeGreaterThan(-1);
      const ageEnd = [...(lines[header] as string)].length; // the header ends with "AGE"
      const rows = lines.slice(header + 1).filter((l) => /\bp\d/.test(l));
      expect(rows).toHaveLength(INVISIBLE.length);
      expectEscaped(rows.join("\n"));
      for (const row of rows) {
        // Columns are characters here: nothing in a row is wide, zero-width or invisible.
        expect([...row].length).toBe(ageEnd);
        expect(row).toMatch(/ 151d$/);
      }
    });
  });
});

describe("--format: each command names exactly the formats it takes", () => {
  // As the README documents them; the plain report without a command is scan's.
  const ALL = ["table", "json", "github", "markdown"];
  const TAKES: Record<string, string[]> = {
    scan: ["table", "json"],
    check: ALL,
    "": ["table", "json"],
    dashboard: [],
    stamp: [],
  };
  let repo: TestRepo;

  beforeAll(() => {
    repo = TestRepo.init(path.join(base, "formats"));
    repo.write("content/en/a.md", english("A"));
    const raw = repo.commit("English");
    repo.write("content/zh-cn/a.md", page(raw));
    repo.commit("Translate");
  });

  const args = (command: string, format: string) => [
    ...(command === "" ? [] : [command]),
    ...(command === "stamp" ? ["content/zh-cn/a.md"] : []),
    "--repo",
    repo.dir,
    "--format",
    format,
  ];

  /** The formats a usage error offers: "(use a, b or c...)", or none for "takes no --format". */
  function offered(stderr: string): string[] {
    if (/ takes no --format\n$/.test(stderr)) return [];
    const list = /\(use ([a-z, ]+?)(?:;|\))/.exec(stderr)?.[1];
    if (list === undefined) throw new Error(`no list of formats in: ${stderr}`);
    return list.split(/, | or /);
  }

  it.each(Object.keys(TAKES))("%j: an invalid --format lists what it takes", (command) => {
    for (const wrong of ["xml", ...ALL.filter((f) => !TAKES[command]?.includes(f))]) {
      const res = runCli(args(command, wrong));
      expect(res.code).toBe(2);
      expect(res.stdout).toBe("");
      expect(res.stderr.split("\n")).toHaveLength(2); // one line
      expect(offered(res.stderr)).toEqual(TAKES[command]);
    }
  });

  it.each(Object.keys(TAKES))("%j: every format it lists is taken", (command) => {
    const listed = offered(runCli(args(command, "xml")).stderr);
    for (const format of listed) {
      const res = runCli(args(command, format));
      expect(res.stderr).toBe("");
      expect(res.code).toBe(0);
    }
  });

  it("the help names each command's formats", () => {
    const help = runCli(["--help"]).stdout;
    expect(help).toContain("table | json (scan); table | json | github | markdown (check)");
  });
});
