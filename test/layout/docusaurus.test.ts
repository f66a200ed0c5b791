// A Docusaurus site found with no setup: docs, a version, the blog and a second docs plugin,
// each with its i18n folder; statuses and numbers as plain git gives them. The site's config is
// code and is never run.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ScanResult } from "../../src/core/types.js";
import { docusaurusLayout } from "../../src/layout/detect.js";
import { pathInLanguage, translationPath, translationPlace } from "../../src/layout/layout.js";
import { english, runCli, TestRepo, tempDir } from "../hostile/helpers.js";

let repo: TestRepo;
let raw: string;
let head: string;
let translated: string;
let result: ScanResult;

const DOCS = "i18n/{lang}/docusaurus-plugin-content-docs";
const fm = (commit: string) => `---\ntitle: 译文\ndefault_lang_commit: ${commit}\n---\n\n译文。\n`;

beforeAll(() => {
  repo = TestRepo.init(path.join(tempDir(), "site"));
  repo.write(
    "docusaurus.config.js",
    'require("node:fs").writeFileSync("CANARY", "ran");\nmodule.exports = { i18n: { defaultLocale: "en", locales: ["en", "zh", "ja"] } };\n',
  );
  repo.write("docs/intro.md", english("Intro"));
  repo.write("docs/guide/setup.mdx", english("Setup"));
  repo.write("docs/_category_.json", "{}\n");
  repo.write("versioned_docs/version-1.0/intro.md", english("Intro 1.0"));
  repo.write("blog/2024-01-01-hello.md", english("Hello"));
  repo.write("community/team.md", english("Team"));
  // The pages plugin: a Markdown page is translated by a copy, a React page is no page.
  repo.write("src/pages/support.md", english("Support"));
  repo.write("src/pages/index.tsx", "export default function Home() { return null; }\n");
  raw = repo.commit("English");
  for (const [file, text] of Object.entries({
    "current/intro.md": fm(raw),
    "current/guide/setup.mdx": fm(raw),
    "version-1.0/intro.md": fm(raw),
  })) {
    repo.write(`${DOCS.replace("{lang}", "zh")}/${file}`, text);
  }
  repo.write("i18n/zh/docusaurus-plugin-content-blog/2024-01-01-hello.md", fm(raw));
  repo.write("i18n/zh/docusaurus-plugin-content-docs-community/current/team.md", fm(raw));
  repo.write("i18n/zh/docusaurus-plugin-content-pages/support.md", fm(raw));
  repo.write("i18n/zh/code.json", "{}\n");
  repo.write("i18n/ja/docusaurus-plugin-content-docs/current/intro.md", fm(raw));
  translated = repo.commit("Translate");
  repo.write("docs/intro.md", english("Intro", "More.\nAnd more.\n"));
  repo.write("community/team.md", english("Team", "New member.\n"));
  repo.write("src/pages/support.md", english("Support", "Write to us.\n"));
  repo.write("docs/new.md", english("New"));
  head = repo.commit("Edit English");
  const res = runCli(["scan", "--repo", repo.dir, "--format", "json"]);
  expect(res.stderr).toBe("");
  result = JSON.parse(res.stdout) as ScanResult;
});

describe("a Docusaurus site with no config for this tool", () => {
  it("finds every folder pair and never runs the site's config", () => {
    expect(existsSync(path.join(repo.dir, "CANARY"))).toBe(false);
    expect(result.languages).toEqual(["ja", "zh"]);
    expect(result.layout?.kind).toBe("docusaurus");
    expect(result.layout?.pairs).toEqual([
      { source: "docs", translation: `${DOCS}/current` },
      { source: "versioned_docs/version-1.0", translation: `${DOCS}/version-1.0` },
      { source: "blog", translation: "i18n/{lang}/docusaurus-plugin-content-blog" },
      { source: "src/pages", translation: "i18n/{lang}/docusaurus-plugin-content-pages" },
      { source: "community", translation: `${DOCS}-community/current` },
    ]);
  });

  it("gives each translation its English source and its status", () => {
    const zh = result.pages.filter((p) => p.lang === "zh");
    expect(zh.map((p) => [p.path, p.sourcePath, p.status])).toEqual([
      [
        "i18n/zh/docusaurus-plugin-content-blog/2024-01-01-hello.md",
        "blog/2024-01-01-hello.md",
        "up-to-date",
      ],
      [
        "i18n/zh/docusaurus-plugin-content-docs-community/current/team.md",
        "community/team.md",
        "outdated",
      ],
      [
        "i18n/zh/docusaurus-plugin-content-docs/current/guide/setup.mdx",
        "docs/guide/setup.mdx",
        "up-to-date",
      ],
      ["i18n/zh/docusaurus-plugin-content-docs/current/intro.md", "docs/intro.md", "outdated"],
      ["i18n/zh/docusaurus-plugin-content-docs/current/new.md", "docs/new.md", "missing"],
      [
        "i18n/zh/docusaurus-plugin-content-docs/version-1.0/intro.md",
        "versioned_docs/version-1.0/intro.md",
        "up-to-date",
      ],
      ["i18n/zh/docusaurus-plugin-content-pages/support.md", "src/pages/support.md", "outdated"],
    ]);
    // A locale with only some folders translated has the rest missing, not an error.
    const ja = result.pages.filter((p) => p.lang === "ja");
    expect(
      ja
        .filter((p) => p.status === "missing")
        .map((p) => p.sourcePath)
        .sort(),
    ).toEqual([
      "blog/2024-01-01-hello.md",
      "community/team.md",
      "docs/guide/setup.mdx",
      "docs/new.md",
      "src/pages/support.md",
      "versioned_docs/version-1.0/intro.md",
    ]);
  });

  it("counts commits and lines as plain git does", () => {
    for (const p of result.pages.filter((r) => r.status === "outdated")) {
      const count = Number(
        repo.git(["rev-list", "--count", `${raw}..HEAD`, "--", p.sourcePath]).trim(),
      );
      const [added, removed] = repo
        .git(["diff", "--numstat", raw, "HEAD", "--", p.sourcePath])
        .trim()
        .split("\t")
        .map(Number);
      expect([p.path, p.commitsBehind, p.linesAdded, p.linesRemoved]).toEqual([
        p.path,
        count,
        added,
        removed,
      ]);
    }
  });

  it("check --changed-since sees the English changes in every folder pair", () => {
    const res = runCli([
      "check",
      "--repo",
      repo.dir,
      "--lang",
      "zh",
      "--changed-since",
      translated,
      "--format",
      "json",
    ]);
    expect(res.stderr).toBe("");
    const out = JSON.parse(res.stdout) as ScanResult;
    // Only the English pages edited since the translation landed.
    expect(out.pages.map((p) => p.sourcePath).sort()).toEqual([
      "community/team.md",
      "docs/intro.md",
      "docs/new.md",
      "src/pages/support.md",
    ]);
  });

  it("stamps a translation in an i18n folder, and the dashboard's paths map back", () => {
    const page = "i18n/zh/docusaurus-plugin-content-docs-community/current/team.md";
    const res = runCli(["stamp", "--repo", repo.dir, page]);
    expect(res.stderr).toBe("");
    expect(readFileSync(path.join(repo.dir, page), "utf8")).toBe(fm(head));
    const again = JSON.parse(
      runCli(["scan", "--repo", repo.dir, "--format", "json"]).stdout,
    ) as ScanResult;
    expect(again.pages.find((p) => p.path === page)?.status).toBe("up-to-date");
  });

  it("maps paths both ways", () => {
    const layout = docusaurusLayout(repo.dir, "en");
    expect(layout).not.toBeNull();
    if (!layout) return;
    expect(translationPath(layout, "zh", "versioned_docs/version-1.0/a/b.md")).toBe(
      "i18n/zh/docusaurus-plugin-content-docs/version-1.0/a/b.md",
    );
    expect(translationPlace(layout, "i18n/ja/docusaurus-plugin-content-blog/x.md", null)).toEqual({
      lang: "ja",
      sourcePath: "blog/x.md",
      rel: "x.md",
    });
    expect(translationPlace(layout, "docs/intro.md", null)).toBeNull();
    expect(
      pathInLanguage(layout, "zh", "i18n/zh/docusaurus-plugin-content-docs/version-1.0/intro.md"),
    ).toBe("versioned_docs/version-1.0/intro.md");
  });
});

describe("a Docusaurus locale folder with no translated page", () => {
  it("is no language: an empty one, or one holding only code.json and sidebar labels", () => {
    const site = TestRepo.init(path.join(tempDir(), "site"));
    site.write("docusaurus.config.js", "module.exports = {};\n");
    site.write("docs/intro.md", english("Intro"));
    site.write("blog/2024-01-01-hello.md", english("Hello"));
    const raw = site.commit("English");
    site.write(`${DOCS.replace("{lang}", "zh")}/current/intro.md`, fm(raw));
    // What `docusaurus write-translations --locale ko` leaves: labels, no page.
    site.write("i18n/ko/code.json", "{}\n");
    site.write("i18n/ko/docusaurus-plugin-content-docs/current.json", "{}\n");
    site.commit("Translate");
    // Left on the disk by a checkout of a branch that had a French translation; git holds none.
    mkdirSync(path.join(site.dir, "i18n/fr/docusaurus-plugin-content-docs/current"), {
      recursive: true,
    });
    const res = runCli(["scan", "--repo", site.dir, "--no-cache", "--format", "json"]);
    expect(res.stderr).toBe("");
    const out = JSON.parse(res.stdout) as ScanResult;
    expect(out.languages).toEqual(["zh"]);
    const noFile = (lang: string) =>
      `i18n/${lang}: not read as a language (no file in i18n/${lang}/docusaurus-plugin-content-docs/current, i18n/${lang}/docusaurus-plugin-content-blog)`;
    expect(out.warnings).toEqual([noFile("fr"), noFile("ko")]);
    // Named with --lang, it is read, every page missing, and what it lacks is said.
    const named = runCli([
      "scan",
      "--repo",
      site.dir,
      "--no-cache",
      "--lang",
      "ko",
      "--format",
      "json",
    ]);
    expect(named.stderr).toBe("");
    const ko = JSON.parse(named.stdout) as ScanResult;
    expect(ko.pages.map((p) => [p.path, p.status])).toEqual([
      ["i18n/ko/docusaurus-plugin-content-blog/2024-01-01-hello.md", "missing"],
      ["i18n/ko/docusaurus-plugin-content-docs/current/intro.md", "missing"],
    ]);
    expect(ko.warnings).toEqual([
      "--lang: ko: no folder i18n/ko/docusaurus-plugin-content-docs/current, i18n/ko/docusaurus-plugin-content-blog yet, so every page of it is missing",
    ]);
    // stamp writes no page there, nor in the source language's own folder beside the locales.
    site.write(`${DOCS.replace("{lang}", "en")}/current/intro.md`, fm(raw));
    const stamped = runCli([
      "stamp",
      "--repo",
      site.dir,
      "--no-cache",
      `${DOCS.replace("{lang}", "en")}/current/intro.md`,
    ]);
    expect(stamped).toMatchObject({
      code: 2,
      stderr:
        "translation-status: i18n/en/docusaurus-plugin-content-docs/current/intro.md: i18n/en is not read as a language (the source language's folder): the scan reports none of its pages\n",
    });
    // Once a page is there, the locale is one, its other pages missing.
    site.write(`${DOCS.replace("{lang}", "ko")}/current/intro.md`, fm(raw));
    const started = JSON.parse(
      runCli(["scan", "--repo", site.dir, "--no-cache", "--format", "json"]).stdout,
    ) as ScanResult;
    expect(started.languages).toEqual(["ko", "zh"]);
    expect(started.pages.filter((p) => p.lang === "ko").map((p) => [p.path, p.status])).toEqual([
      ["i18n/ko/docusaurus-plugin-content-blog/2024-01-01-hello.md", "missing"],
      ["i18n/ko/docusaurus-plugin-content-docs/current/intro.md", "up-to-date"],
    ]);
  });
});
