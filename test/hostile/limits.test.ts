// Size and time: pages and histories built to make a naive reader slow or to exhaust memory.
// Each case finishes in bounded time (generous limits: this is about hangs, not speed) with a
// specific answer.
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PageReport, ScanResult } from "../../src/core/types.js";
import { english, page, runCli, scanRepo, TestRepo, tempDir } from "./helpers.js";

let base: string;
beforeAll(() => {
  base = tempDir();
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe("hostile sizes", () => {
  let repo: TestRepo;
  let c1 = "";
  let result: ScanResult;
  let seconds = 0;
  const MB = 1024 * 1024;
  const bigTitle = "標".repeat(MB / 3) + "x".repeat(MB - Math.floor(MB / 3) * 3);
  const report = (name: string) =>
    result.pages.find((p) => p.path === `content/zh-cn/${name}.md`) as PageReport;

  beforeAll(async () => {
    repo = TestRepo.init(path.join(base, "sizes"));
    const names = [
      "title-shortcode",
      "title-front-matter",
      "many-shortcodes",
      "huge",
      "unclosed-quote",
      "many-openers",
      "blank-lines",
      "long-commit",
      "nested-toml",
      "nested-yaml",
      "yaml-aliases",
    ];
    for (const n of names) repo.write(`content/en/${n}.md`, english(n));
    c1 = repo.commit("Add the English pages");
    for (const n of names) repo.write(`content/en/${n}.md`, english(n, "Edited.\n"));
    repo.commit("Edit the English pages");
    const zh = (n: string, text: string | Buffer) =>
      writeFileSync(path.join(repo.dir, `content/zh-cn/${n}.md`), text);
    repo.write("content/zh-cn/.keep", "");
    zh("title-shortcode", page(c1).replace('raw_title="Page"', `raw_title="${bigTitle}"`));
    zh(
      "title-front-matter",
      `---\ntitle: "${bigTitle}"\ndefault_lang_commit: ${c1}\n---\n\n译文。\n`,
    );
    zh(
      "many-shortcodes",
      `---\ntitle: x\n---\n\n${`{{< translation-status-zh-cn raw_commit="${c1}" >}}\n`.repeat(10_000)}`,
    );
    // 50 MB: over the 8 MiB limit, so it is never read (let alone parsed).
    zh("huge", Buffer.alloc(50 * MB, '{{< translation-status-zh-cn raw_commit="x" >}}\n'));
    zh(
      "unclosed-quote",
      `${page(c1)}{{< translation-status-zh-cn raw_commit="${'\\"'.repeat(200_000)}\n`,
    );
    zh(
      "many-openers",
      `${page(c1)}${"{{< a b=".repeat(100_000)}${"{{%".repeat(100_000)}${"{{</*".repeat(50_000)}`,
    );
    zh("blank-lines", `---\ntitle: x\n${"\n".repeat(200_000)}default_lang_commit: ${c1}\n---\n`);
    zh("long-commit", page("a".repeat(MB)));
    zh(
      "nested-toml",
      `+++\ndefault_lang_commit = "${c1}"\nx = ${"[".repeat(100_000)}${"]".repeat(100_000)}\n+++\n`,
    );
    zh(
      "nested-yaml",
      `---\ndefault_lang_commit: ${c1}\nx: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n---\n`,
    );
    const laughs = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 12; i++)
      laughs.push(
        `${"abcdefghijkl"[i]}: &${"abcdefghijkl"[i]} [${Array(10)
          .fill(`*${"abcdefghijkl"[i - 1]}`)
          .join(", ")}]`,
      );
    zh("yaml-aliases", `---\n${laughs.join("\n")}\ndefault_lang_commit: ${c1}\n---\n`);
    const start = Date.now();
    result = (await scanRepo(repo.dir)).result;
    seconds = (Date.now() - start) / 1000;
  }, 120_000);

  it("finishes in bounded time", () => {
    expect(seconds).toBeLessThan(30);
    expect(result.summary["zh-cn"]?.total).toBe(11);
  });

  it("a 1 MB title is kept whole in the data, and the page is measured", () => {
    expect(report("title-shortcode")).toMatchObject({
      status: "outdated",
      commitsBehind: 1,
      warnings: [],
    });
    expect(report("title-shortcode").rawTitle).toBe(bigTitle);
    expect(report("title-front-matter")).toMatchObject({
      status: "outdated",
      commitsBehind: 1,
      warnings: [],
    });
  });

  it("10,000 shortcodes: the last one is used, with one warning", () => {
    expect(report("many-shortcodes")).toMatchObject({
      status: "outdated",
      metaLine: 10_004,
      warnings: ["found 10000 translation-status shortcodes; using the last one, on line 10004"],
    });
  });

  it("a 50 MB page is not read", () => {
    expect(report("huge")).toMatchObject({
      status: "untracked",
      rawCommit: null,
      warnings: ["page is larger than 8 MiB; not read"],
    });
    expect(result.pages.filter((p) => p.path === "content/zh-cn/huge.md")).toHaveLength(1);
  });

  it("regex-hostile shortcode text costs linear time and keeps the valid shortcode", () => {
    for (const n of ["unclosed-quote", "many-openers"]) {
      expect(report(n)).toMatchObject({
        status: "outdated",
        rawCommit: c1,
        commitsBehind: 1,
        warnings: [],
      });
    }
  });

  it("200,000 blank lines in front matter are read, in linear time", () => {
    // The YAML parser reads blank lines once each (the scan's time bound covers it).
    expect(report("blank-lines")).toMatchObject({ status: "outdated", warnings: [] });
  });

  it("a 1 MB raw_commit is refused as malformed", () => {
    expect(report("long-commit")).toMatchObject({
      status: "unknown-commit",
      warnings: ["raw_commit is not a commit hash (expected 7 to 64 hex digits)"],
    });
  });

  it("deeply nested front matter and alias bombs end in a warning or an answer", () => {
    expect(report("nested-toml")).toMatchObject({
      status: "unknown-commit",
      warnings: [
        "front matter is not valid TOML (line 3: document contains excessively nested structures. aborting.)",
        "the English commit in the front matter cannot be read until the front matter is fixed",
      ],
    });
    // The YAML parser recurses per level; the stack overflow is caught like any parse error.
    expect(report("nested-yaml")).toMatchObject({
      status: "unknown-commit",
      warnings: [
        "front matter is not valid YAML (line 3: Maximum call stack size exceeded)",
        "the English commit in the front matter cannot be read until the front matter is fixed",
      ],
    });
    // A billion laughs is refused, not expanded: the page stays tracked, its commit unknown.
    expect(report("yaml-aliases")).toMatchObject({
      status: "unknown-commit",
      warnings: [
        "front matter is unreadable (Excessive alias count indicates a resource exhaustion attack)",
        "the English commit in the front matter cannot be read until the front matter is fixed",
      ],
    });
  });
});

describe("a 100,000-commit range", () => {
  const COMMITS = 100_000;
  let repo: TestRepo;
  let root = "";
  let result: ScanResult;

  beforeAll(async () => {
    repo = TestRepo.init(path.join(base, "long"));
    // A linear history built directly as a fast-import stream: commit 1 adds both pages, each
    // later commit rewrites a.md.
    const parts: string[] = [];
    const t0 = 1735689600;
    for (let i = 1; i <= COMMITS; i++) {
      const msg = `Edit ${i}\n`;
      const who = `Bulk <bulk@example.com> ${t0 + i} +0000`;
      parts.push(
        `commit refs/heads/main\nmark :${i}\nauthor ${who}\ncommitter ${who}\ndata ${Buffer.byteLength(msg)}\n${msg}`,
      );
      if (i > 1) parts.push(`from :${i - 1}\n`);
      const body = `---\ntitle: A\n---\n\nVersion ${i}.\n`;
      parts.push(`M 100644 inline content/en/a.md\ndata ${Buffer.byteLength(body)}\n${body}\n`);
      if (i === 1) {
        const b = english("B");
        parts.push(`M 100644 inline content/en/b.md\ndata ${Buffer.byteLength(b)}\n${b}\n`);
      }
    }
    repo.git(["fast-import", "--quiet"], { input: parts.join("") });
    repo.git(["reset", "-q", "--hard", "main"]);
    root = repo.git(["rev-list", "--max-parents=0", "HEAD"]).trim();
    repo.write("content/zh-cn/a.md", page(root));
    repo.write("content/zh-cn/b.md", page(root));
    result = (await scanRepo(repo.dir)).result;
  }, 120_000);

  it("counts every commit exactly and caps the list with a warning", () => {
    const count = Number(
      repo.git(["rev-list", "--count", `${root}..HEAD`, "--", "content/en/a.md"]),
    );
    expect(count).toBe(COMMITS - 1);
    const a = result.pages.find((p) => p.path === "content/zh-cn/a.md") as PageReport;
    expect(a).toMatchObject({
      status: "outdated",
      commitsBehind: COMMITS - 1,
      linesAdded: 1,
      linesRemoved: 1,
      warnings: [`commit list cut to the newest 500 of ${COMMITS - 1}`],
    });
    expect(a.commits).toHaveLength(500);
    expect(a.commits[0]).toMatchObject({ hash: result.head, subject: `Edit ${COMMITS}` });
    expect(a.commits[499]?.subject).toBe(`Edit ${COMMITS - 499}`);
    const b = result.pages.find((p) => p.path === "content/zh-cn/b.md");
    expect(b).toMatchObject({ status: "up-to-date", commitsBehind: 0, commits: [], warnings: [] });
  });

  it("the CLI answers the same", () => {
    const cli = runCli(["scan", "--repo", repo.dir, "--format", "json"]);
    expect(cli.code).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual(JSON.parse(JSON.stringify(result)));
  });
});
