// Each command's help lists the options that command takes, and only those: one table
// (OPTION_OWNERS in cli/args.ts) says which command takes which option, the parser refuses the
// others, and the help is made from it.
import { describe, expect, it } from "vitest";
import {
  FORMATS,
  formatOf,
  HELP_COMMANDS,
  helpText,
  OPTION_NAMES,
  parseCli,
} from "../../src/cli/args.js";
import { tempDir } from "../helpers/site.js";

/** A value each option takes (switches take none). */
const VALUE: Record<string, string> = {
  repo: ".",
  source: "en",
  content: "content",
  lang: "zh-cn",
  exclude: "x.md",
  layout: "hugo",
  paths: "docs/{path}:docs/{lang}/{path}",
  extensions: "md",
  "default-lang": "ja",
  metadata: "shortcode",
  "pin-branch": "main",
  status: "outdated",
  show: "missing",
  date: "2026-01-01",
  also: "whitespace",
  "source-repo": "../english",
  "fail-on": "outdated",
  "max-behind": "1",
  "max-lines": "1",
  "max-age": "1",
  "changed-since": "main",
  output: "out",
  "max-size": "1000",
  "annotation-level": "warning",
  ignore: "whitespace",
  "ignore-revs-file": "revs",
  "cache-dir": "cache",
  commit: "HEAD",
  config: "c.json",
};

/** Options that go only with another on the same command line. */
const WITH: Record<string, string[]> = {
  also: ["--unchanged"],
  "max-size": ["--format", "markdown"],
  "annotation-level": ["--format", "github"],
};
const LINT_WITH: Record<string, string[]> = { force: ["--fix"], "dry-run": ["--fix"] };

const dir = tempDir("ts-help-options-");

/** Whether `command` takes `name` with a valid value, as its run would check it. */
function accepts(command: string, name: string): boolean {
  const format = (FORMATS as Record<string, readonly string[]>)[command]?.[0] ?? "table";
  const value = name === "format" ? [format] : VALUE[name] === undefined ? [] : [VALUE[name]];
  const argv = [
    command,
    ...(command === "stamp" ? ["content/ja/a.md"] : []),
    `--${name}`,
    ...value,
    ...(WITH[name] ?? []),
    ...(command === "lint" ? (LINT_WITH[name] ?? []) : []),
  ];
  try {
    const parsed = parseCli(argv, dir);
    if (command === "scan" || command === "lint" || command === "report") {
      formatOf(command, parsed.format);
    }
    return true;
  } catch {
    return false;
  }
}

/** The options `help` lists on lines of their own. */
function listed(help: string): string[] {
  return [...help.matchAll(/^ {2}--([\w-]+)/gm)].map((m) => m[1] as string);
}

describe("each command's help and its parser", () => {
  const names = OPTION_NAMES.filter((n) => n !== "help" && n !== "version");

  it.each(HELP_COMMANDS)("%s takes every option its help lists", async (command) => {
    const refused = listed(await helpText(command)).filter((n) => !accepts(command, n));
    expect(refused).toEqual([]);
  });

  it.each(HELP_COMMANDS)("%s's help names every option it takes", async (command) => {
    const help = await helpText(command);
    const unnamed = names.filter(
      (n) => accepts(command, n) && !new RegExp(`(^|[^\\w-])--${n}(?![\\w-])`, "m").test(help),
    );
    expect(unnamed).toEqual([]);
  });

  it("lists no option of scan and check in lint's and the dashboard's help", async () => {
    for (const command of ["lint", "dashboard"]) {
      const help = listed(await helpText(command));
      expect(help).not.toContain("status");
      expect(help).not.toContain("show");
      expect(help).not.toContain("diff");
    }
    expect(listed(await helpText("lint"))).not.toContain("kinds");
  });
});
