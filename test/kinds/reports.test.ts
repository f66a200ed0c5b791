// Change kinds through the command line, on real histories: what `check --ignore` and
// `stamp --unchanged --also` do with them, and what the reports count when they list some pages.
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ScanResult } from "../../src/core/types.js";
import { MAX_BLOB_BYTES } from "../../src/detail/blobs.js";
import { page, runCli, TestRepo, tempDir } from "../hostile/helpers.js";

/** English pages, their translations at the first commit, then one commit of `edits`. */
function site(pages: Record<string, [before: string, after: string]>): TestRepo {
  const repo = TestRepo.init(path.join(tempDir(), "site"));
  for (const [name, [before]] of Object.entries(pages)) repo.write(`content/en/${name}`, before);
  const raw = repo.commit("English");
  for (const name of Object.keys(pages)) repo.write(`content/zh-cn/${name}`, page(raw));
  repo.commit("Translate");
  for (const [name, [, after]] of Object.entries(pages)) repo.write(`content/en/${name}`, after);
  repo.commit("Edit the English");
  return repo;
}

const kindsOf = (repo: TestRepo, extra: string[] = []) => {
  const out = runCli([
    "scan",
    "--repo",
    repo.dir,
    "--no-cache",
    "--kinds",
    "--format",
    "json",
    ...extra,
  ]);
  const result = JSON.parse(out.stdout) as ScanResult;
  return Object.fromEntries(result.pages.map((p) => [path.basename(p.path), p.changeKind]));
};

const stamped = (repo: TestRepo, also: string) =>
  runCli(["stamp", "--repo", repo.dir, "--no-cache", "--unchanged", "--also", also, "--dry-run"])
    .stdout.split("\n")
    .filter((l) => l.startsWith("would stamp"))
    .map((l) => path.basename(l.split(" ")[2] as string));

describe("line endings", () => {
  const crlf = (text: string) => text.replace(/\n/g, "\r\n");
  const PAGES = {
    "fence.md": "Text here.\n\n```yaml\nport: 3000\n```\n",
    "tilde.md": "Text here.\n\n~~~\nport: 3000\n~~~\n",
    "front-matter.md": "---\ntitle: A page\ntags:\n  - a\n---\n\nText here.\n",
    "heading.md": "## A heading\n\nText here.\n",
    "list.md": "- one item\n- another item\n",
  };

  it("calls a page converted from LF to CRLF whitespace, so check --ignore and stamp pass it", () => {
    const repo = site(Object.fromEntries(Object.entries(PAGES).map(([n, t]) => [n, [t, crlf(t)]])));
    expect(kindsOf(repo)).toEqual(
      Object.fromEntries(Object.keys(PAGES).map((n) => [n, "whitespace"])),
    );
    expect(runCli(["check", "--repo", repo.dir, "--no-cache", "--ignore", "whitespace"]).code).toBe(
      0,
    );
    expect(stamped(repo, "whitespace").sort()).toEqual(Object.keys(PAGES).sort());
  });
});

describe("whitespace and indentation in code and front matter", () => {
  const CODE = "Set the port:\n\n```yaml\nserver:\nport: 3000\n```\n\nThen start it.\n";
  const FM = "---\ntitle: A page\ntags:\n- a\n- b\n---\n\nText here.\n";
  const repo = site({
    "blank-in-code.md": [CODE, CODE.replace("server:\n", "server:\n\n")],
    "blank-in-front-matter.md": [FM, FM.replace("tags:", "\ntags:")],
    // The example was wrong: port belongs under server. A translation must take the fix.
    "yaml-fix.md": [CODE, CODE.replace("\nport: 3000", "\n  port: 3000")],
    "front-matter-list.md": [FM, FM.replace("- a\n- b", "  - a\n  - b")],
  });

  it("gives blank lines whitespace, and indentation code or front-matter", () => {
    expect(kindsOf(repo)).toEqual({
      "blank-in-code.md": "whitespace",
      "blank-in-front-matter.md": "whitespace",
      "front-matter-list.md": "front-matter",
      "yaml-fix.md": "code",
    });
  });

  it("lets check --ignore pass them by those kinds, and stamp advance only the whitespace", () => {
    const ignoring = (kinds: string) =>
      runCli(["check", "--repo", repo.dir, "--no-cache", "--ignore", kinds]).code;
    expect(ignoring("whitespace")).toBe(1);
    expect(ignoring("whitespace,front-matter,code")).toBe(0);
    expect(stamped(repo, "whitespace").sort()).toEqual([
      "blank-in-code.md",
      "blank-in-front-matter.md",
    ]);
  });
});

describe("kind counts of a report that lists some pages", () => {
  const sentence = (p: string) => `This is a sentence about ${p} here.\n`;
  const prose = (p: string): [string, string] => [
    sentence(p),
    `${sentence(p)}\nA whole new paragraph of prose.\n`,
  ];
  const repo = site({
    "a.md": prose("a"),
    "b.md": prose("b"),
    "c.md": prose("c"),
    "d.md": [sentence("d"), sentence("d").replace("sentence about", "sentence on")],
  });
  const args = ["--repo", repo.dir, "--no-cache", "--kinds"];
  const d = "content/zh-cn/d.md";

  it("count only the pages listed, in the table and the JSON", () => {
    const table = runCli(["scan", ...args, d]).stdout;
    expect(table).toContain("1 page: 1 outdated");
    expect(table).toContain("changes: 1 typo\n");
    const json = JSON.parse(runCli(["scan", ...args, "--format", "json", d]).stdout) as ScanResult;
    expect(json.summary["zh-cn"]?.total).toBe(1);
    expect(json.kinds).toEqual({ "zh-cn": { typo: 1 } });
    // The whole scan counts every page.
    const whole = JSON.parse(runCli(["scan", ...args, "--format", "json"]).stdout) as ScanResult;
    expect(whole.kinds).toEqual({ "zh-cn": { typo: 1, prose: 3 } });
  });

  it("count only the pages check judged, in Markdown and JSON", () => {
    const markdown = runCli(["check", ...args, "--format", "markdown", d]).stdout;
    expect(markdown).toContain("| zh-cn | 1 | 1 | 1 | 1 typo |");
    const json = JSON.parse(runCli(["check", ...args, "--format", "json", d]).stdout) as {
      kinds?: unknown;
    };
    expect(json.kinds).toEqual({ "zh-cn": { typo: 1 } });
  });

  it("count only the pages whose translation or English changed since a commit", () => {
    const base = repo.git(["rev-parse", "HEAD"]).trim();
    repo.write("content/en/d.md", sentence("d").replace("sentence about", "sentence upon"));
    repo.commit("Edit d again");
    try {
      const json = JSON.parse(
        runCli(["check", ...args, "--format", "json", "--changed-since", base]).stdout,
      ) as { kinds?: unknown };
      expect(json.kinds).toEqual({ "zh-cn": { typo: 1 } });
    } finally {
      repo.git(["reset", "-q", "--hard", base]);
    }
  });
});

describe("long English pages", () => {
  /** A page of exactly `bytes` bytes, paragraphs of one sentence each. */
  const long = (bytes: number) => {
    const line = "Paragraph text about the server and its many settings here.\n\n";
    const text = line.repeat(Math.floor(bytes / line.length));
    return `${text}${"x".repeat(bytes - text.length - 1)}\n`;
  };
  const fix = (t: string) => t.replace("about the server", "about a server");

  it("are classified up to the 4 MiB the scan reads, and have no kind past it", () => {
    const at = long(MAX_BLOB_BYTES);
    const over = long(MAX_BLOB_BYTES + 1);
    expect([at.length, over.length]).toEqual([MAX_BLOB_BYTES, MAX_BLOB_BYTES + 1]);
    const repo = site({ "at.md": [at, fix(at)], "over.md": [over, fix(over)] });
    expect(kindsOf(repo)).toEqual({ "at.md": "typo", "over.md": null });
    // Counted as unknown wherever pages are counted by kind, and found by the status page's
    // filter under that name.
    const run = (...command: string[]) =>
      runCli([...command, "--repo", repo.dir, "--no-cache", "--kinds"]).stdout;
    const table = run("scan");
    expect(table).toContain("changes: 1 typo, 1 unknown");
    // The page's own kind is that word too, in every report.
    expect(table).toMatch(/ unknown +content\/zh-cn\/over\.md/);
    expect(run("check", "--format", "markdown")).toContain("| 1 typo, 1 unknown |");
    expect((JSON.parse(run("scan", "--format", "json")) as ScanResult).kinds).toEqual({
      "zh-cn": { typo: 1, unknown: 1 },
    });
    const html = run("report");
    expect(html).toContain("English changes: 1 typo, 1 unknown");
    expect(html).toContain('<option value="unknown">unknown</option>');
    expect(html).not.toContain("<td>?</td>");
    expect(html).toContain("<td>unknown</td>");
    expect(html.match(/data-kind="[^"]*"/g)?.sort()).toEqual([
      'data-kind="typo"',
      'data-kind="unknown"',
    ]);
  });
});
