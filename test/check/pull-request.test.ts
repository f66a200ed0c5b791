// What a pull-request workflow sees: `check --changed-since <base> --format github` on a branch
// that edits an English page annotates exactly the translations it makes stale, writes the job
// summary and fails; a branch that edits nothing relevant passes.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, type TempSite, tempDir } from "../helpers/site.js";
import { gitAt, runCli } from "./helpers.js";

let site: TempSite;
let base: string;

beforeAll(() => {
  site = buildFixture();
  base = gitAt(site.dir, ["rev-parse", "HEAD"]);
});
afterAll(() => site?.cleanup());

/** A clone with one commit on top of the base, as actions/checkout gives a pull request. */
function pullRequest(name: string, files: Record<string, (old: string) => string>): string {
  const dir = path.join(tempDir(), name);
  execFileSync("git", ["clone", "-q", `file://${site.dir}`, dir]);
  for (const [file, edit] of Object.entries(files)) {
    const abs = path.join(dir, file);
    writeFileSync(abs, edit(existsSync(abs) ? readFileSync(abs, "utf8") : ""));
    gitAt(dir, ["add", "--", file]);
  }
  gitAt(dir, ["commit", "-q", "-m", `PR: ${name}`], { tick: 500 });
  return dir;
}

function runCheck(dir: string) {
  const summary = path.join(tempDir(), "summary.md");
  writeFileSync(summary, "");
  const run = runCli(["check", "--repo", dir, "--changed-since", base, "--format", "github"], {
    GITHUB_ACTIONS: "true",
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_WORKSPACE: dir,
  });
  const annotations = run.stdout.split("\n").filter((l) => /^::(error|warning|notice)/.test(l));
  return { ...run, annotations, summary: readFileSync(summary, "utf8") };
}

describe("a pull request", () => {
  it("that edits an English page fails, annotating exactly the translations it makes stale", () => {
    const dir = pullRequest("edit-contacts", {
      "content/en/user/contacts.md": (t) => `${t}\nA new paragraph about lists.\n`,
    });
    const run = runCheck(dir);
    expect(run.code).toBe(1);
    // zh-cn translates contacts.md (up to date before this PR); ja has no translation of it.
    // Pages that were already stale but untouched by the PR are not annotated.
    expect(run.annotations.filter((l) => l.startsWith("::error"))).toHaveLength(1);
    expect(run.annotations[0]).toMatch(
      /^::error file=content\/zh-cn\/user\/contacts\.md,line=7,title=/,
    );
    expect(run.summary).toContain("content/zh-cn/user/contacts.md");
    expect(run.summary).not.toContain("content/zh-cn/user/moderation.md");
  });

  it("that edits nothing relevant passes without annotations", () => {
    const dir = pullRequest("edit-readme", { "fixtures-note.txt": () => "x\n" });
    const run = runCheck(dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.annotations.filter((l) => l.startsWith("::error"))).toEqual([]);
  });
});
