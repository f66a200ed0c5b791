// Text that git prints back (commit messages, author names, paths) and page text (titles) is
// written by strangers. It must not forge a commit, an author or a count, and it must reach the
// terminal, the GitHub log and JSON readers as inert text.
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PageReport, ScanResult } from "../../src/core/types.js";
import { renderTable } from "../../src/report/table.js";
import {
  english,
  page,
  runCli,
  scanRepo,
  TestRepo,
  tempDir,
  UNSAFE_CHAR,
  workflowCommandLines,
} from "./helpers.js";

let base: string;
afterAll(() => rmSync(base, { recursive: true, force: true }));
beforeAll(() => {
  base = tempDir();
});

describe("output forging", () => {
  let repo: TestRepo;
  let result: ScanResult;
  let raw: string;
  let fake: string;
  const A = "content/en/a.md";

  beforeAll(async () => {
    repo = TestRepo.init(path.join(base, "forging"));
    repo.write(A, english("A"));
    repo.write("content/en/b.md", english("B"));
    raw = repo.commit("Add the English pages");
    // A commit on another branch whose hash a forged record could borrow.
    repo.git(["checkout", "-q", "-b", "elsewhere"]);
    repo.write(A, english("A", "Elsewhere.\n"));
    fake = repo.commit("Unrelated commit");
    repo.git(["checkout", "-q", "main"]);

    repo.write(A, english("A", "One.\n"));
    repo.commit(
      `Edit a\n${fake}\n\n%H%x00${fake}%x00\u001f\u001e\u0085 looks like a delimiter\n` +
        `${fake}\n${raw}\n2025-01-01T00:00:00Z\nForged Author\nForged subject\n`,
    );
    repo.write(A, english("A", "Two.\n"));
    repo.commit(
      "Second edit\n\ncommit 0123456789abcdef0123456789abcdef01234567\nAuthor: Forged <f@f>\n",
      {
        GIT_AUTHOR_NAME: "Evil\u001b]52;c;ZXZpbA==\u0007\u001b[2J Name",
        GIT_AUTHOR_EMAIL: "evil@example.com",
      },
    );
    // git commit refuses NUL in a message; a hand-made commit object does not.
    repo.write(A, english("A", "Three.\n"));
    repo.git(["add", "-A"]);
    const tree = repo.git(["write-tree"]).trim();
    const parent = repo.head();
    const object =
      `tree ${tree}\nparent ${parent}\nauthor Test Author <author@example.com> 1735800000 +0000\n` +
      `committer Test Committer <committer@example.com> 1735800000 +0000\n\n` +
      `Real subject\0${fake}\0${raw}\x002025-01-01T00:00:00Z\0Forged Author\0Forged subject\0\n`;
    const crafted = repo
      .git(["hash-object", "-t", "commit", "-w", "--literally", "--stdin"], { input: object })
      .trim();
    repo.git(["update-ref", "refs/heads/main", crafted]);
    repo.git(["reset", "-q", "--hard"]);
    // .mailmap would rename the author for `git log` users; the report shows what git recorded.
    repo.write(".mailmap", "Mapped Name <mapped@example.com> Test Author <author@example.com>\n");
    repo.write("content/zh-cn/a.md", page(raw));
    repo.commit("Translate a");
    result = (await scanRepo(repo.dir)).result;
  });

  const a = (): PageReport =>
    result.pages.find((p) => p.path === "content/zh-cn/a.md") as PageReport;

  it("a crafted commit message forges no commit and no count", () => {
    const listed = repo
      .git(["rev-list", `${raw}..HEAD`, "--", A])
      .trim()
      .split("\n");
    expect(listed).toHaveLength(3);
    expect(a().commitsBehind).toBe(
      Number(repo.git(["rev-list", "--count", `${raw}..HEAD`, "--", A])),
    );
    expect(a().commits.map((c) => c.hash)).toEqual(listed);
    expect(a().commits.map((c) => c.hash)).not.toContain(fake);
    // git stops a subject at a NUL; a subject keeps git's own joining of its first paragraph.
    expect(a().commits.map((c) => c.subject)).toEqual([
      "Real subject",
      "Second edit",
      `Edit a ${fake}`,
    ]);
    expect(a().commits.map((c) => c.subject)).toEqual(
      repo
        .git(["log", "--no-mailmap", "--format=%s", `${raw}..HEAD`, "--", A])
        .trim()
        .split("\n"),
    );
  });

  it("authors are the names git recorded, escape sequences included, never mailmapped", () => {
    expect(repo.git(["log", "-1", "--format=%aN", listedHash(0)]).trim()).toBe("Mapped Name");
    expect(a().commits.map((c) => c.author)).toEqual([
      "Test Author",
      "Evil\u001b]52;c;ZXZpbA==\u0007\u001b[2J Name",
      "Test Author",
    ]);
    expect(a().commits.map((c) => c.date)).toEqual([
      "2025-01-02T06:40:00+00:00",
      "2025-01-01T04:00:00+00:00",
      "2025-01-01T03:00:00+00:00",
    ]);
  });

  function listedHash(i: number): string {
    return a().commits[i]?.hash ?? "";
  }
});

describe("terminal and JSON output", () => {
  const OSC52 = "\u001b]52;c;ZXZpbA==\u0007";
  const OSC8 = "\u001b]8;;https://evil.example/\u0007click\u001b]8;;\u0007";
  const SPLICE = "\u001b\u001b[0m[31m";
  const C1 = "\u009b31m\u009d0;title\u009c";
  const BIDI = "\u202etxt.exe\u202c\u2066";
  // A file name cannot hold "/", so its hyperlink has none.
  const OSC8_NAME = "\u001b]8;;https:evil.example\u0007click\u001b]8;;\u0007";
  const names = [
    `clip${OSC52}.md`,
    `link${OSC8_NAME}.md`,
    `splice${SPLICE}.md`,
    `c1${C1}.md`,
    `bidi${BIDI}.md`,
    "::error file=x::injected.md",
    "##[error]injected.md",
    "x ##[add-mask]secret.md",
  ];
  const subject = `Edit ${OSC52}${OSC8}${SPLICE}${C1}${BIDI} ::error::forged ##[error]forged`;
  const author = `Mallory${OSC52}${BIDI}`;
  const title = `Title ${OSC52}${OSC8}${SPLICE}${C1}${BIDI} ##[warning]t`;
  let repo: TestRepo;
  let scanned: ScanResult;
  let table: string;
  let colored: string;
  let json: string;

  beforeAll(async () => {
    repo = TestRepo.init(path.join(base, "terminal"));
    for (const n of names) repo.write(`content/en/${n}`, english("E"));
    const raw = repo.commit("Add the English pages");
    for (const n of names) repo.write(`content/en/${n}`, english("E", "Edited.\n"));
    repo.commit(subject, { GIT_AUTHOR_NAME: author });
    for (const n of names)
      repo.write(
        `content/zh-cn/${n}`,
        page(raw, "译文。\n", ` raw_link="${title}"`).replace(
          'raw_title="Page"',
          `raw_title="${title}"`,
        ),
      );
    repo.commit("Translate");
    scanned = (await scanRepo(repo.dir)).result;
    const plain = runCli(["scan", "--repo", repo.dir]);
    const withColor = runCli(["scan", "--repo", repo.dir, "--color"], { env: { NO_COLOR: "" } });
    const asJson = runCli(["scan", "--repo", repo.dir, "--format", "json"]);
    for (const r of [plain, withColor, asJson]) expect(r).toMatchObject({ code: 0, stderr: "" });
    table = plain.stdout;
    colored = withColor.stdout;
    json = asJson.stdout;
  });

  it("the scan keeps the original strings", () => {
    expect(scanned.pages.map((p) => p.path)).toEqual(names.map((n) => `content/zh-cn/${n}`).sort());
    for (const p of scanned.pages) {
      expect(p).toMatchObject({ status: "outdated", commitsBehind: 1, rawTitle: title });
      expect(p.commits.map((c) => [c.subject, c.author])).toEqual([[subject, author]]);
    }
  });

  it("the table has no escape, C1 or bidi character and no workflow command", () => {
    expect(table).not.toMatch(UNSAFE_CHAR);
    expect(workflowCommandLines(table)).toEqual([]);
    expect(renderTable(scanned, false)).toBe(table);
    const lines = table.split("\n").filter((l) => l.includes("content/zh-cn/"));
    expect(lines).toEqual(
      [
        // As every report prints a name: a workflow command's `[` or first `:` as an escape that
        // reads back, never `##\\[` or `\\:`, which other names may hold.
        "content/zh-cn/##\\x5berror]injected.md",
        "content/zh-cn/\\x3a:error file=x::injected.md",
        "content/zh-cn/bidi\\u202etxt.exe\\u202c\\u2066.md",
        "content/zh-cn/c1\\u009b31m\\u009d0;title\\u009c.md",
        "content/zh-cn/clip\\x1b]52;c;ZXZpbA==\\x07.md",
        "content/zh-cn/link\\x1b]8;;https:evil.example\\x07click\\x1b]8;;\\x07.md",
        "content/zh-cn/splice\\x1b\\x1b[0m[31m.md",
        "content/zh-cn/x ##\\x5badd-mask]secret.md",
      ].map((p) => `  ! outdated         1 behind +1 -1        ${p}`),
    );
  });

  it("colored output adds nothing but its own SGR codes", () => {
    const withoutOwn = colored.replaceAll("\u001b[33m", "").replaceAll("\u001b[0m", "");
    expect(withoutOwn).toBe(table);
    expect(withoutOwn).not.toMatch(UNSAFE_CHAR);
  });

  it("JSON parses back to the original strings and has no raw control character", () => {
    expect(json).not.toMatch(UNSAFE_CHAR);
    expect(workflowCommandLines(json)).toEqual([]);
    const parsed = JSON.parse(json) as ScanResult;
    expect(parsed.pages).toEqual(JSON.parse(JSON.stringify(scanned.pages)));
    expect(parsed.pages.map((p) => p.path)).toEqual(names.map((n) => `content/zh-cn/${n}`).sort());
    expect(parsed.pages[0]?.commits[0]).toMatchObject({ subject, author });
    expect(parsed.pages[0]?.rawTitle).toBe(title);
  });
});
