// git ended by a signal: a Ctrl-C reaches git and the tool at once, and the tool's own handler
// must get to end it as interrupted before git's death is reported as git's failure. A signal
// meant for git alone is still reported, as the failure it is.
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { GitFailure, runGit } from "../../src/git/run.js";
import { tempDir } from "../helpers/site.js";

const pathBefore = process.env.PATH;
afterEach(() => {
  process.env.PATH = pathBefore;
});

/** A `git` first on PATH that ends itself with `signal`. */
function selfKillingGit(signal: string): void {
  const bin = path.join(tempDir("ts-sig-"), "bin");
  mkdirSync(bin);
  writeFileSync(path.join(bin, "git"), `#!/bin/sh\nkill -${signal} $$\n`);
  chmodSync(path.join(bin, "git"), 0o755);
  process.env.PATH = `${bin}:${pathBefore ?? ""}`;
}

describe("git ended by a signal", () => {
  it("is a failure only after a moment, when it was the terminal's interrupt", async () => {
    selfKillingGit("INT");
    const start = performance.now();
    const failure = await runGit(null, ["--version"], { cwd: tempDir() }).catch((e) => e);
    expect(failure).toBeInstanceOf(GitFailure);
    expect(performance.now() - start).toBeGreaterThanOrEqual(200);
  });

  it("is a failure at once for any other signal", async () => {
    selfKillingGit("KILL");
    const failure = await runGit(null, ["--version"], { cwd: tempDir() }).catch((e) => e);
    expect(failure).toBeInstanceOf(GitFailure);
  });
});
