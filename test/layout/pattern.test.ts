// A layout the site writes out as patterns: VitePress keeps its translations inside the English
// folder (`docs/zh/` in `docs/`), which no detection can tell from an English subfolder; an
// MkDocs-style site keeps them in a folder of their own. Statuses and numbers as plain git
// gives them, the English folder never read as translations, stamp and the dashboard's paths.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ScanResult } from "../../src/core/types.js";
import {
  foldersInside,
  pathInLanguage,
  translationPath,
  translationPlace,
} from "../../src/layout/layout.js";
import { patternLayout } from "../../src/layout/pattern.js";
import { folderProblem } from "../../src/site/files.js";
import { english, runCli, TestRepo, tempDir } from "../hostile/helpers.js";

const fm = (commit: string) => `---\ntitle: 译文\ndefault_lang_commit: ${commit}\n---\n\n译文。\n`;
const CONFIG = {
  paths: [{ source: "docs/{path}", translation: "docs/{lang}/{path}" }],
  languages: ["zh", "ja"],
};

describe("patterns, checked as data", () => {
  it.each([
    [{ source: "docs", translation: "docs/{lang}/{path}" }, 'must end with "/{path}"'],
    [{ source: "docs/{lang}/{path}", translation: "x/{lang}/{path}" }, 'must not name "{lang}"'],
    [{ source: "docs/{path}", translation: "docs/{lang}-x/{path}" }, "whole folder name"],
    [{ source: "docs/{path}", translation: "docs/{lang}/{lang}/{path}" }, "once"],
    [{ source: "docs/../x/{path}", translation: "t/{lang}/{path}" }, "inside the repository"],
    [{ source: "-docs/{path}", translation: "t/{lang}/{path}" }, "inside the repository"],
    // The source's folder among the languages' under another name would be its own translation.
    [{ source: "docs/english/{path}", translation: "docs/{lang}/{path}" }, "--source english"],
  ])("refuses %j", (pattern, why) => {
    const layout = patternLayout([pattern], "en", ["zh"]);
    expect("error" in layout && layout.error).toContain(why);
  });

  it("needs the languages when their folders sit among others", () => {
    expect(patternLayout(CONFIG.paths, "en", [])).toEqual({
      error: expect.stringContaining("list the site's languages"),
    });
    expect(
      patternLayout([{ source: "docs/{path}", translation: "{lang}/docs/{path}" }], "en", []),
    ).toEqual({ error: expect.stringContaining("list the site's languages") });
  });

  it("takes the source language's folder among the languages' as the source", () => {
    const layout = patternLayout(
      [{ source: "docs/en/docs/{path}", translation: "docs/{lang}/docs/{path}" }],
      "en",
      [],
    );
    if ("error" in layout) throw new Error(layout.error);
    expect(layout.languagesIn).toBe("docs");
    expect(translationPath(layout, "zh", "docs/en/docs/a.md")).toBe("docs/zh/docs/a.md");
    expect(translationPlace(layout, "docs/en/docs/a.md", null)).toBeNull();
    expect(translationPlace(layout, "docs/zh/docs/a.md", null)).toMatchObject({
      lang: "zh",
      sourcePath: "docs/en/docs/a.md",
    });
  });

  it("maps both ways, the deepest folder owning a path", () => {
    const layout = patternLayout(CONFIG.paths, "en", CONFIG.languages);
    if ("error" in layout) throw new Error(layout.error);
    expect(translationPath(layout, "zh", "docs/guide/a.md")).toBe("docs/zh/guide/a.md");
    expect(translationPlace(layout, "docs/zh/guide/a.md", null)).toEqual({
      lang: "zh",
      sourcePath: "docs/guide/a.md",
      rel: "guide/a.md",
    });
    // An English subfolder is not a language, and another language is not asked for.
    expect(translationPlace(layout, "docs/guide/a.md", null)).toBeNull();
    expect(translationPlace(layout, "docs/ja/a.md", ["zh"])).toBeNull();
    expect(foldersInside(layout, CONFIG.languages, "docs").sort()).toEqual(["ja", "zh"]);
    expect(pathInLanguage(layout, "zh", "docs/zh/guide/a.md")).toBe("guide/a.md");
  });
});

describe("a VitePress site: translations inside the English folder", () => {
  let repo: TestRepo;
  let raw: string;
  let result: ScanResult;

  beforeAll(() => {
    repo = TestRepo.init(path.join(tempDir(), "site"));
    repo.write("translation-status.config.json", JSON.stringify(CONFIG));
    repo.write("docs/index.md", english("Home"));
    repo.write("docs/guide/setup.md", english("Setup"));
    repo.write("docs/guide/deploy.md", english("Deploy"));
    raw = repo.commit("English");
    repo.write("docs/zh/index.md", fm(raw));
    repo.write("docs/zh/guide/setup.md", fm(raw));
    repo.write("docs/ja/index.md", fm(raw));
    repo.commit("Translate");
    repo.write("docs/guide/setup.md", english("Setup", "More.\nAnd more.\n"));
    repo.commit("Edit English");
    repo.write("docs/guide/setup.md", english("Setup", "More.\nAnd still more.\n"));
    repo.commit("Edit English again");
    const res = runCli(["scan", "--repo", repo.dir, "--format", "json"]);
    expect(res.stderr).toBe("");
    result = JSON.parse(res.stdout) as ScanResult;
  });

  it("reads the languages' folders as translations and the rest as English", () => {
    expect(result.languages).toEqual(["zh", "ja"]);
    expect(result.layout).toEqual({
      kind: "pattern",
      pairs: [{ source: "docs", translation: "docs/{lang}" }],
    });
    expect(result.pages.map((p) => [p.path, p.sourcePath, p.status])).toEqual([
      ["docs/ja/guide/deploy.md", "docs/guide/deploy.md", "missing"],
      ["docs/ja/guide/setup.md", "docs/guide/setup.md", "missing"],
      ["docs/ja/index.md", "docs/index.md", "up-to-date"],
      ["docs/zh/guide/deploy.md", "docs/guide/deploy.md", "missing"],
      ["docs/zh/guide/setup.md", "docs/guide/setup.md", "outdated"],
      ["docs/zh/index.md", "docs/index.md", "up-to-date"],
    ]);
  });

  it("counts commits and lines as plain git does", () => {
    const page = result.pages.find((p) => p.status === "outdated");
    const count = Number(
      repo.git(["rev-list", "--count", `${raw}..HEAD`, "--", "docs/guide/setup.md"]).trim(),
    );
    const numstat = repo
      .git(["diff", "--numstat", raw, "HEAD", "--", "docs/guide/setup.md"])
      .trim()
      .split("\t")
      .slice(0, 2)
      .map(Number);
    expect([page?.commitsBehind, page?.linesAdded, page?.linesRemoved]).toEqual([
      count,
      ...numstat,
    ]);
    expect(count).toBe(2);
  });

  it("flags give the same layout as the config file", () => {
    const empty = path.join(tempDir(), "empty.json");
    writeFileSync(empty, "{}");
    const flags = runCli([
      "scan",
      "--repo",
      repo.dir,
      "--config",
      empty,
      "--paths",
      "docs/{path}:docs/{lang}/{path}",
      "--lang",
      "zh,ja",
      "--format",
      "json",
    ]);
    expect(flags.stderr).toBe("");
    expect(JSON.parse(flags.stdout)).toEqual(result);
  });

  it("stamps a translation, and refuses an English page", () => {
    const page = "docs/zh/guide/setup.md";
    expect(runCli(["stamp", "--repo", repo.dir, page]).stderr).toBe("");
    const head = repo.git(["rev-parse", "HEAD"]).trim();
    expect(readFileSync(path.join(repo.dir, page), "utf8")).toBe(fm(head));
    const english = runCli(["stamp", "--repo", repo.dir, "docs/guide/deploy.md"]);
    expect(english.code).toBe(2);
    expect(english.stderr).toContain("English source page");
  });
});

describe("MkDocs with a folder per language, the source's among them (FastAPI)", () => {
  it("reads every other folder as a language, as --content reads them", () => {
    const repo = TestRepo.init(path.join(tempDir(), "site"));
    repo.write("docs/en/mkdocs.yml", "site_name: x\n");
    repo.write("docs/en/docs/index.md", english("Home"));
    repo.write("docs/en/docs/tutorial/first.md", english("First"));
    const raw = repo.commit("English");
    repo.write("docs/zh/docs/tutorial/first.md", fm(raw));
    repo.write("docs/ja/docs/index.md", fm(raw));
    repo.commit("Translate");
    repo.write("docs/en/docs/tutorial/first.md", english("First", "More.\n"));
    repo.commit("Edit English");
    const scan = (args: string[]) => {
      const res = runCli(["scan", "--repo", repo.dir, "--format", "json", ...args]);
      expect(res.stderr).toBe("");
      return JSON.parse(res.stdout) as ScanResult;
    };
    const rows = (r: ScanResult) =>
      r.pages.map((p) => [p.path, p.sourcePath, p.status, p.commitsBehind ?? null]);
    const patterned = scan(["--paths", "docs/en/docs/{path}:docs/{lang}/docs/{path}"]);
    expect(patterned.languages).toEqual(["ja", "zh"]);
    expect(rows(patterned)).toEqual([
      ["docs/ja/docs/index.md", "docs/en/docs/index.md", "up-to-date", 0],
      ["docs/ja/docs/tutorial/first.md", "docs/en/docs/tutorial/first.md", "missing", null],
      ["docs/zh/docs/index.md", "docs/en/docs/index.md", "missing", null],
      ["docs/zh/docs/tutorial/first.md", "docs/en/docs/tutorial/first.md", "outdated", 1],
    ]);
    expect(rows(scan(["--content", "docs"]))).toEqual(rows(patterned));
    // Listing the languages, in the config file, gives the same pages of those languages.
    repo.write(
      "translation-status.config.json",
      JSON.stringify({
        paths: [{ source: "docs/en/docs/{path}", translation: "docs/{lang}/docs/{path}" }],
        languages: ["zh"],
      }),
    );
    expect(rows(scan([]))).toEqual(rows(patterned).filter((r) => String(r[0]).includes("/zh/")));
  });
});

describe("a folder where the pattern has {lang} that does not hold the pattern's rest", () => {
  const PATHS = ["--paths", "docs/en/docs/{path}:docs/{lang}/docs/{path}"];
  const site = () => {
    const repo = TestRepo.init(path.join(tempDir(), "site"));
    repo.write("docs/en/docs/e.md", english("E"));
    const raw = repo.commit("English");
    repo.write("docs/ja/docs/e.md", fm(raw));
    repo.commit("Translate");
    return repo;
  };

  it("is no language: passed over with a warning, tracked or empty and untracked", () => {
    const repo = site();
    const plain = runCli(["scan", "--repo", repo.dir, "--format", "json", ...PATHS]);
    repo.write("docs/guide/readme.txt", "x\n");
    repo.commit("Guide");
    mkdirSync(path.join(repo.dir, "docs/empty"));
    const res = runCli(["scan", "--repo", repo.dir, "--format", "json", ...PATHS]);
    expect(res.code).toBe(0);
    const result = JSON.parse(res.stdout) as ScanResult;
    expect(result.languages).toEqual(["ja"]);
    expect(result.pages).toEqual((JSON.parse(plain.stdout) as ScanResult).pages);
    expect(result.warnings).toEqual([
      "docs/empty: not read as a language (no file in docs/empty/docs)",
      "docs/guide: not read as a language (no file in docs/guide/docs)",
    ]);
  });

  it("named with --lang is read, every page missing, with a warning naming the folder", () => {
    const repo = site();
    repo.write("docs/guide/readme.txt", "x\n");
    repo.commit("Guide");
    const res = runCli([
      "scan",
      "--repo",
      repo.dir,
      "--lang",
      "guide",
      "--format",
      "json",
      ...PATHS,
    ]);
    expect(res.stderr).toBe("");
    const out = JSON.parse(res.stdout) as ScanResult;
    expect(out.pages.map((p) => [p.path, p.status])).toEqual([["docs/guide/docs/e.md", "missing"]]);
    expect(out.warnings).toEqual([
      "--lang: guide: no folder docs/guide/docs yet, so every page of it is missing",
    ]);
  });

  it("names a link as a link, and never a folder that is there as outside the repository", () => {
    const repo = site();
    const elsewhere = tempDir();
    mkdirSync(path.join(elsewhere, "docs"));
    mkdirSync(path.join(repo.dir, "docs/fr"));
    symlinkSync(path.join(elsewhere, "docs"), path.join(repo.dir, "docs/fr/docs"));
    expect(folderProblem(repo.dir, "docs/ja/docs")).not.toContain("outside");
    expect(folderProblem(repo.dir, "docs/fr/docs")).toBe(
      "docs/fr/docs is a symbolic link; not followed",
    );
    const res = runCli(["scan", "--repo", repo.dir, "--lang", "fr", ...PATHS]);
    expect(res.stderr).toBe("translation-status: docs/fr/docs is a symbolic link; not followed\n");
  });
});

describe("a site with the translations in a folder of their own", () => {
  it("finds the languages there with no list, and takes other extensions when told", () => {
    const repo = TestRepo.init(path.join(tempDir(), "site"));
    repo.write("src/a.md", english("A"));
    repo.write("src/b.html", "<h1>B</h1>\n");
    const raw = repo.commit("English");
    repo.write("translations/fr/a.md", fm(raw));
    repo.write("translations/de/b.html", fm(raw));
    repo.commit("Translate");
    writeFileSync(
      path.join(repo.dir, "translation-status.config.json"),
      JSON.stringify({
        paths: [{ source: "src/{path}", translation: "translations/{lang}/{path}" }],
      }),
    );
    const scan = (extra: string[] = []) => {
      const res = runCli(["scan", "--repo", repo.dir, "--format", "json", ...extra]);
      expect(res.stderr).toBe("");
      return (JSON.parse(res.stdout) as ScanResult).pages.map((p) => [p.path, p.status]);
    };
    expect(scan()).toEqual([
      ["translations/de/a.md", "missing"],
      ["translations/fr/a.md", "up-to-date"],
    ]);
    expect(scan(["--extensions", "md,html"])).toEqual([
      ["translations/de/a.md", "missing"],
      ["translations/de/b.html", "up-to-date"],
      ["translations/fr/a.md", "up-to-date"],
      ["translations/fr/b.html", "missing"],
    ]);
  });

  it("says what is wrong with a layout that is not there, in one line", () => {
    const repo = TestRepo.init(path.join(tempDir(), "site"));
    repo.write("src/a.md", english("A"));
    repo.commit("English");
    const res = runCli(["scan", "--repo", repo.dir, "--paths", "src/{path}:i18n/{lang}/{path}"]);
    expect(res.code).toBe(2);
    expect(res.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^translation-status: no such folder: i18n/),
    ]);
    const bad = runCli(["scan", "--repo", repo.dir, "--layout", "jekyll"]);
    expect(bad.stderr).toMatch(/--layout: takes auto, content, hugo, docusaurus or pattern/);
  });
});

describe("two pairs whose English folders nest (docs/ and docs/api/)", () => {
  const OUTER = "docs/{path}:i18n/{lang}/docs/{path}";
  const INNER = "docs/api/{path}:i18n/{lang}/api/{path}";
  const pair = (p: string) => {
    const [source, translation] = p.split(":");
    return { source, translation };
  };
  let repo: TestRepo;
  let raw: string;

  beforeAll(() => {
    repo = TestRepo.init(path.join(tempDir(), "site"));
    repo.write("docs/index.md", english("Home"));
    repo.write("docs/api/ref.md", english("Reference"));
    repo.write("docs/api/old.md", english("Old"));
    repo.write("docs/api/guess.md", english("Guess"));
    raw = repo.commit("English");
    repo.write("i18n/zh/docs/index.md", fm(raw));
    repo.write("i18n/zh/api/ref.md", fm(raw));
    repo.write("i18n/zh/api/guess.md", "# 无元数据\n");
    // A second translation of docs/api/ref.md where the outer pair would put it.
    repo.write("i18n/zh/docs/api/ref.md", fm(raw));
    repo.commit("Translate");
    repo.write("docs/api/ref.md", english("Reference", "More.\n"));
    repo.write("docs/api/guess.md", english("Guess", "More.\n"));
    repo.commit("Edit the reference and the guessed page");
    repo.write("docs/api/new.md", english("New"));
    repo.commit("A new API page");
  });

  const rows = (args: string[]) => {
    const res = runCli(["scan", "--repo", repo.dir, "--format", "json", ...args]);
    expect(res.stderr).toBe("");
    const result = JSON.parse(res.stdout) as ScanResult;
    // The outer pair's folder is not read where the inner pair's English pages would put it.
    expect(result.warnings).toEqual([
      "i18n/zh/docs/api: not read, as its English pages (docs/api) are another folder pair's (translated in i18n/zh/api)",
    ]);
    return result.pages.map((p) => [
      p.path,
      p.sourcePath,
      p.status,
      p.commitsBehind ?? p.estimate?.commitsBehind ?? null,
    ]);
  };
  const git = (range: string, page: string) =>
    Number(repo.git(["rev-list", "--count", range, "--", page]).trim());

  it("gives each English page to the deepest pair, in either order, by flags or the config", () => {
    const guessed = repo.git(["log", "-1", "--format=%H", "--", "i18n/zh/api/guess.md"]).trim();
    const want = [
      [
        "i18n/zh/api/guess.md",
        "docs/api/guess.md",
        "untracked",
        git(`${guessed}..HEAD`, "docs/api/guess.md"),
      ],
      ["i18n/zh/api/new.md", "docs/api/new.md", "missing", null],
      ["i18n/zh/api/old.md", "docs/api/old.md", "missing", null],
      ["i18n/zh/api/ref.md", "docs/api/ref.md", "outdated", git(`${raw}..HEAD`, "docs/api/ref.md")],
      ["i18n/zh/docs/index.md", "docs/index.md", "up-to-date", 0],
    ];
    expect(want[3]?.[3]).toBe(1);
    for (const order of [
      [OUTER, INNER],
      [INNER, OUTER],
    ]) {
      expect(rows(["--no-cache", ...order.flatMap((p) => ["--paths", p])])).toEqual(want);
      const config = path.join(tempDir(), "config.json");
      writeFileSync(config, JSON.stringify({ paths: order.map(pair) }));
      // Twice: the second run is the kept report's.
      expect(rows(["--config", config])).toEqual(want);
      expect(rows(["--config", config])).toEqual(want);
    }
  });

  it("brings a kept report up to date after an edit of a nested pair's English page", () => {
    const config = path.join(tempDir(), "config.json");
    writeFileSync(config, JSON.stringify({ paths: [pair(OUTER), pair(INNER)] }));
    const copy = TestRepo.init(path.join(tempDir(), "copy"));
    copy.git(["pull", "-q", repo.dir, "main"]);
    const scan = (args: string[]) => {
      const res = runCli([
        "scan",
        "--repo",
        copy.dir,
        "--format",
        "json",
        "--config",
        config,
        ...args,
      ]);
      expect(res.stderr).toBe("");
      return res.stdout;
    };
    scan([]);
    copy.write("docs/api/old.md", english("Old", "Edited.\n"));
    copy.write("docs/index.md", english("Home", "Edited.\n"));
    copy.commit("Edit English");
    const fresh = scan(["--no-cache"]);
    expect(scan([])).toBe(fresh);
    expect(fresh).toContain('"i18n/zh/api/old.md"');
  });

  it("stamps a nested pair's page at its estimate", () => {
    const page = "i18n/zh/api/guess.md";
    const res = runCli([
      "stamp",
      "--repo",
      repo.dir,
      "--init",
      page,
      "--metadata",
      "default_lang_commit",
      "--dry-run",
      ...[OUTER, INNER].flatMap((p) => ["--paths", p]),
    ]);
    expect(res.stderr).toBe("");
    const guessed = repo.git(["log", "-1", "--format=%H", "--", page]).trim();
    expect(res.stdout).toContain(`default_lang_commit: ${guessed}`);
  });
});
