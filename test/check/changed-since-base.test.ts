// --changed-since on a branch whose base moved on: the pages kept are the branch's changes from
// the merge base, and every format names that base beside the ref's own commit.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { english, page, runCli, TestRepo, tempDir } from "../hostile/helpers.js";

describe("--changed-since after the base branch moved on", () => {
  it("keeps the branch's own changes and names the merge base it compared from", () => {
    const repo = TestRepo.init(path.join(tempDir(), "site"));
    repo.write("content/en/a.md", english("A"));
    repo.write("content/en/b.md", english("B"));
    const raw = repo.commit("English");
    repo.write("content/zh-cn/a.md", page(raw));
    repo.write("content/zh-cn/b.md", page(raw));
    const base = repo.commit("Translate");
    repo.git(["checkout", "-q", "-b", "pr"]);
    repo.write("content/en/b.md", english("B", "From the pull request.\n"));
    repo.commit("Edit b on the branch");
    repo.git(["checkout", "-q", "main"]);
    repo.write("content/en/a.md", english("A", "On main since.\n"));
    const main = repo.commit("Edit a on main");
    repo.git(["checkout", "-q", "pr"]);

    const args = ["check", "--repo", repo.dir, "--changed-since", "main"];
    const json = JSON.parse(runCli([...args, "--format", "json"]).stdout);
    expect(json.changedSince).toEqual({ ref: "main", commit: main, base });
    expect(json.pages.map((p: { path: string }) => p.path)).toEqual(["content/zh-cn/b.md"]);
    const from = `only pages changed since main (${main.slice(0, 12)}, from its merge base with HEAD ${base.slice(0, 12)})`;
    expect(runCli(args).stdout).toContain(from);
    expect(runCli([...args, "--format", "markdown"]).stdout).toContain(
      `only pages changed since \`main\` (\`${main.slice(0, 12)}\`, from its merge base with HEAD \`${base.slice(0, 12)}\`)`,
    );
    // Where the ref is the merge base itself, it is named once.
    const same = runCli(["check", "--repo", repo.dir, "--changed-since", base]).stdout;
    expect(same).toContain(`only pages changed since ${base} (${base.slice(0, 12)})\n`);
  });
});
