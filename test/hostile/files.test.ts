// Files in the work tree come from the pull request: symbolic links, nested repositories, odd
// bytes. None of them may make the scan read outside the translation folders.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PageReport, ScanResult } from "../../src/core/types.js";
import { readPageBytes } from "../../src/site/files.js";
import { english, page, runCli, scanRepo, TestRepo, tempDir } from "./helpers.js";

const SECRET = "SECRET-MARKER-7f3a";
let base: string;
let repo: TestRepo;
let outside: string;
let result: ScanResult;
let json: string;
let c1: string;

const RAW_LINKS: Record<string, string> = {
  "link-dotdot": "../../etc/passwd",
  "link-percent": "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
  "link-backslash": "..\\..\\..\\etc\\passwd",
  "link-drive": "C:\\Windows\\win.ini",
  "link-nul": "ok.md\u0000../../etc/passwd",
  "link-absolute": "/etc/passwd",
};

beforeAll(async () => {
  base = tempDir();
  outside = path.join(base, "outside");
  mkdirSync(path.join(outside, "zh-cn"), { recursive: true });
  writeFileSync(path.join(outside, "zh-cn/leak.md"), `${SECRET}\n`);
  writeFileSync(path.join(outside, "secret.md"), `${SECRET}\n`);

  repo = TestRepo.init(path.join(base, "repo"));
  const names = ["ok", "x", "latin1", ...Object.keys(RAW_LINKS)];
  for (const n of names) repo.write(`content/en/${n}.md`, english(n));
  c1 = repo.commit("Add the English pages");
  for (const n of names) repo.write(`content/en/${n}.md`, english(n, "Edited.\n"));
  repo.commit("Edit the English pages");

  repo.write("content/zh-cn/ok.md", page(c1));
  for (const [n, link] of Object.entries(RAW_LINKS)) {
    repo.write(`content/zh-cn/${n}.md`, page(c1, "译文。\n", ` raw_link="${link}"`));
  }
  repo.write(
    "content/zh-cn/latin1.md",
    Buffer.concat([Buffer.from(page(c1)), Buffer.from([0xe9, 0xff, 0xc0, 0x0a])]),
  );
  // Committed symbolic links: a page pointing at the repository's config, a language folder
  // pointing at another one, a page pointing outside the repository.
  symlinkSync("../../.git/config", path.join(repo.dir, "content/zh-cn/x.md"));
  symlinkSync(path.join(outside, "secret.md"), path.join(repo.dir, "content/zh-cn/abs.md"));
  symlinkSync("zh-cn", path.join(repo.dir, "content/ja"));
  symlinkSync(path.join(outside, "zh-cn"), path.join(repo.dir, "content/ko"));
  repo.commit("Translate, with links");
  writeFileSync(path.join(repo.dir, ".git/config"), `[marker]\n\tsecret = ${SECRET}\n`, {
    flag: "a",
  });

  // On disk only (git cannot commit a `.git`): a nested repository, a submodule-like folder, a
  // page inside the language folder's own `.git`, and a FIFO named like a page.
  repo.write("content/zh-cn/nested/.git/p.md", page(c1));
  repo.write("content/zh-cn/nested/q.md", page(c1));
  repo.write("content/zh-cn/module/.git", "gitdir: ../../../.git/modules/module\n");
  repo.write("content/zh-cn/module/m.md", `${SECRET}\n`);
  repo.write("content/zh-cn/.git/hidden.md", `${SECRET}\n`);
  spawnSync("mkfifo", [path.join(repo.dir, "content/zh-cn/fifo.md")]);

  result = (await scanRepo(repo.dir)).result;
  const cli = runCli(["scan", "--repo", repo.dir, "--format", "json"]);
  if (cli.code !== 0) throw new Error(cli.stderr);
  json = cli.stdout;
}, 60_000);

afterAll(() => rmSync(base, { recursive: true, force: true }));

const report = (p: string): PageReport | undefined => result.pages.find((r) => r.path === p);

describe("hostile files", () => {
  it("reads only the real language folder, and nothing secret reaches the output", () => {
    expect(result.languages).toEqual(["zh-cn"]);
    expect(json).not.toContain(SECRET);
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(result.pages.map((p) => p.path)).toEqual([
      "content/zh-cn/latin1.md",
      "content/zh-cn/link-absolute.md",
      "content/zh-cn/link-backslash.md",
      "content/zh-cn/link-dotdot.md",
      "content/zh-cn/link-drive.md",
      "content/zh-cn/link-nul.md",
      "content/zh-cn/link-percent.md",
      "content/zh-cn/ok.md",
      "content/zh-cn/x.md",
    ]);
    expect(result.warnings).toEqual([
      "content/ja: symbolic link not followed",
      "content/ko: symbolic link not followed",
      "content/zh-cn/abs.md: symbolic link not followed",
      "content/zh-cn/x.md: symbolic link not followed",
      "content/zh-cn/nested: nested repository or submodule skipped",
      "content/zh-cn/module: nested repository or submodule skipped",
    ]);
  });

  it("a symlinked page (to .git/config) is skipped with a warning, never read", () => {
    // The English page exists, so the translation counts as missing: its link was not followed.
    expect(report("content/zh-cn/x.md")).toMatchObject({
      status: "missing",
      rawCommit: null,
      warnings: [],
    });
    expect(report("content/zh-cn/abs.md")).toBeUndefined();
  });

  it("a symlinked language folder is skipped with a warning, and refused when named", () => {
    expect(result.languages).not.toContain("ja");
    for (const lang of ["ja", "ko"]) {
      expect(runCli(["scan", "--repo", repo.dir, "--lang", lang])).toEqual({
        code: 2,
        stdout: "",
        stderr: `translation-status: content/${lang} is a symbolic link; not followed\n`,
      });
    }
  });

  it("a symlinked content folder pointing outside is refused", () => {
    const other = TestRepo.init(path.join(base, "linked-content"));
    other.write("README.md", "x\n");
    symlinkSync(outside, path.join(other.dir, "content"));
    other.commit("content is a link");
    expect(runCli(["scan", "--repo", other.dir, "--format", "json"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "translation-status: content is a symbolic link; not followed\n",
    });
  });

  it("pages in a nested repository, a submodule-like folder or a .git folder are never read", () => {
    expect(result.pages.filter((p) => /nested|module|hidden/.test(p.path))).toEqual([]);
  });

  it("a FIFO named like a page is not opened (the scan does not block)", () => {
    expect(report("content/zh-cn/fifo.md")).toBeUndefined();
  });

  it("reading one page (as stamp does) refuses a FIFO or a folder under a page name", () => {
    const folder = path.join(repo.dir, "content/zh-cn/folder.md");
    mkdirSync(folder);
    expect(readPageBytes(path.join(repo.dir, "content/zh-cn/fifo.md"))).toEqual({
      error: "not a regular file",
    });
    expect(readPageBytes(folder)).toEqual({ error: "not a regular file" });
    // The scan's borrowed read never blocks on one either, should a name be swapped for it.
    expect(readPageBytes(path.join(repo.dir, "content/zh-cn/fifo.md"), true)).toEqual({
      bytes: Buffer.alloc(0),
    });
    rmSync(folder, { recursive: true });
  });

  it("raw_link never becomes a path: the source is always content/en/<rel>", () => {
    for (const [n, link] of Object.entries(RAW_LINKS)) {
      expect(report(`content/zh-cn/${n}.md`)).toMatchObject({
        status: "outdated",
        sourcePath: `content/en/${n}.md`,
        commitsBehind: 1,
        warnings: [],
      });
      expect(link.length).toBeGreaterThan(0);
    }
  });

  it("a page that is not UTF-8 gives a warning, not a crash", () => {
    expect(report("content/zh-cn/latin1.md")).toMatchObject({
      status: "outdated",
      rawCommit: c1,
      commitsBehind: 1,
      warnings: ["page is not valid UTF-8; invalid bytes were read as U+FFFD"],
    });
  });
});
