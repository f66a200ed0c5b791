// --changed-since on the fixture: the pages kept are those whose English source (under its current
// or former name) or translation changed from the ref to HEAD.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onlyChanged } from "../../src/check/evaluate.js";
import type { ScanResult } from "../../src/core/types.js";
import { AppError } from "../../src/errors.js";
import { changedPaths, checkRefSyntax, resolveCommit } from "../../src/git/diff-names.js";
import type { Repo } from "../../src/git/run.js";
import { scan } from "../../src/scan/scan.js";
import { buildFixture, git, type TempSite } from "../helpers/site.js";

let site: TempSite;
let result: ScanResult;
let repo: Repo;

beforeAll(async () => {
  site = buildFixture();
  const out = await scan({ repo: site.dir, source: "en", content: "content", langs: [] });
  result = out.result;
  repo = out.repo;
});
afterAll(() => site?.cleanup());

async function kept(ref: string): Promise<string[]> {
  const commit = await resolveCommit(repo, ref);
  const { paths } = await changedPaths(repo, commit, result.head, result.content);
  return onlyChanged(result, paths).pages.map((p) => p.path);
}

describe("--changed-since", () => {
  it("from just before the last English edit keeps the pages of that source (and the newer translation)", async () => {
    // After `filters` came "Prerequisites: restart after installing" (English) and
    // "Chinese: notes without metadata" (a translation).
    expect(await kept(site.labels.filters as string)).toEqual([
      "content/ja/admin/prerequisites.md",
      "content/zh-cn/admin/prerequisites.md",
      "content/zh-cn/user/notes.md",
    ]);
    // From the last English edit itself, only the translation added after it remains.
    expect(await kept(site.labels["pre-edit-2"] as string)).toEqual([
      "content/zh-cn/user/notes.md",
    ]);
  });

  it("keeps a translation whose English source was renamed, by its old or new name", async () => {
    const pages = await kept(site.labels["signup-revert"] as string);
    expect(pages).toContain("content/zh-cn/admin/optional/elasticsearch.md");
    expect(pages).toContain("content/ja/admin/elasticsearch.md");
    expect(pages).toContain("content/zh-cn/dev/old-api.md");
    expect(pages).toContain("content/zh-cn/user/moderation.md");
    expect(pages).not.toContain("content/zh-cn/user/signup.md");
    expect(pages).not.toContain("content/zh-cn/user/contacts.md");
  });

  it("reports the same paths as git diff --name-status from the merge base", async () => {
    for (const label of ["initial", "translate", "late-1", "es-move", "filters"]) {
      const from = site.labels[label] as string;
      const ours = (await changedPaths(repo, from, result.head, "content")).paths;
      const theirs = git(site.dir, [
        "diff",
        "--name-status",
        "-M",
        `${from}...HEAD`,
        "--",
        "content/",
      ])
        .split("\n")
        .filter(Boolean)
        .flatMap((line) => line.split("\t").slice(1));
      expect([label, [...ours].sort()]).toEqual([label, [...new Set(theirs)].sort()]);
    }
  });

  it("accepts branch names, tags, HEAD~n and full or short hashes", async () => {
    git(site.dir, ["tag", "v1", site.labels.translate as string]);
    expect(await resolveCommit(repo, "v1")).toBe(site.labels.translate);
    expect(await resolveCommit(repo, "late")).toBe(site.labels["late-2"]);
    expect(await resolveCommit(repo, "HEAD~1")).toBe(site.labels["pre-edit-2"]);
    expect(await resolveCommit(repo, (site.labels.initial as string).toUpperCase())).toBe(
      site.labels.initial,
    );
    expect(await resolveCommit(repo, (site.labels.initial as string).slice(0, 10))).toBe(
      site.labels.initial,
    );
  });

  it("rejects what could be an option, a range, a path or a second argument before git sees it", async () => {
    for (const bad of [
      "",
      "-p",
      "--output=x",
      "a..b",
      "a...b",
      "HEAD:content",
      "a b",
      "a\nb",
      "a\tb",
      "a\u202eb",
      "x\u00a0y",
    ]) {
      expect(() => checkRefSyntax(bad), JSON.stringify(bad)).toThrow(AppError);
    }
    const tree = git(site.dir, ["rev-parse", "HEAD^{tree}"]);
    await expect(resolveCommit(repo, tree)).rejects.toThrow(/not a commit/);
    await expect(resolveCommit(repo, "nope")).rejects.toMatchObject({ exitCode: 2 });
  });
});
