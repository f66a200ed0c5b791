// Pages without metadata: each estimate must be the commit `git log -1 -- <translation>` names
// (skipping the ignore-revs file's commits), and its numbers what plain git counts from there,
// on the fixture site fixtures/no-metadata.json, built as a real repository.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PageReport } from "../../src/core/types.js";
import { scan } from "../../src/scan/scan.js";
import { buildFixture, commitAsFixture, git, type TempSite, tempDir } from "../helpers/site.js";
import { english, TestRepo } from "../hostile/helpers.js";

let site: TempSite;
let withIgnored: PageReport[];
let withoutIgnored: PageReport[];
let noIgnoreFile: string;

const options = (repo: string) => ({ repo, source: "en", content: "content", langs: [] });

beforeAll(async () => {
  site = buildFixture("no-metadata.json");
  // A translation nobody has committed yet: no commit changed it, so there is no estimate.
  writeFileSync(path.join(site.dir, "content/zh-cn/tasks-draft.md"), "草稿。\n");
  writeFileSync(path.join(site.dir, "content/en/tasks-draft.md"), "Draft.\n");
  git(site.dir, ["add", "content/en/tasks-draft.md"]);
  commitAsFixture(site.dir, "English draft page", "2025-07-01T00:00:00Z");
  withIgnored = (await scan(options(site.dir))).result.pages;
  noIgnoreFile = path.join(tempDir(), "empty-ignore-revs");
  writeFileSync(noIgnoreFile, "# nothing skipped\n");
  withoutIgnored = (await scan({ ...options(site.dir), ignoreRevsFile: noIgnoreFile })).result
    .pages;
});
afterAll(() => site?.cleanup());

const find = (pages: PageReport[], p: string) => {
  const found = pages.find((x) => x.path === p);
  if (!found) throw new Error(`no report for ${p}`);
  return found;
};

/** `git log --format=%H -- <path>` less the ignored commits and those that edited the English
 * source in place as well (unless nothing else is left): the first is the estimate. */
function plainEstimate(page: PageReport, ignored: readonly string[]): string | undefined {
  const log = git(site.dir, ["log", "--format=%H", "--", page.path]).split("\n").filter(Boolean);
  const kept = log.filter((h) => !ignored.includes(h));
  const editedBoth = (h: string) => {
    const changes = git(site.dir, ["diff-tree", "--no-commit-id", "-r", "--name-status", h]);
    const edited = (p: string) => changes.split("\n").includes(`M\t${p}`);
    return edited(page.path) && edited(page.sourcePath);
  };
  return kept.find((h) => !editedBoth(h)) ?? kept[0];
}

/** What plain git says of the English source since `estimate`: along the rename for a page
 * whose English moved, as the scan measures a moved page. */
function plainDrift(page: PageReport, estimate: string) {
  const paths = page.movedFrom ? [page.movedFrom, page.sourcePath] : [page.sourcePath];
  const count = Number(git(site.dir, ["rev-list", "--count", `${estimate}..HEAD`, "--", ...paths]));
  const numstat = page.movedFrom
    ? git(site.dir, [
        "diff",
        "--numstat",
        `${estimate}:${page.movedFrom}`,
        `HEAD:${page.sourcePath}`,
      ])
    : git(site.dir, ["diff", "--numstat", estimate, "HEAD", "--", page.sourcePath]);
  const [added = "0", removed = "0"] = numstat.split("\t");
  return {
    commitsBehind: count,
    linesAdded: Number(added || 0),
    linesRemoved: Number(removed || 0),
  };
}

describe("estimates for pages without metadata", () => {
  it("gives every page the status and estimate its history implies", () => {
    const l = site.labels;
    const summary = Object.fromEntries(
      withIgnored.map((p) => [p.path, [p.status, p.estimate?.rawCommit ?? null]]),
    );
    expect(summary).toEqual({
      "content/zh-cn/_index.md": ["untracked", l.index],
      "content/zh-cn/branch.md": ["untracked", l["branch-translation"]],
      "content/zh-cn/chaos_engineering.md": ["source-missing", null],
      "content/zh-cn/concepts.md": ["untracked", l.translate],
      "content/zh-cn/guide/old-name.md": ["untracked", l.translate],
      "content/zh-cn/tasks-draft.md": ["untracked", null],
      "content/zh-cn/tasks.md": ["untracked", l.translate],
      "content/zh-cn/tracked.md": ["outdated", null],
    });
  });

  it("states the numbers as git gives them, page by page", () => {
    expect(find(withIgnored, "content/zh-cn/concepts.md").estimate).toEqual({
      rawCommit: site.labels.translate,
      basis: "last change of the translation",
      commitsBehind: 3,
      linesAdded: 5,
      linesRemoved: 1,
    });
    expect(find(withIgnored, "content/zh-cn/_index.md").estimate).toMatchObject({
      commitsBehind: 0,
      linesAdded: 0,
      linesRemoved: 0,
    });
    // The page's own fields stay those of a page without metadata.
    expect(find(withIgnored, "content/zh-cn/concepts.md")).toMatchObject({
      rawCommit: null,
      commitsBehind: null,
      linesAdded: null,
      commits: [],
    });
  });

  it("agrees with plain git, with and without the ignore-revs file", () => {
    const ignored = [site.labels.mass as string];
    for (const [pages, skip] of [
      [withIgnored, ignored],
      [withoutIgnored, []],
    ] as const) {
      for (const p of pages.filter((x) => x.status === "untracked")) {
        const expected = plainEstimate(p, skip);
        expect([p.path, p.estimate?.rawCommit]).toEqual([p.path, expected]);
        if (!p.estimate || expected === undefined) continue;
        expect([p.path, p.estimate]).toEqual([
          p.path,
          {
            rawCommit: expected,
            basis: "last change of the translation",
            ...plainDrift(p, expected),
          },
        ]);
      }
    }
  });

  it("skips a commit that edited the English page and its translation together", () => {
    // The link migration edited concepts.md in English and Chinese: listed or not, it is not
    // the commit the translation follows.
    expect(find(withoutIgnored, "content/zh-cn/concepts.md").estimate).toMatchObject({
      rawCommit: site.labels.translate,
      commitsBehind: 3,
    });
    // It edited tasks.md only in Chinese: only the ignore-revs file keeps it from counting.
    expect(find(withoutIgnored, "content/zh-cn/tasks.md").estimate?.rawCommit).toBe(
      site.labels.mass,
    );
    expect(find(withIgnored, "content/zh-cn/tasks.md").estimate).toMatchObject({
      rawCommit: site.labels.translate,
      commitsBehind: 1,
      linesAdded: 2,
      linesRemoved: 0,
    });
  });

  it("skips a merge that edited both sides against its first parent, as the rebased commit", async () => {
    // A pull request that edited the English page and its translation mechanically, merged
    // while the translation was also translated further on main: the merge, against its first
    // parent, edited both in place, as the same pull request rebased would have.
    const repo = TestRepo.init(path.join(tempDir(), "site"));
    repo.write("content/en/a.md", english("A", "$ cmd\n\none\n"));
    repo.write("content/zh-cn/a.md", "$ cmd\n\n一\n");
    repo.commit("English and Chinese");
    repo.git(["checkout", "-q", "-b", "prompts"]);
    repo.write("content/en/a.md", english("A", "cmd\n\none\n"));
    repo.write("content/zh-cn/a.md", "cmd\n\n一\n");
    repo.commit("Remove the prompts in every language");
    repo.git(["checkout", "-q", "main"]);
    repo.write("content/en/a.md", english("A", "$ cmd\n\none\n\ntwo\n"));
    repo.commit("English: two");
    repo.write("content/zh-cn/a.md", "$ cmd\n\n一\n\n二\n");
    const translated = repo.commit("Chinese: two");
    const when = `${Date.UTC(2025, 0, 1) / 1000 + 100 * 3600} +0000`;
    repo.git(["merge", "-q", "--no-ff", "-m", "Merge the prompts", "prompts"], {
      env: { GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when },
    });
    const page = (await scan(options(repo.dir))).result.pages.find(
      (p) => p.path === "content/zh-cn/a.md",
    );
    expect(page?.estimate?.rawCommit).toBe(translated);
    const behind = repo.git([
      "rev-list",
      "--count",
      `${translated}..HEAD`,
      "--",
      "content/en/a.md",
    ]);
    expect(page?.estimate?.commitsBehind).toBe(Number(behind));
  });

  it("takes a commit that edited both sides when no other is left", async () => {
    const repo = TestRepo.init(path.join(tempDir(), "site"));
    repo.write("content/en/a.md", english("A"));
    repo.write("content/zh-cn/a.md", "甲。\n");
    const added = repo.commit("English and Chinese together");
    repo.write("content/en/a.md", english("A", "Text, with a [link](https://new.example/).\n"));
    repo.write("content/zh-cn/a.md", "甲，[链接](https://new.example/)。\n");
    const both = repo.commit("Edit both");
    repo.write("content/en/a.md", english("A", "New text.\n"));
    repo.commit("English only");
    const ignore = path.join(repo.dir, ".translation-status-ignore-revs");
    const estimate = async () =>
      (await scan(options(repo.dir))).result.pages.find((p) => p.path === "content/zh-cn/a.md")
        ?.estimate?.rawCommit;
    // Adding both is no mechanical edit: it is the estimate, not the edit of both after it.
    expect(await estimate()).toBe(added);
    writeFileSync(ignore, `${added}\n`);
    expect(await estimate()).toBe(both);
  });

  it("follows an English rename made after the estimate", () => {
    const guide = find(withIgnored, "content/zh-cn/guide/old-name.md");
    expect(guide).toMatchObject({
      status: "untracked",
      sourcePath: "content/en/guide/new-name.md",
      movedFrom: "content/en/guide/old-name.md",
      estimate: { commitsBehind: 2, linesAdded: 2, linesRemoved: 0 },
    });
    // The new path is not reported again as missing.
    expect(withIgnored.filter((p) => p.sourcePath === "content/en/guide/new-name.md")).toHaveLength(
      1,
    );
  });

  it("takes a translation made on a branch from the branch's commit, as git log does", () => {
    expect(find(withIgnored, "content/zh-cn/branch.md").estimate).toMatchObject({
      rawCommit: site.labels["branch-translation"],
      commitsBehind: 1,
      linesAdded: 2,
    });
  });

  it("calls a translation of an English page that does not exist source-missing", () => {
    const chaos = find(withIgnored, "content/zh-cn/chaos_engineering.md");
    expect(chaos).toMatchObject({
      status: "source-missing",
      commitsBehind: null,
      linesAdded: null,
    });
    expect(chaos.estimate).toBeUndefined();
    expect(git(site.dir, ["log", "--format=%H", "--", chaos.sourcePath])).toBe("");
  });

  it("leaves pages with metadata as they were", () => {
    const tracked = find(withIgnored, "content/zh-cn/tracked.md");
    expect(tracked).toMatchObject({ status: "outdated", commitsBehind: 1, linesAdded: 2 });
    expect("estimate" in tracked).toBe(false);
  });
});

describe("estimates on a Docusaurus site, whose translations never carry metadata", () => {
  let repo: TestRepo;
  let translated: string;
  let pages: PageReport[];

  beforeAll(async () => {
    repo = TestRepo.init(path.join(tempDir(), "site"));
    repo.write("docs/intro.md", english("Intro"));
    repo.write("versioned_docs/version-1.0/intro.md", english("Intro 1.0"));
    repo.write("blog/2024-01-01-hello.md", english("Hello"));
    repo.commit("English");
    repo.write("i18n/zh/docusaurus-plugin-content-docs/current/intro.md", "介绍。\n");
    repo.write("i18n/zh/docusaurus-plugin-content-docs/version-1.0/intro.md", "介绍 1.0。\n");
    translated = repo.commit("Translate the docs");
    repo.write("docs/intro.md", english("Intro", "More.\nAnd more.\n"));
    repo.commit("Intro: say more");
    repo.write("i18n/zh/docusaurus-plugin-content-blog/2024-01-01-hello.md", "你好。\n");
    repo.commit("Translate the blog");
    pages = (await scan({ repo: repo.dir, source: "en", content: "content", langs: [] })).result
      .pages;
  });

  it("estimates every translation folder's pages, as plain git does", () => {
    const docs = pages.find((p) => p.path.endsWith("current/intro.md"));
    expect(docs).toMatchObject({
      status: "untracked",
      sourcePath: "docs/intro.md",
      estimate: { rawCommit: translated, commitsBehind: 1, linesAdded: 2, linesRemoved: 1 },
    });
    const untracked = pages.filter((p) => p.status === "untracked");
    expect(untracked).toHaveLength(3);
    for (const p of untracked) {
      const expected = repo.git(["log", "-1", "--format=%H", "--", p.path]).trim();
      const count = repo.git(["rev-list", "--count", `${expected}..HEAD`, "--", p.sourcePath]);
      const numstat = repo.git(["diff", "--numstat", expected, "HEAD", "--", p.sourcePath]);
      const [added = "0", removed = "0"] = numstat.split("\t");
      expect([p.path, p.estimate]).toEqual([
        p.path,
        {
          rawCommit: expected,
          basis: "last change of the translation",
          commitsBehind: Number(count),
          linesAdded: Number(added || 0),
          linesRemoved: Number(removed || 0),
        },
      ]);
    }
  });
});

describe("the translations' history", () => {
  it("reads the same for the pages by name as by their folders", async () => {
    const { openRepo } = await import("../../src/git/repo.js");
    const { readTranslations } = await import("../../src/scan/translations.js");
    const { listTranslations } = await import("../../src/scan/listing.js");
    const { resolveFolders } = await import("../../src/scan/folders.js");
    const { loadTranslationHistory, pagesWithoutMetadata } = await import(
      "../../src/scan/estimates.js"
    );
    const repo = await openRepo(site.dir);
    const head = git(site.dir, ["rev-parse", "HEAD"]);
    const folders = resolveFolders(site.dir, options(site.dir));
    const pages = pagesWithoutMetadata(
      (await readTranslations(await listTranslations(folders.langs))).pages,
    );
    const byName = await loadTranslationHistory(repo, head, pages);
    const byFolder = await loadTranslationHistory(repo, head, pages, 0);
    expect(byName.hashes).toEqual(byFolder.hashes);
    for (const t of pages) {
      const p = `${t.base}/${t.rel}`;
      const commits = (h: typeof byName) =>
        [...h.index.touchesOf(p)].map((touch) => h.index.commitOf(touch));
      expect(commits(byName), p).toEqual(commits(byFolder));
    }
    expect(pages.length).toBeGreaterThan(3);
  });
});
