import { describe, expect, it } from "vitest";
import { classifyChange } from "../../src/kinds/classify.js";

// Whitespace that is no part of the page (line endings, trailing spaces, blank lines, re-wrapped
// prose) is `whitespace` wherever it is, in code and front matter too; indentation in code and
// front matter is meaning (YAML, Python, Makefiles), so changing it is `code` or `front-matter`.
const PAGE = `---
title: Configuring the server
tags:
- admin
- setup
---

# Configuring the server

Write the settings to the file. The server reads them when it starts.

\`\`\`yaml
server:
  port: 3000
  host: localhost
\`\`\`

\`\`\`make
build:
\tnpm run build
\`\`\`

An example in an indented block:

    items:
    - a
    - b

- Install the packages.
- Create the database.

## Next steps

Read the rest of the guide.
`;

const edit = (from: string, to: string) => {
  if (!PAGE.includes(from)) throw new Error(`not in the page: ${from}`);
  return PAGE.replace(from, to);
};

const CASES: Array<[string, string, string]> = [
  // Blank lines, trailing spaces and line endings: nothing a reader sees.
  [
    "a blank line added in a fenced code block",
    edit("  port: 3000\n", "  port: 3000\n\n"),
    "whitespace",
  ],
  ["a blank line added in an indented code block", edit("    - a\n", "    - a\n\n"), "whitespace"],
  ["a blank line added in the front matter", edit("title:", "\ntitle:"), "whitespace"],
  ["trailing spaces in a code block", edit("host: localhost", "host: localhost  "), "whitespace"],
  ["spaces inside a code line", edit("server:", "server:   "), "whitespace"],
  [
    "a blank line after a heading taken out",
    edit("server\n\nWrite", "server\nWrite"),
    "whitespace",
  ],
  [
    "a blank line before a heading taken out",
    edit("database.\n\n## Next", "database.\n## Next"),
    "whitespace",
  ],
  [
    "a blank line before a fence added",
    edit("starts.\n\n```yaml", "starts.\n\n\n```yaml"),
    "whitespace",
  ],
  [
    "a blank line between two code blocks taken out",
    edit("```\n\n```make", "```\n```make"),
    "whitespace",
  ],
  [
    "a blank line after a code block taken out",
    edit("```\n\nAn example", "```\nAn example"),
    "whitespace",
  ],
  // Indentation in code and front matter is meaning.
  [
    "a YAML list indented in the front matter",
    edit("- admin\n- setup", "  - admin\n  - setup"),
    "front-matter",
  ],
  ["a YAML key moved under another in a code block", edit("  port: 3000", "port: 3000"), "code"],
  [
    "a YAML list indented in an indented code block",
    edit("    - a\n    - b", "      - a\n      - b"),
    "code",
  ],
  ["a Makefile's tab made spaces", edit("\tnpm run build", "    npm run build"), "code"],
  [
    "two code lines joined",
    edit("  port: 3000\n  host: localhost", "  port: 3000 host: localhost"),
    "code",
  ],
  // Not whitespace: blank lines that part or join paragraphs and list items.
  ["a paragraph split in two", edit("file. The", "file.\n\nThe"), "prose"],
  ["list items made loose", edit("packages.\n- Create", "packages.\n\n- Create"), "prose"],
];

describe("whitespace in code and front matter", () => {
  it.each(CASES)("%s", (_name, after, kind) => {
    expect(classifyChange(PAGE, after).kind).toBe(kind);
  });

  it("reads the front matter after a byte order mark", () => {
    const page = "\uFEFF---\nserver:\nport: 3000\n---\n\nText here.\n";
    const after = page.replace("\nport", "\n  port");
    expect(classifyChange(page, after).kind).toBe("front-matter");
  });

  it("names the front matter key whose value was re-indented, not one beside a blank line", () => {
    const after = edit("- admin\n- setup", "  - admin\n  - setup").replace("title:", "\ntitle:");
    expect(classifyChange(PAGE, after)).toEqual({ kind: "front-matter", changedKeys: ["tags"] });
  });

  it("calls a re-indented code line with a changed link target code", () => {
    const page = `${PAGE}\nSee [the guide](/a/).\n`;
    const after = page.replace("  port: 3000", "port: 3000").replace("(/a/)", "(/b/)");
    expect(classifyChange(page, after).kind).toBe("code");
  });
});

describe("re-wrapping where a first look cannot tell prose from code", () => {
  it("calls a nested list item re-wrapped, and a quote's line re-indented, whitespace", () => {
    const page =
      "- Install:\n\n    - the packages the server needs to run,\n      and the database.\n\n> A quoted note.\n";
    const rewrapped = page.replace("to run,\n      and", "to\n      run, and");
    expect(classifyChange(page, rewrapped).kind).toBe("whitespace");
    expect(classifyChange(page, page.replace("> A", ">  A")).kind).toBe("whitespace");
    expect(classifyChange(page, page.replace("the packages", "all packages")).kind).toBe("typo");
  });
});

describe("CRLF line endings", () => {
  const crlf = (text: string) => text.replace(/\n/g, "\r\n");

  it("calls a page converted from LF to CRLF, or back, whitespace", () => {
    expect(classifyChange(PAGE, crlf(PAGE)).kind).toBe("whitespace");
    expect(classifyChange(crlf(PAGE), PAGE).kind).toBe("whitespace");
  });

  it("reads fences, front matter, headings and lists in CRLF pages as in LF ones", () => {
    // Each change is of one kind, and the conversion to CRLF with it changes nothing more.
    const changes: Array<[string, string, string]> = [
      ["port: 3000", "port: 4000", "code"],
      ["  port: 3000", "port: 3000", "code"],
      ["- setup", "- install", "front-matter"],
      ["packages.\n- Create", "packages.\n\n- Create", "prose"],
      ["## Next steps", "### Next steps", "prose"],
      ["Read the rest of the guide.", "Read the rest of the manual.", "typo"],
      ["server\n\nWrite", "server\nWrite", "whitespace"],
      ["  port: 3000\n", "  port: 3000\n\n", "whitespace"],
    ];
    for (const [from, to, kind] of changes) {
      const after = edit(from, to);
      expect([from, classifyChange(crlf(PAGE), crlf(after)).kind]).toEqual([from, kind]);
      expect([from, classifyChange(PAGE, crlf(after)).kind]).toEqual([from, kind]);
    }
  });

  it("names the front matter keys of a CRLF page without its line endings", () => {
    const after = crlf(edit("title: Configuring", "title: Setting up"));
    expect(classifyChange(crlf(PAGE), after)).toEqual({
      kind: "front-matter",
      changedKeys: ["title"],
    });
  });
});
