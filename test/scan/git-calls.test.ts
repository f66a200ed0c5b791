// What a cold scan of the fixture site asks of git, counted by a logging `git` on PATH: every
// process is a fixed cost on a small repository, and a history log that prints nothing still
// walks the whole history.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loggingGit, subcommand } from "../helpers/logging-git.js";
import { buildFixture, type TempSite } from "../helpers/site.js";
import { runCli } from "../hostile/helpers.js";

let site: TempSite;
beforeAll(() => {
  site = buildFixture("site.json");
});
afterAll(() => site?.cleanup());

describe("a cold scan of a small site", () => {
  it("reads the English history in one log, with no second part left empty", () => {
    const git = loggingGit();
    const res = runCli(["scan", "--no-cache", "--repo", site.dir, "--format", "json"], {
      env: git.env,
    });
    expect(res.code).toBe(0);
    const calls = git.calls();
    const historyLogs = calls.filter((c) => / log .*--raw .*-- content\/en\/$/.test(c));
    expect(historyLogs).toHaveLength(1);
    expect(calls.filter((c) => c.includes("--skip="))).toEqual([]);
    // Finding the repository also reads HEAD's hash; HEAD's date comes with the count that
    // tells the history log it needs one part.
    expect(calls.map(subcommand).sort()).toEqual(
      ["rev-parse", "log", "config", "log", "ls-tree", "log", "cat-file", "diff-tree"].sort(),
    );
    expect(calls.filter((c) => subcommand(c) === "rev-parse")[0]).toMatch(/ --verify -q HEAD$/);
    // Setup is one step: the settings are read beside the rev-parse, not after it, and nothing
    // else starts before both have answered.
    expect(calls.slice(0, 2).map(subcommand).sort()).toEqual(["config", "rev-parse"]);
  });
});
