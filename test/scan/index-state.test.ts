// What git's index vouches for below the translation folders (git/index-state.ts), on real
// repositories: a clean tree is named by its index, and anything git would not look at, or that
// differs from the index, leaves it naming nothing.
import { execFileSync } from "node:child_process";
import { mkdirSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { indexState } from "../../src/git/index-state.js";
import { git, tempDir } from "../helpers/site.js";

let dir: string;
const repo = () => ({ workTree: dir, gitDir: path.join(dir, ".git") });
const FOLDERS = ["content/zh", "content/ja"];
function gitAtLeast(major: number, minor: number): boolean {
  const [, a = "0", b = "0"] =
    /(\d+)\.(\d+)/.exec(execFileSync("git", ["--version"]).toString()) ?? [];
  return Number(a) > major || (Number(a) === major && Number(b) >= minor);
}

/** Enough pages that git's list of them comes in several chunks (over 64 KiB). */
const PAGES = 1500;

beforeEach(() => {
  dir = tempDir();
  git(dir, ["init", "-q", "-b", "main"]);
  for (const lang of ["en", "zh", "ja"]) {
    mkdirSync(path.join(dir, "content", lang, "a-rather-long-folder-name"), { recursive: true });
  }
  for (let i = 0; i < PAGES; i++) {
    writeFileSync(path.join(dir, `content/zh/a-rather-long-folder-name/page-${i}.md`), `${i}\n`);
  }
  writeFileSync(path.join(dir, "content/en/a.md"), "A\n");
  writeFileSync(path.join(dir, "content/ja/a.md"), "あ\n");
  git(dir, ["add", "-A"]);
  git(dir, ["-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qm", "pages"]);
});

describe("indexState", () => {
  it("names a clean tree by its index, and lists the tracked files when asked", async () => {
    const clean = await indexState(repo(), FOLDERS);
    expect(clean?.index).toMatch(/^\d+ [0-9a-f]{64}$/);
    expect(clean?.tracked).toBeNull();
    // An untracked file is not the index's to name: the caller names it.
    writeFileSync(path.join(dir, "content/ja/new.md"), "新\n");
    const more = await indexState(repo(), FOLDERS, true);
    expect(more?.index).toBe(clean?.index);
    expect(more?.tracked?.size).toBe(PAGES + 1);
    expect(more?.tracked?.has("content/ja/a.md")).toBe(true);
    expect(more?.tracked?.has("content/ja/new.md")).toBe(false);
    // An English change staged changes the index, and so its name.
    writeFileSync(path.join(dir, "content/en/a.md"), "A, again\n");
    git(dir, ["add", "content/en/a.md"]);
    expect((await indexState(repo(), FOLDERS))?.index).not.toBe(clean?.index);
  });

  it("names nothing while a tracked page differs from the index", async () => {
    writeFileSync(path.join(dir, "content/ja/a.md"), "い\n");
    expect(await indexState(repo(), FOLDERS)).toBeNull();
  });

  it("checks change times even where the repository's settings say not to", async () => {
    const page = path.join(dir, "content/ja/a.md");
    git(dir, ["config", "core.trustctime", "false"]);
    git(dir, ["config", "core.checkStat", "minimal"]);
    // Written an hour before the index, the page is not "racily clean": git trusts its stat.
    const at = new Date(Date.now() - 3_600_000);
    utimesSync(page, at, at);
    git(dir, ["update-index", "-q", "--refresh"]);
    // Same size, same modification time: only the change time differs, in a later second (git
    // compares whole seconds of it, as it does of the modification time).
    const second = Math.floor(Date.now() / 1000);
    while (Math.floor(Date.now() / 1000) === second) await new Promise((r) => setTimeout(r, 20));
    // The file system stamps times from a clock that lags this one by up to a tick: past the
    // boundary by a margin, the change time is surely in the later second.
    await new Promise((r) => setTimeout(r, 50));
    writeFileSync(page, "い\n");
    utimesSync(page, at, at);
    expect(git(dir, ["diff-files", "--name-only"])).toBe("");
    expect(await indexState(repo(), FOLDERS)).toBeNull();
  });

  it("names nothing when a folder holds a submodule", async () => {
    const inner = tempDir();
    git(inner, ["init", "-q", "-b", "main"]);
    writeFileSync(path.join(inner, "x.md"), "x\n");
    git(inner, ["add", "-A"]);
    git(inner, ["-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qm", "x"]);
    const head = git(inner, ["rev-parse", "HEAD"]);
    git(dir, ["update-index", "--add", "--cacheinfo", `160000,${head},content/ja/ext`]);
    expect(await indexState(repo(), FOLDERS)).toBeNull();
  });

  it("names nothing when an entry tells git not to look at its file", async () => {
    // The last of the list, so the check reads past the first chunk of git's output.
    const last = `content/zh/a-rather-long-folder-name/page-${PAGES - 1}.md`;
    expect(git(dir, ["ls-files", "-v", "-z", "--", "content/zh/"]).length).toBeGreaterThan(65536);
    for (const flag of ["--assume-unchanged", "--skip-worktree"]) {
      git(dir, ["update-index", flag, "--", last]);
      expect(await indexState(repo(), FOLDERS)).toBeNull();
      git(dir, ["update-index", flag.replace("--", "--no-"), "--", last]);
      expect(await indexState(repo(), FOLDERS)).not.toBeNull();
    }
  });

  // git before 2.40 has no index.skipHash, and always writes the checksum.
  it.skipIf(!gitAtLeast(2, 40))(
    "names nothing without an index checksum (index.skipHash)",
    async () => {
      git(dir, ["config", "index.skipHash", "true"]);
      git(dir, ["update-index", "--force-write-index"]);
      expect(await indexState(repo(), FOLDERS)).toBeNull();
    },
  );
});
