// Metadata added to a page that has none, in the site's style: only bytes added, the rest of
// the page byte for byte as it was, and the result reading back as meant.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { englishFindings } from "../../src/lint/english-rules.js";
import { pageParts } from "../../src/lint/page-rules.js";
import {
  initText,
  type MetaStyle,
  pageLink,
  pageTitle,
  styleOfChoice,
  styleOfPage,
} from "../../src/meta/init.js";
import { readMeta } from "../../src/meta/read.js";
import { chosenShortcode } from "../../src/meta/status-shortcode.js";

const COMMIT = "6addd5cf525adec1859f48c52dafcfe1f96e558a";
const VALUES = {
  commit: COMMIT,
  date: "2026-12-06",
  title: "Running your own server",
  link: "/user/run-your-own/",
  lang: "zh-cn",
};
// A page in the shape of Mastodon's (front matter, body, a blank line, the shortcode last); the
// real one in ../shared beside the repository is checked too where it is there.
const SHAPED = `---\ntitle: 标题\nmenu:\n  docs:\n    weight: 9999\n---\n\n## 小节\n\n正文。\n\n{{< hint style="warning" >}}\n提示。\n{{< /hint >}}\n\n{{< translation-status-zh-cn raw_title="Running your own server" raw_link="/user/run-your-own/" last_translation_time="2025-04-21" raw_commit="${COMMIT}">}}\n`;
const SEED_PATH = fileURLToPath(
  new URL("../../../shared/seeds/run-your-own.zh-cn.md", import.meta.url),
);
const REAL = existsSync(SEED_PATH) ? readFileSync(SEED_PATH, "utf8") : null;

function added(text: string, style: MetaStyle): string {
  const out = initText(text, style, VALUES);
  if ("error" in out) throw new Error(out.error);
  return out.text;
}

describe("the site's style", () => {
  it.each([
    ["a page shaped like Mastodon's", SHAPED],
    ...(REAL ? [["Mastodon's own page, from ../shared", REAL] as [string, string]] : []),
  ])(
    "learns Mastodon's shortcode from %s: its name per language, parameters and place",
    (_, seed) => {
      const style = styleOfPage(seed, "zh-cn");
      expect(style).toEqual({
        kind: "shortcode",
        name: "translation-status-{lang}",
        params: ["raw_title", "raw_link", "last_translation_time", "raw_commit"],
        place: "end",
      });
      // Written into the same page without its shortcode, it gives the page back.
      const line = seed.lastIndexOf("{{<");
      const bare = seed.slice(0, line);
      expect(added(bare, style as MetaStyle)).toBe(
        `${bare}{{< translation-status-zh-cn raw_title="Running your own server" raw_link="/user/run-your-own/" last_translation_time="2026-12-06" raw_commit="${COMMIT}">}}\n`,
      );
      // With the page's own date, byte for byte the page.
      expect(initText(bare, style as MetaStyle, { ...VALUES, date: "2025-04-21" })).toEqual({
        text: seed,
      });
    },
  );

  it("learns misspelt attributes under the names the tool reads", () => {
    // Mastodon's zh-cn pages misspell the date; lint names the right spelling of both.
    const page = `x\n\n{{< translation-status-zh-cn raw_title="T" raw_lnk="/t/" last_tranlation_time="2020-05-03" raw_commit="${COMMIT}">}}\n`;
    expect(styleOfPage(page, "zh-cn")).toMatchObject({
      params: ["raw_title", "raw_link", "last_translation_time", "raw_commit"],
    });
  });

  it("learns front matter keys", () => {
    expect(styleOfPage(`---\ntitle: x\ndefault_lang_commit: ${COMMIT}\n---\n`, "ja")).toEqual({
      kind: "front-matter",
      key: "default_lang_commit",
      withDate: false,
    });
    expect(styleOfPage(`---\nl10n:\n  sourceCommit: ${COMMIT}\n---\n`, "ja")).toEqual({
      kind: "front-matter",
      key: "l10n.sourceCommit",
      withDate: false,
    });
    expect(styleOfPage("---\ntitle: x\n---\nNo metadata.\n", "ja")).toBeNull();
  });
});

describe("adding metadata", () => {
  const otel = styleOfChoice("default_lang_commit") as MetaStyle;
  const mdn = styleOfChoice("l10n.sourceCommit") as MetaStyle;

  it.each([
    [
      "YAML front matter",
      otel,
      "---\ntitle: 标题\n---\n\n正文。\n",
      `---\ntitle: 标题\ndefault_lang_commit: ${COMMIT}\n---\n\n正文。\n`,
    ],
    [
      "CRLF front matter",
      otel,
      "---\r\ntitle: x\r\n---\r\nBody\r\n",
      `---\r\ntitle: x\r\ndefault_lang_commit: ${COMMIT}\r\n---\r\nBody\r\n`,
    ],
    [
      "TOML front matter",
      otel,
      '+++\ntitle = "x"\n+++\nBody\n',
      `+++\ntitle = "x"\ndefault_lang_commit = "${COMMIT}"\n+++\nBody\n`,
    ],
    [
      "MDN's key",
      mdn,
      "---\ntitle: x\nslug: Web/HTML\n---\nBody\n",
      `---\ntitle: x\nslug: Web/HTML\nl10n:\n  sourceCommit: ${COMMIT}\n---\nBody\n`,
    ],
    ["no front matter", otel, "# 标题\n", `---\ndefault_lang_commit: ${COMMIT}\n---\n\n# 标题\n`],
    [
      "a shortcode at the top of the body",
      {
        kind: "shortcode",
        name: "translation-status",
        params: ["raw_commit"],
        place: "start",
      } as MetaStyle,
      "---\ntitle: x\n---\nBody\n",
      `---\ntitle: x\n---\n{{< translation-status raw_commit="${COMMIT}">}}\nBody\n`,
    ],
    [
      "a page that does not end with a newline",
      styleOfChoice("shortcode") as MetaStyle,
      "Body",
      `Body\n\n{{< translation-status-zh-cn raw_title="Running your own server" raw_link="/user/run-your-own/" last_translation_time="2026-12-06" raw_commit="${COMMIT}">}}\n`,
    ],
  ])("%s", (_, style, page, expected) => {
    const out = added(page, style);
    expect(out).toBe(expected);
    expect(readMeta(out).meta?.rawCommit).toBe(COMMIT);
  });

  it("escapes a title so it stays one quoted value", () => {
    const style = styleOfChoice("shortcode") as MetaStyle;
    const out = initText("Body\n", style, { ...VALUES, title: 'A "quoted"\nback\\slash' });
    if ("error" in out) throw new Error(out.error);
    expect(readMeta(out.text).meta?.rawTitle).toBe('A "quoted" back\\slash');
  });

  it("refuses a page that records metadata already, or front matter it cannot write", () => {
    expect(initText(`---\ndefault_lang_commit: ${COMMIT}\n---\n`, otel, VALUES)).toEqual({
      error: expect.stringContaining("already records metadata"),
    });
    expect(initText("---\ntitle: [unclosed\n---\n", otel, VALUES)).toEqual({
      error: expect.stringContaining("front matter"),
    });
    expect(initText('+++\ntitle = "x"\n[params]\na = 1\n+++\n', otel, VALUES)).toEqual({
      error: expect.stringContaining("table"),
    });
    expect(initText("---\nl10n:\n  other: 1\n---\n", mdn, VALUES)).toEqual({
      error: expect.stringContaining('"l10n" already'),
    });
  });
});

describe("adding metadata to pages of unusual shape", () => {
  const otel = styleOfChoice("default_lang_commit") as MetaStyle;
  const mdn = styleOfChoice("l10n.sourceCommit") as MetaStyle;
  const shortcode = styleOfChoice("shortcode") as MetaStyle;
  const atStart = { ...(shortcode as object), place: "start" } as MetaStyle;
  const SC = `{{< translation-status-zh-cn raw_title="Running your own server" raw_link="/user/run-your-own/" last_translation_time="2026-12-06" raw_commit="${COMMIT}">}}`;

  it.each([
    [
      "a document end marker",
      otel,
      "---\ntitle: zh\n...\n---\n\nBody\n",
      `---\ntitle: zh\ndefault_lang_commit: ${COMMIT}\n...\n---\n\nBody\n`,
    ],
    [
      "a root mapping indented by two spaces",
      mdn,
      "---\n  title: zh\n  weight: 2\n---\n\nBody\n",
      `---\n  title: zh\n  weight: 2\n  l10n:\n    sourceCommit: ${COMMIT}\n---\n\nBody\n`,
    ],
    [
      "a byte order mark and no front matter",
      otel,
      "\uFEFFBody\n",
      `\uFEFF---\ndefault_lang_commit: ${COMMIT}\n---\n\nBody\n`,
    ],
    ["a byte order mark, shortcode at the top", atStart, "\uFEFFBody\n", `\uFEFF${SC}\nBody\n`],
    [
      "an empty front matter block",
      otel,
      "---\n---\nBody\n",
      `---\ndefault_lang_commit: ${COMMIT}\n---\nBody\n`,
    ],
  ])("%s: written where it parses, reading back as meant", (_, style, page, expected) => {
    const out = added(page, style);
    expect(out).toBe(expected);
    const read = readMeta(out);
    expect(read.meta?.rawCommit).toBe(COMMIT);
    expect(read.meta?.unreadable).toBeUndefined();
    expect(read.warnings).toEqual([]);
  });

  it.each([
    ["a sequence", "---\n- a\n---\nBody\n", /a list or a single value/],
    ["a plain scalar", "---\njust a scalar\n---\nBody\n", /a list or a single value/],
    // Valid YAML that a line appended after it no longer is: the read-back refuses it.
    ["a flow mapping", "---\n{title: zh}\n---\nBody\n", /would not read back correctly/],
  ])("refuses front matter that is %s, writing nothing", (_, page, why) => {
    for (const style of [otel, mdn]) {
      expect(initText(page, style, VALUES)).toEqual({ error: expect.stringMatching(why) });
    }
  });

  it.each([
    ["JSON", '{\n  "title": "Japanese",\n  "weight": 3\n}\n\nBody\n', /JSON front matter/],
    ["JSON after a byte order mark", '\uFEFF{"title": "x"}\nBody\n', /JSON front matter/],
    ["Org mode", "#+TITLE: x\n\nBody\n", /Org mode front matter/],
    ["YAML after a blank line", "\n---\ntitle: x\n---\nBody\n", /does not start on its first line/],
  ])("never puts a block in front of %s front matter", (_, page, why) => {
    for (const style of [otel, mdn, atStart]) {
      expect(initText(page, style, VALUES)).toEqual({ error: expect.stringMatching(why) });
    }
    // At the end of the page a shortcode leaves the front matter alone.
    expect(added(page, shortcode)).toBe(`${page}\n${SC}\n`);
  });

  it.each([
    ["a shortcode", "{{< hint >}}x{{< /hint >}}\n"],
    ["an MDX comment", "{/* a note */}\n\nBody\n"],
  ])("%s opening the body is not JSON", (_, page) => {
    expect(added(page, atStart)).toBe(`${SC}\n${page}`);
  });

  it("writes a title with tabs and line breaks as lint compares it", () => {
    const title = "tab\there\nand a line";
    const out = initText("Body\n", shortcode, { ...VALUES, title });
    if ("error" in out) throw new Error(out.error);
    const s = chosenShortcode(pageParts(out.text).shortcodes);
    if (!s) throw new Error("no shortcode");
    expect(s.params.get("raw_title")).toBe("tab here and a line");
    const english = `---\ntitle: "${title.replace("\t", "\\t").replace("\n", "\\n")}"\n---\n`;
    expect(pageTitle(english, "t.md")).toBe("tab here and a line");
    expect(englishFindings(out.text, s, { text: english, url: null })).toEqual([]);
  });
});

describe("the English page's title and link", () => {
  it.each([
    ["---\ntitle: Running your own server\n---\n# Other\n", "Running your own server"],
    ["# A heading #\n\nText\n", "A heading"],
    ["Just text\n", "page.md"],
  ])("title of %j", (text, title) => {
    expect(pageTitle(text, "page.md")).toBe(title);
  });

  it.each([
    ["user/run-your-own.md", "/user/run-your-own/"],
    ["_index.md", "/"],
    ["admin/_index.md", "/admin/"],
    ["guide/index.md", "/guide/"],
  ])("link of %s", (rel, link) => {
    expect(pageLink(rel)).toBe(link);
  });
});
