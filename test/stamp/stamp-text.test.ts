import { describe, expect, it } from "vitest";
import { stampText } from "../../src/meta/stamp.js";

const NEW = "f".repeat(40);
const OLD = "6addd5cf525adec1859f48c52dafcfe1f96e558a";

describe("stampText", () => {
  it("changes only the commit and date of a Mastodon shortcode", () => {
    const text = `# 标题\r\n\r\n正文\r\n{{< translation-status-zh-cn raw_title="Running" raw_link="/user/run-your-own/" last_translation_time="2025-04-21" raw_commit="${OLD}">}}\r\n`;
    const out = stampText(text, NEW, "2026-11-26");
    expect(out).toEqual({
      text: text.replace(OLD, NEW).replace("2025-04-21", "2026-11-26"),
    });
  });

  it("keeps the misspelled attribute name but updates its date", () => {
    const text = `x\n{{% translation-status last_tranlation_time='2025-01-01'\n  raw_commit='${OLD}' /%}}\n`;
    expect(stampText(text, NEW, "2026-11-26")).toEqual({
      text: text.replace(OLD, NEW).replace("2025-01-01", "2026-11-26"),
    });
  });

  it("reads past escaped quotes and quoted positional values as the page reader does", () => {
    const text = `{{< translation-status-zh-cn "note" raw_title="say \\"hi\\" raw_commit=\\"x\\"" last_translation_time='2025-01-01' raw_commit="${OLD}" >}}\n`;
    expect(stampText(text, NEW, "2026-11-26")).toEqual({
      text: text.replace(OLD, NEW).replace("2025-01-01", "2026-11-26"),
    });
  });

  it("updates the live shortcode, not one in a code fence or a Hugo comment", () => {
    const text = [
      "```",
      `{{< translation-status raw_commit="${OLD}" >}}`,
      "```",
      `{{</* translation-status raw_commit="${OLD}" */>}}`,
      `{{< translation-status raw_commit="${"a".repeat(40)}" >}}`,
      "",
    ].join("\n");
    const out = stampText(text, NEW, "2026-11-26");
    expect(out).toEqual({ text: text.replace("a".repeat(40), NEW) });
  });

  it("updates MDN and OpenTelemetry front matter, quoted or not", () => {
    const mdn = `---\ntitle: T\nl10n:\n  sourceCommit: ${OLD}\n---\n\nbody\n`;
    expect(stampText(mdn, NEW, "2026-11-26")).toEqual({ text: mdn.replace(OLD, NEW) });
    const otel = `---\ntitle: T\ndefault_lang_commit: "${OLD}" # synced\n---\nbody\n`;
    expect(stampText(otel, NEW, "2026-11-26")).toEqual({ text: otel.replace(OLD, NEW) });
    const toml = `+++\ntitle = "T"\ndefault_lang_commit = '${OLD}'\n+++\nbody\n`;
    expect(stampText(toml, NEW, "2026-11-26")).toEqual({ text: toml.replace(OLD, NEW) });
  });

  it("refuses a page without metadata", () => {
    expect(stampText("# nothing here\n", NEW, "2026-11-26")).toEqual({
      error: "the page has no translation metadata to update",
    });
  });

  it("never takes text inside another attribute's value for an attribute", () => {
    const text = `{{< translation-status last_translation_time="2020-01-01" raw_title='Why last_translation_time="old" and raw_commit=abc matter' raw_commit="${OLD}" >}}\n`;
    expect(stampText(text, NEW, "2026-11-26")).toEqual({
      text: text.replace('"2020-01-01"', '"2026-11-26"').replace(OLD, NEW),
    });
  });

  it.each([
    [
      "an empty quoted value",
      "---\ndefault_lang_commit: ''\n---\n",
      "---\ndefault_lang_commit: 'N'\n---\n",
    ],
    ["a null value", "---\ndefault_lang_commit:\n---\n", "---\ndefault_lang_commit: N\n---\n"],
    [
      "a YAML flow mapping",
      "---\nl10n: {sourceCommit: abc1234}\n---\n",
      "---\nl10n: {sourceCommit: N}\n---\n",
    ],
    [
      "a TOML inline table",
      '+++\nl10n = { sourceCommit = "abc1234" }\n+++\n',
      '+++\nl10n = { sourceCommit = "N" }\n+++\n',
    ],
    [
      "a TOML table",
      '+++\n[l10n]\nsourceCommit = "abc1234"\n+++\n',
      '+++\n[l10n]\nsourceCommit = "N"\n+++\n',
    ],
    [
      "a TOML dotted key",
      '+++\nl10n.sourceCommit = "abc1234"\n+++\n',
      '+++\nl10n.sourceCommit = "N"\n+++\n',
    ],
    [
      "a TOML number",
      "+++\ndefault_lang_commit = 1234567\n+++\n",
      '+++\ndefault_lang_commit = "N"\n+++\n',
    ],
    [
      "a quoted TOML key",
      '+++\n"default_lang_commit" = "abc1234"\n+++\n',
      '+++\n"default_lang_commit" = "N"\n+++\n',
    ],
    [
      "a YAML block scalar, kept one",
      "---\ndefault_lang_commit: |\n  abc1234\ntitle: x\n---\n",
      "---\ndefault_lang_commit: |\n  N\ntitle: x\n---\n",
    ],
    [
      "a folded YAML block scalar, kept folded",
      "---\ndefault_lang_commit: >-\n    abc1234\n\ntitle: x\n---\n",
      "---\ndefault_lang_commit: >-\n    N\n\ntitle: x\n---\n",
    ],
    [
      "a block scalar of two lines, as one",
      "---\nl10n:\n  sourceCommit: >\n    abc\n    1234\n---\n",
      "---\nl10n:\n  sourceCommit: >\n    N\n---\n",
    ],
    [
      "a YAML tag, kept",
      "---\ndefault_lang_commit: !!str abc1234 # pinned\n---\n",
      "---\ndefault_lang_commit: !!str N # pinned\n---\n",
    ],
    [
      "a YAML tag and anchor before quotes, kept",
      "---\ndefault_lang_commit: &pin !!str 'abc1234'\n---\n",
      "---\ndefault_lang_commit: &pin !!str 'N'\n---\n",
    ],
    [
      "a tag before a block scalar, kept",
      "---\ndefault_lang_commit: !!str >-\n  abc1234\n---\n",
      "---\ndefault_lang_commit: !!str >-\n  N\n---\n",
    ],
    [
      "a TOML multi-line literal string, kept",
      "+++\ndefault_lang_commit = '''abc1234'''\n+++\n",
      "+++\ndefault_lang_commit = '''N'''\n+++\n",
    ],
    [
      "a TOML multi-line basic string, kept",
      '+++\ndefault_lang_commit = """abc1234"""\n+++\n',
      '+++\ndefault_lang_commit = """N"""\n+++\n',
    ],
    [
      "a YAML alias",
      "---\nx: &a abc1234\ndefault_lang_commit: *a\n---\n",
      "---\nx: &a abc1234\ndefault_lang_commit: N\n---\n",
    ],
    [
      "comments after values",
      "---\ndefault_lang_commit: abc1234 # c\n---\n",
      "---\ndefault_lang_commit: N # c\n---\n",
    ],
  ])("writes the commit where the parser reads it: %s", (_, text, expected) => {
    expect(stampText(text, NEW, "2026-11-26")).toEqual({ text: expected.replaceAll("N", NEW) });
  });
});

describe("stampText keeps how a value is written", () => {
  it("drops a tag only where the new value cannot have it", () => {
    // A date read through `!!timestamp` is a time, not the day written: the day goes in bare.
    const text = `---\ndefault_lang_commit: ${OLD}\nlast_translation_time: !!timestamp 2025-01-01\n---\n`;
    expect(stampText(text, NEW, "2026-11-26")).toEqual({
      text: `---\ndefault_lang_commit: ${NEW}\nlast_translation_time: 2026-11-26\n---\n`,
    });
  });
});

describe("stampText on OpenTelemetry's front matter", () => {
  it("drops the drift record and a `# patched` marker, as OpenTelemetry's scripts do", () => {
    const text = `---\ntitle: 标题\ndefault_lang_commit: ${OLD} # patched\ndrifted_from_default: true\nweight: 3\n---\n\n正文 drifted_from_default: true\n`;
    expect(stampText(text, NEW, "2026-11-26")).toEqual({
      text: `---\ntitle: 标题\ndefault_lang_commit: ${NEW}\nweight: 3\n---\n\n正文 drifted_from_default: true\n`,
    });
  });

  it.each([
    ["YAML, bare", `default_lang_commit: ${OLD} # patched`, `default_lang_commit: ${NEW}`],
    [
      "YAML, single quotes",
      `default_lang_commit: '${OLD}' # patched`,
      `default_lang_commit: '${NEW}'`,
    ],
    [
      "YAML, double quotes",
      `default_lang_commit: "${OLD}"  #patched by hand`,
      `default_lang_commit: "${NEW}"`,
    ],
    [
      "YAML, tagged",
      `default_lang_commit: !!str "${OLD}" # PATCHED`,
      `default_lang_commit: !!str "${NEW}"`,
    ],
    [
      "YAML, MDN's table",
      `l10n:\n  sourceCommit: "${OLD}" # patched`,
      `l10n:\n  sourceCommit: "${NEW}"`,
    ],
  ])("drops a `# patched` marker after a value written %s", (_, line, expected) => {
    const text = `---\ntitle: x\n${line}\n---\n\nbody # patched\n`;
    expect(stampText(text, NEW, "2026-11-26")).toEqual({
      text: `---\ntitle: x\n${expected}\n---\n\nbody # patched\n`,
    });
    const crlf = text.replaceAll("\n", "\r\n");
    expect(stampText(crlf, NEW, "2026-11-26")).toEqual({
      text: `---\ntitle: x\n${expected}\n---\n\nbody # patched\n`.replaceAll("\n", "\r\n"),
    });
  });

  it.each([
    ["basic string", `"${OLD}"`, `"${NEW}"`],
    ["literal string", `'${OLD}'`, `'${NEW}'`],
    ["multi-line basic string", `"""${OLD}"""`, `"""${NEW}"""`],
    ["multi-line literal string", `'''${OLD}'''`, `'''${NEW}'''`],
  ])("drops a `# patched` marker after a TOML %s", (_, value, expected) => {
    const text = `+++\ntitle = "x"\ndefault_lang_commit = ${value} # patched\ndrifted_from_default = true\n+++\n`;
    expect(stampText(text, NEW, "2026-11-26")).toEqual({
      text: `+++\ntitle = "x"\ndefault_lang_commit = ${expected}\n+++\n`,
    });
  });

  it("keeps a comment that is not the marker", () => {
    const text = `---\ndefault_lang_commit: '${OLD}' # reviewed\n---\n`;
    expect(stampText(text, NEW, "2026-11-26")).toEqual({ text: text.replace(OLD, NEW) });
  });

  it("removes a drift record above the pin, in CRLF and TOML pages too", () => {
    const crlf = `---\r\ndrifted_from_default: file not found\r\ndefault_lang_commit: ${OLD}\r\n---\r\n`;
    expect(stampText(crlf, NEW, "2026-11-26")).toEqual({
      text: `---\r\ndefault_lang_commit: ${NEW}\r\n---\r\n`,
    });
    const toml = `+++\ntitle = "x"\ndefault_lang_commit = "${OLD}"\ndrifted_from_default = true\n+++\n`;
    expect(stampText(toml, NEW, "2026-11-26")).toEqual({
      text: `+++\ntitle = "x"\ndefault_lang_commit = "${NEW}"\n+++\n`,
    });
  });

  it("leaves a page alone when the drift record spans lines it cannot remove as one", () => {
    const text = `---\ndefault_lang_commit: ${OLD}\ndrifted_from_default: >-\n  true\n---\n`;
    expect(stampText(text, NEW, "2026-11-26")).toEqual({
      error: expect.stringContaining('"drifted_from_default"; remove it by hand'),
    });
  });
});
