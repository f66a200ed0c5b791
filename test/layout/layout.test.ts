// The layout owns the mapping between English paths and translation paths: a table per layout.

import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectLayout } from "../../src/layout/detect.js";
import {
  contentLayout,
  isSourcePath,
  mdnLayout,
  pathInLanguage,
  translationPath,
  translationPlace,
} from "../../src/layout/layout.js";
import { tempDir } from "../helpers/site.js";

describe("the content/<lang>/ layout (Hugo's default)", () => {
  const layout = contentLayout("content", "en");
  const nested = contentLayout("site/content", "en");

  it.each([
    [layout, "zh-cn", "content/en/user/run.md", "content/zh-cn/user/run.md"],
    [layout, "ja", "content/en/_index.md", "content/ja/_index.md"],
    [layout, "pt-br", "content/en/a/b/index.md", "content/pt-br/a/b/index.md"],
    [nested, "zh-cn", "site/content/en/x.md", "site/content/zh-cn/x.md"],
    [layout, "zh-cn", "docs/en/x.md", null],
    [layout, "zh-cn", "content/english/x.md", null],
  ])("translates %#: %s %s -> %s", (l, lang, source, translation) => {
    expect(translationPath(l, lang, source)).toBe(translation);
  });

  it.each([
    [
      layout,
      "content/zh-cn/user/run.md",
      { lang: "zh-cn", sourcePath: "content/en/user/run.md", rel: "user/run.md" },
    ],
    [
      nested,
      "site/content/ja/x.md",
      { lang: "ja", sourcePath: "site/content/en/x.md", rel: "x.md" },
    ],
    [layout, "content/en/user/run.md", null],
    [layout, "content/zh-cn", null],
    [layout, "other/zh-cn/x.md", null],
  ])("places %#: %s", (l, path, place) => {
    expect(translationPlace(l, path, null)).toEqual(place);
  });

  it("takes only the languages asked for, and never the source's", () => {
    expect(translationPlace(layout, "content/ja/x.md", ["zh-cn"])).toBeNull();
    expect(translationPlace(layout, "content/ja/x.md", ["zh-cn", "ja"])?.lang).toBe("ja");
    expect(translationPlace(layout, "content/en/x.md", ["en"])).toBeNull();
  });

  it("tells English pages and paths inside a language folder", () => {
    expect(isSourcePath(layout, "content/en/x.md")).toBe(true);
    expect(isSourcePath(layout, "content/zh-cn/x.md")).toBe(false);
    expect(pathInLanguage(layout, "zh-cn", "content/zh-cn/user/x.md")).toBe("user/x.md");
    expect(pathInLanguage(layout, "zh-cn", "elsewhere/x.md")).toBe("elsewhere/x.md");
  });
});

describe("MDN's layout: files/en-us in the English repository, files/<locale> in the other", () => {
  const layout = mdnLayout();

  it.each([
    ["ja", "files/en-us/web/html/index.md", "files/ja/web/html/index.md"],
    ["pt-br", "files/en-us/glossary/index.md", "files/pt-br/glossary/index.md"],
    ["zh-cn", "files/jsondata/L10n-Common.json", null],
  ])("translates %#: %s %s -> %s", (lang, source, translation) => {
    expect(translationPath(layout, lang, source)).toBe(translation);
  });

  it("places a translation, and never an English page", () => {
    expect(translationPlace(layout, "files/zh-cn/web/css/index.md", null)).toEqual({
      lang: "zh-cn",
      sourcePath: "files/en-us/web/css/index.md",
      rel: "web/css/index.md",
    });
    expect(translationPlace(layout, "files/en-us/web/css/index.md", null)).toBeNull();
    expect(pathInLanguage(layout, "ja", "files/ja/web/css/index.md")).toBe("web/css/index.md");
  });

  it("is found only when the other repository has files/en-us and this one has locales", () => {
    const translations = path.join(tempDir(), "translated-content");
    for (const dir of ["files/jsondata", "files/README.d"]) {
      mkdirSync(path.join(translations, dir, "web"), { recursive: true });
      writeFileSync(path.join(translations, dir, "web/index.md"), "");
    }
    // A locale folder that holds no file is none, as anywhere beside a source.
    mkdirSync(path.join(translations, "files/ko/web"), { recursive: true });
    // A Hugo site beside it is this repository's own layout while files/ holds no locale.
    mkdirSync(path.join(translations, "content/en"), { recursive: true });
    const opts = { content: "content", source: "en" };
    // mdnSource: the other repository's HEAD has files/en-us (source-repo.ts asks git).
    expect(detectLayout(translations, { ...opts, mdnSource: true })).toMatchObject({
      kind: "content",
    });
    // A locale in capitals is one for this (the scan names it in a warning): not Hugo's site.
    mkdirSync(path.join(translations, "files/zh-CN/web"), { recursive: true });
    writeFileSync(path.join(translations, "files/zh-CN/web/index.md"), "");
    const mdn = { kind: "mdn", sourceLang: "en-us", languagesIn: "files" };
    expect(detectLayout(translations, { ...opts, mdnSource: true })).toMatchObject(mdn);
    // Without the other repository's files/en-us it is not MDN's layout.
    expect(detectLayout(translations, opts)).toMatchObject({ kind: "content" });
    expect(detectLayout(translations, { ...opts, mdnSource: false })).toMatchObject({
      kind: "content",
    });
    // With no layout of its own, it is MDN's, whose missing files/ the scan then names.
    const bare = path.join(tempDir(), "bare");
    mkdirSync(bare);
    expect(detectLayout(bare, { ...opts, mdnSource: true })).toMatchObject(mdn);
    expect(detectLayout(bare, opts)).toBeNull();
  });
});
