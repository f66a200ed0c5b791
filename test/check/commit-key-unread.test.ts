// A page whose front matter plainly writes an English commit that cannot be read is
// `unknown-commit`, which `check` fails by default: never `untracked`, which it passes. Every
// flavour of front matter, every spelling of the commit key, every way of breaking its value.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { PageReport, ScanResult } from "../../src/core/types.js";
import { runCli, TestRepo, tempDir } from "../hostile/helpers.js";

/** The commit every page names; filled in once the English pages are committed. */
const C = "<commit>";

type Format = "yaml" | "toml";

/** How each syntax writes the commit key, `V` standing for the value. */
const SPELLINGS: Record<Format, Record<string, string>> = {
  yaml: {
    bare: "default_lang_commit: V",
    "double-quoted key": '"default_lang_commit": V',
    "single-quoted key": "'default_lang_commit': V",
    "MDN's l10n": "l10n:\n  sourceCommit: V",
    "MDN's l10n in a flow mapping": "l10n: { sourceCommit: V }",
  },
  toml: {
    bare: "default_lang_commit = V",
    "quoted key": '"default_lang_commit" = V',
    "MDN's [l10n] table": "[l10n]\nsourceCommit = V",
    "MDN's dotted key": "l10n.sourceCommit = V",
    "MDN's inline table": "l10n = { sourceCommit = V }",
  },
};

/** The ways a value (or the block around it) is broken, as front matter lines. */
const BREAKAGES: Record<Format, Record<string, (key: string) => string>> = {
  yaml: {
    "unclosed double quote": (k) => k.replace("V", `"${C}`),
    "unclosed single quote": (k) => k.replace("V", `'${C}`),
    "unclosed flow sequence": (k) => k.replace("V", `[${C}`),
    "tab indentation": (k) => `${k.replace("V", C)}\n\ttitle: x`,
    "duplicate key": (k) => `${k.replace("V", C)}\n${k.replace("V", C)}`,
    "error on another line": (k) => `title: "x\n${k.replace("V", C)}`,
  },
  toml: {
    "unclosed double quote": (k) => k.replace("V", `"${C}`),
    "unclosed single quote": (k) => k.replace("V", `'${C}`),
    "unclosed array": (k) => k.replace("V", `["${C}"`),
    "duplicate key": (k) => `${k.replace("V", `"${C}"`)}\n${k.replace("V", `"${C}"`)}`,
    "error on another line": (k) => `title = "x\n${k.replace("V", `"${C}"`)}`,
  },
};

const DELIMITER: Record<Format, string> = { yaml: "---", toml: "+++" };

/** How the block is written around its lines: the reason each gives, as a pattern. */
const WRAPPERS: Record<string, { wrap: (d: string, body: string) => string; why?: RegExp }> = {
  LF: { wrap: (d, body) => `${d}\n${body}\n${d}\n\n译文。\n` },
  CRLF: { wrap: (d, body) => `${d}\n${body}\n${d}\n\n译文。\n`.replaceAll("\n", "\r\n") },
  BOM: { wrap: (d, body) => `\ufeff${d}\n${body}\n${d}\n\n译文。\n` },
  "BOM and CRLF": {
    wrap: (d, body) => `\ufeff${d}\n${body}\n${d}\n\n译文。\n`.replaceAll("\n", "\r\n"),
  },
  "never closed": { wrap: (d, body) => `${d}\n${body}\n\n译文。\n`, why: /is never closed/ },
};

interface Case {
  name: string;
  text: string;
  why: RegExp;
}

const cases: Case[] = [];
for (const format of ["yaml", "toml"] as const) {
  const parseError = new RegExp(`^front matter is not valid ${format.toUpperCase()} \\(line \\d+`);
  for (const [spelling, key] of Object.entries(SPELLINGS[format])) {
    for (const [breakage, broken] of Object.entries(BREAKAGES[format])) {
      for (const [wrapping, { wrap, why }] of Object.entries(WRAPPERS)) {
        cases.push({
          name: `${format}, ${spelling}, ${breakage}, ${wrapping}`,
          text: wrap(DELIMITER[format], broken(key)),
          why: why ?? parseError,
        });
      }
    }
  }
}
// Front matter of a kind this tool never parses (nor runs), holding a perfectly good commit.
const NOT_READ: Array<[string, string, RegExp]> = [
  ["---js", `---js\n{ default_lang_commit: "${C}" }\n---\n`, /marked "js" is not read: executable/],
  [
    "---javascript, MDN's key",
    `---javascript\nmodule.exports = {\n  l10n: { sourceCommit: "${C}" },\n};\n---\n`,
    /marked "javascript" is not read: executable/,
  ],
  ["---coffee", `---coffee\ndefault_lang_commit: "${C}"\n---\n`, /executable front matter/],
  ["---json", `---json\n{ "default_lang_commit": "${C}" }\n---\n`, /marked "json" is not read/],
  ["+++json", `+++json\n{ "l10n": { "sourceCommit": "${C}" } }\n+++\n`, /marked "json" is not/],
  ["---ruby", `---ruby\ndefault_lang_commit: ${C}\n---\n`, /marked "ruby" is not read/],
  ["JSON", `{\n  "title": "x",\n  "default_lang_commit": "${C}"\n}\n\n译文。\n`, /JSON front/],
  ["JSON with a BOM and CRLF", `\ufeff{\r\n  "default_lang_commit": "${C}"\r\n}\r\n`, /JSON front/],
  [
    "a block after a blank line",
    `\n---\ndefault_lang_commit: ${C}\n---\n\n译文。\n`,
    /does not start on its first line/,
  ],
  ["a block scalar document", `---\n|\n  default_lang_commit: ${C}\n---\n`, /not keys and values/],
];
for (const [name, text, why] of NOT_READ) cases.push({ name, text, why });

/** The file each case is written to. */
const file = (i: number) => `content/zh/case-${String(i).padStart(3, "0")}.md`;
const CONTROL = "content/zh/control.md";

let check: { code: number | null; pages: Map<string, PageReport & { verdict?: unknown }> };
let commit = "";

beforeAll(() => {
  const repo = TestRepo.init(path.join(tempDir(), "repo"));
  for (let i = 0; i < cases.length; i++) {
    repo.write(file(i).replace("/zh/", "/en/"), "# English\n");
  }
  repo.write(CONTROL.replace("/zh/", "/en/"), "# English\n");
  commit = repo.commit("English");
  for (const [i, c] of cases.entries()) repo.write(file(i), c.text.replaceAll(C, commit));
  // A page whose commit reads: it passes, so the run's verdict is the broken pages' own.
  repo.write(CONTROL, `---\ndefault_lang_commit: ${commit}\n---\n`);
  repo.commit("Translate");
  for (let i = 0; i < cases.length; i++) {
    repo.write(file(i).replace("/zh/", "/en/"), "# English\n\nMore.\n");
  }
  repo.commit("Edit the English pages");
  const res = runCli(["check", "--repo", repo.dir, "--no-cache", "--format", "json"]);
  const out = JSON.parse(res.stdout) as ScanResult;
  check = { code: res.code, pages: new Map(out.pages.map((p) => [p.path, p])) };
}, 120_000);

describe("front matter that plainly writes a commit it cannot give", () => {
  it("fails check, while the page whose commit reads passes", () => {
    expect(check.code).toBe(1);
    expect(check.pages.get(CONTROL)).toMatchObject({
      status: "up-to-date",
      verdict: { fails: false },
    });
    expect([...check.pages.values()].filter((p) => p.status === "untracked")).toEqual([]);
  });

  it.each(cases.map((c, i) => [c.name, i] as const))("%s: unknown-commit", (_, i) => {
    const c = cases[i] as Case;
    const page = check.pages.get(file(i)) as PageReport & { verdict: { fails: boolean } };
    expect(page.status).toBe("unknown-commit");
    expect(page.verdict.fails).toBe(true);
    // The real reason first, then what it means for the commit.
    expect(page.warnings[0]).toMatch(c.why);
    expect(page.warnings).toContain(
      "the English commit in the front matter cannot be read until the front matter is fixed",
    );
    expect(page.rawCommit).toContain(commit);
    // The line of the first place the key is written.
    const text = c.text.replaceAll(C, commit);
    const keyAt = text.search(/default_lang_commit|sourceCommit/);
    expect(page.metaLine).toBe(text.slice(0, keyAt).split("\n").length);
  });
});

describe("a page that could not be read", () => {
  it("is unknown-commit with the reason, and fails check", () => {
    const repo = TestRepo.init(path.join(tempDir(), "big"));
    repo.write("content/en/a.md", "# English\n");
    const raw = repo.commit("English");
    // It records its commit first thing, but is not read past the size limit.
    const big = `---\ndefault_lang_commit: ${raw}\n---\n${"y\n".repeat(4 * 1024 * 1024 + 10)}`;
    repo.write("content/zh/a.md", big);
    repo.commit("Translate");
    const res = runCli(["check", "--repo", repo.dir, "--no-cache", "--format", "json"]);
    expect(res.code).toBe(1);
    const [page] = (JSON.parse(res.stdout) as ScanResult).pages;
    expect(page).toMatchObject({
      path: "content/zh/a.md",
      status: "unknown-commit",
      rawCommit: null,
      metaLine: null,
      warnings: ["page is larger than 8 MiB; not read, so its English commit is unknown"],
      verdict: { fails: true },
    });
    // The annotation says why, with no raw_commit to quote.
    const github = runCli(["check", "--repo", repo.dir, "--no-cache", "--format", "github"]);
    expect(github.stdout).toContain(
      "::error file=content/zh/a.md,title=zh translation unknown-commit::page is larger than 8 MiB; not read, so its English commit is unknown; English source: content/en/a.md.",
    );
    expect(page?.estimate).toBeUndefined();
  });
});
