// Usage and environment errors: exactly one line on stderr, prefixed, and exit code 2.
import { spawnSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  realpathSync,
  rmSync,
  symlinkSync,
} from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../src/errors.js";
import { runGit } from "../../src/git/run.js";
import { visible } from "../../src/sanitize/terminal.js";
import { startScan } from "../../src/scan/start.js";
import {
  CLI,
  english,
  outdatedRepo,
  runCli,
  TestRepo,
  tempDir,
  workflowCommandLines,
} from "./helpers.js";

let base: string;
let repo: TestRepo;

beforeAll(() => {
  base = tempDir();
  repo = TestRepo.init(path.join(base, "repo"));
  repo.write("content/en/a.md", english("A"));
  repo.write("content/zh-cn/a.md", "译文\n");
  repo.commit("Add pages");
  mkdirSync(path.join(base, "plain"));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

function fails(args: string[], stderr: string, cwd?: string) {
  const res = runCli(args, cwd ? { cwd } : {});
  expect(res).toEqual({ code: 2, stdout: "", stderr: `translation-status: ${stderr}\n` });
}

describe("errors", () => {
  it("not a git repository", () => {
    const dir = path.join(base, "plain");
    fails(["scan", "--repo", dir], `not a git work tree: ${dir}`);
    fails(["scan"], "not a git work tree: .", dir);
  });

  it("option mistakes name the option in one line", () => {
    const help = " (see translation-status --help)";
    fails(["--bogus"], `unknown option --bogus${help}`);
    fails(
      ["scan", "--format"],
      `--format needs a value (write --format=VALUE when it starts with "-")${help}`,
    );
    fails(["--color=yes"], `--color takes no value${help}`);
    fails(["--help=1"], `--help takes no value${help}`);
  });

  it.runIf(existsSync("/dev/full"))("any output that cannot be written is one line, exit 2", () => {
    const full = openSync("/dev/full", "w");
    try {
      for (const args of [["--help"], ["check", "--repo", repo.dir, "--format", "markdown"]]) {
        const res = spawnSync(process.execPath, [CLI, ...args], {
          stdio: ["ignore", full, "pipe"],
          encoding: "utf8",
        });
        expect([args[0], res.status, res.stderr.trim().split("\n").length]).toEqual([
          args[0],
          2,
          1,
        ]);
        expect(res.stderr).toMatch(
          /^translation-status: could not write the (output|report) \(ENOSPC\)\n$/,
        );
      }
    } finally {
      closeSync(full);
    }
  });

  it.runIf(existsSync("/dev/full"))("a report that cannot be written is one line", () => {
    const full = openSync("/dev/full", "w");
    try {
      const res = spawnSync(
        process.execPath,
        [CLI, "scan", "--repo", repo.dir, "--format", "json"],
        {
          stdio: ["ignore", full, "pipe"],
          encoding: "utf8",
        },
      );
      expect({ code: res.status, stderr: res.stderr }).toEqual({
        code: 2,
        stderr: "translation-status: could not write the report (ENOSPC)\n",
      });
    } finally {
      closeSync(full);
    }
  });

  it("a line count git cannot make is one line, with no partial report", () => {
    const broken = outdatedRepo(path.join(base, "broken"), true);
    const res = runCli(["scan", "--repo", broken.dir, "--format", "json"]);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe("");
    expect(res.stderr).toMatch(/^translation-status: git diff-tree failed: .*\n$/);
    expect(res.stderr.split("\n")).toHaveLength(2);
  });

  it("no scratch folder for line counts is one line, on a site with only a few to count", () => {
    const small = outdatedRepo(path.join(base, "small"));
    const missing = path.join(base, "no-such-tmp");
    for (const format of ["json", "table"]) {
      const res = runCli(["scan", "--repo", small.dir, "--format", format], {
        env: { TMPDIR: missing },
      });
      expect(res).toEqual({
        code: 2,
        stdout: "",
        stderr: `translation-status: cannot make a scratch folder in ${missing} for git's line counts (ENOENT)\n`,
      });
    }
  });

  it("no such --repo", () => {
    fails(
      ["scan", "--repo", path.join(base, "nope")],
      `no such directory: ${path.join(base, "nope")}`,
    );
  });

  it("--content pointing outside the repository", () => {
    // A leading "./" is as relative as none (./content is content), never a way out.
    const rule = `a folder is relative to the repository's top, like "content": names of letters, digits, ".", "_" and "-", none starting with "." or "-"`;
    for (const content of ["../x", "/etc", "content/../..", "./../x", "./", "-x", "a//b"]) {
      fails(
        ["scan", "--repo", repo.dir, `--content=${content}`],
        `--content: ${JSON.stringify(content)}: ${rule}`,
      );
    }
  });

  it("--lang ../x, with the reason", () => {
    const rule =
      'a language is a folder name like "zh-cn", of letters, digits, ".", "_" and "-", not starting with "." or "-"';
    for (const lang of ["../x", "zh-cn/../../x", ".."]) {
      fails(
        ["scan", "--repo", repo.dir, "--lang", lang],
        `--lang: ${JSON.stringify(lang)}: ${rule}`,
      );
    }
  });

  it("a wrong folder option is refused before git starts on the history", async () => {
    // The history log is the scan's longest job: a typo must not wait for a log nobody reads.
    await expect(
      startScan({ repo: repo.dir, content: "docs", source: "en", langs: ["fr"] }),
    ).rejects.toThrow("no such folder: docs");
  });

  it("an unknown --source and a missing --content folder", () => {
    fails(
      ["scan", "--repo", repo.dir, "--source", "fr"],
      "no such source language folder in HEAD: content/fr (set it with --source)",
    );
    for (const lang of [[], ["--lang", "fr"]]) {
      fails(
        ["scan", "--repo", repo.dir, "--content", "docs", ...lang],
        `no such folder: docs (relative to the repository's top, ${realpathSync(repo.dir)})`,
      );
    }
  });

  it("a site whose only translation folder is a symbolic link says so", () => {
    const linked = TestRepo.init(path.join(base, "linked"));
    linked.write("content/en/a.md", english("A"));
    linked.write("elsewhere/a.md", "译文\n");
    linked.commit("Add pages");
    symlinkSync("../elsewhere", path.join(linked.dir, "content/zh-cn"));
    fails(
      ["scan", "--repo", linked.dir],
      "no translation folders beside content/en (content/zh-cn: symbolic link not followed)",
    );
  });

  it("control characters in an error never reach the terminal raw", () => {
    const weird = path.join(base, "nope\u001b]52;c;eA==\u0007\n::error::x ##[error]y");
    const escaped = visible(weird).replace("##[", "##\\[");
    expect(escaped).toBe(`${base}/nope\\x1b]52;c;eA==\\x07\\n::error::x ##\\[error]y`);
    fails(["scan", "--repo", weird], `no such directory: ${escaped}`);
    expect(workflowCommandLines(runCli(["scan", "--repo", weird]).stderr)).toEqual([]);
  });
});

describe("git output the tool does not expect", () => {
  it("fails the git call with its exit code instead of crashing the process", async () => {
    const target = { workTree: repo.dir, gitDir: path.join(repo.dir, ".git") };
    const rejected = runGit(target, ["log", "-z", "--format=%H"], {
      onStdout: () => {
        throw new AppError(2, "unexpected output from git log");
      },
    });
    await expect(rejected).rejects.toMatchObject({
      exitCode: 2,
      message: "unexpected output from git log",
    });
  });

  it("names the command that failed, after any -c settings", async () => {
    const target = { workTree: repo.dir, gitDir: path.join(repo.dir, ".git") };
    const rejected = runGit(target, [
      "-c",
      "core.checkStat=default",
      "cat-file",
      "-t",
      "0".repeat(40),
    ]);
    await expect(rejected).rejects.toMatchObject({ exitCode: 2, command: "cat-file" });
  });
});
