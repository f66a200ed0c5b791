import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { pageFindings, pageParts } from "../../src/lint/page-rules.js";
import { type MetaResult, readMeta as readParts } from "../../src/meta/read.js";
import { isTranslationStatusName } from "../../src/meta/status-shortcode.js";

const SHA = "6addd5cf525adec1859f48c52dafcfe1f96e558a";

/** The metadata and what the scan warns about the page: the reader's warnings, then the
 * rules' findings (lint/page-rules.ts), whose messages the scan adds. */
function readMeta(text: string): Pick<MetaResult, "meta" | "warnings"> {
  const { meta, warnings } = readParts(text);
  const findings = pageFindings(pageParts(text), "", Date.UTC(2026, 0, 1));
  return { meta, warnings: [...warnings, ...findings.map((f) => f.message)] };
}
// ../shared sits beside the repository; resolve it from here so the test runs from any directory.
const SEED = fileURLToPath(new URL("../../../shared/seeds/run-your-own.zh-cn.md", import.meta.url));

describe("readMeta on the Mastodon seed page", () => {
  it("reads the shortcode on the last line of ../shared/seeds/run-your-own.zh-cn.md", ({
    skip,
  }) => {
    skip(
      !existsSync(SEED),
      `seed page not found at ${SEED}; this test needs ../shared beside the repository`,
    );
    expect(readMeta(readFileSync(SEED, "utf8"))).toEqual({
      meta: {
        kind: "shortcode",
        rawCommit: SHA,
        rawTitle: "Running your own server",
        rawLink: "/user/run-your-own/",
        lastTranslationTime: "2025-04-21",
        line: 63,
      },
      warnings: [],
    });
  });
});

describe("readMeta: shortcode", () => {
  it("reads every attribute in any order and across lines; the line is raw_commit's", () => {
    const text = `# Title\n\n{{% translation-status\n  raw_commit='${SHA}'\n  last_translation_time="2025-04-21"\n  raw_link="/a/"\n  raw_title="A"\n/%}}\n`;
    expect(readMeta(text)).toEqual({
      meta: {
        kind: "shortcode",
        rawCommit: SHA,
        rawTitle: "A",
        rawLink: "/a/",
        lastTranslationTime: "2025-04-21",
        line: 4,
      },
      warnings: [],
    });
  });

  it("gives null for absent optional attributes and trims the commit", () => {
    expect(readMeta(`{{<translation-status-ja raw_commit="  ${SHA}\n">}}`).meta).toEqual({
      kind: "shortcode",
      rawCommit: SHA,
      rawTitle: null,
      rawLink: null,
      lastTranslationTime: null,
      line: 1,
    });
  });

  it("counts an empty raw_commit as metadata with an empty commit", () => {
    expect(readMeta('{{< translation-status raw_commit="" >}}').meta?.rawCommit).toBe("");
  });

  it("reads the misspelled time attribute and warns", () => {
    expect(
      readMeta(`{{< translation-status raw_commit=${SHA} last_tranlation_time=2024-01-02 >}}`),
    ).toEqual({
      meta: {
        kind: "shortcode",
        rawCommit: SHA,
        rawTitle: null,
        rawLink: null,
        lastTranslationTime: "2024-01-02",
        line: 1,
      },
      warnings: [
        'metadata uses the misspelled attribute "last_tranlation_time"; Hugo templates read "last_translation_time"',
      ],
    });
  });

  it("prefers the correctly spelled time attribute when both are present", () => {
    const text = `{{< translation-status raw_commit=a last_tranlation_time=1 last_translation_time=2 >}}`;
    const result = readMeta(text);
    expect([result.meta?.lastTranslationTime, result.warnings]).toEqual([
      "2",
      [
        'shortcode has both "last_translation_time" and the misspelled "last_tranlation_time"; using "last_translation_time"',
        // The dates' rule is among the page's rules too.
        'last_translation_time "2" is not a real date (YYYY-MM-DD)',
      ],
    ]);
  });

  it("uses the last of several shortcodes and warns", () => {
    const text =
      "{{< translation-status raw_commit=a >}}\n\n{{< translation-status-fr raw_commit=b >}}\n";
    const result = readMeta(text);
    expect([result.meta?.rawCommit, result.meta?.line, result.warnings]).toEqual([
      "b",
      3,
      ["found 2 translation-status shortcodes; using the last one, on line 3"],
    ]);
  });

  it("ignores a translation-status shortcode without raw_commit and warns", () => {
    expect(readMeta('x\n{{< translation-status raw_title="T" >}}')).toEqual({
      meta: null,
      warnings: ["ignored the translation-status shortcode on line 2: it has no raw_commit"],
    });
    expect(readMeta("{{< translation-status >}}\n{{< translation-status >}}").warnings).toEqual([
      "ignored 2 translation-status shortcodes without raw_commit (first on line 1)",
    ]);
  });

  it("warns about a repeated attribute and uses its last value", () => {
    const result = readMeta("{{< translation-status raw_commit=a raw_commit=b >}}");
    expect([result.meta?.rawCommit, result.warnings]).toEqual([
      "b",
      ['attribute "raw_commit" is given more than once; using the last value'],
    ]);
  });

  it("ignores other shortcodes, comments, fences and the front matter", () => {
    const text = [
      "---",
      'description: "{{< translation-status raw_commit=fm >}}"',
      "---",
      "{{< translation-statusx raw_commit=a >}}",
      "{{< page-ref raw_commit=b >}}",
      "{{</* translation-status raw_commit=c */>}}",
      "```",
      "{{< translation-status raw_commit=d >}}",
      "```",
    ].join("\n");
    expect(readMeta(text)).toEqual({ meta: null, warnings: [] });
  });

  it("prefers a shortcode over front matter and warns", () => {
    const text = "---\ndefault_lang_commit: fm\n---\n\n{{< translation-status raw_commit=sc >}}\n";
    expect(readMeta(text)).toEqual({
      meta: {
        kind: "shortcode",
        rawCommit: "sc",
        rawTitle: null,
        rawLink: null,
        lastTranslationTime: null,
        line: 5,
      },
      warnings: [
        "page has metadata in both front matter (line 2) and a shortcode (line 5); using the shortcode",
      ],
    });
  });

  it("still reads a shortcode below refused front matter", () => {
    const text = "---js\n{ a: 1 }\n---\n{{< translation-status raw_commit=sc >}}";
    expect(readMeta(text)).toEqual({
      meta: {
        kind: "shortcode",
        rawCommit: "sc",
        rawTitle: null,
        rawLink: null,
        lastTranslationTime: null,
        line: 4,
      },
      warnings: ['front matter marked "js" is not read: executable front matter is refused'],
    });
  });

  it("reads front matter metadata when there is no shortcode", () => {
    expect(readMeta("---\ntitle: T\nl10n:\n  sourceCommit: abc\n---\nbody")).toEqual({
      meta: {
        kind: "front-matter",
        rawCommit: "abc",
        rawTitle: "T",
        rawLink: null,
        lastTranslationTime: null,
        line: 4,
      },
      warnings: [],
    });
  });

  it("returns nothing for a page without metadata, including an empty one", () => {
    expect(readMeta("")).toEqual({ meta: null, warnings: [] });
    expect(readMeta("# Just a page\n")).toEqual({ meta: null, warnings: [] });
  });
});

describe("isTranslationStatusName", () => {
  it.each([
    ["translation-status", true],
    ["translation-status-zh-cn", true],
    ["translation-status-pt_BR", true],
    ["translation-status-x-1", true],
    ["translation-statusx", false],
    ["translation-status-", false],
    ["translation-status-zh.cn", false],
    ["translation-status/zh", false],
    ["Translation-Status", false],
    ["page-ref", false],
  ])("%s → %s", (name, expected) => {
    expect(isTranslationStatusName(name)).toBe(expected);
  });
});
