// The one read-back check of stamp, stamp --init and lint --fix (meta/read-back.ts): the page as
// written must read the metadata meant, with no problem in reading it that it did not have.
import { describe, expect, it } from "vitest";
import { readMeta } from "../../src/meta/read.js";
import { readBackProblem } from "../../src/meta/read-back.js";
import { stampText } from "../../src/meta/stamp.js";

const OLD = "6addd5cf525adec1859f48c52dafcfe1f96e558a";
const NEW = "f".repeat(40);
/** A shortcode the reader ignores, with a warning naming its line. */
const IGNORED = "{{< translation-status raw_title=x >}}";

describe("readBackProblem", () => {
  const text = `---\ntitle: 标题\ndefault_lang_commit: ${OLD}\n---\n\n正文\n`;

  it("refuses a write that reads the metadata meant but gives a new warning", () => {
    const written = `${text.replace(OLD, NEW)}${IGNORED}\n`;
    expect(readMeta(written).meta?.rawCommit).toBe(NEW);
    expect(readBackProblem(readMeta(text), written, { rawCommit: NEW })).toEqual({
      newWarning: "ignored the translation-status shortcode on line 7: it has no raw_commit",
    });
  });

  it("takes a warning that only moved to another line as the one the page had", () => {
    const before = `${text}\n${IGNORED}\n`;
    const written = `${text.replace(OLD, NEW)}${IGNORED}\n`;
    expect(readBackProblem(readMeta(before), written, { rawCommit: NEW })).toBeNull();
  });

  it("refuses a write whose metadata reads otherwise than meant", () => {
    const written = text.replace(OLD, NEW);
    expect(readBackProblem(readMeta(text), written, { rawCommit: OLD })).toEqual({
      wrongMeta: true,
    });
    expect(readBackProblem(readMeta(text), written, { rawCommit: NEW, line: 4 })).toEqual({
      wrongMeta: true,
    });
  });
});

describe("stampText", () => {
  it("stamps an OpenTelemetry page, whose drift key goes and moves every warning's line", () => {
    const text = `---\ntitle: 标题\ndrifted_from_default: true\ndefault_lang_commit: ${OLD}\n---\n\n正文\n${IGNORED}\n`;
    const before = readMeta(text).warnings;
    expect(before).toEqual([
      "ignored the translation-status shortcode on line 8: it has no raw_commit",
    ]);
    const out = stampText(text, NEW, "2026-11-26");
    expect(out).toEqual({
      text: `---\ntitle: 标题\ndefault_lang_commit: ${NEW}\n---\n\n正文\n${IGNORED}\n`,
    });
    if ("text" in out) {
      expect(readMeta(out.text).warnings).toEqual([
        "ignored the translation-status shortcode on line 7: it has no raw_commit",
      ]);
    }
  });
});
