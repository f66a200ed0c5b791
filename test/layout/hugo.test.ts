// Hugo sites whose config gives each language its own content folder: the config decides which
// folders are languages and where each one's pages are. The config is read as data.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ScanResult } from "../../src/core/types.js";
import { english, page, runCli, TestRepo, tempDir } from "../hostile/helpers.js";

function site(
  files: Record<string, string>,
  translations: (raw: string) => Record<string, string>,
) {
  const repo = TestRepo.init(path.join(tempDir(), "site"));
  for (const [f, text] of Object.entries(files)) repo.write(f, text);
  const raw = repo.commit("English");
  for (const [f, text] of Object.entries(translations(raw))) repo.write(f, text);
  repo.commit("Translate");
  return { repo, raw };
}

const scanJson = (dir: string, args: string[] = []) => {
  const res = runCli(["scan", "--repo", dir, "--format", "json", ...args]);
  expect(res.stderr).toBe("");
  return JSON.parse(res.stdout) as ScanResult;
};

describe("Hugo's config", () => {
  it("names the languages: a folder it does not declare is not one", () => {
    const { repo } = site(
      {
        "config.toml":
          'defaultContentLanguage = "en"\n[languages.en]\ncontentDir = "content/en"\n[languages.hi]\ncontentDir = "content/hi"\n# [languages.no]\n',
        "content/en/a.md": english("A"),
        "content/en/_index.md": english("Home"),
      },
      (raw) => ({ "content/hi/a.md": page(raw), "content/no/a.md": page(raw) }),
    );
    const out = scanJson(repo.dir);
    expect(out.languages).toEqual(["hi"]);
    expect(out.content).toBe("content");
    expect(out.layout).toBeUndefined();
    expect(out.pages.map((p) => [p.path, p.status])).toEqual([
      ["content/hi/_index.md", "missing"],
      ["content/hi/a.md", "up-to-date"],
    ]);
  });

  it("maps languages whose content folders are named otherwise, from config/_default", () => {
    const { repo, raw } = site(
      {
        "config/_default/hugo.yaml": "defaultContentLanguage: en\ntitle: Site\n",
        "config/_default/languages.yaml":
          "en:\n  contentDir: docs/english\nzh-cn:\n  contentDir: docs/chinese\n  weight: 2\n",
        "docs/english/a.md": english("A"),
        "docs/english/guide/b.md": english("B"),
      },
      (r) => ({ "docs/chinese/a.md": page(r), "docs/chinese/guide/b.md": page(r) }),
    );
    repo.write("docs/english/a.md", english("A", "More.\n"));
    repo.commit("Edit");
    const out = scanJson(repo.dir);
    expect(out.layout).toEqual({
      kind: "hugo",
      pairs: [{ source: "docs/english", translation: "", languages: { "zh-cn": "docs/chinese" } }],
    });
    expect(out.pages.map((p) => [p.path, p.sourcePath, p.status, p.commitsBehind])).toEqual([
      ["docs/chinese/a.md", "docs/english/a.md", "outdated", 1],
      ["docs/chinese/guide/b.md", "docs/english/guide/b.md", "up-to-date", 0],
    ]);
    const res = runCli(["stamp", "--repo", repo.dir, "docs/chinese/a.md"]);
    expect(res.stderr).toBe("");
    expect(scanJson(repo.dir).pages[0]?.status).toBe("up-to-date");
    expect(raw).toMatch(/^[0-9a-f]{40}$/);
  });

  it("is left to the defaults when the languages name no content folder", () => {
    const { repo } = site(
      {
        "hugo.toml": "[languages.en]\nweight = 1\n[languages.ja]\nweight = 2\n",
        "content/en/a.md": english("A"),
      },
      (raw) => ({ "content/ja/a.md": page(raw), "content/ko/a.md": page(raw) }),
    );
    expect(scanJson(repo.dir).languages).toEqual(["ja", "ko"]);
  });
});

describe("Hugo's config as Hugo reads it", () => {
  it("reads its keys in any case, in TOML, YAML and JSON", () => {
    const configs = {
      "hugo.toml":
        'DefaultContentLanguage = "ja"\n[Languages.ja]\nContentDir = "docs/japanese"\n[Languages.en]\ncontentdir = "docs/english"\n',
      "hugo.yaml":
        "defaultcontentlanguage: ja\nLANGUAGES:\n  ja:\n    contentDir: docs/japanese\n  en:\n    CONTENTDIR: docs/english\n",
      "config.json":
        '{ "defaultContentLanguage": "JA", "languages": { "ja": { "contentdir": "docs/japanese" }, "en": { "contentDir": "docs/english" } } }',
    };
    for (const [file, text] of Object.entries(configs)) {
      const { repo } = site({ [file]: text, "docs/japanese/a.md": english("原文") }, (raw) => ({
        "docs/english/a.md": page(raw),
      }));
      const out = scanJson(repo.dir);
      // The Japanese pages are the originals: read as English they would be measured as
      // translations of the English ones.
      expect([file, out.source, out.languages]).toEqual([file, "ja", ["en"]]);
      expect(out.layout?.pairs).toEqual([
        { source: "docs/japanese", translation: "", languages: { en: "docs/english" } },
      ]);
      expect(out.pages.map((p) => [p.path, p.sourcePath, p.status])).toEqual([
        ["docs/english/a.md", "docs/japanese/a.md", "up-to-date"],
      ]);
    }
  });

  it("merges config/_default/ over the top-level file, and reads no environment's folder", () => {
    const { repo } = site(
      {
        "hugo.toml":
          'baseURL = "https://example.org/"\ndefaultContentLanguage = "zh-CN"\n[languages.en]\nweight = 1\n',
        // Merged in name order: languages.toml's folders win over hugo.toml's.
        "config/_default/hugo.toml":
          'defaultContentLanguage = "en"\n[languages.zh-CN]\ncontentDir = "content/other"\n',
        "config/_default/languages.toml":
          '[en]\ncontentDir = "content/english"\n[zh-CN]\ncontentDir = "content/chinese"\n',
        "config/_default/languages.de.toml": 'contentDir = "content/german"\n',
        "config/production/languages.toml": '[es]\ncontentDir = "content/spanish"\n',
        "content/english/a.md": english("A"),
      },
      (raw) => ({
        "content/chinese/a.md": page(raw),
        "content/other/a.md": page(raw),
        "content/german/a.md": page(raw),
        "content/spanish/a.md": page(raw),
      }),
    );
    const out = scanJson(repo.dir);
    // config/_default/'s default language wins over the top-level file's, as Hugo merges them;
    // a language's name is kept as the config writes it.
    expect(out.source).toBe("en");
    expect(out.languages).toEqual(["de", "zh-CN"]);
    expect(out.layout?.pairs).toEqual([
      {
        source: "content/english",
        translation: "",
        languages: { de: "content/german", "zh-CN": "content/chinese" },
      },
    ]);
  });

  it("reads config/_default/'s subfolders and every language's own file, as Hugo does", () => {
    const { repo } = site(
      {
        "hugo.toml": 'defaultContentLanguage = "en"\n',
        // Hugo walks the whole folder and places each file by its own name.
        "config/_default/languages/languages.toml":
          '[en]\ncontentDir = "content/english"\n[ja]\ncontentDir = "content/nihongo"\n',
        // `name.lang` is that language's settings, whatever the name, but params and menus...
        "config/_default/hugo.fr.toml": 'contentDir = "content/francais"\n',
        "config/_default/site/disabled.de.yaml": "contentDir: content/deutsch\ndisabled: true\n",
        // ...which sit below the language's own `params` and `menus`.
        "config/_default/params.ja.toml": 'contentDir = "content/wrong"\n',
        "config/_default/menus.ko.toml": 'contentDir = "content/korean"\n',
        "content/english/a.md": english("A"),
      },
      (raw) => ({
        "content/nihongo/a.md": page(raw),
        "content/francais/a.md": page(raw),
        "content/deutsch/a.md": page(raw),
        "content/wrong/a.md": page(raw),
        "content/korean/a.md": page(raw),
      }),
    );
    const out = scanJson(repo.dir);
    expect(out.languages).toEqual(["fr", "ja"]);
    expect(out.layout?.pairs).toEqual([
      {
        source: "content/english",
        translation: "",
        // The language it leaves out keeps its folder, which --lang reads.
        languages: { de: "content/deutsch", fr: "content/francais", ja: "content/nihongo" },
      },
    ]);
    expect(scanJson(repo.dir, ["--lang", "de"]).pages.map((p) => [p.path, p.status])).toEqual([
      ["content/deutsch/a.md", "up-to-date"],
    ]);
  });

  it("follows no config/_default that is a symbolic link", () => {
    const { repo } = site({ "content/en/a.md": english("A") }, (raw) => ({
      "content/fr/a.md": page(raw),
      "content/de/a.md": page(raw),
    }));
    // Read, this config would make fr the only language (de is not declared).
    const config =
      '[languages.en]\ncontentDir = "content/en"\n[languages.fr]\ncontentDir = "content/fr"\n';
    const outside = path.join(tempDir(), "elsewhere");
    mkdirSync(outside, { recursive: true });
    writeFileSync(path.join(outside, "hugo.toml"), config);
    mkdirSync(path.join(repo.dir, "config"));
    symlinkSync(outside, path.join(repo.dir, "config/_default"));
    expect(scanJson(repo.dir).languages).toEqual(["de", "fr"]);
    // The same file in the repository is read.
    rmSync(path.join(repo.dir, "config/_default"));
    repo.write("config/_default/hugo.toml", config);
    expect(scanJson(repo.dir).languages).toEqual(["fr"]);
  });

  it("leaves out the languages it disables", () => {
    const dirs = site(
      {
        "hugo.yaml":
          "languages:\n  en:\n    contentDir: content/en\n  fr:\n    contentDir: content/fr\n  de:\n    contentDir: content/de\n    disabled: true\n",
        "content/en/a.md": english("A"),
      },
      (raw) => ({ "content/fr/a.md": page(raw), "content/de/a.md": page(raw) }),
    );
    expect(scanJson(dirs.repo.dir).languages).toEqual(["fr"]);
    // A language the config names is one, though its folder holds nothing yet.
    mkdirSync(path.join(dirs.repo.dir, "content/it"));
    dirs.repo.write(
      "hugo.yaml",
      "languages:\n  en:\n    contentDir: content/en\n  fr:\n    contentDir: content/fr\n  it:\n    contentDir: content/it\n",
    );
    const named = scanJson(dirs.repo.dir);
    expect(named.languages).toEqual(["fr", "it"]);
    expect(named.pages.filter((p) => p.lang === "it").map((p) => p.status)).toEqual(["missing"]);

    const defaults = site(
      {
        "hugo.toml":
          'disableLanguages = ["IT"]\n[languages.en]\nweight = 1\n[languages.es]\nDisabled = true\n',
        "content/en/a.md": english("A"),
      },
      (raw) => ({
        "content/es/a.md": page(raw),
        "content/it/a.md": page(raw),
        "content/fr/a.md": page(raw),
      }),
    );
    expect(scanJson(defaults.repo.dir).languages).toEqual(["fr"]);
    // One asked for by name is read all the same.
    expect(scanJson(defaults.repo.dir, ["--lang", "es"]).languages).toEqual(["es"]);
    // stamp writes no page the scan leaves out, unless --lang names its language.
    const stamp = (...args: string[]) => runCli(["stamp", "--repo", defaults.repo.dir, ...args]);
    expect(stamp("content/es/a.md")).toMatchObject({
      code: 2,
      stdout: "",
      stderr:
        "translation-status: content/es/a.md: content/es is not read as a language (Hugo's config leaves the language out; --lang es reads it): the scan reports none of its pages\n",
    });
    expect(stamp("--lang", "es", "content/es/a.md")).toMatchObject({ code: 0, stderr: "" });

    const mounts = site(
      {
        "hugo.toml": `[languages.en]
weight = 1
[languages.ja]
disabled = true
[languages.ko]
weight = 3
[[module.mounts]]
source = "content/en"
target = "content"
[[module.mounts]]
source = "content/ja"
target = "content"
lang = "ja"
[[module.mounts]]
source = "content/ko"
target = "content"
lang = "ko"
`,
        "content/en/a.md": english("A"),
      },
      (raw) => ({ "content/ja/a.md": page(raw), "content/ko/a.md": page(raw) }),
    );
    expect(scanJson(mounts.repo.dir).languages).toEqual(["ko"]);

    // YAML 1.1, as Hugo reads it, takes an unquoted `no` (Norwegian) for false: that mount is
    // some language, never English, whose page would otherwise count as an English one.
    const norwegian = site(
      {
        "hugo.yaml": `languages:
  en: {weight: 1}
  nb: {weight: 2}
module:
  mounts:
    - {source: content/en, target: content}
    - {source: content/nb, target: content, lang: nb}
    - {source: content/no, target: content, lang: no}
`,
        "content/en/a.md": english("A"),
      },
      (raw) => ({ "content/nb/a.md": page(raw), "content/no/b.md": page(raw) }),
    );
    const read = scanJson(norwegian.repo.dir);
    expect(read.languages).toEqual(["nb"]);
    expect(read.pages.map((p: { path: string; status: string }) => [p.path, p.status])).toEqual([
      ["content/nb/a.md", "up-to-date"],
    ]);
  });

  it("says a site translated by file name is not read, and does not point to --source", () => {
    const { repo } = site(
      {
        "hugo.toml":
          'defaultContentLanguage = "en"\n[languages.en]\nweight = 1\n[languages.zh]\nweight = 2\n',
        "content/_index.md": english("Home"),
        "content/docs/a.md": english("A"),
      },
      () => ({ "content/docs/a.zh.md": "# 甲\n" }),
    );
    for (const args of [[], ["--source", "en"], ["--layout", "hugo"]]) {
      const res = runCli(["scan", "--repo", repo.dir, ...args]);
      expect([res.code, res.stdout]).toEqual([2, ""]);
      expect(res.stderr).toContain(
        "this Hugo site translates pages by file name (content/docs/a.zh.md), which translation-status does not read: Hugo's config, hugo.toml, gives its languages en, zh no content folder each, and there is no content/en; translation-status reads a folder per language: content/<lang>/, or a contentDir",
      );
      expect(res.stderr).not.toContain("--source");
      expect(res.stderr.trim().split("\n")).toHaveLength(1);
    }
  });

  it("says what the config declares when the source language folder is not in HEAD", () => {
    const { repo } = site(
      {
        "hugo.toml": "[languages.en]\nweight = 1\n[languages.zh]\nweight = 2\n",
        "content/english/a.md": english("A"),
      },
      (raw) => ({ "content/zh/a.md": page(raw) }),
    );
    const res = runCli(["scan", "--repo", repo.dir]);
    expect([res.code, res.stdout]).toEqual([2, ""]);
    expect(res.stderr).toContain(
      "no such source language folder in HEAD: content/en (Hugo's config, hugo.toml, gives its languages en, zh no content folder each, so Hugo tells them apart by file name (a.zh.md); translation-status reads a folder per language",
    );
  });
});

describe("the folder options on a site Hugo's config lays out", () => {
  const CONFIG =
    'defaultContentLanguage = "en"\n[languages.en]\ncontentDir = "content/en"\n[languages.fr]\ncontentDir = "content/fr"\n[languages.de]\ncontentDir = "docs/de"\n';
  const made = () =>
    site({ "config.toml": CONFIG, "content/en/a.md": english("A") }, (raw) => ({
      "content/fr/a.md": page(raw),
      "content/fr/b.md": page(raw),
      "docs/de/a.md": page(raw),
    }));

  it("takes the source language the options set, among the config's", () => {
    const { repo } = made();
    const out = scanJson(repo.dir, ["--source", "fr"]);
    expect(out.source).toBe("fr");
    expect(out.languages).toEqual(["de", "en"]);
    // French is the English of this scan: each other language's page is compared with it.
    expect(out.pages.map((p) => [p.path, p.sourcePath, p.status === "missing"])).toEqual([
      ["docs/de/a.md", "content/fr/a.md", false],
      ["docs/de/b.md", "content/fr/b.md", true],
      ["content/en/a.md", "content/fr/a.md", false],
      ["content/en/b.md", "content/fr/b.md", true],
    ]);
    // The config file's source is set as the flag's is.
    repo.write("translation-status.config.json", '{ "source": "fr" }\n');
    expect(scanJson(repo.dir).source).toBe("fr");
  });

  it("says why a source language or content folder the config does not lay out is not read", () => {
    const { repo } = made();
    const fails = (args: string[], message: string) => {
      const res = runCli(["scan", "--repo", repo.dir, "--format", "json", ...args]);
      expect([res.code, res.stdout, res.stderr]).toEqual([2, "", expect.stringContaining(message)]);
      expect(res.stderr.trim().split("\n")).toHaveLength(1);
    };
    fails(["--source", "xx"], `source language "xx": Hugo's config gives it no content folder`);
    fails(["--content", "site"], `content folder "site": Hugo's config gives each language`);
    // Without the config, those flags mean folders: the content layout says what is missing.
    fails(["--layout", "content", "--source", "xx"], "no such source language folder in HEAD");
  });

  it("requires a Hugo config for --layout hugo", () => {
    const repo = TestRepo.init(path.join(tempDir(), "site"));
    repo.write("content/en/a.md", english("A"));
    repo.commit("English");
    const res = runCli(["scan", "--repo", repo.dir, "--layout", "hugo"]);
    expect([res.code, res.stdout]).toEqual([2, ""]);
    expect(res.stderr).toContain("layout hugo: no Hugo config");
  });
});

describe("Hugo's module mounts", () => {
  const MOUNTS_TOML = `defaultContentLanguage = "en"
[languages.en]
weight = 1
[languages.ja]
weight = 2
[languages.ko]
weight = 3
[module]
[[module.mounts]]
source = "content/en"
target = "content"
[[module.mounts]]
source = "content/ja"
target = "content"
lang = "ja"
[[module.mounts]]
source = "api-docs/reference"
target = "content/docs/api"
[[module.mounts]]
source = "content/en/blog"
target = "content/blog"
lang = "ja"
[[module.mounts]]
source = "README.md"
target = "content/about.md"
[[module.mounts]]
source = "tmp/generated"
target = "content/generated"
`;

  function mounted(config: Record<string, string>) {
    const { repo, raw } = site(
      {
        ...config,
        "README.md": "# Readme\n",
        "content/en/a.md": english("A"),
        "content/en/guide/index.md": english("Bundle"),
        "content/en/blog/post.md": english("Post"),
        "api-docs/reference/ref.md": english("Ref"),
        "api-docs/reference/x/y.md": english("Y"),
      },
      (r) => ({
        "content/ja/a.md": page(r),
        "content/ja/guide/index.md": page(r),
        "content/ja/docs/api/ref.md": page(r),
      }),
    );
    repo.write("api-docs/reference/ref.md", english("Ref", "More.\nAnd more.\n"));
    repo.commit("Edit the API reference");
    return { repo, raw };
  }

  it("finds English pages mounted from another folder, with that folder's history", () => {
    const { repo, raw } = mounted({ "hugo.toml": MOUNTS_TOML });
    const out = scanJson(repo.dir);
    // ko is declared but mounts nothing: it has no folder to report. The blog mounted for ja
    // is English shown in its place, not a translation; a mounted file and a folder made at
    // build time are not followed.
    expect(out.languages).toEqual(["ja"]);
    expect(out.layout).toEqual({
      kind: "hugo",
      pairs: [
        { source: "content/en", translation: "", languages: { ja: "content/ja" } },
        {
          source: "api-docs/reference",
          translation: "",
          languages: { ja: "content/ja/docs/api" },
        },
      ],
    });
    expect(out.pages.map((p) => [p.path, p.sourcePath, p.status])).toEqual([
      ["content/ja/a.md", "content/en/a.md", "up-to-date"],
      ["content/ja/blog/post.md", "content/en/blog/post.md", "missing"],
      ["content/ja/docs/api/ref.md", "api-docs/reference/ref.md", "outdated"],
      ["content/ja/docs/api/x/y.md", "api-docs/reference/x/y.md", "missing"],
      ["content/ja/guide/index.md", "content/en/guide/index.md", "up-to-date"],
    ]);
    const ref = out.pages.find((p) => p.sourcePath === "api-docs/reference/ref.md");
    const count = Number(
      repo.git(["rev-list", "--count", `${raw}..HEAD`, "--", "api-docs/reference/ref.md"]).trim(),
    );
    const numstat = repo
      .git(["diff", "--numstat", raw, "HEAD", "--", "api-docs/reference/ref.md"])
      .split("\t")
      .slice(0, 2)
      .map(Number);
    expect([ref?.commitsBehind, ref?.linesAdded, ref?.linesRemoved]).toEqual([count, ...numstat]);
    expect(count).toBe(1);
    // stamp finds the same English page for the mounted translation.
    expect(runCli(["stamp", "--repo", repo.dir, "content/ja/docs/api/ref.md"]).stderr).toBe("");
    const again = scanJson(repo.dir).pages.find((p) => p.path === "content/ja/docs/api/ref.md");
    expect(again?.status).toBe("up-to-date");
  });

  it("reads the mounts from config/_default/module.yaml, languages by sites matrix", () => {
    const { repo } = mounted({
      "config/_default/hugo.yaml": "defaultContentLanguage: en\n",
      "config/_default/module.yaml": `mounts:
  - source: content/en
    target: content
  - source: api-docs/reference
    target: content/docs/api
  - source: content/ja
    target: content
    sites:
      matrix: { languages: [ja] }
  - source: content/en/blog
    target: content/blog
    sites:
      matrix: { languages: [ja] }
`,
    });
    const out = scanJson(repo.dir);
    expect(out.languages).toEqual(["ja"]);
    expect(out.pages.filter((p) => p.status === "outdated").map((p) => p.path)).toEqual([
      "content/ja/docs/api/ref.md",
    ]);
  });

  it("keeps the plain content/<lang> layout when the mounts are only that", () => {
    const { repo } = site(
      {
        "hugo.yaml":
          "module:\n  mounts:\n    - source: content/en\n      target: content\n    - source: content/fr\n      target: content\n      lang: fr\n",
        "content/en/a.md": english("A"),
      },
      (raw) => ({ "content/fr/a.md": page(raw) }),
    );
    const out = scanJson(repo.dir);
    expect(out.layout).toBeUndefined();
    expect(out.content).toBe("content");
    expect(out.pages.map((p) => [p.path, p.status])).toEqual([["content/fr/a.md", "up-to-date"]]);
  });
});

describe("a language with no folder", () => {
  const OWN_DIRS =
    'defaultContentLanguage = "en"\n[languages.en]\ncontentDir = "content/en"\n[languages.zh]\ncontentDir = "content/zh"\n[languages.de]\ncontentDir = "content/de"\n';

  it("is reported, every page missing, the same whether an empty folder is on the disk or not", () => {
    const { repo } = site({ "hugo.toml": OWN_DIRS, "content/en/a.md": english("A") }, (raw) => ({
      "content/zh/a.md": page(raw),
    }));
    // Hugo's config declares de, as Hugo builds it: no warning.
    const declared = scanJson(repo.dir);
    expect(declared.languages).toEqual(["de", "zh"]);
    expect(declared.pages.map((p) => [p.path, p.status])).toEqual([
      ["content/de/a.md", "missing"],
      ["content/zh/a.md", "up-to-date"],
    ]);
    expect(declared.warnings).toEqual([]);
    // A language --lang names is read all the same, with a warning that it has no folder.
    const named = scanJson(repo.dir, ["--lang", "fr"]);
    expect(named.pages.map((p) => [p.path, p.status])).toEqual([["content/fr/a.md", "missing"]]);
    expect(named.warnings).toEqual([
      "--lang: fr: no folder content/fr yet, so every page of it is missing",
    ]);
    // An empty folder left on this disk (which git, and so CI, never sees) changes nothing.
    mkdirSync(path.join(repo.dir, "content/de/x"), { recursive: true });
    mkdirSync(path.join(repo.dir, "content/fr/x"), { recursive: true });
    expect(scanJson(repo.dir, ["--no-cache"]).pages).toEqual(declared.pages);
    expect(scanJson(repo.dir, ["--no-cache", "--lang", "fr"]).pages).toEqual(named.pages);
  });

  it("that Hugo's config does not lay out is named as no language of the site, never as a folder", () => {
    const own = site(
      {
        "config/_default/languages.toml":
          '[en]\ncontentDir = "site/english"\n[zh-CN]\ncontentDir = "site/chinese"\n',
        "site/english/a.md": english("A"),
      },
      (raw) => ({ "site/chinese/a.md": page(raw) }),
    );
    const sibling = site(
      {
        "hugo.toml":
          'contentDir = "content"\ndefaultContentLanguage = "en"\n[languages.en]\nweight = 1\n[languages.zh-CN]\ncontentDir = "content.zh"\n',
        "content/a.md": english("A"),
      },
      (raw) => ({ "content.zh/a.md": page(raw) }),
    );
    const mounts = site(
      {
        "hugo.toml":
          '[languages.en]\nweight = 1\n[languages.zh-CN]\nweight = 2\n[[module.mounts]]\nsource = "docs/en"\ntarget = "content"\n[[module.mounts]]\nsource = "docs/zh"\ntarget = "content"\nlang = "zh-CN"\n',
        "docs/en/a.md": english("A"),
      },
      (raw) => ({ "docs/zh/a.md": page(raw) }),
    );
    for (const { repo } of [own, sibling, mounts]) {
      const scan = (...args: string[]) => runCli(["scan", "--repo", repo.dir, ...args]);
      const has = "(Hugo's config gives content folders to en, zh-CN)";
      expect(scan("--lang", "zh-cn")).toMatchObject({
        code: 2,
        stdout: "",
        stderr: `translation-status: --lang: no language zh-cn in this site ${has}; did you mean zh-CN?\n`,
      });
      expect(scan("--lang", "fr").stderr).toBe(
        `translation-status: --lang: no language fr in this site ${has}\n`,
      );
      expect(scan("--lang", "zh-CN").code).toBe(0);
    }
  });
});

describe("a YAML config, read as Hugo reads it", () => {
  const stamped = (raw: string) => `---\ntitle: T\ndefault_lang_commit: ${raw}\n---\n`;
  // Debian's hugo is required here, as for the demo site's banner (.ci/run installs it).
  /** The languages, other than the default one, whose page `a` Hugo builds. */
  const built = (dir: string) => {
    const out = tempDir("ts-hugo-out-");
    const res = spawnSync("hugo", ["--destination", out, "--quiet"], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(res.stderr).toBe("");
    return readdirSync(out)
      .filter((name) => existsSync(path.join(out, name, "a", "index.html")))
      .sort();
  };

  it("follows merge keys and YAML 1.1's booleans, and Hugo's reading of a text or number", () => {
    // Each language is disabled, or not, by one way of writing it.
    const disabled: Record<string, string> = {
      merged: "<<: &off\n      disabled: true",
      alias: "<<: *off",
      withyes: "disabled: yes",
      withy: "disabled: Y",
      withon: "disabled: on",
      quotedyes: 'disabled: "yes"',
      quotedtrue: 'disabled: "true"',
      odd: "disabled: tRue",
      one: "disabled: 1",
      zero: "disabled: 0",
      witht: 'disabled: "t"',
      withoff: "disabled: off",
    };
    const langs = Object.keys(disabled);
    const yaml = [
      "defaultContentLanguage: en",
      "disableKinds: [taxonomy, term, RSS, sitemap, 404, robotsTXT]",
      "languages:",
      "  en:",
      "    contentDir: content/en",
      ...langs.flatMap((l) => [`  ${l}:`, `    ${disabled[l]}`, `    contentDir: content/${l}`]),
    ].join("\n");
    const { repo } = site(
      {
        "hugo.yaml": `${yaml}\n`,
        "layouts/_default/single.html": "{{ .Title }}\n",
        "layouts/index.html": "home\n",
        "content/en/a.md": english("A"),
      },
      (raw) => Object.fromEntries(langs.map((l) => [`content/${l}/a.md`, stamped(raw)])),
    );
    const out = scanJson(repo.dir);
    // As Hugo 0.111 builds them: quoted "yes", "tRue", 0 and off leave the language in.
    expect(out.languages).toEqual(["odd", "quotedyes", "withoff", "zero"]);
    expect(built(repo.dir)).toEqual(["odd", "quotedyes", "withoff", "zero"]);
  });

  it("reads TOML's and JSON's numbers as Hugo does: never on", () => {
    for (const [file, text] of [
      [
        "hugo.toml",
        'defaultContentLanguage = "en"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "404", "robotsTXT"]\n[languages.en]\ncontentDir = "content/en"\n[languages.one]\ncontentDir = "content/one"\ndisabled = 1\n[languages.t]\ncontentDir = "content/t"\ndisabled = "T"\n',
      ],
      [
        "hugo.json",
        JSON.stringify({
          defaultContentLanguage: "en",
          disableKinds: ["taxonomy", "term", "RSS", "sitemap", "404", "robotsTXT"],
          languages: {
            en: { contentDir: "content/en" },
            one: { contentDir: "content/one", disabled: 1 },
            t: { contentDir: "content/t", disabled: "True" },
          },
        }),
      ],
    ] as const) {
      const { repo } = site(
        {
          [file]: text,
          "layouts/_default/single.html": "{{ .Title }}\n",
          "layouts/index.html": "home\n",
          "content/en/a.md": english("A"),
        },
        (raw) => ({ "content/one/a.md": stamped(raw), "content/t/a.md": stamped(raw) }),
      );
      expect(scanJson(repo.dir).languages).toEqual(["one"]);
      expect(built(repo.dir)).toEqual(["one"]);
    }
  });
});

describe("Hugo's module mounts' includeFiles and excludeFiles", () => {
  it("leave out the files Hugo leaves out, English and translated alike", () => {
    const stamped = (raw: string) => `---\ntitle: T\ndefault_lang_commit: ${raw}\n---\n`;
    const { repo } = site(
      {
        "hugo.yaml": `defaultContentLanguage: en
disableKinds: [taxonomy, term, RSS, sitemap, 404, robotsTXT]
languages:
  en: {weight: 1}
  zh: {weight: 2}
module:
  mounts:
    - {source: content/en, target: content, lang: en, excludeFiles: "drafts/**"}
    - {source: content/zh, target: content, lang: zh, excludeFiles: ["**.bak.md", "/Private"]}
    - {source: api-docs, target: content/api, lang: en, includeFiles: "/v2/**"}
    - {source: i18n-api/zh, target: content/api, lang: zh, includeFiles: "v2/*.md"}
`,
        "layouts/_default/single.html": "{{ .Title }}\n",
        "layouts/_default/list.html": "{{ .Title }}\n",
        "content/en/a.md": english("A"),
        "content/en/b.md": english("B"),
        "content/en/drafts/d.md": english("D"),
        "content/en/private/p.md": english("P"),
        "api-docs/v1/old.md": english("Old"),
        "api-docs/v2/new.md": english("New"),
        "api-docs/v2/more.md": english("More"),
      },
      (raw) => ({
        "content/zh/a.md": stamped(raw),
        "content/zh/b.bak.md": stamped(raw),
        "content/zh/private/p.md": stamped(raw),
        "i18n-api/zh/v2/new.md": stamped(raw),
        "i18n-api/zh/v2/more.txt": "x\n",
        "i18n-api/zh/v1/old.md": stamped(raw),
      }),
    );
    const out = scanJson(repo.dir);
    expect(out.pages.map((p) => [p.path, p.sourcePath, p.status])).toEqual([
      ["content/zh/a.md", "content/en/a.md", "up-to-date"],
      ["content/zh/b.md", "content/en/b.md", "missing"],
      ["content/zh/private/p.md", "content/en/private/p.md", "missing"],
      ["i18n-api/zh/v2/more.md", "api-docs/v2/more.md", "missing"],
      ["i18n-api/zh/v2/new.md", "api-docs/v2/new.md", "up-to-date"],
    ]);
    // What Hugo builds: the English pages above, and the translations that are not missing.
    const dest = tempDir("ts-hugo-out-");
    const res = spawnSync("hugo", ["--destination", dest, "--quiet"], {
      cwd: repo.dir,
      encoding: "utf8",
    });
    expect(res.stderr).toBe("");
    // Each page is a folder holding an index.html; the sections' and languages' own are lists.
    const pages = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? [e.name, ...pages(path.join(dir, e.name)).map((p) => `${e.name}/${p}`)]
          : [],
      );
    const lists = ["en", "zh", "api", "api/v2", "private", "zh/api", "zh/api/v2"];
    expect(
      pages(dest)
        .filter((p) => existsSync(path.join(dest, p, "index.html")) && !lists.includes(p))
        .sort(),
    ).toEqual(["a", "api/v2/more", "api/v2/new", "b", "private/p", "zh/a", "zh/api/v2/new"]);
  });
});
