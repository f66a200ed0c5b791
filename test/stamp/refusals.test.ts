// What stamp says when it does not stamp, and what it warns about when it does: a date lint
// would reject is refused in lint's words in every mode, a page without an estimate is told the
// true reason, and a pin warning comes only with a page that records the pin.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createDetailLoader } from "../../src/detail/loader.js";
import { english, page, runCli, scanRepo, TestRepo, tempDir } from "../hostile/helpers.js";

// Commits are dated from 2025-01-01 (TestRepo); zh-cn/a.md records a date, zh-cn/b.md has no
// metadata, zh-cn/gone.md has metadata-free text and no English page at all.
function site() {
  const repo = TestRepo.init(path.join(tempDir(), "site"));
  repo.write("content/en/a.md", english("A"));
  repo.write("content/en/b.md", english("B"));
  const raw = repo.commit("English");
  repo.write("content/zh-cn/a.md", page(raw, "译文。\n", ' last_translation_time="2025-01-02"'));
  repo.write("content/zh-cn/b.md", "无元数据。\n");
  repo.write("content/zh-cn/gone.md", "没有英文页面。\n");
  const translated = repo.commit("Translate");
  repo.write("content/en/a.md", english("A", "Changed.\n"));
  const head = repo.commit("Change the English");
  return { repo, raw, translated, head };
}

const read = (repo: TestRepo, rel: string) => readFileSync(path.join(repo.dir, rel), "utf8");
const FUTURE = "2099-01-01";
const BEFORE = "2020-01-01";

describe("stamp refuses a date lint would reject", () => {
  it("in the future or before the commit, in every mode, writing nothing; lint stays clean", () => {
    const { repo, translated } = site();
    const pages = ["content/zh-cn/a.md", "content/zh-cn/b.md"];
    const before = pages.map((p) => read(repo, p));
    const runs: Array<[string[], string]> = [
      [["content/zh-cn/a.md"], "content/zh-cn/a.md"],
      [["--dry-run", "content/zh-cn/a.md"], "content/zh-cn/a.md"],
      [["--commit", translated, "content/zh-cn/a.md"], "content/zh-cn/a.md"],
      [["--init", "--metadata", "shortcode", "content/zh-cn/b.md"], "content/zh-cn/b.md"],
      [
        ["--init", "--dry-run", "--metadata", "shortcode", "content/zh-cn/b.md"],
        "content/zh-cn/b.md",
      ],
    ];
    for (const [args, rel] of runs) {
      const future = runCli(["stamp", "--repo", repo.dir, "--date", FUTURE, ...args]);
      expect(future.code, args.join(" ")).toBe(2);
      expect(future.stdout, args.join(" ")).toBe("");
      expect(future.stderr, args.join(" ")).toBe(
        `translation-status: ${rel}: last_translation_time "${FUTURE}" is in the future, which lint reports as date-future: give --date a day it accepts\n`,
      );
      const early = runCli(["stamp", "--repo", repo.dir, "--date", BEFORE, ...args]);
      expect(early.code, args.join(" ")).toBe(2);
      expect(early.stderr, args.join(" ")).toMatch(
        new RegExp(
          `^translation-status: ${rel}: last_translation_time "${BEFORE}" is before raw_commit was made \\(2025-01-01\\), which lint reports as date-before-commit: give --date a day it accepts\\n$`,
        ),
      );
    }
    expect(pages.map((p) => read(repo, p))).toEqual(before);
    expect(runCli(["lint", "--repo", repo.dir]).code).toBe(0);
    // A day lint accepts is written, and lint still finds nothing.
    const ok = runCli(["stamp", "--repo", repo.dir, "--date", "2025-06-01", "content/zh-cn/a.md"]);
    expect(ok.code).toBe(0);
    expect(read(repo, "content/zh-cn/a.md")).toContain('last_translation_time="2025-06-01"');
    expect(runCli(["lint", "--repo", repo.dir]).code).toBe(0);
  });

  it("with --unchanged, and in the dashboard's u", async () => {
    const repo = TestRepo.init(path.join(tempDir(), "site"));
    repo.write("content/en/a.md", english("A"));
    const raw = repo.commit("English");
    repo.write("content/zh-cn/a.md", page(raw, "译文。\n", ' last_translation_time="2025-01-02"'));
    repo.write("content/en/b.md", english("B"));
    repo.commit("Translate, and a new English page");
    const text = read(repo, "content/zh-cn/a.md");
    const res = runCli(["stamp", "--repo", repo.dir, "--unchanged", "--date", FUTURE]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/"2099-01-01" is in the future, which lint reports as date-future/);
    expect(read(repo, "content/zh-cn/a.md")).toBe(text);

    const out = await scanRepo(repo.dir);
    const i = out.result.pages.findIndex((p) => p.path === "content/zh-cn/a.md");
    const source = await createDetailLoader(out, out.result, out.details, { date: () => FUTURE });
    expect(await source.markUpdated(i)).toMatchObject({ ok: false, error: /date-future/ });
    expect(read(repo, "content/zh-cn/a.md")).toBe(text);
  });
});

describe("stamp --init without an estimate", () => {
  it("names the missing English page, with or without --commit", () => {
    const { repo, head } = site();
    const text = read(repo, "content/zh-cn/gone.md");
    const want = `translation-status: content/zh-cn/gone.md: the English source content/en/gone.md does not exist at ${head.slice(0, 12)}: move the translation to its English page's name, or remove it\n`;
    for (const extra of [[], ["--commit", "HEAD"], ["--metadata", "shortcode"]]) {
      const res = runCli([
        "stamp",
        "--repo",
        repo.dir,
        "--init",
        ...extra,
        "content/zh-cn/gone.md",
      ]);
      expect(res.code, extra.join(" ")).toBe(2);
      expect(res.stderr, extra.join(" ")).toBe(want);
    }
    expect(read(repo, "content/zh-cn/gone.md")).toBe(text);
  });

  it("estimates a page of a language outside the config's languages or --lang, or excluded", () => {
    const { repo, translated } = site();
    repo.write("content/ja/a.md", page(translated));
    repo.commit("Japanese");
    const want = `tracking content/zh-cn/b.md at ${translated.slice(0, 12)}\n`;
    const viaLang = runCli([
      "stamp",
      "--repo",
      repo.dir,
      "--init",
      "--lang",
      "ja",
      "--dry-run",
      "content/zh-cn/b.md",
    ]);
    expect(viaLang.stderr).toBe("");
    expect(viaLang.stdout).toContain(
      `would stamp content/zh-cn/b.md at ${translated.slice(0, 12)}`,
    );
    writeFileSync(
      path.join(repo.dir, "translation-status.config.json"),
      JSON.stringify({ languages: ["ja"], exclude: ["b.md"] }),
    );
    const res = runCli(["stamp", "--repo", repo.dir, "--init", "content/zh-cn/b.md"]);
    expect(res.stderr).toBe("");
    expect(res.stdout).toBe(want);
    expect(read(repo, "content/zh-cn/b.md")).toContain(`raw_commit="${translated}"`);
  });

  it("says git has no commit of an uncommitted page, and names the ignore-revs file", () => {
    const { repo, translated } = site();
    repo.write("content/en/c.md", english("C"));
    repo.commit("A new English page");
    repo.write("content/zh-cn/c.md", "新页面。\n");
    const res = runCli(["stamp", "--repo", repo.dir, "--init", "content/zh-cn/c.md"]);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(
      "translation-status: content/zh-cn/c.md: no estimate for this page (git has no commit of it); commit it, or give --commit\n",
    );
    repo.write(".translation-status-ignore-revs", `${translated}\n`);
    const ignored = runCli(["stamp", "--repo", repo.dir, "--init", "content/zh-cn/b.md"]);
    expect(ignored.code).toBe(2);
    expect(ignored.stderr).toBe(
      "translation-status: content/zh-cn/b.md: no estimate for this page: the ignore-revs file lists every commit that changed it; give --commit\n",
    );
  });
});

describe("stamp's pin warning", () => {
  // A clone whose remote's default branch lacks HEAD: a pin at HEAD is warned about.
  function offMain() {
    const { repo, raw, head } = site();
    repo.git(["update-ref", "refs/remotes/origin/main", raw]);
    repo.git(["symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main"]);
    return { repo, head };
  }
  const warning = (head: string) =>
    `translation-status: warning: ${head.slice(0, 12)} is not on origin/main, the remote's default branch: reviewers may ask for a pin on it (--commit origin/main)\n`;

  it("comes only when a page records the pin", () => {
    const { repo, head } = offMain();
    // Nothing lags behind an unchanged English page: nothing is pinned, nothing said.
    const none = runCli(["stamp", "--repo", repo.dir, "--unchanged", "--lang", "zh-cn"]);
    expect(none).toMatchObject({ code: 0, stderr: "" });
    expect(none.stdout).toBe("no page lags behind an unchanged English page\n");
    // A page refused (no metadata) records nothing either.
    const refused = runCli(["stamp", "--repo", repo.dir, "content/zh-cn/b.md"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).not.toContain("warning");
    const refusedDate = runCli([
      "stamp",
      "--repo",
      repo.dir,
      "--date",
      FUTURE,
      "content/zh-cn/a.md",
    ]);
    expect(refusedDate.stderr).not.toContain("warning");
    // A page stamped, or one that would be with --dry-run, is.
    const dry = runCli(["stamp", "--repo", repo.dir, "--dry-run", "content/zh-cn/a.md"]);
    expect(dry.stderr).toBe(warning(head));
    const res = runCli(["stamp", "--repo", repo.dir, "content/zh-cn/a.md"]);
    expect(res).toMatchObject({ code: 0, stderr: warning(head) });
  });

  it("--pin-branch refuses only when some page would record the pin", () => {
    const { repo } = offMain();
    const none = runCli([
      "stamp",
      "--repo",
      repo.dir,
      "--unchanged",
      "--pin-branch",
      "origin/main",
    ]);
    expect(none).toMatchObject({ code: 0, stderr: "" });
    const res = runCli([
      "stamp",
      "--repo",
      repo.dir,
      "--pin-branch",
      "origin/main",
      "content/zh-cn/a.md",
    ]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/is not on origin\/main, which pins must be on/);
  });
});

describe("stamp reads the languages --lang names as the scan does", () => {
  it("places a page of a folder beside the languages Hugo's config declares", () => {
    const repo = TestRepo.init(path.join(tempDir(), "site"));
    repo.write(
      "hugo.toml",
      '[languages.en]\ncontentDir = "content/en"\n[languages.ja]\ncontentDir = "content/ja"\n',
    );
    repo.write("content/en/a.md", english("A"));
    const raw = repo.commit("English");
    repo.write("content/ja/a.md", page(raw));
    repo.write("content/fr/a.md", page(raw));
    repo.commit("Translate");
    repo.write("content/en/a.md", english("A", "Changed.\n"));
    const head = repo.commit("Change the English");
    const scanned = runCli(["scan", "--repo", repo.dir, "--lang", "fr", "--format", "json"]);
    expect(JSON.parse(scanned.stdout).pages.map((p: { path: string }) => p.path)).toEqual([
      "content/fr/a.md",
    ]);
    const res = runCli(["stamp", "--repo", repo.dir, "--lang", "fr", "content/fr/a.md"]);
    expect(res).toMatchObject({ code: 0, stderr: "" });
    expect(read(repo, "content/fr/a.md")).toBe(page(head));
  });
});
