// The scan reads pages byte for byte as Latin-1 and decodes only shortcode values (readMetaLatin1);
// whatever the page, that must give exactly what readMeta gives on the decoded text.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type MetaResult, readMeta, readMetaLatin1 } from "../../src/meta/read.js";
import { decodePage } from "../../src/site/files.js";

const SHA = "6addd5cf525adec1859f48c52dafcfe1f96e558a";
const SEED = fileURLToPath(new URL("../../../shared/seeds/run-your-own.zh-cn.md", import.meta.url));

/** What a reading says, offsets aside: those count bytes in the Latin-1 copy and characters in
 * the decoded text. */
function said(r: MetaResult) {
  const { bodyStart: _, shortcodes, ...rest } = r;
  return {
    ...rest,
    shortcodes: shortcodes.map(({ name, params, repeated, line, commitLine }) => ({
      name,
      params,
      repeated,
      line,
      commitLine,
    })),
  };
}

/** What the scan computes for these bytes, and whether it took the Latin-1 path. */
function scanned(bytes: Buffer) {
  const quick = readMetaLatin1(bytes.toString("latin1"));
  return { quick: quick !== null, result: said(quick ?? readMeta(decodePage(bytes).text)) };
}

function expectSame(bytes: Buffer, path: "latin1" | "ordinary") {
  const { quick, result } = scanned(bytes);
  expect(result).toEqual(said(readMeta(decodePage(bytes).text)));
  expect(quick).toBe(path === "latin1");
}

const shortcode = (attrs: string) => `{{< translation-status-zh-cn ${attrs} >}}`;

const PAGES: Array<[string, string, "latin1" | "ordinary"]> = [
  [
    "Chinese title and body",
    `---\ntitle: "运行你自己的服务器"\n---\n正文。\n${shortcode(`raw_title="运行 ✓" raw_commit="${SHA}" last_translation_time="2025-04-21"`)}\n`,
    "latin1",
  ],
  [
    "values padded with no-break and ideographic spaces, which trim() removes",
    `${shortcode(`raw_title="\u00a0标题\u3000" raw_commit="\u00a0${SHA}\u3000"`)}\n`,
    "latin1",
  ],
  [
    "a shortcode inside a fence among multi-byte lines is not read",
    `日本語\n\`\`\`\n${shortcode(`raw_commit="${"1".repeat(40)}"`)}\n\`\`\`\n日本語\n${shortcode(`raw_commit="${SHA}"`)}\n`,
    "latin1",
  ],
  [
    "repeated attributes and a misspelled date",
    `${shortcode(`raw_commit="${SHA}" raw_commit="${SHA}" last_tranlation_time="二〇二五"`)}\n`,
    "latin1",
  ],
  [
    "two shortcodes and one without raw_commit, non-ASCII everywhere",
    `é\n${shortcode(`raw_title="ä"`)}\nü\n${shortcode(`raw_commit="${SHA}" raw_link="/ß/"`)}\n${shortcode(`raw_commit="abc" raw_title="ö"`)}\n`,
    "latin1",
  ],
  [
    "non-ASCII attribute names and shortcode names",
    `{{< translation-status-中文 raw_commit="${SHA}" >}}\n${shortcode(`标题="x" raw_commit="${SHA}"`)}\n`,
    "latin1",
  ],
  [
    "front matter holding the commit",
    `---\ntitle: "标题"\ndefault_lang_commit: ${SHA}\n---\n正文\n`,
    "latin1",
  ],
  [
    "MDN's nested key, with a date and a title in Japanese",
    `---\ntitle: 配列\nl10n:\n  sourceCommit: ${SHA}\nlast_translation_time: 2025-04-21\n---\n本文\n`,
    "latin1",
  ],
  [
    "front matter YAML that is not in the simple shape",
    `---\ntitle: 标题\ntags:\n  - a\n  - b\ndefault_lang_commit: ${SHA} # from upstream\n---\n`,
    "latin1",
  ],
  [
    "front matter that is not valid YAML",
    `---\ntitle: [标题\ndefault_lang_commit: ${SHA}\n---\n`,
    "latin1",
  ],
  [
    "metadata in front matter and in a shortcode",
    `---\ndefault_lang_commit: ${"1".repeat(40)}\n---\n正文\n${shortcode(`raw_commit="${SHA}"`)}\n`,
    "latin1",
  ],
  [
    "TOML front matter holding the commit",
    `+++\ntitle = "标题"\ndefault_lang_commit = "${SHA}"\n+++\n`,
    "latin1",
  ],
  [
    "front matter never closed",
    `---\ntitle: "标题"\n正文\n${shortcode(`raw_commit="${SHA}"`)}\n`,
    "ordinary",
  ],
  [
    "front matter in an unknown language",
    `---json 标题\n{}\n---\n${shortcode(`raw_commit="${SHA}"`)}\n`,
    "ordinary",
  ],
  [
    "a byte order mark",
    `\ufeff---\ntitle: "标题"\n---\n${shortcode(`raw_commit="${SHA}"`)}\n`,
    "ordinary",
  ],
  [
    "TOML front matter without metadata",
    `+++\ntitle = "标题"\n+++\n${shortcode(`raw_commit="${SHA}"`)}\n`,
    "latin1",
  ],
  ["no metadata at all", "# 标题\n\n正文\n", "latin1"],
];

describe("readMetaLatin1 agrees with readMeta", () => {
  for (const [name, text, path] of PAGES) {
    it(name, () => expectSame(Buffer.from(text, "utf8"), path));
  }

  it("invalid UTF-8 inside a value becomes U+FFFD on both paths", () => {
    const bytes = Buffer.concat([
      Buffer.from(`{{< translation-status raw_commit="${SHA}" raw_title="a`),
      Buffer.from([0xff, 0xc3, 0x28, 0xe2, 0x82]),
      Buffer.from(`b" >}}\n`),
    ]);
    expectSame(bytes, "latin1");
    expect(scanned(bytes).result.meta?.rawTitle).toContain("\ufffd");
  });

  it("front matter with metadata and a byte that is not UTF-8 takes the ordinary path", () => {
    const bytes = Buffer.concat([
      Buffer.from(`---\ntitle: a`),
      Buffer.from([0xff]),
      Buffer.from(`b\ndefault_lang_commit: ${SHA}\n---\n`),
    ]);
    expectSame(bytes, "ordinary");
    expect(scanned(bytes).result.meta?.rawTitle).toBe("a\ufffdb");
  });

  it("a stray byte on the front matter's opening line is warned about on both paths", () => {
    for (const opening of ["---", "---yaml"]) {
      const bytes = Buffer.concat([
        Buffer.from(opening),
        Buffer.from([0xa0]),
        Buffer.from(`\ntitle: x\n---\n{{< translation-status raw_commit="${SHA}" >}}\n`),
      ]);
      expectSame(bytes, "ordinary");
      expect(scanned(bytes).result.warnings.join(" ")).toContain("is not read");
    }
  });

  it("random pages built from multi-byte, invalid, syntax and whitespace pieces", () => {
    const pieces: Array<string | Buffer> = [
      "{{<",
      ">}}",
      "{{%",
      "%}}",
      " translation-status ",
      ` raw_commit="${SHA}"`,
      ' raw_title="',
      '"',
      "'",
      "`",
      "=",
      "\n",
      "```\n",
      "~~~\n",
      "---\n",
      "/*",
      "*/",
      " ",
      "\u00a0",
      "\u3000",
      "标题",
      "é",
      "\u2028",
      "😀",
      "---yaml",
      "+++",
      `default_lang_commit: ${SHA}\n`,
      `l10n:\n  sourceCommit: ${SHA}\n`,
      "title: ",
      "last_translation_time: 2025-04-21\n",
      // Bytes that are not UTF-8 on their own: a lone continuation byte, a cut sequence.
      Buffer.from([0xa0]),
      Buffer.from([0x85]),
      Buffer.from([0xe2, 0x80]),
      Buffer.from([0xff]),
    ];
    let state = 7;
    const next = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state;
    };
    for (let n = 0; n < 4000; n++) {
      // Half of the pages open with front matter, so its keys are met inside it too.
      const parts: Buffer[] = n % 2 === 1 ? [Buffer.from("---\n")] : [];
      const length = 5 + (next() % 40);
      for (let i = 0; i < length; i++) {
        const piece = pieces[next() % pieces.length] as string | Buffer;
        parts.push(typeof piece === "string" ? Buffer.from(piece, "utf8") : piece);
      }
      const bytes = Buffer.concat(parts);
      expect(scanned(bytes).result, bytes.toString("latin1")).toEqual(
        said(readMeta(decodePage(bytes).text)),
      );
    }
  });

  it("the Mastodon seed page", ({ skip }) => {
    skip(!existsSync(SEED), "needs ../shared beside the repository");
    expectSame(readFileSync(SEED), "latin1");
  });
});
