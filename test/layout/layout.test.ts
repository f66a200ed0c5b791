// The layout owns the mapping between English paths and translation paths: a table per layout.
import { describe, expect, it } from "vitest";
import {
  contentLayout,
  isSourcePath,
  pathInLanguage,
  translationPath,
  translationPlace,
} from "../../src/layout/layout.js";

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
