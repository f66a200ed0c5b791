// Repository states a CI checkout or a contributor's clone can be in. Each gives a specific,
// correct status or a clear error, never a silently wrong answer.
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PageReport, ScanResult } from "../../src/core/types.js";
import { Canary, english, gitIn, page, runCli, scanRepo, TestRepo, tempDir } from "./helpers.js";

const FETCH_ALL =
  "fetch the full history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout)";
let base: string;
let origin: TestRepo;
const h = { c1: "", c2: "", c3: "", c4: "" };

beforeAll(() => {
  base = tempDir();
  origin = TestRepo.init(path.join(base, "origin"));
  origin.write("content/en/a.md", english("A"));
  origin.write("content/en/b.md", english("B"));
  h.c1 = origin.commit("Add a and b");
  origin.write("content/en/a.md", english("A", "Edited.\n"));
  h.c2 = origin.commit("Edit a");
  origin.write("content/en/b.md", english("B", "Edited.\n"));
  h.c3 = origin.commit("Edit b");
  origin.write("content/zh-cn/a.md", page(h.c1));
  origin.write("content/zh-cn/b.md", page(h.c2));
  h.c4 = origin.commit("Translate a and b");
  origin.git(["config", "uploadpack.allowFilter", "true"]);
  origin.git(["config", "uploadpack.allowAnySHA1InWant", "true"]);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

function clone(name: string, ...options: string[]): TestRepo {
  const dir = path.join(base, name);
  gitIn(base, ["clone", "-q", ...options, `file://${origin.dir}`, dir]);
  return new TestRepo(dir);
}

const pageOf = (r: ScanResult, p: string) => r.pages.find((x) => x.path === p) as PageReport;

/** The answer of the full repository, for comparison. */
const FULL_A = { status: "outdated", commitsBehind: 1, linesAdded: 1, linesRemoved: 1 };
const FULL_B = { status: "outdated", commitsBehind: 1, linesAdded: 1, linesRemoved: 1 };

describe("repository states", () => {
  it("the full repository: the reference answer", async () => {
    const { result } = await scanRepo(origin.dir);
    expect(pageOf(result, "content/zh-cn/a.md")).toMatchObject({ ...FULL_A, warnings: [] });
    expect(pageOf(result, "content/zh-cn/b.md")).toMatchObject({ ...FULL_B, warnings: [] });
  });

  it("a depth-1 clone: unknown-commit with the fetch-depth hint", async () => {
    const repo = clone("depth1", "--depth", "1");
    const { result } = await scanRepo(repo.dir);
    expect(result.shallow).toBe(true);
    expect(result.warnings).toEqual([
      `this is a shallow clone: raw_commits outside it cannot be checked; ${FETCH_ALL}`,
    ]);
    for (const p of ["content/zh-cn/a.md", "content/zh-cn/b.md"]) {
      expect(pageOf(result, p)).toMatchObject({
        status: "unknown-commit",
        commitsBehind: null,
        linesAdded: null,
        warnings: [`raw_commit is not in this shallow clone; ${FETCH_ALL}`],
      });
    }
  });

  it("a depth-N clone that holds raw_commit: the exact answer, with a warning", async () => {
    const repo = clone("depth3", "--depth", "3");
    const { result } = await scanRepo(repo.dir);
    // raw..HEAD lies entirely inside the clone, so the count is exact and needs no warning.
    expect(pageOf(result, "content/zh-cn/b.md")).toMatchObject({ ...FULL_B, warnings: [] });
    expect(pageOf(result, "content/zh-cn/a.md")).toMatchObject({ status: "unknown-commit" });
  });

  it("a depth-1 clone with raw_commit fetched by hand: right status, no invented count", async () => {
    const repo = clone("fetched", "--depth", "1");
    repo.git(["fetch", "-q", "--depth=1", "origin", h.c1]);
    expect(repo.git(["cat-file", "-t", h.c1]).trim()).toBe("commit");
    const { result } = await scanRepo(repo.dir);
    // raw_commit is here but cut off from HEAD: the blobs still give the status and the line
    // counts; how many commits lie between is unknown, and not "on another branch".
    expect(pageOf(result, "content/zh-cn/a.md")).toMatchObject({
      status: "outdated",
      commitsBehind: null,
      commits: [],
      linesAdded: 1,
      linesRemoved: 1,
      warnings: [
        `the history between raw_commit and HEAD is cut off in this shallow clone; commits behind are not counted: ${FETCH_ALL}`,
      ],
    });
  });

  it("a detached HEAD", async () => {
    const repo = clone("detached");
    repo.git(["checkout", "-q", "--detach", h.c4]);
    repo.write("content/en/a.md", english("A", "Edited again.\n"));
    const detached = repo.commit("Edit a on a detached HEAD");
    const { result } = await scanRepo(repo.dir);
    expect(result.head).toBe(detached);
    expect(pageOf(result, "content/zh-cn/a.md")).toMatchObject({
      status: "outdated",
      commitsBehind: 2,
      warnings: [],
    });
    expect(pageOf(result, "content/zh-cn/a.md").commits.map((c) => c.hash)).toEqual([
      detached,
      h.c2,
    ]);
  });

  it("a linked worktree", async () => {
    const repo = clone("main-wt");
    const wt = path.join(base, "linked");
    repo.git(["worktree", "add", "-q", "-b", "wt", wt, h.c4]);
    const linked = new TestRepo(wt);
    linked.write("content/en/b.md", english("B", "Edited in the worktree.\n"));
    const tip = linked.commit("Edit b in the worktree");
    const { result, repo: opened } = await scanRepo(wt);
    expect(opened.workTree).toBe(wt);
    expect(opened.gitDir).toBe(path.join(repo.dir, ".git/worktrees/linked"));
    expect(result.head).toBe(tip);
    expect(pageOf(result, "content/zh-cn/b.md")).toMatchObject({
      status: "outdated",
      commitsBehind: 2,
    });
    // The main work tree is not affected by its linked worktree.
    expect((await scanRepo(repo.dir)).result.head).toBe(h.c4);
  });

  it("submodules under content: skipped with a warning, never read as pages", async () => {
    const sub = TestRepo.init(path.join(base, "sub"));
    sub.write("p.md", page(h.c1));
    sub.commit("A page in a submodule");
    const repo = clone("with-submodule");
    repo.git(["submodule", "add", "-q", `file://${sub.dir}`, "content/zh-cn/vendor"]);
    repo.git(["submodule", "add", "-q", `file://${sub.dir}`, "content/en/vendor"]);
    repo.commit("Add submodules");
    const { result } = await scanRepo(repo.dir);
    expect(result.warnings).toEqual([
      "content/zh-cn/vendor: nested repository or submodule skipped",
    ]);
    expect(result.pages.map((p) => [p.path, p.status])).toEqual([
      ["content/zh-cn/a.md", "outdated"],
      ["content/zh-cn/b.md", "outdated"],
    ]);
  });

  it("a sparse checkout: absent translations are absent, English comes from HEAD", async () => {
    const repo = clone("sparse");
    repo.git(["sparse-checkout", "set", "--no-cone", "/content/zh-cn/a.md"]);
    expect(readdirSync(path.join(repo.dir, "content"))).toEqual(["zh-cn"]);
    const { result } = await scanRepo(repo.dir);
    expect(result.pages.map((p) => [p.path, p.status])).toEqual([
      ["content/zh-cn/a.md", "outdated"],
      ["content/zh-cn/b.md", "missing"],
    ]);
    expect(pageOf(result, "content/zh-cn/a.md")).toMatchObject(FULL_A);
  });

  it("a partial clone: a clear error, and no fetch is attempted", async () => {
    const canary = new Canary();
    const repo = clone("partial", "--filter=blob:none");
    // Any fetch would now run the canary instead of ssh.
    repo.git(["config", "remote.origin.url", "ssh://git@example.invalid/docs.git"]);
    repo.git(["config", "core.sshCommand", canary.script()]);
    const message =
      "this is a partial clone (git clone --filter): the scan reads English files from history " +
      "and never downloads missing objects; use a full clone (in actions/checkout, leave `filter` unset)";
    await expect(scanRepo(repo.dir)).rejects.toThrow(message);
    const cli = runCli(["scan", "--repo", repo.dir]);
    expect(cli).toEqual({ code: 2, stdout: "", stderr: `translation-status: ${message}\n` });
    expect(canary.fired()).toBe(false);
    // Control: plain git would have tried to fetch the missing blob through the canary.
    gitIn(repo.dir, ["cat-file", "-p", `${h.c1}:content/en/a.md`], { allowFail: true });
    expect(canary.fired()).toBe(true);
    canary.cleanup();
  });

  it("file names with spaces, quotes, newlines and non-ASCII, NFC and NFD", async () => {
    const repo = TestRepo.init(path.join(base, "names"));
    const names = [
      "a b \"q\" 's'.md",
      "new\nline.md",
      "tab\there.md",
      "日本語.md",
      "caf\u00e9.md",
      "-n.md",
      ":(glob)*.md",
    ];
    for (const n of names) repo.write(`content/en/${n}`, english(n));
    const raw = repo.commit("Add pages with odd names");
    for (const n of names) repo.write(`content/en/${n}`, english(n, "Edited.\n"));
    repo.commit("Edit them");
    // The café translation is stored decomposed (NFD), as macOS tools may write it.
    const translated = names.map((n) => n.normalize("NFD"));
    for (const n of translated) repo.write(`content/zh-cn/${n}`, page(raw));
    repo.commit("Translate them");
    const { result } = await scanRepo(repo.dir);
    const expected = translated
      .map((n, i) => ({ path: `content/zh-cn/${n}`, sourcePath: `content/en/${names[i]}` }))
      .sort((x, y) => (x.path < y.path ? -1 : 1));
    expect(result.pages.map((p) => ({ path: p.path, sourcePath: p.sourcePath }))).toEqual(expected);
    for (const p of result.pages) {
      expect(p).toMatchObject({
        status: "outdated",
        commitsBehind: 1,
        linesAdded: 1,
        linesRemoved: 1,
        warnings: [],
      });
    }
  });

  it("a Chinese locale changes nothing", async () => {
    const env = {
      LANG: "zh_CN.UTF-8",
      LC_ALL: "zh_CN.UTF-8",
      LANGUAGE: "zh_CN:zh",
      LC_MESSAGES: "zh_CN.UTF-8",
    };
    const inC = runCli(["scan", "--repo", origin.dir, "--format", "json"]);
    const inZh = runCli(["scan", "--repo", origin.dir, "--format", "json"], { env });
    expect(inZh).toEqual(inC);
    expect(inZh.code).toBe(0);
    expect(runCli(["scan", "--repo", origin.dir], { env })).toEqual(
      runCli(["scan", "--repo", origin.dir]),
    );
    const notRepo = runCli(["scan", "--repo", base], { env });
    expect(notRepo).toEqual({
      code: 2,
      stdout: "",
      stderr: `translation-status: not a git work tree: ${base}\n`,
    });
  });
});
