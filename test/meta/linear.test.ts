// Pages are untrusted. Each input here makes a scan that re-reads text quadratic: at these sizes
// that is minutes of work, far past the explicit 5 s timeout, while a linear scan needs
// milliseconds.

import { describe, expect, it } from "vitest";
import { pageFindings, pageParts } from "../../src/lint/page-rules.js";
import { readMeta as readParts } from "../../src/meta/read.js";
import { findShortcodes } from "../../src/meta/shortcode.js";

const TIMEOUT = 5_000;

/** The metadata and the scan's warnings on it: the reader's, then the rules' (lint/). */
function readMeta(text: string) {
  const { meta, warnings } = readParts(text);
  const findings = pageFindings(pageParts(text), "", Date.UTC(2026, 0, 1));
  return { meta, warnings: [...warnings, ...findings.map((f) => f.message)] };
}
const MB = 1_000_000;

describe("linear-time guards", () => {
  it(
    "reads a 1 MB attribute value",
    () => {
      const title = "t".repeat(MB);
      const result = readMeta(`{{< translation-status raw_title="${title}" raw_commit="abc" >}}`);
      expect([result.meta?.rawCommit, result.meta?.rawTitle?.length]).toEqual(["abc", MB]);
    },
    TIMEOUT,
  );

  it(
    "reads 10,000 shortcodes on separate lines and on one line",
    () => {
      const many = Array.from(
        { length: 10_000 },
        (_, i) => `{{< translation-status raw_commit="c${i}" >}}`,
      );
      const onLines = readMeta(many.join("\n"));
      expect([onLines.meta?.rawCommit, onLines.meta?.line, onLines.warnings]).toEqual([
        "c9999",
        10_000,
        ["found 10000 translation-status shortcodes; using the last one, on line 10000"],
      ]);
      expect(findShortcodes(many.join(" ")).map((s) => s.line)).toEqual(new Array(10_000).fill(1));
    },
    TIMEOUT,
  );

  it(
    "gives up on an unterminated shortcode followed by megabytes of text",
    () => {
      const words = " word".repeat(MB / 2);
      expect(readMeta(`{{< translation-status raw_commit="abc"${words}`).meta).toBeNull();
      expect(readMeta(`{{< translation-status raw_commit="${words}`).meta).toBeNull();
      expect(readMeta(`{{<${words}`).meta).toBeNull();
    },
    TIMEOUT,
  );

  it(
    "survives long runs of openers",
    () => {
      const tail = '\n{{< translation-status raw_commit="end" >}}';
      for (const opener of ["{{<", "{{%", "{{", "{{</*", "{{%/*", "{{< /", "{{</* */ "]) {
        const result = readMeta(opener.repeat(300_000) + tail);
        expect([opener, result.meta?.rawCommit]).toEqual([opener, "end"]);
      }
    },
    TIMEOUT,
  );

  it(
    "survives many shortcodes whose quotes never close",
    () => {
      for (const quote of ['"', "'", "`"]) {
        const text = `{{< translation-status a=${quote}`.repeat(100_000);
        expect([quote, findShortcodes(text)]).toEqual([quote, []]);
      }
    },
    TIMEOUT,
  );

  it(
    "survives shortcodes nested in each other's quotes",
    () => {
      const nested = "{{< s a=\" {{< s b=' {{< s c=` ".repeat(100_000);
      expect(findShortcodes(`${nested}\n{{< t >}}`).map((s) => s.name)).toEqual(["t"]);
      const chain = '{{< s a="x" b="'.repeat(100_000);
      expect(findShortcodes(chain)).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    "survives many fences and fence-like lines",
    () => {
      const lines = ["```a`b\n", "~~~\n~~~\n", "    ```\n", "``\n"];
      for (const line of lines) {
        const result = readMeta(`${line.repeat(200_000)}{{< translation-status raw_commit=x >}}`);
        expect([line, result.meta?.rawCommit]).toEqual([line, "x"]);
      }
      expect(
        readMeta(`\`\`\`\n${"{{< translation-status raw_commit=x >}}\n".repeat(50_000)}`).meta,
      ).toBeNull();
    },
    TIMEOUT,
  );

  it(
    "survives megabytes of front matter",
    () => {
      const blank = `---\ndefault_lang_commit: y\n${"\n".repeat(MB)}---\n{{< translation-status raw_commit=x >}}`;
      expect(readMeta(blank)).toEqual({
        meta: {
          kind: "shortcode",
          rawCommit: "x",
          rawTitle: null,
          rawLink: null,
          lastTranslationTime: null,
          line: MB + 4,
        },
        warnings: [
          "page has metadata in both front matter (line 2) and a shortcode (line 1000004); using the shortcode",
        ],
      });
      const big = `---\ntitle: "${"t".repeat(MB)}"\ndefault_lang_commit: abc\n---\n`;
      expect(readMeta(big).meta?.rawCommit).toBe("abc");
      const unclosed = `---\n${"a: b\n".repeat(MB / 5)}`;
      expect(readMeta(unclosed).warnings).toEqual([
        'front matter opened with "---" on line 1 is never closed',
      ]);
    },
    TIMEOUT,
  );
});
