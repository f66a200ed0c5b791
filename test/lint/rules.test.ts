// The rules as pure functions: what each flags, what it leaves alone, and the repairs they offer.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { PageMeta } from "../../src/core/types.js";
import { hugoUrls } from "../../src/layout/hugo.js";
import { dateBeforeCommit } from "../../src/lint/commit-rules.js";
import { englishFindings, hugoUrl } from "../../src/lint/english-rules.js";
import { applyFixes } from "../../src/lint/fix.js";
import { pageFindings, pageParts } from "../../src/lint/page-rules.js";
import { chosenShortcode } from "../../src/meta/status-shortcode.js";

const SHA = "6addd5cf525adec1859f48c52dafcfe1f96e558a";
const NOW = Date.UTC(2026, 0, 1);
const rules = (text: string, lang = "zh-cn") =>
  pageFindings(pageParts(text), lang, NOW).map((f) => f.rule);

describe("page rules", () => {
  it("suggests the attribute a misspelling means, and renames it", () => {
    const text = `{{< translation-status-zh-cn raw_titel="T" raw_commit="${SHA}" >}}\n`;
    const [f] = pageFindings(pageParts(text), "zh-cn", NOW);
    expect(f?.rule).toBe("misspelled-attribute");
    expect(f?.message).toContain('Hugo templates read "raw_title"');
    const fixed = applyFixes(text, f ? [f] : [], (t) => pageFindings(pageParts(t), "zh-cn", NOW));
    expect(fixed).toEqual({ text: text.replace("raw_titel", "raw_title"), fixed: [f] });
  });

  it("calls an attribute it cannot place unknown, a warning with no repair", () => {
    const [f] = pageFindings(
      pageParts(`{{< translation-status raw_commit="${SHA}" translator="x" >}}`),
      "ja",
      NOW,
    );
    expect([f?.rule, f?.fix]).toEqual(["unknown-attribute", undefined]);
  });

  it("compares the shortcode's language with the folder's, whatever the case", () => {
    const page = (name: string) => `{{< ${name} raw_commit="${SHA}" >}}`;
    expect(rules(page("translation-status-zh-CN"))).toEqual([]);
    expect(rules(page("translation-status"))).toEqual([]);
    expect(rules(page("translation-status-ja"))).toEqual(["lang-suffix"]);
  });

  it("says once that a page has several live shortcodes, however many", () => {
    const one = `{{< translation-status raw_commit="${SHA}" >}}\n`;
    expect(rules(one.repeat(50))).toEqual(["duplicate-metadata"]);
    expect(rules(`---\ndefault_lang_commit: ${SHA}\n---\n${one}`)).toEqual(["duplicate-metadata"]);
  });

  it("flags metadata in a fence or comment only when nothing live is there and a commit is written", () => {
    const fenced = (commit: string) =>
      `# T\n\n\`\`\`\n{{< translation-status raw_commit="${commit}" >}}\n\`\`\`\n`;
    expect(rules(fenced(SHA))).toEqual(["hidden-metadata"]);
    expect(rules(fenced("..."))).toEqual([]);
    expect(rules(`{{</* translation-status raw_commit="${SHA}" */>}}`)).toEqual([
      "hidden-metadata",
    ]);
    const withLive = `${fenced(SHA)}{{< translation-status raw_commit="${SHA}" >}}\n`;
    expect(rules(withLive)).toEqual([]);
  });

  it("flags dates that are not real or in the future", () => {
    const page = (date: string) =>
      `{{< translation-status last_translation_time="${date}" raw_commit="${SHA}" >}}`;
    expect(rules(page("2025-02-31"))).toEqual(["date-invalid"]);
    expect(rules(page("2999-01-01"))).toEqual(["date-future"]);
    expect(rules(page("2025-02-28"))).toEqual([]);
  });

  it("flags a misspelled front matter key near one this tool reads, not other keys", () => {
    expect(
      rules(`---\ntitle: T\ndefault_lang_comit: ${SHA}\ndefault_lang_commit: ${SHA}\n---\n`),
    ).toEqual(["misspelled-attribute"]);
    expect(rules(`---\ntitle: T\nweight: 2\ndefault_lang_commit: ${SHA}\n---\n`)).toEqual([]);
    // A short key of the site's own a few edits from one of ours is another word, not a typo.
    expect(rules(`---\ni18n: true\nlen: 3\ndefault_lang_commit: ${SHA}\n---\n`)).toEqual([]);
  });
});

describe("date before raw_commit", () => {
  const meta = (date: string): PageMeta => ({
    kind: "shortcode",
    rawCommit: SHA,
    rawTitle: null,
    rawLink: null,
    lastTranslationTime: date,
    line: 3,
  });
  it("allows the day before, which is the commit's day somewhere", () => {
    expect(dateBeforeCommit(meta("2025-01-01"), "2025-01-02T01:00:00+00:00")).toBeNull();
    expect(dateBeforeCommit(meta("2024-12-31"), "2025-01-02T01:00:00+00:00")?.rule).toBe(
      "date-before-commit",
    );
  });
});

describe("Hugo's URL settings", () => {
  it("reads disablePathToLower, and knows no URL with permalinks, uglyURLs or no config", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ts-hugo-urls-"));
    try {
      expect(hugoUrls(dir)).toBeNull();
      writeFileSync(path.join(dir, "config.toml"), 'title = "x"\ndisablePathToLower = true\n');
      expect(hugoUrls(dir)).toEqual({ lower: false });
      writeFileSync(path.join(dir, "config.toml"), 'title = "x"\n');
      expect(hugoUrls(dir)).toEqual({ lower: true });
      writeFileSync(path.join(dir, "config.toml"), '[permalinks]\nposts = "/:year/:title/"\n');
      expect(hugoUrls(dir)).toBeNull();
      writeFileSync(path.join(dir, "config.toml"), "uglyurls = true\n");
      expect(hugoUrls(dir)).toBeNull();
      // The English pages' URLs get a language prefix, or the site lives below a base path.
      writeFileSync(path.join(dir, "config.toml"), "defaultContentLanguageInSubdir = true\n");
      expect(hugoUrls(dir)).toBeNull();
      writeFileSync(path.join(dir, "config.toml"), 'baseURL = "https://example.org/docs/"\n');
      expect(hugoUrls(dir)).toBeNull();
      writeFileSync(path.join(dir, "config.toml"), 'baseURL = "https://example.org/"\n');
      expect(hugoUrls(dir)).toEqual({ lower: true });
      // config/_default/ is merged over the top-level file, its keys in any case.
      mkdirSync(path.join(dir, "config/_default"), { recursive: true });
      writeFileSync(path.join(dir, "config/_default/hugo.toml"), "DisablePathToLower = true\n");
      expect(hugoUrls(dir)).toEqual({ lower: false });
      writeFileSync(path.join(dir, "config/_default/permalinks.yaml"), "posts: /:year/:title/\n");
      expect(hugoUrls(dir)).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("English rules", () => {
  const lower = { lower: true };
  it("makes Hugo's URL from the path, a slug or a url", () => {
    expect(hugoUrl("_index.md", null, lower)).toBe("/");
    expect(hugoUrl("Guide/_index.md", null, lower)).toBe("/guide/");
    expect(hugoUrl("Guide/_index.md", null, { lower: false })).toBe("/Guide/");
    expect(hugoUrl("page/index.md", null, lower)).toBe("/page/");
    expect(hugoUrl("a/b.md", { slug: "Other" }, lower)).toBe("/a/other/");
    expect(hugoUrl("a/b.md", { url: "/x/y/" }, lower)).toBe("/x/y/");
    expect(hugoUrl("a/b c.md", null, lower)).toBeNull();
  });

  it("refreshes a title with quotes in it, escaped as the shortcode reads them", () => {
    const page = `x\r\n{{< translation-status raw_title="Old" raw_link="/a/" raw_commit="${SHA}" >}}`;
    const english = '---\ntitle: Say "hi"\n---\n';
    const s = chosenShortcode(pageParts(page).shortcodes);
    if (!s) throw new Error("no shortcode");
    const findings = englishFindings(page, s, { text: english, url: { rel: "a.md", urls: lower } });
    expect(findings.map((f) => f.rule)).toEqual(["raw-title"]);
    const fixed = applyFixes(page, findings, () => []);
    expect(fixed).toEqual({ text: page.replace('"Old"', '"Say \\"hi\\""'), fixed: findings });
  });
});
