// Where stamp's pins may point: a branch or tag given by name, the branch pins must be on
// (OpenTelemetry requires its default branch), and folders of pages stamped at once.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { english, gitIn, page, runCli, TestRepo, tempDir } from "../hostile/helpers.js";

let repo: TestRepo;
let main: string;
let feature: string;

// main: English, translations; a feature branch adds an English change not yet on main. The
// clone knows the remote's default branch (origin/main), as a clone from GitHub does.
beforeEach(() => {
  repo = TestRepo.init(path.join(tempDir(), "site"));
  repo.write("content/en/a.md", english("A"));
  repo.write("content/en/b.md", english("B"));
  const raw = repo.commit("English");
  repo.write("content/zh-cn/a.md", page(raw));
  repo.write("content/zh-cn/docs/b.md", page(raw));
  repo.write("content/zh-cn/docs/c.md", "无元数据。\n");
  repo.write("content/en/docs/c.md", english("C"));
  repo.write("content/en/docs/b.md", english("B"));
  main = repo.commit("Translate");
  repo.git(["update-ref", "refs/remotes/origin/main", main]);
  repo.git(["symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main"]);
  repo.git(["checkout", "-q", "-b", "feature"]);
  repo.write("content/en/a.md", english("A", "New.\n"));
  feature = repo.commit("English on a feature branch");
});

const stamp = (...args: string[]) => runCli(["stamp", "--repo", repo.dir, ...args]);
const pinOf = (rel: string) =>
  /raw_commit="([0-9a-f]+)"/.exec(readFileSync(path.join(repo.dir, rel), "utf8"))?.[1];

describe("stamp's pins", () => {
  it("warns when the remote's default branch does not contain the pin", () => {
    const res = stamp("content/zh-cn/a.md");
    expect(res.code).toBe(0);
    expect(res.stderr).toBe(
      `translation-status: warning: ${feature.slice(0, 12)} is not on origin/main, the remote's default branch: reviewers may ask for a pin on it (--commit origin/main)\n`,
    );
    expect(pinOf("content/zh-cn/a.md")).toBe(feature);
  });

  it("takes a branch by name, and refuses a pin off the branch pins must be on", () => {
    const refused = stamp("--pin-branch", "main", "content/zh-cn/a.md");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/is not on main, which pins must be on: give --commit main/);
    expect(pinOf("content/zh-cn/a.md")).not.toBe(feature);
    const res = stamp("--pin-branch", "main", "--commit", "main", "content/zh-cn/a.md");
    expect(res.stderr).toBe("");
    expect(pinOf("content/zh-cn/a.md")).toBe(main);
  });

  it("refuses a commit HEAD does not reach, which lint would reject", () => {
    repo.git(["checkout", "-q", "main"]);
    const before = readFileSync(path.join(repo.dir, "content/zh-cn/a.md"));
    const refusal = `translation-status: ${feature.slice(0, 12)} is not in HEAD's history, which lint reports as raw-commit-not-ancestor: merge or rebase onto it first, or give a commit of HEAD's\n`;
    for (const args of [
      ["--commit", "feature", "content/zh-cn/a.md"],
      ["--commit", feature, "--dry-run", "content/zh-cn/a.md"],
      ["--commit", "feature", "--init", "--metadata", "shortcode", "content/zh-cn/docs/c.md"],
    ]) {
      const res = stamp(...args);
      expect(res.stderr, args.join(" ")).toBe(refusal);
      expect(res.code, args.join(" ")).toBe(2);
    }
    expect(readFileSync(path.join(repo.dir, "content/zh-cn/a.md"))).toEqual(before);
    // Once the branch holds it, the same pin is taken.
    repo.git(["merge", "-q", "--ff-only", "feature"]);
    expect(stamp("--commit", feature, "content/zh-cn/a.md").code).toBe(0);
    expect(pinOf("content/zh-cn/a.md")).toBe(feature);
  });

  it("takes such a commit in a shallow clone, which cannot tell it from one beyond its cut", () => {
    const base = tempDir();
    const dir = path.join(base, "shallow");
    gitIn(base, ["clone", "-q", "--depth", "1", "-b", "main", `file://${repo.dir}`, dir]);
    gitIn(dir, ["fetch", "-q", "--depth", "1", "origin", feature]);
    const res = runCli(["stamp", "--repo", dir, "--commit", feature, "content/zh-cn/a.md"]);
    expect(res.stdout).toBe(`stamped content/zh-cn/a.md at ${feature.slice(0, 12)}\n`);
    expect(res.code).toBe(0);
  });

  it("checks a ref as --changed-since's is checked", () => {
    for (const bad of ["main..feature", "-x", "main:content", "no-such-branch"]) {
      const res = stamp("--commit", bad, "content/zh-cn/a.md");
      expect(res.code, bad).toBe(2);
      expect(res.stderr, bad).toMatch(/^translation-status: --commit/);
    }
  });

  it("stamps every page of a folder that records metadata, and leaves the rest for --init", () => {
    const res = stamp("--commit", "main", "content/zh-cn/docs/");
    expect(res.stdout).toBe(`stamped content/zh-cn/docs/b.md at ${main.slice(0, 12)}\n`);
    expect(res.stderr).toBe(
      "translation-status: warning: 1 page in the folders given records no metadata and was left alone (stamp --init adds it)\n",
    );
    expect(res.code).toBe(0);
    expect(pinOf("content/zh-cn/docs/b.md")).toBe(main);
  });
});
