// Every writer's quoting (meta/value-text.ts): what it writes must read back as the value, to
// this tool's readers and to the YAML 1.1 and 1.2 readers Hugo has used, or it is not written.
import { parse as parseToml } from "smol-toml";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { initText } from "../../src/meta/init.js";
import { scalarText } from "../../src/meta/key-spans.js";
import { parseBlock } from "../../src/meta/matter.js";
import { findShortcodes } from "../../src/meta/shortcode.js";
import { stampText } from "../../src/meta/stamp.js";
import { type Quote, quotedShortcodeValue, valueText } from "../../src/meta/value-text.js";

const VALUES = [
  "6762747529b704ce47ddf7e19cc7aa0426bc0068",
  "6762747529407040779797000426401234567890",
  "1234e567",
  "0123456",
  "2026-01-05",
  "yes",
  "null",
  "Running the server",
  "/user/run-your-own/",
  'q "x" y',
  "it's",
  "trailing backslash\\",
  'mid\\"dle',
  "a\\b",
  "back`tick",
  'all "three\\` here',
  "#hash: colon",
  "- dash",
];

/** The value front matter `text` (one key, `k`) holds, as the tool reads it; undefined when it
 * does not parse. */
function tool(format: "yaml" | "toml", text: string): string | null | undefined {
  const delim = format === "yaml" ? "---" : "+++";
  const parsed = parseBlock(`${delim}\n${text}\n${delim}\n`, format, 1);
  return parsed.ok ? scalarText((parsed.data as Record<string, unknown>).k) : undefined;
}

function hugoYaml(text: string, version: "1.1" | "1.2"): unknown {
  try {
    return (parseYaml(text, { version }) as Record<string, unknown>).k;
  } catch {
    return undefined;
  }
}

describe("valueText", () => {
  it("writes a bare YAML value so that every YAML reader reads that string", () => {
    for (const v of VALUES) {
      const written = valueText("yaml", "", v);
      if (written === null) continue;
      const text = `k: ${written}`;
      expect(tool("yaml", text), text).toBe(v);
      // A date stays a date (its key's type), as the page had it; anything else is a string.
      if (v === "2026-01-05") continue;
      expect(hugoYaml(text, "1.1"), text).toBe(v);
      expect(hugoYaml(text, "1.2"), text).toBe(v);
    }
    expect(valueText("yaml", "", "1234e567")).toBe('"1234e567"');
    expect(valueText("yaml", "", "0123456")).toBe('"0123456"');
    expect(valueText("yaml", "", "6762747529b704ce47ddf7e19cc7aa0426bc0068")).toBe(
      "6762747529b704ce47ddf7e19cc7aa0426bc0068",
    );
  });

  it("writes a bare TOML value in quotes (TOML has no bare strings), a date bare", () => {
    for (const v of VALUES) {
      const written = valueText("toml", "", v);
      expect(written, v).not.toBeNull();
      const text = `k = ${written}`;
      expect(() => parseToml(text), text).not.toThrow();
      if (v === "2026-01-05") expect(written).toBe(v);
      else expect(tool("toml", text), text).toBe(v);
    }
    expect(valueText("toml", "", "67627475")).toBe('"67627475"');
  });

  it("writes inside the quotes a page already has, or says it cannot", () => {
    const cases: Array<["yaml" | "toml", Quote, string]> = [
      ["yaml", '"', "k: "],
      ["yaml", "'", "k: "],
      ["toml", '"', "k = "],
      ["toml", "'", "k = "],
    ];
    for (const [format, quote, lead] of cases) {
      for (const v of VALUES) {
        const written = valueText(format, quote, v);
        if (written === null) continue;
        const text = `${lead}${quote}${written}${quote}`;
        expect(tool(format, text), text).toBe(v);
      }
    }
    expect(valueText("toml", "'", "it's")).toBeNull();
    expect(valueText("yaml", "`", "x")).toBeNull();
    expect(valueText("yaml", "", "line\nbreak")).toBeNull();
  });

  it("writes a shortcode value that reads back, or says it cannot", () => {
    for (const quote of ['"', "'", "`", ""] as const) {
      for (const v of VALUES) {
        const written = valueText("shortcode", quote, v);
        if (written === null) continue;
        const page = `{{< s k=${quote}${written}${quote} other="y" >}}`;
        const [s] = findShortcodes(page);
        expect(s?.params.get("k"), page).toBe(v);
        expect(s?.params.get("other"), page).toBe("y");
      }
    }
    // A backslash before the closing quote would escape it: not writable in double quotes.
    expect(valueText("shortcode", '"', "trailing backslash\\")).toBeNull();
    expect(valueText("shortcode", '"', 'mid\\"dle')).toBeNull();
    expect(valueText("shortcode", "`", "back`tick")).toBeNull();
    // A bare value that needs quotes gets them.
    expect(valueText("shortcode", "", "Running the server")).toBe('"Running the server"');
  });

  it("chooses quotes for a new shortcode value that read back as it", () => {
    for (const v of VALUES) {
      const written = quotedShortcodeValue(v);
      if (written === null) continue;
      const [s] = findShortcodes(`{{< s k=${written} >}}`);
      expect(s?.params.get("k"), written).toBe(v);
    }
    expect(quotedShortcodeValue("trailing backslash\\")).toBe("`trailing backslash\\`");
  });
});

describe("every writer quotes through it", () => {
  // A full hash can be all digits: YAML 1.1 and 1.2 read it bare as a number, TOML refuses it.
  const DIGITS = "1234567890123456789012345678901234567890";
  const values = { commit: DIGITS, date: "2026-01-05", title: "T", link: "/a/", lang: "ja" };

  it("stamp", () => {
    const yaml = stampText(
      `---\ntitle: T\ndefault_lang_commit: 1234567\n---\nx\n`,
      DIGITS,
      "2026-01-05",
    );
    expect(yaml).toEqual({ text: `---\ntitle: T\ndefault_lang_commit: "${DIGITS}"\n---\nx\n` });
    const toml = stampText(
      `+++\ntitle = "T"\ndefault_lang_commit = 1234567\n+++\nx\n`,
      DIGITS,
      "2026-01-05",
    );
    expect(toml).toEqual({ text: `+++\ntitle = "T"\ndefault_lang_commit = "${DIGITS}"\n+++\nx\n` });
    const kept = stampText(`---\ndefault_lang_commit: 'abc1234'\n---\nx\n`, DIGITS, "2026-01-05");
    expect(kept).toEqual({ text: `---\ndefault_lang_commit: '${DIGITS}'\n---\nx\n` });
    const shortcode = stampText(
      `x\n{{< translation-status raw_commit=abc1234 >}}\n`,
      DIGITS,
      "2026-01-05",
    );
    expect(shortcode).toEqual({ text: `x\n{{< translation-status raw_commit=${DIGITS} >}}\n` });
  });

  it("stamp --init", () => {
    const style = { kind: "front-matter", key: "default_lang_commit", withDate: false } as const;
    expect(initText("---\ntitle: T\n---\nx\n", style, values)).toEqual({
      text: `---\ntitle: T\ndefault_lang_commit: "${DIGITS}"\n---\nx\n`,
    });
    expect(initText('+++\ntitle = "T"\n+++\nx\n', style, values)).toEqual({
      text: `+++\ntitle = "T"\ndefault_lang_commit = "${DIGITS}"\n+++\nx\n`,
    });
    const shortcode = {
      kind: "shortcode",
      name: "translation-status-{lang}",
      params: ["raw_title", "raw_commit"],
      place: "end",
    } as const;
    const title = initText("x\n", shortcode, { ...values, title: "ends in \\" });
    expect(title).toEqual({
      text: `x\n\n{{< translation-status-ja raw_title=\`ends in \\\` raw_commit="${DIGITS}">}}\n`,
    });
  });
});
