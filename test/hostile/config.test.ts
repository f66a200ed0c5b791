// Repository configuration, attributes, hooks and environment that try to make git run a
// program, or to change what git prints. The scan must run none of them and give the same
// answer as in a clean copy of the repository.
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { ScanResult } from "../../src/core/types.js";
import {
  Canary,
  cleanEnv,
  english,
  page,
  runCli,
  scanRepo,
  snapshot,
  TestRepo,
  tempDir,
} from "./helpers.js";

let base: string;
let clean: TestRepo;
let baseline: ScanResult;
const h = { c1: "", c2: "", c3: "" };

/** A fresh copy of the clean repository, to poison. */
function copy(name: string): string {
  const dir = path.join(base, name);
  cpSync(clean.dir, dir, { recursive: true });
  return dir;
}

function appendConfig(dir: string, text: string): void {
  writeFileSync(path.join(dir, ".git/config"), text, { flag: "a" });
}

/** git as a person would run it, without any of the tool's protections. */
function plainGit(dir: string, args: string[]): void {
  spawnSync("git", args, { cwd: dir, env: cleanEnv(), stdio: "ignore", timeout: 30_000 });
}

beforeAll(async () => {
  base = tempDir();
  clean = TestRepo.init(path.join(base, "clean"));
  clean.write("content/en/a.md", english("A"));
  const long = Array.from(
    { length: 12 },
    (_, i) => `Line ${i + 1} of a page that is renamed later.\n`,
  );
  clean.write("content/en/old.md", english("Old", long.join("")));
  clean.write(".gitattributes", "*.md diff=evil filter=evil merge=evil\n");
  h.c1 = clean.commit("Add the English pages");
  clean.write("content/en/a.md", english("A", "Text, edited.\nMore text.\n"));
  clean.git(["mv", "content/en/old.md", "content/en/new.md"]);
  clean.write("content/en/new.md", english("Old", long.join("").replace("Line 3 ", "Line three ")));
  h.c2 = clean.commit("Edit a, rename old to new");
  clean.write("content/zh-cn/a.md", page(h.c1));
  clean.write("content/zh-cn/old.md", page(h.c1));
  h.c3 = clean.commit("Translate");
  baseline = (await scanRepo(clean.dir)).result;
});

afterAll(() => rmSync(base, { recursive: true, force: true }));
afterEach(() => {
  vi.unstubAllEnvs();
});

describe("baseline", () => {
  it("the clean repository gives the expected answer", () => {
    const zh = baseline.pages.map((p) => [
      p.path,
      p.status,
      p.commitsBehind,
      p.linesAdded,
      p.linesRemoved,
    ]);
    expect(zh).toEqual([
      ["content/zh-cn/a.md", "outdated", 1, 2, 1],
      ["content/zh-cn/old.md", "moved", 1, 1, 1],
    ]);
  });
});

describe("hostile configuration and attributes", () => {
  it("settings that change what git log prints leave the answer unchanged", async () => {
    const dir = copy("log-settings");
    // Each would misread the history: following one file, paths relative to a folder, no or
    // other merge diffs, no renames, no root diff, short hashes, another output encoding.
    appendConfig(
      dir,
      "[log]\n\tfollow = true\n\tdiffMerges = combined\n\tshowRoot = false\n\tabbrevCommit = true\n" +
        "[diff]\n\trelative = true\n\trenames = false\n\tnoprefix = true\n[core]\n\tabbrev = 7\n" +
        "[i18n]\n\tlogOutputEncoding = ISO-8859-1\n",
    );
    expect((await scanRepo(dir)).result).toEqual({ ...baseline });
  });

  it("textconv and diff drivers from .gitattributes are never run", async () => {
    const canary = new Canary();
    const dir = copy("textconv");
    appendConfig(
      dir,
      `[diff "evil"]\n\ttextconv = ${canary.script()}\n\tcommand = ${canary.script("command")}\n` +
        `\tcachetextconv = false\n[merge "evil"]\n\tdriver = ${canary.command}\n` +
        `[filter "evil"]\n\tclean = ${canary.command}\n\tsmudge = ${canary.command}\n\tprocess = ${canary.script("process")}\n`,
    );
    expect((await scanRepo(dir)).result).toEqual({ ...baseline });
    const cli = runCli(["scan", "--repo", dir, "--format", "json"]);
    expect(cli.code).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual(JSON.parse(JSON.stringify(baseline)));
    expect(canary.fired()).toBe(false);
    // Control: plain git does run the driver, so the canary is live.
    plainGit(dir, ["diff", `${h.c1}`, `${h.c2}`, "--", "content/en/a.md"]);
    expect(canary.fired()).toBe(true);
    canary.cleanup();
  });

  it("core.fsmonitor, core.pager, core.hooksPath and hooks in .git/hooks are never run", async () => {
    const canary = new Canary();
    const dir = copy("core");
    const hooks = path.join(canary.dir, "hooks");
    mkdirSync(hooks);
    const names = [
      "post-checkout",
      "pre-commit",
      "post-index-change",
      "reference-transaction",
      "pre-auto-gc",
      "fsmonitor-watchman",
      "post-rewrite",
    ];
    for (const hook of names) {
      cpSync(canary.script(`hook-${hook}`), path.join(hooks, hook));
      cpSync(canary.script(`hook-${hook}`), path.join(dir, ".git/hooks", hook));
    }
    appendConfig(
      dir,
      `[core]\n\tfsmonitor = ${canary.script("fsmonitor")}\n\tpager = ${canary.command}\n` +
        `\thooksPath = ${hooks}\n\tsshCommand = ${canary.command}\n\taskPass = ${canary.script("askpass")}\n` +
        `\teditor = ${canary.command}\n[pager]\n\tlog = ${canary.command}\n\tdiff = ${canary.command}\n` +
        `[gpg]\n\tprogram = ${canary.script("gpg")}\n[log]\n\tshowSignature = true\n` +
        `[credential]\n\thelper = ${canary.script("credential")}\n[gc]\n\tauto = 1\n`,
    );
    expect((await scanRepo(dir)).result).toEqual(baseline);
    const cli = runCli(["scan", "--repo", dir]);
    expect(cli.code).toBe(0);
    expect(canary.fired()).toBe(false);
    // Control: a plain `git status` runs the fsmonitor.
    plainGit(dir, ["status"]);
    expect(canary.fired()).toBe(true);
    canary.cleanup();
  });

  it("diff.external is never run", async () => {
    const canary = new Canary();
    const dir = copy("external");
    appendConfig(dir, `[diff]\n\texternal = ${canary.script()}\n`);
    expect((await scanRepo(dir)).result).toEqual(baseline);
    expect(runCli(["scan", "--repo", dir]).code).toBe(0);
    expect(canary.fired()).toBe(false);
    plainGit(dir, ["diff", h.c1, h.c2]);
    expect(canary.fired()).toBe(true);
    canary.cleanup();
  });

  it("configuration that changes git's output format does not change the answer", async () => {
    const dir = copy("format");
    appendConfig(
      dir,
      "[core]\n\tabbrev = 4\n\tquotePath = true\n\tcommentChar = %\n[color]\n\tui = always\n\tdiff = always\n" +
        "[diff]\n\tnoprefix = true\n\tmnemonicPrefix = true\n\trelative = true\n\trenames = copies\n" +
        "\tsubmodule = log\n\tsuppressBlankEmpty = true\n\tinterHunkContext = 50\n" +
        "[log]\n\tdecorate = full\n\tabbrevCommit = true\n\tshowRoot = false\n\tfollow = true\n\tdate = relative\n\tmailmap = true\n" +
        "[format]\n\tpretty = oneline\n[i18n]\n\tlogOutputEncoding = UTF-16LE\n\tcommitEncoding = UTF-16LE\n" +
        "[grep]\n\tpatternType = perl\n[status]\n\tshowUntrackedFiles = all\n",
    );
    expect((await scanRepo(dir)).result).toEqual(baseline);
  });

  it("a committed bare-repository layout under content is never used as the repository", () => {
    const canary = new Canary();
    const dir = copy("fake-bare");
    const fake = "content/zh-cn/fake";
    const repo = new TestRepo(dir);
    repo.write(`${fake}/HEAD`, "ref: refs/heads/main\n");
    repo.write(
      `${fake}/config`,
      `[core]\n\tbare = true\n\tfsmonitor = ${canary.script("fsmonitor")}\n\tpager = ${canary.command}\n` +
        `\thooksPath = ${canary.dir}\n[diff]\n\texternal = ${canary.script("external")}\n`,
    );
    repo.write(`${fake}/objects/info/packs`, "\n");
    repo.write(`${fake}/refs/heads/README`, "not a ref\n");
    const head = repo.commit("Commit a bare repository layout");
    // Control: git's default (safe.bareRepository=all) would pick the fake repository up.
    const found = spawnSync(
      "git",
      ["-c", "safe.bareRepository=all", "rev-parse", "--absolute-git-dir"],
      {
        cwd: path.join(dir, fake),
        env: cleanEnv(),
        encoding: "utf8",
      },
    );
    expect(found.stdout.trim()).toBe(path.join(dir, fake));

    // Inside the layout git refuses it (safe.bareRepository=explicit) instead of using it: a
    // clean error that says why. From the language folder above it, the real repository is used.
    const refusal = (where: string) =>
      `translation-status: cannot open a git work tree at ${where}: cannot use bare repository ` +
      `'${path.join(dir, fake)}' (safe.bareRepository is 'explicit')\n`;
    const byOption = runCli(["scan", "--repo", path.join(dir, fake), "--format", "json"]);
    expect(byOption).toEqual({ code: 2, stdout: "", stderr: refusal(path.join(dir, fake)) });
    const byCwd = runCli(["scan", "--format", "json"], { cwd: path.join(dir, fake) });
    expect(byCwd).toEqual({ code: 2, stdout: "", stderr: refusal(".") });
    const above = runCli(["scan", "--repo", ".", "--format", "json"], {
      cwd: path.join(dir, "content/zh-cn"),
    });
    expect(above.stderr).toBe("");
    expect(above.code).toBe(0);
    const result = JSON.parse(above.stdout) as ScanResult;
    expect(result.head).toBe(head);
    expect(result.pages.map((p) => [p.path, p.status])).toEqual([
      ["content/zh-cn/a.md", "outdated"],
      ["content/zh-cn/old.md", "moved"],
    ]);
    expect(canary.fired()).toBe(false);
    canary.cleanup();
  });
});

describe("hostile environment", () => {
  it("a `git` program committed in the repository is never run instead of git", async () => {
    const canary = new Canary();
    const dir = copy("fake-git");
    const repo = new TestRepo(dir);
    repo.write("git", `#!/bin/sh\ntouch '${canary.file}'\nexit 1\n`);
    repo.write("git.exe", "MZ not a program\n");
    chmodSync(path.join(dir, "git"), 0o755);
    repo.commit("Add a program named git");
    expect(repo.git(["ls-files", "-s", "git"]).slice(0, 6)).toBe("100755");
    // An empty PATH entry means "the current directory" to the OS, and git runs in the work
    // tree. (`PATH=$PATH:$UNSET` produces one; Windows searches the directory regardless.)
    const hostilePath = `:${process.env.PATH ?? ""}:.`;
    vi.stubEnv("PATH", hostilePath);
    const { result } = await scanRepo(dir);
    vi.unstubAllEnvs();
    expect(result.pages.map((p) => [p.path, p.status])).toEqual([
      ["content/zh-cn/a.md", "outdated"],
      ["content/zh-cn/old.md", "moved"],
    ]);
    const cli = runCli(["scan", "--repo", ".", "--format", "json"], {
      cwd: dir,
      env: { PATH: hostilePath },
    });
    expect(cli.code).toBe(0);
    expect(canary.fired()).toBe(false);
    // Control: a plain spawn of "git" from the work tree with that PATH runs the planted one.
    spawnSync("git", ["--version"], { cwd: dir, env: { ...cleanEnv(), PATH: hostilePath } });
    expect(canary.fired()).toBe(true);
    canary.cleanup();
  });

  it("the scan writes nothing: every byte of the work tree and .git is unchanged", async () => {
    const dir = copy("bytes");
    const before = snapshot(dir);
    await scanRepo(dir);
    runCli(["scan", "--repo", dir]);
    runCli(["scan", "--repo", dir, "--format", "json"]);
    expect(snapshot(dir)).toEqual(before);
    expect(Object.keys(before)).toContain(".git/index");
  });

  it("GIT_* variables in the tool's environment are ignored", async () => {
    const canary = new Canary();
    const other = TestRepo.init(path.join(base, "other"));
    other.write("content/en/a.md", english("Other"));
    other.commit("Another repository");
    const hostileGlobal = path.join(canary.dir, "gitconfig");
    writeFileSync(
      hostileGlobal,
      `[core]\n\tfsmonitor = ${canary.script("global")}\n[diff]\n\texternal = ${canary.script("global-ext")}\n`,
    );
    const trace = path.join(canary.dir, "trace");
    const hostile: Record<string, string> = {
      GIT_DIR: path.join(other.dir, ".git"),
      GIT_WORK_TREE: other.dir,
      GIT_INDEX_FILE: path.join(canary.dir, "index"),
      GIT_OBJECT_DIRECTORY: path.join(other.dir, ".git/objects"),
      GIT_EXTERNAL_DIFF: canary.script("external"),
      GIT_PAGER: canary.command,
      GIT_SSH_COMMAND: canary.command,
      GIT_ASKPASS: canary.script("askpass"),
      GIT_EDITOR: canary.command,
      GIT_CONFIG_PARAMETERS: `'core.fsmonitor'='${canary.script("params")}' 'i18n.logoutputencoding'='UTF-16LE'`,
      GIT_CONFIG_COUNT: "2",
      GIT_CONFIG_KEY_0: "core.fsmonitor",
      GIT_CONFIG_VALUE_0: canary.script("count"),
      GIT_CONFIG_KEY_1: "diff.external",
      GIT_CONFIG_VALUE_1: canary.script("count-ext"),
      GIT_CONFIG_GLOBAL: hostileGlobal,
      GIT_CONFIG_SYSTEM: hostileGlobal,
      GIT_TRACE: trace,
      GIT_CEILING_DIRECTORIES: "/",
      GIT_NAMESPACE: "evil",
      GIT_REPLACE_REF_BASE: "refs/heads/",
    };
    // Also the user's own global config via HOME, which the tool cannot strip: its -c settings win.
    writeFileSync(
      path.join(canary.dir, ".gitconfig"),
      `[core]\n\tfsmonitor = ${canary.script("home")}\n[i18n]\n\tlogOutputEncoding = UTF-16LE\n`,
    );
    for (const [k, v] of Object.entries(hostile)) vi.stubEnv(k, v);
    vi.stubEnv("HOME", canary.dir);
    vi.stubEnv("XDG_CONFIG_HOME", canary.dir);
    expect((await scanRepo(clean.dir)).result).toEqual(baseline);
    vi.unstubAllEnvs();
    const cli = runCli(["scan", "--repo", clean.dir, "--format", "json"], {
      env: { ...hostile, HOME: canary.dir, XDG_CONFIG_HOME: canary.dir },
    });
    expect(cli.stderr).toBe("");
    expect(JSON.parse(cli.stdout)).toEqual(JSON.parse(JSON.stringify(baseline)));
    expect(canary.fired()).toBe(false);
    expect(existsSync(trace)).toBe(false);
    expect(existsSync(path.join(canary.dir, "index"))).toBe(false);
    canary.cleanup();
  });
});
