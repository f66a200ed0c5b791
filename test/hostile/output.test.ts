// What the reports print when a pull request is built to flood or disguise them (issue 19):
// thousands of files that each earn the same warning, invisible characters in paths, subjects and
// names, and a --format the command does not take. Real repositories, the built CLI.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
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
import type { ScanResult } from "../../src/core/types.js";
import { Dashboard } from "../../src/ui/App.js";
import { blobsOf, memorySource } from "../ui/helpers.js";
import { english, page, runCli, scanRepo, TestRepo, tempDir } from "./helpers.js";

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
      const data = {
        result: scanned.result,
        source: memorySource(scanned.result, scanned.details, blobsOf(repo.dir, scanned.details)),
        repoName: "invisible",
      };
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
