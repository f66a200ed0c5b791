// Every output the tool can print to a CI job's log, with pages and commits named like workflow
// commands: the runner must find none to run (`::` first on a line after white space, `##[`
// anywhere), whatever the format. The github format's own commands are the only `::` lines.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { english, page, runCli, TestRepo, tempDir, workflowCommandLines } from "./helpers.js";

const NAMES = ["##[error]x.md", "::error::y.md", " ::warning::z.md"];
let repo: TestRepo;

beforeAll(() => {
  repo = TestRepo.init(path.join(tempDir(), "repo"));
  for (const n of NAMES) repo.write(`content/en/${n}`, english("##[group]E"));
  repo.write("content/en/::notice::missing.md", english("M"));
  const raw = repo.commit("::error::first\n\n##[error]body");
  for (const n of NAMES) repo.write(`content/en/${n}`, english("E", "Edited.\n"));
  repo.commit("##[error]forged subject ::warning::w");
  for (const n of NAMES)
    repo.write(`content/zh-cn/${n}`, page(raw, "译文。\n", ' raw_link="##[x]"'));
  // A page lint finds wrong (a malformed raw_commit), named like a command too.
  repo.write("content/zh-cn/##[warning]bad.md", page("xyz1234"));
  // Front matter whose key is a collection, holding a command: the YAML library would warn of
  // it through Node's own warnings, on stderr, quoting it.
  repo.write("content/en/keyed.md", english("K"));
  repo.write(
    "content/zh-cn/keyed.md",
    `---\ntitle: K\ndefault_lang_commit: ${raw}\n? - |\n    ::error::from a key\n: 2\n---\n\nText.\n`,
  );
  repo.commit("Translate");
});

// The github format's own lines: its stop and resume, and annotations. The runner reads a line
// that parses as a `::` command as that command only (its legacy `##[` parse is the fallback), so
// a file property may hold `##[` as the file's name does; the message after it may not.
const OWN =
  /^::(?:stop-commands::[0-9a-f]{32}|[0-9a-f]{32}::|(?:error|warning|notice)(?: [^:]*)?::(.*))$/;
const unsafe = (line: string) => {
  const own = OWN.exec(line);
  return own === null || (own[1] ?? "").includes("##[");
};

describe("output that reaches a CI log", () => {
  it.each([
    [[]],
    [["scan"]],
    [["scan", "--diff"]],
    [["scan", "--format", "json"]],
    [["scan", "--show", "missing"]],
    [["check"]],
    [["check", "--format", "json"]],
    [["check", "--format", "markdown"]],
    [["check", "--format", "markdown", "--fail-on", "outdated,missing", "--show", "missing"]],
    [["check", "--format", "github"]],
    [["report", "--format", "html"]],
    [["report", "--format", "hugo-data"]],
    [["lint"]],
    [["lint", "--format", "json"]],
    [["lint", "--format", "github"]],
  ])("%j names the pages and runs no workflow command", (args) => {
    const res = runCli([...args, "--repo", repo.dir, "--no-cache"]);
    expect(res.code === 0 || res.code === 1).toBe(true);
    // A page with `##[` in its name is in the output (so it was defused, not left out).
    expect(res.stdout).toMatch(/(?:error\S*x|warning\S*bad)\.md/);
    const lines = workflowCommandLines(`${res.stdout}\n${res.stderr}`);
    expect(lines.filter(unsafe), res.stdout).toEqual([]);
    if (!args.includes("github")) expect(lines).toEqual([]);
    // Nothing but the tool's own lines: no library warning through Node's.
    expect(res.stderr).not.toContain("(node:");
  });

  it("stamp reads the collection key without a warning of Node's", () => {
    const res = runCli(["stamp", "--repo", repo.dir, "--dry-run", "content/zh-cn/keyed.md"]);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^would stamp /);
    expect(res.stderr).toBe("");
  });
});
