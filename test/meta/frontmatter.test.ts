import { describe, expect, it } from "vitest";
import { pageFindings, pageParts } from "../../src/lint/page-rules.js";
import { readFrontMatter } from "../../src/meta/frontmatter.js";
import { parseBlock } from "../../src/meta/matter.js";

const SHA = "0123456789abcdef0123456789abcdef01234567";

describe("readFrontMatter: YAML", () => {
  it("reads MDN's l10n.sourceCommit with the line of the key", () => {
    const text = `---\ntitle: Array\nslug: Web/Array\nl10n:\n  sourceCommit: ${SHA}\n---\nbody`;
    expect(readFrontMatter(text)).toEqual({
      meta: {
        kind: "front-matter",
        rawCommit: SHA,
        rawTitle: "Array",
        rawLink: null,
        lastTranslationTime: null,
        line: 5,
      },
      bodyStart: text.indexOf("\nbody"),
      warnings: [],
    });
  });

  it("reads default_lang_commit at top level", () => {
    const text = `---\ntitle: Docs\ndefault_lang_commit: ${SHA} # synced\n---\n`;
    expect(readFrontMatter(text).meta).toEqual({
      kind: "front-matter",
      rawCommit: SHA,
      rawTitle: "Docs",
      rawLink: null,
      lastTranslationTime: null,
      line: 3,
    });
  });

  it("keeps hashes that look like numbers, booleans or null as written", () => {
    const commits = ["1234e56", "0123456", "0x1f", "1_000", "true", "~", "12:30"];
    expect(
      commits.map((c) => readFrontMatter(`---\ndefault_lang_commit: ${c}\n---\n`).meta?.rawCommit),
    ).toEqual(commits);
  });

  it("reads a quoted hash and trims surrounding whitespace", () => {
    const meta = readFrontMatter(`---\nl10n: { sourceCommit: "  ${SHA} " }\n---\n`).meta;
    expect([meta?.rawCommit, meta?.line]).toEqual([SHA, 2]);
  });

  it("reads an empty key as an empty commit", () => {
    expect(readFrontMatter("---\nl10n:\n  sourceCommit:\n---\n").meta?.rawCommit).toBe("");
  });

  it("reads last_translation_time as written", () => {
    const text = `---\ndefault_lang_commit: ${SHA}\nlast_translation_time: 2025-04-21\n---\n`;
    expect(readFrontMatter(text).meta?.lastTranslationTime).toBe("2025-04-21");
  });

  it("reads the misspelled time key, which the rules flag", () => {
    const text = `---\ndefault_lang_commit: ${SHA}\nlast_tranlation_time: 2025-04-21\n---\n`;
    const result = readFrontMatter(text);
    const findings = pageFindings(pageParts(text), "", Date.UTC(2026, 0, 1));
    expect([result.meta?.lastTranslationTime, findings.map((f) => f.message)]).toEqual([
      "2025-04-21",
      [
        'metadata uses the misspelled key "last_tranlation_time"; Hugo templates read "last_translation_time"',
      ],
    ]);
  });

  it("gives no title when the title is not a string", () => {
    const text = `---\ntitle:\n  a: b\ndefault_lang_commit: ${SHA}\n---\n`;
    expect(readFrontMatter(text).meta?.rawTitle).toBeNull();
  });

  it("warns when the commit is not a string", () => {
    const result = readFrontMatter("---\ndefault_lang_commit:\n  - a\n---\n");
    expect([result.meta?.rawCommit, result.warnings]).toEqual([
      "",
      ['front matter "default_lang_commit" is not a string'],
    ]);
  });

  it("prefers l10n.sourceCommit over default_lang_commit and warns", () => {
    const text = "---\ndefault_lang_commit: aaa\nl10n:\n  sourceCommit: bbb\n---\n";
    const result = readFrontMatter(text);
    expect([result.meta?.rawCommit, result.meta?.line, result.warnings]).toEqual([
      "bbb",
      4,
      [
        'front matter has both "l10n.sourceCommit" and "default_lang_commit"; using "l10n.sourceCommit"',
      ],
    ]);
  });

  it("returns no metadata when no key is present", () => {
    expect(readFrontMatter("---\ntitle: x\n---\nbody")).toEqual({
      meta: null,
      bodyStart: 16,
      warnings: [],
    });
  });

  it("does not read keys through __proto__", () => {
    const text = "---\n__proto__:\n  default_lang_commit: abc\n---\n";
    expect(readFrontMatter(text)).toEqual({ meta: null, bodyStart: text.length - 1, warnings: [] });
  });

  it("returns no metadata for a front matter that is not a mapping", () => {
    expect(readFrontMatter("---\njust text\n---\n").meta).toBeNull();
  });

  it("reads after a byte order mark and with CRLF line endings", () => {
    const text = `\ufeff---\r\ntitle: T\r\ndefault_lang_commit: ${SHA}\r\n---\r\nbody`;
    const result = readFrontMatter(text);
    expect([result.meta?.rawCommit, result.meta?.rawTitle, result.meta?.line]).toEqual([
      SHA,
      "T",
      3,
    ]);
  });

  it("accepts ---yaml and ---yml", () => {
    expect(readFrontMatter("---yaml\ndefault_lang_commit: a\n---\n").meta?.rawCommit).toBe("a");
    expect(readFrontMatter("---yml\ndefault_lang_commit: b\n---\n").meta?.rawCommit).toBe("b");
  });
});

describe("readFrontMatter: TOML", () => {
  it("reads default_lang_commit between +++ delimiters", () => {
    const text = `+++\ntitle = "Docs"\ndefault_lang_commit = "${SHA}"\n+++\nbody`;
    expect(readFrontMatter(text)).toEqual({
      meta: {
        kind: "front-matter",
        rawCommit: SHA,
        rawTitle: "Docs",
        rawLink: null,
        lastTranslationTime: null,
        line: 3,
      },
      bodyStart: text.indexOf("\nbody"),
      warnings: [],
    });
  });

  it("reads an [l10n] table and a dotted key", () => {
    expect(readFrontMatter('+++\n[l10n]\nsourceCommit = "abc"\n+++\n').meta?.line).toBe(3);
    expect(readFrontMatter('+++\nl10n.sourceCommit = "abc"\n+++\n').meta?.rawCommit).toBe("abc");
  });

  it("reads back a number as written and warns", () => {
    const text = "+++\ndefault_lang_commit = 1234567 # short\n+++\n";
    const result = readFrontMatter(text);
    expect([result.meta?.rawCommit, result.warnings]).toEqual([
      "1234567",
      ['front matter "default_lang_commit" is not a string'],
    ]);
  });

  it("reads back a float as written, not as JavaScript prints it", () => {
    const meta = readFrontMatter("+++\nl10n = { sourceCommit = 1234e56 }\n+++\n").meta;
    expect(meta?.rawCommit).toBe("1234e56");
  });

  it("reads a TOML date as written, without a warning", () => {
    const text = '+++\ndefault_lang_commit = "abc"\nlast_translation_time = 2025-04-21\n+++\n';
    const result = readFrontMatter(text);
    expect([result.meta?.lastTranslationTime, result.warnings]).toEqual(["2025-04-21", []]);
  });
});

describe("readFrontMatter: refused and broken front matter", () => {
  it.each(["js", "javascript", "coffee", "JS"])("refuses ---%s without running it", (lang) => {
    const probe = `__metaProbe_${lang}`;
    const text = `---${lang}\n{ default_lang_commit: (globalThis.${probe} = "ran") }\n---\nbody`;
    expect(readFrontMatter(text)).toEqual({
      meta: null,
      bodyStart: text.indexOf("\nbody"),
      warnings: [
        `front matter marked "${lang.toLowerCase()}" is not read: executable front matter is refused`,
      ],
    });
    expect(Object.hasOwn(globalThis, probe)).toBe(false);
  });

  it("refuses other languages", () => {
    expect(readFrontMatter("---ruby\na: 1\n---\n").warnings).toEqual([
      'front matter marked "ruby" is not read: not supported',
    ]);
  });

  it("reports malformed YAML on one line with its file line", () => {
    const text = "---\ntitle: a\ntitle: b\ndefault_lang_commit: x\n---\nbody";
    expect(readFrontMatter(text)).toEqual({
      meta: {
        kind: "front-matter",
        rawCommit: "x",
        rawTitle: null,
        rawLink: null,
        lastTranslationTime: null,
        line: 4,
        unreadable:
          "the English commit in the front matter cannot be read until the front matter is fixed",
      },
      bodyStart: text.indexOf("\nbody"),
      warnings: ["front matter is not valid YAML (line 3: Map keys must be unique)"],
      // What lint's front-matter-invalid says.
      invalid: "front matter is not valid YAML (line 3: Map keys must be unique)",
    });
  });

  it("reports malformed TOML on one line with its file line", () => {
    expect(
      readFrontMatter("+++\ntitle = 'a'\nx = \ndefault_lang_commit = 'y'\n+++\n").warnings,
    ).toEqual(["front matter is not valid TOML (line 3: invalid value)"]);
  });

  it("quotes at most a bounded piece of the page in an error", () => {
    const tag = "x".repeat(5000);
    const [warning] = readFrontMatter(`---\ndefault_lang_commit: x\na: !${tag} 1\n---\n`).warnings;
    expect(warning).toBe(
      `front matter is not valid YAML (line 3: Unresolved tag: !${"x".repeat(63)}…)`,
    );
  });

  it("reports deeply nested front matter instead of crashing", () => {
    const text = `---\ndefault_lang_commit: x\na: ${"[".repeat(100_000)}\n---\n`;
    expect(readFrontMatter(text).warnings).toEqual([
      "front matter is not valid YAML (line 3: Maximum call stack size exceeded)",
    ]);
  });

  it("warns about front matter that is never closed and reads no body offset", () => {
    expect(readFrontMatter("---\ntitle: x\nbody")).toEqual({
      meta: null,
      bodyStart: 0,
      warnings: ['front matter opened with "---" on line 1 is never closed'],
    });
  });

  it("does not take a longer rule for front matter", () => {
    expect(readFrontMatter("----\na: 1\n----\n")).toEqual({
      meta: null,
      bodyStart: 0,
      warnings: [],
    });
  });

  it("reads front matter with long runs of blank lines in linear time", () => {
    const text = `---\ndefault_lang_commit: abc\n${"\n".repeat(200_000)}title: x\n---\n`;
    // Quadratic in the lines, this would not end within the test's timeout.
    expect(readFrontMatter(text).meta?.rawCommit).toBe("abc");
  }, 5_000);

  it("keeps a page whose broken front matter records a commit tracked, with its commit unknown", () => {
    const crlfToml = "+++\r\ntitle = 'a'\r\nx = \r\ndefault_lang_commit = 'abc1234'\r\n+++\r\n";
    expect(readFrontMatter(crlfToml).meta).toMatchObject({ rawCommit: "abc1234", line: 4 });
    expect(readFrontMatter(crlfToml).meta?.unreadable).toMatch(/cannot be read/);
    expect(readFrontMatter("---\ntitle: a\nbody\n").meta).toBeNull();
  });

  it("still reads front matter with ordinary blank lines", () => {
    const text = `---\ntitle: x\n${"\n".repeat(100)}default_lang_commit: abc\n---\n`;
    expect(readFrontMatter(text).meta?.rawCommit).toBe("abc");
  });
});

describe("the YAML and TOML parsers", () => {
  it("never run JavaScript front matter", () => {
    expect(readFrontMatter("---js\n{ default_lang_commit: 1 }\n---\n").warnings).toEqual([
      'front matter marked "js" is not read: executable front matter is refused',
    ]);
  });

  it("refuse a document that would expand aliases without bound", () => {
    const laughs = [
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      ...Array.from({ length: 8 }, (_, i) => {
        const p = String.fromCharCode(97 + i);
        const n = String.fromCharCode(98 + i);
        return `${n}: &${n} [*${p}, *${p}, *${p}, *${p}, *${p}, *${p}, *${p}, *${p}, *${p}, *${p}]`;
      }),
      "default_lang_commit: abc",
    ].join("\n");
    const out = parseBlock(`---\n${laughs}\n---`, "yaml");
    expect(out.ok).toBe(false);
  });

  it("parses YAML with every scalar as a string", () => {
    expect(parseBlock("---\na: 1\nb: true\nc: 2025-01-01\n---", "yaml")).toEqual({
      ok: true,
      data: { a: "1", b: "true", c: "2025-01-01" },
    });
  });
});

describe("an empty title", () => {
  it("is no title, however it is written", () => {
    for (const title of ["title:", 'title: ""', "title: '  '"]) {
      const text = `---\n${title}\ndefault_lang_commit: abc\nx: [1]\n---\n`;
      expect(readFrontMatter(text).meta?.rawTitle, title).toBeNull();
    }
  });
});
