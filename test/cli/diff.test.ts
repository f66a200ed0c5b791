// scan --diff and check --diff: after the table, each listed page's English change since its
// baseline as a unified diff, with every line from the repository made inert.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { english, page, runCli, TestRepo, tempDir } from "../hostile/helpers.js";

const repo = TestRepo.init(path.join(tempDir(), "site"));
repo.write("content/en/a.md", english("A", "One.\nTwo.\n"));
repo.write("content/en/b.md", english("B"));
const raw = repo.commit("English");
repo.write("content/ja/a.md", page(raw));
repo.write("content/ja/b.md", page(raw));
repo.commit("Translate");
repo.write("content/en/a.md", english("A", "One.\nTwo, changed.\n::error::not a command\n"));
repo.commit("Edit a");

describe("--diff", () => {
  it("shows the English diff of each listed page that changed, after the table", () => {
    const res = runCli(["scan", "--repo", repo.dir, "--diff", "--no-color"]);
    expect(res.code).toBe(0);
    const diff = res.stdout.slice(res.stdout.indexOf("\ncontent/ja/a.md"));
    expect(diff).toContain(`content/ja/a.md  (English content/en/a.md, ${raw.slice(0, 12)}..HEAD)`);
    expect(diff).toContain(`--- content/en/a.md  ${raw.slice(0, 12)}`);
    expect(diff).toContain("-Two.\n+Two, changed.\n");
    // A line from the page cannot become a workflow command in a CI log: none starts with "::".
    expect(diff).toContain("+::error::not a command");
    expect(res.stdout).not.toMatch(/^\s*::/m);
    // The up-to-date page has nothing to show.
    expect(res.stdout).not.toContain("English content/en/b.md");
  });

  it("works in check, with paths, and only with the table", () => {
    const check = runCli(["check", "--repo", repo.dir, "--diff", "--no-color", "content/ja/a.md"]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain("+Two, changed.");
    const json = runCli(["scan", "--repo", repo.dir, "--diff", "--format", "json"]);
    expect(json.code).toBe(2);
    expect(json.stderr).toMatch(/--diff .* use it with --format table/);
    expect(runCli(["dashboard", "--repo", repo.dir, "--diff"]).code).toBe(2);
  });
});
