// A reader that stops early (`| head -1`, `| true`) ends the output quietly: no stack trace, and
// the exit code is the verdict's, so a clean run never fails a pipefail step.
import { spawn } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CLI, cleanEnv, outdatedRepo, type TestRepo, tempDir } from "../hostile/helpers.js";

let repo: TestRepo;

beforeAll(() => {
  repo = outdatedRepo(path.join(tempDir(), "repo"));
});

/** Runs the CLI with a stdout that is closed after `keep` bytes (0: at once). */
function closedEarly(
  args: string[],
  keep: number,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...cleanEnv(), CI: "true", NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let got = 0;
    let stderr = "";
    if (keep === 0) child.stdout.destroy();
    else
      child.stdout.on("data", (chunk: Buffer) => {
        got += chunk.length;
        if (got >= keep) child.stdout.destroy();
      });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("output into a pipe that closes early", () => {
  it.each([
    ["table", 0],
    ["json", 0],
    ["markdown", 0],
    ["github", 0],
  ])("check --format %s | true exits with the verdict (clean: 0), quietly", async (format) => {
    const res = await closedEarly(
      ["check", "--repo", repo.dir, "--max-behind", "100000", "--format", format],
      0,
    );
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
  });

  it("check --format markdown | head -1 exits with the verdict (drift: 1), quietly", async () => {
    const res = await closedEarly(["check", "--repo", repo.dir, "--format", "markdown"], 1);
    expect(res.stderr).toBe("");
    expect(res.code).toBe(1);
  });

  it("scan, help and stamp's messages end quietly too", async () => {
    for (const args of [
      ["scan", "--repo", repo.dir],
      ["--help"],
      ["scan", "--repo", repo.dir, "--format", "json"],
    ]) {
      const res = await closedEarly(args, 0);
      expect([args[0], res.stderr, res.code]).toEqual([args[0], "", 0]);
    }
  });
});
