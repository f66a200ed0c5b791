// Help for each command, and suggestions for a mistyped command or option.

import path from "node:path";
import { describe, expect, it } from "vitest";
import { outdatedRepo, runCli, tempDir } from "../hostile/helpers.js";

describe("help", () => {
  it.each([[["check", "--help"]], [["help", "check"]]])(
    "%j shows check's options and examples",
    (args) => {
      const res = runCli(args);
      expect(res.code).toBe(0);
      expect(res.stdout).toMatch(/^translation-status check \[PATH...\] \[options\]/);
      expect(res.stdout).toContain("--max-behind N");
      expect(res.stdout).toContain("Examples:");
    },
  );

  it("shows each command's own help, and the whole help otherwise", () => {
    for (const command of ["scan", "dashboard", "stamp"]) {
      expect(runCli(["help", command]).stdout).toMatch(
        new RegExp(`^translation-status ${command}`),
      );
    }
    expect(runCli(["help", "scan"]).stdout).not.toContain("--max-behind");
    expect(runCli(["--help"]).stdout).toContain("translation-status help COMMAND");
    expect(runCli(["help", "nope"])).toMatchObject({ code: 2, stdout: "" });
  });
});

describe("a mistyped command or option", () => {
  it.each([
    [["chek"], "unknown command: chek (did you mean check?)"],
    [["scna"], "unknown command: scna (did you mean scan?)"],
    [["scan", "--max-behnd", "3"], "unknown option --max-behnd (did you mean --max-behind?)"],
    [["scan", "--langs", "ja"], "unknown option --langs (did you mean --lang?)"],
    [["scan", "--nonsense-flag"], "unknown option --nonsense-flag (see"],
  ])("%j is one line with a suggestion when one is close", (args, message) => {
    const res = runCli(args);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(message);
    expect(res.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("colour", () => {
  it("is on into a pipe when FORCE_COLOR asks, and off when FORCE_COLOR=0 or NO_COLOR says so", () => {
    const repo = outdatedRepo(path.join(tempDir(), "repo"));
    const esc = "\u001b[";
    const scan = (env: NodeJS.ProcessEnv) => runCli(["scan", "--repo", repo.dir], { env }).stdout;
    expect(scan({ NO_COLOR: "" })).not.toContain(esc);
    expect(scan({ NO_COLOR: "", FORCE_COLOR: "1" })).toContain(esc);
    expect(scan({ NO_COLOR: "", FORCE_COLOR: "0" })).not.toContain(esc);
    expect(scan({ NO_COLOR: "1", FORCE_COLOR: "1" })).not.toContain(esc);
  });
});
