// Pages a write must refuse, and a dry run with them: a page in another encoding than UTF-8 is
// never written into, and "would stamp" (or "would be fixed") means the real run would write,
// so every refusal of the write itself is said by the dry run too. What --init writes, lint
// then accepts.
import { chmodSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { english, page, runCli, TestRepo, tempDir } from "../hostile/helpers.js";

function site() {
  const repo = TestRepo.init(path.join(tempDir(), "site"));
  repo.write("content/en/a.md", english("A"));
  repo.write("content/en/b.md", english("B"));
  repo.write("content/en/t.md", '---\ntitle: "tab\\there"\n---\n\nText.\n');
  const raw = repo.commit("English");
  repo.write("content/zh-cn/a.md", page(raw));
  repo.write("content/zh-cn/b.md", "无元数据。\n");
  repo.write("content/zh-cn/t.md", "无元数据。\n");
  repo.commit("Translate");
  repo.write("content/en/a.md", english("A", "Changed.\n"));
  const head = repo.commit("Change the English");
  return { repo, raw, head };
}

const bytesOf = (repo: TestRepo, rel: string) => readFileSync(path.join(repo.dir, rel));

/** `stamp --init` of one page, in one metadata style. */
const init = (repo: TestRepo, metadata: string, rel: string, ...more: string[]) =>
  runCli(["stamp", "--repo", repo.dir, "--init", ...more, "--metadata", metadata, rel]);

describe("a dry run refuses what the real run refuses", () => {
  it("a read-only page: plain, --init and lint --fix say so, with the real run's words", () => {
    const { repo, raw } = site();
    const pages = ["content/zh-cn/a.md", "content/zh-cn/b.md"];
    // An abbreviated raw_commit, which lint --fix would write in full.
    repo.write("content/zh-cn/a.md", page(raw.slice(0, 10)));
    for (const p of pages) chmodSync(path.join(repo.dir, p), 0o444);
    const before = pages.map((p) => bytesOf(repo, p));
    const READ_ONLY = "the page is read-only; nothing written (use --force to write it anyway)";
    const runs: Array<[string[], string]> = [
      [["content/zh-cn/a.md"], "content/zh-cn/a.md"],
      [["--init", "--metadata", "shortcode", "content/zh-cn/b.md"], "content/zh-cn/b.md"],
    ];
    for (const [args, rel] of runs) {
      const real = runCli(["stamp", "--repo", repo.dir, ...args]);
      const dry = runCli(["stamp", "--repo", repo.dir, "--dry-run", ...args]);
      expect(real.stderr).toBe(`translation-status: ${rel}: ${READ_ONLY}\n`);
      expect(dry.stderr, args.join(" ")).toBe(real.stderr);
      expect(dry.stdout, args.join(" ")).toBe("");
      expect(dry.code, args.join(" ")).toBe(2);
      // --force writes it, and so a dry run with --force would.
      const forced = runCli(["stamp", "--repo", repo.dir, "--dry-run", "--force", ...args]);
      expect(forced.code, args.join(" ")).toBe(0);
      expect(forced.stdout).toMatch(/^would stamp /);
    }
    const lint = runCli(["lint", "--repo", repo.dir, "--fix", "--dry-run", "content/zh-cn/a.md"]);
    const realLint = runCli(["lint", "--repo", repo.dir, "--fix", "content/zh-cn/a.md"]);
    const notFixed = `content/zh-cn/a.md  not fixed: ${READ_ONLY}\n`;
    expect(realLint.stdout).toContain(notFixed);
    expect(lint.stdout).toContain(notFixed);
    expect(lint.stdout).toMatch(/, 0 would be fixed, nothing written\n$/);
    expect(pages.map((p) => bytesOf(repo, p))).toEqual(before);
  });
});

describe("a page that is not UTF-8", () => {
  it("in UTF-16 is refused by every write, its bytes kept", () => {
    const { repo, raw } = site();
    const utf16 = (text: string) =>
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    repo.write("content/zh-cn/b.md", utf16("---\ntitle: 你好\n---\n\n你好\n"));
    // Its shortcode is not even found in UTF-16; it is still told why, not "no metadata".
    repo.write("content/zh-cn/a.md", utf16(page(raw)));
    const runs: Array<[string[], string]> = [
      [["content/zh-cn/a.md"], "content/zh-cn/a.md"],
      [["--dry-run", "content/zh-cn/a.md"], "content/zh-cn/a.md"],
      ...["shortcode", "default_lang_commit", "l10n.sourceCommit"].map((m): [string[], string] => [
        ["--init", "--metadata", m, "content/zh-cn/b.md"],
        "content/zh-cn/b.md",
      ]),
    ];
    const before = ["content/zh-cn/a.md", "content/zh-cn/b.md"].map((p) => bytesOf(repo, p));
    for (const [args, rel] of runs) {
      const res = runCli(["stamp", "--repo", repo.dir, ...args]);
      expect(res.code, args.join(" ")).toBe(2);
      expect(res.stderr, args.join(" ")).toBe(
        `translation-status: ${rel}: the page is UTF-16 text, which this tool does not write: convert it to UTF-8 first; nothing written\n`,
      );
    }
    expect(["content/zh-cn/a.md", "content/zh-cn/b.md"].map((p) => bytesOf(repo, p))).toEqual(
      before,
    );
  });

  it("with bytes of another encoding is refused by --init, whose title may be any text", () => {
    const { repo } = site();
    const latin1 = Buffer.from("Caf\xe9 cr\xe8me.\n", "latin1");
    repo.write("content/zh-cn/b.md", latin1);
    const res = init(repo, "shortcode", "content/zh-cn/b.md");
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(
      "translation-status: content/zh-cn/b.md: the page is not valid UTF-8, so metadata added to it could mix two encodings: convert it to UTF-8 first; nothing written\n",
    );
    expect(bytesOf(repo, "content/zh-cn/b.md")).toEqual(latin1);
  });
});

describe("lint --fix on a page that is not valid UTF-8", () => {
  it("writes no title of another encoding into it, and still writes a hash in full", () => {
    const repo = TestRepo.init(path.join(tempDir(), "site"));
    repo.write("content/en/a.md", english("Café"));
    repo.write("content/en/b.md", english("B"));
    const raw = repo.commit("English");
    const latin1 = (text: string) => Buffer.from(text, "latin1");
    const a = latin1(page(raw, "Caf\xe9.\n").replace('raw_title="Page"', 'raw_title="Old"'));
    const b = latin1(
      page(raw.slice(0, 10), "Caf\xe9.\n").replace('raw_title="Page"', 'raw_title="B"'),
    );
    repo.write("content/zh-cn/a.md", a);
    repo.write("content/zh-cn/b.md", b);
    repo.commit("Translate");
    const res = runCli(["lint", "--repo", repo.dir, "--fix"]);
    expect(res.stdout).toContain(
      "content/zh-cn/a.md  not fixed: the page is not valid UTF-8, so metadata added to it could mix two encodings: convert it to UTF-8 first; nothing written\n",
    );
    expect(bytesOf(repo, "content/zh-cn/a.md")).toEqual(a);
    expect(bytesOf(repo, "content/zh-cn/b.md")).toEqual(
      latin1(page(raw, "Caf\xe9.\n").replace('raw_title="Page"', 'raw_title="B"')),
    );
  });
});

describe("what --init writes", () => {
  it("is a title lint accepts, though the English one holds a tab", () => {
    const { repo, head } = site();
    const res = init(
      repo,
      "shortcode",
      "content/zh-cn/t.md",
      "--commit",
      head,
      "--date",
      "2025-06-01",
    );
    expect(res.stderr).toBe("");
    expect(bytesOf(repo, "content/zh-cn/t.md").toString()).toContain('raw_title="tab here"');
    const lint = runCli(["lint", "--repo", repo.dir, "content/zh-cn/t.md"]);
    expect(lint.stdout).toBe("0 errors, 0 warnings\n");
    expect(lint.code).toBe(0);
  });

  it("is never a YAML block in front of JSON front matter", () => {
    const { repo } = site();
    const json = '{\n  "title": "Japanese title",\n  "weight": 3\n}\n\nBody\n';
    repo.write("content/zh-cn/b.md", json);
    const res = init(repo, "default_lang_commit", "content/zh-cn/b.md");
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(
      /^translation-status: content\/zh-cn\/b\.md: the page has JSON front matter, which this tool neither reads nor writes: convert it to YAML \(---\) or TOML \(\+\+\+\) first\n$/,
    );
    expect(bytesOf(repo, "content/zh-cn/b.md").toString()).toBe(json);
  });
});

describe("a page inside a nested repository", () => {
  it("is refused by stamp, plain, --init and dry run alike, as the scan leaves it out", () => {
    const { repo, raw } = site();
    repo.write("content/en/nested/deep/a.md", english("A"));
    repo.commit("English in a folder");
    // The translation's folder holds a repository of its own (a submodule's checkout would
    // hold a `.git` file instead, which counts alike).
    const nested = "content/zh-cn/nested";
    repo.write(`${nested}/deep/a.md`, page(raw));
    repo.write(`${nested}/.git`, "gitdir: ../../../.git/modules/nested\n");
    const rel = `${nested}/deep/a.md`;
    const before = bytesOf(repo, rel);
    const refusal = `translation-status: ${rel}: ${nested} is a nested repository or submodule: the scan reports none of its pages\n`;
    for (const args of [[rel], ["--dry-run", rel], ["--init", "--metadata", "shortcode", rel]]) {
      const run = runCli(["stamp", "--repo", repo.dir, ...args]);
      expect(run.stderr, args.join(" ")).toBe(refusal);
      expect(run.code, args.join(" ")).toBe(2);
    }
    // The scan does not read it: its English page's translation counts as missing.
    const scan = runCli(["scan", "--repo", repo.dir, "--format", "json"]);
    const listed = JSON.parse(scan.stdout).pages.filter((p: { path: string }) => p.path === rel);
    expect(listed.map((p: { status: string }) => p.status)).toEqual(["missing"]);
    // Given inside it, as a folder, its pages are refused one by one.
    const inside = runCli(["stamp", "--repo", repo.dir, nested]);
    expect(inside.stderr).toBe(refusal);
    expect(inside.code).toBe(2);
    // A folder above it passes it over with the scan's warning, and stamps the rest.
    const above = runCli(["stamp", "--repo", repo.dir, "content/zh-cn"]);
    expect(above.stderr).toContain(`${nested}: nested repository or submodule skipped`);
    expect(above.stdout).toContain("stamped content/zh-cn/a.md");
    expect(above.code).toBe(0);
    expect(bytesOf(repo, rel)).toEqual(before);
  });
});
