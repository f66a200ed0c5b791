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
    expect(fixed).toEqual({
      text: text.replace("raw_titel", "raw_title"),
      fixed: [f],
      refused: null,
    });
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

describe("a misspelt commit key", () => {
  it("is flagged on a page that records no metadata because of it, with no repair", () => {
    const pages = [
      `---\ntitle: a\ndefault_lang_comit: ${SHA}\n---\n\nx\n`,
      `---\ntitle: b\nl10n:\n  sourceComit: ${SHA}\n---\n\nx\n`,
      `+++\ntitle = "b"\nl10n.sourceComit = "${SHA}"\n+++\n\nx\n`,
      `+++\ntitle = "b"\n[l10n]\nsourcecommit = "${SHA}"\n+++\n\nx\n`,
      `---\ntitle: b\nl10m:\n  sourceCommit: ${SHA}\n---\n\nx\n`,
      `+++\ntitle = "b"\nL10n.sourceCommit = "${SHA}"\n+++\n\nx\n`,
      `x\n\n{{< translation-status-zh-cn raw_title="a" raw_comit="${SHA}" >}}\n`,
      // The path written as one key: YAML reads a dot in a key as part of its name, and TOML
      // a quoted one; other separators and another case are the same words.
      `---\ntitle: b\nl10n.sourceCommit: ${SHA}\n---\n\nx\n`,
      `---\ntitle: b\n"l10n.sourceCommit": ${SHA}\n---\n\nx\n`,
      `+++\ntitle = "b"\n"l10n.sourceCommit" = "${SHA}"\n+++\n\nx\n`,
      `---\ntitle: b\nl10n_source_commit: ${SHA}\n---\n\nx\n`,
      `---\ntitle: b\nL10n.sourceComit: ${SHA}\n---\n\nx\n`,
      `---\ntitle: a\ndefaultLangCommit: ${SHA}\n---\n\nx\n`,
      `---\ntitle: a\nDEFAULT.LANG.COMMIT: ${SHA}\n---\n\nx\n`,
    ];
    for (const text of pages) {
      expect(pageParts(text).meta, text).toBeNull();
      const found = pageFindings(pageParts(text), "zh-cn", NOW);
      expect(
        found.map((f) => [f.rule, f.fix]),
        text,
      ).toEqual([["misspelled-attribute", undefined]]);
      expect(found[0]?.message).toContain("the page records no metadata until it is renamed");
    }
  });

  it("says a dotted key is one key, where it is written", () => {
    const found = pageFindings(
      pageParts(`---\ntitle: b\nl10n.sourceCommit: ${SHA}\n---\n\nx\n`),
      "ja",
      NOW,
    );
    expect(found.map((f) => [f.line, f.column, f.message])).toEqual([
      [
        3,
        1,
        'front matter key "l10n.sourceCommit" is one key, not "sourceCommit" inside "l10n", which this tool reads (in YAML "l10n:" with "sourceCommit:" indented below it); the page records no metadata until it is renamed',
      ],
    ]);
  });

  it("leaves the keys of real front matter alone", () => {
    const real = [
      // Hugo's documentation
      "---\ntitle: Front matter\nlinkTitle: Front matter\ndescription: Use front matter.\ncategories: []\nkeywords: []\nweight: 20\naliases: [/content/front-matter/]\ntoc: true\n---\n",
      // OpenTelemetry, a page without and with its metadata
      "---\ntitle: Collector\ndescription: Vendor-agnostic way.\naliases: [./about]\ncascade:\n  vers: 0.120.0\nweight: 270\ncSpell:ignore: otlp\n---\n",
      `---\ntitle: Collector\ndefault_lang_commit: ${SHA}\ndrifted_from_default: true\nweight: 10\n---\n`,
      // MDN
      `---\ntitle: Array\nslug: Web/JavaScript/Reference/Global_Objects/Array\npage-type: javascript-class\nbrowser-compat: javascript.builtins.Array\nl10n:\n  sourceCommit: ${SHA}\n---\n`,
      // Docusaurus and Hugo blogs
      "---\nsidebar_position: 2\nsidebar_label: Intro\nslug: /intro\ntags: [a]\nhide_title: false\ndisplayed_sidebar: docs\n---\n",
      '+++\ntitle = "Post"\ndate = 2024-01-02\ndraft = false\nlastmod = 2024-02-01\ntranslationKey = "post"\nlayout = "single"\n[params]\nauthor = "me"\n+++\n',
      "---\ntitle: T\nlang: ja\nlang_commit: x\ndefault_lang: en\nlast_translator: me\ntranslation: true\n---\n",
      // TOML's dotted key is the table's key.
      `+++\ntitle = "T"\nl10n.sourceCommit = "${SHA}"\n+++\n`,
      // Another table's sourceCommit is another tool's, not a misspelt l10n.
      `---\ntitle: T\ni18n:\n  sourceCommit: ${SHA}\nl10n:\n  other: 1\n---\n`,
    ];
    for (const text of real) expect(rules(`${text}\nBody.\n`), text).toEqual([]);
  });
});

describe("front matter that does not parse", () => {
  it("is a finding when it holds metadata", () => {
    const bare = `+++\ntitle = "ja"\ndefault_lang_commit = ${SHA}\n+++\n\nx\n`;
    const found = pageFindings(pageParts(bare), "ja", NOW);
    expect(found.map((f) => [f.rule, f.line])).toEqual([["front-matter-invalid", 1]]);
    expect(found[0]?.message).toMatch(/^front matter is not valid TOML/);
    expect(rules(`---\ntitle: [x\ndefault_lang_commit: ${SHA}\n---\n`)).toEqual([
      "front-matter-invalid",
    ]);
    expect(rules(`---\ndefault_lang_commit: ${SHA}\nnever closed\n`)).toEqual([
      "front-matter-invalid",
    ]);
    expect(rules(`+++\ntitle = "ja"\ndefault_lang_commit = "${SHA}"\n+++\n`)).toEqual([]);
  });
});

describe("applyFixes", () => {
  const toml = (value: string) => `+++\ntitle = "ja"\ndefault_lang_commit = ${value}\n+++\n\nx\n`;
  const recheck = (t: string) => pageFindings(pageParts(t), "ja", NOW);
  const repair = (text: string, value: string, reads = {}) => {
    const start = text.lastIndexOf("= ") + 2;
    const end = text.indexOf("\n", start);
    return applyFixes(
      text,
      [
        {
          rule: "raw-commit-abbreviated",
          line: 3,
          column: start,
          message: "abbreviated",
          fix: { edits: [{ start, end, value }], says: "written in full", reads },
        },
      ],
      recheck,
    );
  };

  it("refuses a repair after which the front matter no longer parses", () => {
    const text = toml('"67627475"');
    const result = repair(text, SHA, { rawCommit: SHA });
    expect(result.fixed).toEqual([]);
    expect(result.text).toBe(text);
    expect(result.refused).toMatch(
      /would read with a new problem \(front matter is not valid TOML/,
    );
  });

  it("refuses a repair whose metadata does not read back as meant", () => {
    const text = toml('"67627475"');
    const result = repair(text, `"${SHA.replace("6", "7")}"`, { rawCommit: SHA });
    expect(result.fixed).toEqual([]);
    expect(result.refused).toMatch(/would not read back correctly/);
    expect(repair(text, `"${SHA}"`, { rawCommit: SHA }).text).toBe(toml(`"${SHA}"`));
  });

  it("makes the repairs that hold and says why it left the others", () => {
    const page = `x\n{{< translation-status raw_titel="T" raw_title="U" last_tranlation_time="2025-01-01" raw_commit="${SHA}" >}}\n`;
    const found = pageFindings(pageParts(page), "ja", NOW);
    const rename = found.find((f) => f.message.includes("last_tranlation_time"));
    expect(rename?.fix).toBeDefined();
    const broken = {
      ...rename,
      rule: "unknown-attribute" as const,
      line: 1,
      column: 1,
      message: "x",
      fix: { edits: [{ start: 2, end: 3, value: "{{< translation-status " }], says: "breaks" },
    };
    const result = applyFixes(page, [...found, broken], (t) =>
      pageFindings(pageParts(t), "ja", NOW),
    );
    expect(result.fixed).toEqual([rename]);
    expect(result.text).toBe(page.replace("last_tranlation_time", "last_translation_time"));
    expect(result.refused).not.toBeNull();
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
    expect(fixed).toEqual({
      text: page.replace('"Old"', '"Say \\"hi\\""'),
      fixed: findings,
      refused: null,
    });
  });
});
