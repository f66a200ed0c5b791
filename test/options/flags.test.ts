// A flag and the config key of the same name keep the same rules (options/values.ts): what the
// config refuses the flag refuses, with one line and exit 2, never a crash, and never by quietly
// checking nothing. An exclude glob, from either, is matched in bounded time.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseFailOn } from "../../src/check/thresholds.js";
import { parseStatuses } from "../../src/core/select.js";
import { type ScanResult, STATUSES } from "../../src/core/types.js";
import { ROOT } from "../helpers/site.js";
import { english, page, runCli, TestRepo, tempDir } from "../hostile/helpers.js";

let repo: TestRepo;
const CONFIG = "translation-status.config.json";
const LONG = "a".repeat(60);

beforeAll(() => {
  repo = TestRepo.init(path.join(tempDir(), "repo"));
  repo.write("content/en/a.md", english("A"));
  repo.write(`content/en/${LONG}.md`, english("Long"));
  const raw = repo.commit("English");
  repo.write("content/en/a.md", english("A", "More.\n"));
  repo.commit("Edit");
  repo.write("content/zh-cn/a.md", page(raw));
  repo.write(`content/zh-cn/${LONG}.md`, page(raw));
});

function config(value: unknown | null): void {
  const file = path.join(repo.dir, CONFIG);
  if (value === null) rmSync(file, { force: true });
  else writeFileSync(file, JSON.stringify(value));
}

/** A refusal: exit 2, nothing on stdout, one line on stderr. */
function refused(args: string[]): string {
  const res = runCli(["check", "--repo", repo.dir, "--no-cache", ...args]);
  expect(res.code).toBe(2);
  expect(res.stdout).toBe("");
  // One line: check names the config file it used only once a run gets past its usage checks.
  const error = res.stderr.trim().split("\n");
  expect(error).toHaveLength(1);
  expect(error[0]).toMatch(/^translation-status: /);
  return error[0] as string;
}

describe("flags and config keys", () => {
  it.each([
    ["--extensions", ".md", "extensions", [".md"], /an extension is letters or digits/],
    ["--extensions", "*.md", "extensions", ["*.md"], /an extension is letters or digits/],
    ["--extensions", "md x", "extensions", ["md x"], /an extension is letters or digits/],
    ["--lang", "..", "languages", [".."], /a language is a folder name like "zh-cn", of letters/],
    ["--source", "..", "source", "..", /a language is a folder name like "zh-cn", of letters/],
    ["--default-lang", ".x", "defaultLanguage", ".x", /a language is a folder name/],
    [
      "--exclude",
      "+(a|aa)b",
      "exclude",
      ["+(a|aa)b"],
      /extglobs like \+\(a\|b\) are not supported/,
    ],
    ["--exclude", "!drafts/**", "exclude", ["!drafts/**"], /cannot start with "!"/],
    // A leading "./" says nothing more: what follows it is judged.
    ["--exclude", ".//!drafts/**", "exclude", [".//!drafts/**"], /cannot start with "!"/],
    ["--content", ".//../x", "content", ".//../x", /a folder is relative to the repository's/],
    ["--content", "a//b", "content", "a//b", /a folder is relative to the repository's top/],
  ])("%s %j is refused as the config's %s %j is", (flag, value, key, configValue, why) => {
    config(null);
    const byFlag = refused([flag, value]);
    expect(byFlag).toContain(`${flag}: ${JSON.stringify(value)}: `);
    expect(byFlag).toMatch(why);
    config({ [key]: configValue });
    const byConfig = refused([]);
    expect(byConfig).toContain(`${CONFIG}: "${key}": ${JSON.stringify(value)}: `);
    expect(byConfig).toMatch(why);
    // The same reason, word for word.
    expect(byConfig.slice(byConfig.lastIndexOf(": ") + 2)).toBe(
      byFlag.slice(byFlag.lastIndexOf(": ") + 2),
    );
    config(null);
  });

  it.each([
    ["--extensions", ""],
    ["--extensions", ","],
    ["--fail-on", ""],
    ["--fail-on", ","],
    ["--status", ""],
    ["--lang", ""],
    ["--lang", " , "],
    ["--show", ""],
  ])("refuses %s %j, which would quietly mean the default or check nothing", (flag, value) => {
    config(null);
    expect(refused([`${flag}=${value}`])).toMatch(
      new RegExp(`^translation-status: ${flag}:? needs at least one \\w`),
    );
  });

  it("says an empty list in one wording, whichever option and door it comes through", () => {
    config(null);
    const statuses = `needs at least one status (${STATUSES.join(", ")})`;
    expect(refused(["--status=,"])).toBe(`translation-status: --status: ${statuses}`);
    expect(refused(["--fail-on=,"])).toBe(`translation-status: --fail-on: ${statuses}`);
    expect(refused(["--ignore", " , "])).toBe(
      "translation-status: --ignore: needs at least one change kind",
    );
    const also = runCli(["stamp", "--repo", repo.dir, "--unchanged", "--also="]);
    expect(also.code).toBe(2);
    expect(also.stderr).toBe("translation-status: --also: needs at least one change kind\n");
    config({ failOn: [] });
    expect(refused([]).endsWith(`${CONFIG}: "failOn": ${statuses}`)).toBe(true);
    config(null);
    // The pure checks behind them say it the same way.
    expect(parseStatuses([" "])).toBe(`--status: ${statuses}`);
    expect(() => parseFailOn([])).toThrow(`--fail-on: ${statuses}`);
  });

  it("refuses --exclude '' with one line, not a stack trace", () => {
    config(null);
    expect(refused(["--exclude="])).toBe("translation-status: --exclude: needs at least one glob");
  });

  it("refuses too many exclude globs with the same words from the flag and the config", () => {
    const globs = Array.from({ length: 201 }, (_, i) => `x${i}.md`);
    config(null);
    const byFlag = refused(globs.flatMap((g) => ["--exclude", g]));
    expect(byFlag).toBe("translation-status: --exclude: at most 200 globs");
    config({ exclude: globs });
    expect(refused([])).toMatch(new RegExp(`${CONFIG}: "exclude": at most 200 globs$`));
    const long = "x".repeat(501);
    config(null);
    expect(refused(["--exclude", long])).toMatch(
      /--exclude: "x+": a glob is at most 500 characters$/,
    );
    config({ exclude: [long] });
    expect(refused([])).toMatch(/"exclude": "x+": a glob is at most 500 characters$/);
    config(null);
  });

  it('refuses "failOn": [] naming the file and the key, and the JSON Schema says so', () => {
    config({ failOn: [] });
    const line = refused([]);
    expect(line).toContain(`${CONFIG}: "failOn": needs at least one status`);
    expect(line).not.toContain("--fail-on");
    config(null);
    const schema = JSON.parse(
      readFileSync(path.join(ROOT, "dist/translation-status.schema.json"), "utf8"),
    ) as { properties: Record<string, { minItems?: number }> };
    expect(schema.properties.failOn?.minItems).toBe(1);
  });

  it("still takes a language folder written with a closing slash", () => {
    config(null);
    const res = runCli(["scan", "--repo", repo.dir, "--no-cache", "--lang", "zh-cn/"]);
    expect(res.code).toBe(0);
  });
});

describe("exclude globs against hostile names", () => {
  const scanPaths = (args: string[]) => {
    const res = runCli(["scan", "--repo", repo.dir, "--no-cache", "--format", "json", ...args]);
    expect(res.stderr).not.toMatch(/internal error/);
    return (JSON.parse(res.stdout) as ScanResult).pages.map((p) => p.path).sort();
  };
  const stars = `${"*a".repeat(12)}*`;

  it("answers a glob of many stars against a long name (a backtracking regex never did)", {
    timeout: 60_000,
  }, () => {
    // No page ends in "b": nothing is left out.
    config({ exclude: [`${stars}b`] });
    expect(scanPaths([])).toEqual(["content/zh-cn/a.md", `content/zh-cn/${LONG}.md`]);
    // The same glob ending as the long name does leaves it out, from the config and the flag.
    config({ exclude: [`${stars}.md`] });
    expect(scanPaths([])).toEqual(["content/zh-cn/a.md"]);
    config(null);
    expect(scanPaths(["--exclude", `${stars}b`])).toHaveLength(2);
    expect(scanPaths(["--exclude", `${stars}.md`])).toEqual(["content/zh-cn/a.md"]);
  });

  it("takes a glob written with a leading ./ (however many slashes) as the glob after it", () => {
    for (const glob of [`./${LONG}.md`, `.//${LONG}.md`, `././/${LONG}.md`]) {
      config({ exclude: [glob] });
      expect(scanPaths([])).toEqual(["content/zh-cn/a.md"]);
      config(null);
      expect(scanPaths(["--exclude", glob])).toEqual(["content/zh-cn/a.md"]);
    }
  });
});

describe("the table's totals", () => {
  it('say "1 page", not "1 pages"', () => {
    config(null);
    const res = runCli(["scan", "--repo", repo.dir, "--no-cache", "content/zh-cn/a.md"]);
    expect(res.stdout).toMatch(/^ {2}1 page: 1 outdated$/m);
  });
});
