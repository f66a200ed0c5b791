// A page is named on the command line as the reports print it, whatever its name holds: a line
// break, a tab, a byte that is not UTF-8, or a backslash that looks like an escape. Every
// output prints a name one way, and no two names alike.
import { readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { english, page, runCli, TestRepo, tempDir } from "./helpers.js";

/** Each page's name in the file system (bytes) and as the reports print it. */
const NAMES: ReadonlyArray<{ bytes: Buffer; printed: string }> = [
  { bytes: Buffer.from("new\nline.md"), printed: "new\\nline.md" },
  { bytes: Buffer.from("tab\tx.md"), printed: "tab\\tx.md" },
  // Backslash, x, F, F: its backslash is doubled, so it is not read as the byte below.
  { bytes: Buffer.from("c\\xFFd.md"), printed: "c\\\\xFFd.md" },
  { bytes: Buffer.from([0x63, 0xff, 0x64, 0x2e, 0x6d, 0x64]), printed: "c\\xFFd.md" },
  { bytes: Buffer.from("c1\u009b.md"), printed: "c1\\u009b.md" },
  { bytes: Buffer.from([0x63, 0x31, 0x9b, 0x2e, 0x6d, 0x64]), printed: "c1\\x9B.md" },
];

function file(repo: TestRepo, lang: string, name: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${repo.dir}/content/${lang}/`), name]);
}

let repo: TestRepo;
let raw: string;
let head: string;

beforeEach(() => {
  repo = TestRepo.init(path.join(tempDir(), "repo"));
  repo.write("content/en/.keep", "");
  repo.write("content/zh-cn/.keep", "");
  for (const n of NAMES) writeFileSync(file(repo, "en", n.bytes), english("Page"));
  raw = repo.commit("English");
  for (const n of NAMES) {
    writeFileSync(file(repo, "en", n.bytes), english("Page", "More.\n"));
    writeFileSync(file(repo, "zh-cn", n.bytes), page(raw));
  }
  head = repo.commit("Translate; edit the English");
});

const printed = (n: { printed: string }) => `content/zh-cn/${n.printed}`;

describe("a page named as the reports print it", () => {
  it("is printed one way by the table, Markdown and GitHub outputs, each name apart", () => {
    const table = runCli(["scan", "--repo", repo.dir]).stdout;
    const markdown = runCli(["check", "--repo", repo.dir, "--format", "markdown"]).stdout;
    const github = runCli(["check", "--repo", repo.dir, "--format", "github"]).stdout;
    const lines = table.split("\n").filter((l) => l.includes("! outdated"));
    expect(lines).toHaveLength(NAMES.length);
    for (const n of NAMES) {
      expect(lines.filter((l) => l.endsWith(`  ${printed(n)}`))).toHaveLength(1);
      // Markdown escapes a backslash for itself; rendered, the text is the printed name.
      expect(markdown).toContain(`\`${printed(n)}\``);
      expect(github).toContain(`file=${printed(n)},`);
    }
  });

  it("is stamped, that page and no other, for every name", () => {
    for (const n of NAMES) {
      const others = NAMES.filter((o) => o !== n).map((o) =>
        readFileSync(file(repo, "zh-cn", o.bytes), "utf8"),
      );
      const res = runCli(["stamp", "--repo", repo.dir, printed(n)]);
      expect(res.stderr).toBe("");
      expect(res.stdout).toBe(`stamped ${printed(n)} at ${head.slice(0, 12)}\n`);
      expect(readFileSync(file(repo, "zh-cn", n.bytes), "utf8")).toBe(page(head));
      const after = NAMES.filter((o) => o !== n).map((o) =>
        readFileSync(file(repo, "zh-cn", o.bytes), "utf8"),
      );
      expect(after).toEqual(others);
      writeFileSync(file(repo, "zh-cn", n.bytes), page(raw));
    }
  });

  it("selects that page alone in scan, check and lint", () => {
    for (const n of NAMES.slice(0, 4)) {
      const scan = runCli(["scan", "--repo", repo.dir, printed(n)]);
      expect(scan.code).toBe(0);
      const rows = scan.stdout.split("\n").filter((l) => l.includes("! outdated"));
      expect(rows).toEqual([expect.stringMatching(new RegExp(`  ${escapeRe(printed(n))}$`))]);
      const check = runCli(["check", "--repo", repo.dir, "--format", "json", printed(n)]);
      expect(check.code).toBe(1);
      expect(check.stdout).toContain('"outdated": 1');
      const lint = runCli(["lint", "--repo", repo.dir, printed(n)]);
      expect(lint.stderr).toBe("");
      expect(lint.code).toBe(0);
    }
  });

  it("names a page that does not exist the way it was given", () => {
    const res = runCli(["scan", "--repo", repo.dir, "content/zh-cn/no\\tsuch.md"]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('no page under "content/zh-cn/no\\tsuch.md"');
  });
});

describe("a page name inside a warning or a diff", () => {
  const HOSTILE = [
    { bytes: Buffer.from("a\\x.md"), printed: "a\\\\x.md" },
    { bytes: Buffer.from("new\nline.md"), printed: "new\\nline.md" },
  ];

  it("is printed as the reports print it, in a warning of its own and in a diff's headers", () => {
    const site = TestRepo.init(path.join(tempDir(), "repo"));
    site.write("content/en/p.md", english("P"));
    for (const n of HOSTILE) writeFileSync(file(site, "en", n.bytes), english("Page"));
    const at = site.commit("English");
    site.write("content/zh-cn/p.md", page(at));
    for (const n of HOSTILE) {
      // An abbreviated raw_commit, which lint --fix writes in full.
      writeFileSync(file(site, "zh-cn", n.bytes), page(at.slice(0, 12)));
      // A symbolic link by that name, the one file the scan and lint warn about.
      const link = file(site, "zh-cn", Buffer.concat([Buffer.from("link-"), n.bytes]));
      symlinkSync("p.md", link);
      const warning = `content/zh-cn/link-${n.printed}: symbolic link not followed`;
      const scan = runCli(["scan", "--repo", site.dir, "--no-cache"]);
      expect(scan.stdout).toContain(`warning: ${warning}\n`);
      const lint = runCli(["lint", "--repo", site.dir, "--fix", "--dry-run", "content/zh-cn"]);
      expect(lint.stderr).toBe(`translation-status: warning: ${warning}\n`);
      const name = `content/zh-cn/${n.printed}`;
      expect(lint.stdout).toContain(`--- a/${name}\n+++ b/${name}\n@@ `);
      rmSync(link);
      writeFileSync(file(site, "zh-cn", n.bytes), page(at));
    }
  });
});

function escapeRe(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
}
