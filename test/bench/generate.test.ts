import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GenerateOptions, type GenerateResult, generateRepo } from "../../bench/generate.js";
import { cleanGitEnv } from "../../bench/git-env.js";

const OPTIONS: GenerateOptions = {
  pages: 200,
  commits: 400,
  languages: { "zh-cn": 0.85, ja: 0.45 },
  seed: 7,
  renames: 4,
  deletions: 3,
  merges: 3,
  syncEvery: 25,
};

const git = (cwd: string, ...args: string[]): string =>
  execFileSync("git", args, { cwd, env: cleanGitEnv(), encoding: "utf8", maxBuffer: 1 << 26 });

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...markdownFiles(path));
    else if (name.endsWith(".md")) out.push(path);
  }
  return out;
}

const COMMIT_RE = /raw_commit="([0-9a-f]{40})"|^default_lang_commit: ([0-9a-f]{40})$/m;

describe("generateRepo", () => {
  let root: string;
  let a: string;
  let b: string;
  let result: GenerateResult;
  let again: GenerateResult;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "bench-generate-"));
    a = join(root, "a");
    b = join(root, "b");
    result = await generateRepo(a, OPTIONS);
    again = await generateRepo(b, OPTIONS);
  });

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it("is deterministic: same options, same HEAD", () => {
    expect(result.head).toMatch(/^[0-9a-f]{40}$/);
    expect(again.head).toBe(result.head);
    expect(git(a, "rev-parse", "HEAD").trim()).toBe(result.head);
  });

  it("has exactly the requested commits, all on main, and a clean work tree", () => {
    expect(result.commits).toBe(OPTIONS.commits);
    expect(Number(git(a, "rev-list", "--count", "HEAD"))).toBe(OPTIONS.commits);
    expect(git(a, "for-each-ref", "--format=%(refname)").trim()).toBe("refs/heads/main");
    expect(git(a, "status", "--porcelain")).toBe("");
    // Fixed identity and a fixed hourly step from a fixed epoch.
    const dates = git(a, "log", "--format=%at %ct %an <%ae>", "--reverse").trim().split("\n");
    expect(dates[0]).toBe("1577836800 1577836800 Bench Writer <bench@example.invalid>");
    expect(dates.at(-1)?.split(" ")[0]).toBe(String(1577836800 + (OPTIONS.commits - 1) * 3600));
  });

  it("has the expected pages per language", () => {
    expect(result.pages).toBe(OPTIONS.pages);
    expect(markdownFiles(join(a, "content/en"))).toHaveLength(OPTIONS.pages);
    for (const [lang, share] of Object.entries(OPTIONS.languages)) {
      const files = markdownFiles(join(a, "content", lang));
      expect(files).toHaveLength(result.translations[lang] ?? -1);
      // Translations of live pages, plus a few whose English page was deleted later.
      const live = Math.round(share * OPTIONS.pages);
      expect(files.length).toBeGreaterThanOrEqual(live);
      expect(files.length).toBeLessThanOrEqual(live + (OPTIONS.deletions ?? 0));
    }
  });

  it("nests English pages under a few dozen sections", () => {
    const sections = readdirSync(join(a, "content/en"));
    expect(sections.length).toBeGreaterThanOrEqual(24);
    const page = markdownFiles(join(a, "content/en"))[0] as string;
    expect(page).toMatch(/content\/en\/[a-z-]+\/[a-z-]+\/page-\d+\.md$/);
    const text = readFileSync(page, "utf8");
    expect(text).toMatch(/^---\ntitle: "[A-Za-z ]+"\n/);
    const body = text.split("---\n")[2]?.trim().split("\n") ?? [];
    expect(body.length).toBeGreaterThanOrEqual(15);
    expect(body.length).toBeLessThanOrEqual(80);
  });

  it("contains true merges whose tree combines both parents", () => {
    const merges = git(a, "rev-list", "--merges", "HEAD").trim().split("\n");
    expect(merges).toHaveLength(OPTIONS.merges ?? 0);
    for (const m of merges) {
      const combined = git(a, "merge-tree", "--write-tree", `${m}^1`, `${m}^2`).trim();
      expect(combined).toBe(git(a, "rev-parse", `${m}^{tree}`).trim());
      // Forked from an earlier main commit, not a fast-forward.
      expect(git(a, "merge-base", `${m}^1`, `${m}^2`).trim()).not.toBe(
        git(a, "rev-parse", `${m}^1`).trim(),
      );
    }
    expect(result.syncsWhileBranchOpen).toBeGreaterThan(0);
  });

  it("contains renames and deletions of English pages", () => {
    const renamed = git(
      a,
      "log",
      "-M",
      "--diff-filter=R",
      "--name-status",
      "--format=",
      "--",
      "content/en",
    );
    // Pure moves: git pairs every one of them at 100% similarity.
    const moves = renamed.trim().split("\n");
    expect(moves).toHaveLength(OPTIONS.renames ?? 0);
    for (const move of moves) expect(move).toMatch(/^R100\tcontent\/en\/\S+\tcontent\/en\/\S+$/);
    const deleted = git(
      a,
      "log",
      "--diff-filter=D",
      "--name-only",
      "--format=",
      "--",
      "content/en",
    );
    expect(deleted.trim().split("\n")).toHaveLength(OPTIONS.deletions ?? 0);
  });

  it("stamps translations with real commits of the history", () => {
    const files = [
      ...markdownFiles(join(a, "content/zh-cn")),
      ...markdownFiles(join(a, "content/ja")),
    ];
    const commits = new Set<string>();
    let shortcodes = 0;
    let frontMatter = 0;
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      const match = COMMIT_RE.exec(text);
      if (!match) continue;
      if (match[1]) {
        shortcodes++;
        expect(text).toMatch(
          /\{\{< translation-status-(zh-cn|ja) raw_title="[^"]+" raw_link="\/[^"]+\/" last_translation_time="\d{4}-\d{2}-\d{2}" raw_commit="[0-9a-f]{40}">\}\}\n$/,
        );
      } else frontMatter++;
      commits.add((match[1] ?? match[2]) as string);
    }
    expect(shortcodes).toBeGreaterThan(frontMatter);
    expect(frontMatter).toBeGreaterThan(0);
    expect(shortcodes + frontMatter).toBeGreaterThan(files.length * 0.9);
    // Stamps come from many syncs over the history, not one.
    expect(commits.size).toBeGreaterThan(3);
    for (const hash of [...commits].slice(0, 8)) {
      expect(git(a, "cat-file", "-t", hash).trim()).toBe("commit");
    }
    const history = new Set(git(a, "rev-list", "HEAD").trim().split("\n"));
    for (const hash of commits) expect(history.has(hash)).toBe(true);
  });

  it("refuses a non-empty target directory and impossible histories", async () => {
    const used = join(root, "used");
    git(root, "init", "-q", used);
    writeFileSync(join(used, "keep.txt"), "x");
    await expect(generateRepo(used, OPTIONS)).rejects.toThrow(/not empty/);
    await expect(generateRepo(join(root, "tiny"), { ...OPTIONS, commits: 10 })).rejects.toThrow(
      /cannot fit/,
    );
  });
});
