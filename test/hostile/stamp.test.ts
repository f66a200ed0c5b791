// Second red-team round on writing pages: `stamp` (and the dashboard's mark, which goes through
// the same writer) changes only the metadata's own value bytes, never loses a save made while it
// runs, finds the metadata wherever the scan found it, and keeps the page's name, mode and owner.
import { spawn } from "node:child_process";
import { chmodSync, chownSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ScanResult } from "../../src/core/types.js";
import { readMeta } from "../../src/meta/read.js";
import { stampText } from "../../src/meta/stamp.js";
import { today } from "../../src/stamp/stamp-pages.js";
import { english, page, runCli, TestRepo, tempDir } from "./helpers.js";

let repo: TestRepo;
let raw: string;
let head: string;

beforeAll(() => {
  repo = TestRepo.init(path.join(tempDir(), "repo"));
  for (const name of ["a", "b", "c", "d", "e", "f", "café", "long", "ro", "owned"]) {
    repo.write(`content/en/${name}.md`, english(name));
  }
  repo.write(`content/en/${"n".repeat(245)}.md`, english("long name"));
  raw = repo.commit("English");
  for (const name of ["a", "b"]) repo.write(`content/en/${name}.md`, english(name, "More.\n"));
  head = repo.commit("Edit English");
});

function stampFile(rel: string, text: string | Buffer, extra: string[] = []) {
  const abs = path.join(repo.dir, rel);
  repo.write(rel, text);
  const res = runCli(["stamp", "--repo", repo.dir, rel, ...extra]);
  return { res, after: readFileSync(abs) };
}

/** The page with the commit and the date changed at exactly these offsets, nothing else. */
function expectOnlyValues(before: string, after: string, edits: Array<[string, string]>) {
  let expected = before;
  for (const [from, to] of edits) {
    const at = expected.lastIndexOf(from);
    expected = expected.slice(0, at) + to + expected.slice(at + from.length);
  }
  expect(after).toBe(expected);
}

describe("stamp edits only the metadata values the reader located", () => {
  const date = today();

  it("leaves a YAML block scalar line that looks like the date key alone", () => {
    const text = `---\ntitle: T\nnotes: |\n  last_translation_time: keep this sentence\ndefault_lang_commit: ${raw}\nlast_translation_time: 2025-01-01\n---\n\n译文。\n`;
    const { res, after } = stampFile("content/zh-cn/a.md", text);
    expect(res.code).toBe(0);
    expectOnlyValues(text, after.toString(), [
      [raw, head],
      ["2025-01-01", date],
    ]);
  });

  it("leaves a TOML multi-line string and a nested table alone", () => {
    const text = `+++\ntitle = "T"\nnotes = """\ndefault_lang_commit = "${raw}"\nlast_translation_time = 2020-01-01\n"""\ndefault_lang_commit = "${raw}"\nlast_translation_time = 2025-01-01\n[params]\nlast_translation_time = 2019-01-01\n+++\n译文。\n`;
    const { res, after } = stampFile("content/zh-cn/b.md", text);
    expect(res.code).toBe(0);
    expectOnlyValues(text, after.toString(), [
      [
        `default_lang_commit = "${raw}"\nlast_translation_time = 2025-01-01`,
        `default_lang_commit = "${head}"\nlast_translation_time = ${date}`,
      ],
    ]);
  });

  it("leaves body lines that look like metadata keys alone, where front matter ends early", () => {
    // The reader ends the front matter at the first line starting with "---"; the body after it
    // holds a date-like line and a later "---" rule.
    const text = `---\ndefault_lang_commit: "${raw}"\nlast_translation_time: 2025-01-01\n-----\nlast_translation_time: 2024-01-01 is body text\n---\n\ndefault_lang_commit: ${raw}\n`;
    const { res, after } = stampFile("content/zh-cn/c.md", text);
    expect(res.code).toBe(0);
    const at = text.indexOf(raw);
    const expected = `${text.slice(0, at)}${head}${text.slice(at + raw.length)}`.replace(
      "last_translation_time: 2025-01-01",
      `last_translation_time: ${date}`,
    );
    expect(after.toString()).toBe(expected);
  });

  it("ignores a shortcode written inside front matter, as the reader does", () => {
    const text = `---\ntitle: |\n  {{< translation-status raw_commit="${raw}" last_translation_time="2020-01-01" >}}\n---\n\n{{< translation-status raw_commit="${raw}" last_translation_time="2025-01-01" >}}\n`;
    const { res, after } = stampFile("content/zh-cn/d.md", text);
    expect(res.code).toBe(0);
    expectOnlyValues(text, after.toString(), [
      [raw, head],
      ["2025-01-01", date],
    ]);
  });

  it("finds a quoted key, and reports its line as the scan's metaLine", () => {
    const text = `---\ntitle: T\nnotes: |\n  "default_lang_commit": decoy\n"default_lang_commit": '${raw}'\n---\n译文。\n`;
    repo.write("content/zh-cn/e.md", text);
    const scan = JSON.parse(
      runCli(["scan", "--repo", repo.dir, "--format", "json"]).stdout,
    ) as ScanResult;
    expect(scan.pages.find((p) => p.path === "content/zh-cn/e.md")?.metaLine).toBe(5);
    const { res, after } = stampFile("content/zh-cn/e.md", text);
    expect(res.code).toBe(0);
    expect(after.toString()).toBe(text.replace(`'${raw}'`, `'${head}'`));
  });
});

describe("stamp finds every page the scan reads", () => {
  it("annotates the line that holds raw_commit in a shortcode written over several lines", () => {
    const text = `# 标题\n\n{{< translation-status-zh-cn\n  raw_title="A"\n  raw_commit="${raw}"\n>}}\n`;
    repo.write("content/zh-cn/a.md", text);
    const res = runCli(["check", "--repo", repo.dir, "--lang", "zh-cn", "--format", "github"]);
    expect(res.stdout).toMatch(/::error file=content\/zh-cn\/a\.md,line=5[,:]/);
    const { after } = stampFile("content/zh-cn/a.md", text);
    expect(after.toString()).toBe(text.replace(raw, head));
  });

  it("stamps a translation whose file name is NFD while the English one is NFC", () => {
    const nfd = "café".normalize("NFD");
    const rel = `content/zh-cn/${nfd}.md`;
    const { res, after } = stampFile(rel, page(raw));
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    expect(after.toString()).toBe(page(raw).replace(raw, head));
  });

  it("stamps a legal 248-byte page name (the temporary file has a short name)", () => {
    const rel = `content/zh-cn/${"n".repeat(245)}.md`;
    const { res, after } = stampFile(rel, page(raw));
    expect(res.code).toBe(0);
    expect(after.toString()).toBe(page(raw).replace(raw, head));
  });
});

describe("stamp keeps mode and ownership", () => {
  it("refuses a read-only page unless forced, and keeps its mode when forced", () => {
    const rel = "content/zh-cn/ro.md";
    const abs = path.join(repo.dir, rel);
    repo.write(rel, page(raw));
    chmodSync(abs, 0o444);
    const refused = runCli(["stamp", "--repo", repo.dir, rel]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/read-only.*--force/);
    expect(readFileSync(abs, "utf8")).toBe(page(raw));
    const forced = runCli(["stamp", "--repo", repo.dir, "--force", rel]);
    expect(forced.code).toBe(0);
    expect(readFileSync(abs, "utf8")).toBe(page(raw).replace(raw, head));
    expect(statSync(abs).mode & 0o7777).toBe(0o444);
  });

  it.skipIf(process.getuid?.() !== 0)("keeps the owner and group of a page", () => {
    const rel = "content/zh-cn/owned.md";
    const abs = path.join(repo.dir, rel);
    repo.write(rel, page(raw));
    chmodSync(abs, 0o640);
    chownSync(abs, 4321, 8765);
    const res = runCli(["stamp", "--repo", repo.dir, rel]);
    expect(res.code).toBe(0);
    const info = statSync(abs);
    expect([info.uid, info.gid, info.mode & 0o7777]).toEqual([4321, 8765, 0o640]);
  });
});

describe("a save made while stamp runs is never lost", () => {
  it("keeps what an editor appends when the temporary file appears", async () => {
    const rel = "content/zh-cn/f.md";
    const abs = path.join(repo.dir, rel);
    const folder = path.dirname(abs);
    let kept = 0;
    for (let run = 0; run < 5; run++) {
      writeFileSync(abs, page(raw));
      // The "editor": appends to the page as soon as any new file shows up beside it.
      const watcher = spawn(
        process.execPath,
        [
          "-e",
          `const fs=require("fs");let done=false;fs.watch(${JSON.stringify(folder)},(e,n)=>{if(!done&&n&&n!==${JSON.stringify(path.basename(abs))}){done=true;fs.appendFileSync(${JSON.stringify(abs)},"editor's save\\n");setTimeout(()=>process.exit(0),50)}});process.stdout.write("ready\\n");setTimeout(()=>process.exit(0),5000)`,
        ],
        { stdio: ["ignore", "pipe", "inherit"] },
      );
      await new Promise<void>((resolve) => watcher.stdout.once("data", () => resolve()));
      const res = runCli(["stamp", "--repo", repo.dir, rel]);
      await new Promise<void>((resolve) => watcher.once("exit", () => resolve()));
      const after = readFileSync(abs, "utf8");
      expect(after).toContain("editor's save");
      if (res.code === 0) kept++;
      else expect(res.stderr).toMatch(/changed on disk/);
    }
    // Either outcome is fine as long as the save survives; this only records which happened.
    expect(kept).toBeLessThanOrEqual(5);
  }, 60_000);
});

describe("answers: metadata that cannot be read is unknown, never untracked", () => {
  it("reads TOML front matter with CRLF line endings, so an outdated page fails check", () => {
    repo.write(
      "content/zh-cn/a.md",
      `+++\r\ntitle = "A"\r\ndefault_lang_commit = "${raw}"\r\n+++\r\n\r\n译文。\r\n`,
    );
    const res = runCli(["check", "--repo", repo.dir, "--lang", "zh-cn", "--format", "json"]);
    const out = JSON.parse(res.stdout) as ScanResult;
    expect(out.pages.find((p) => p.path === "content/zh-cn/a.md")?.status).toBe("outdated");
    expect(res.code).toBe(1);
  });

  it("makes broken front matter that records a commit unknown-commit with the parse error", () => {
    const text = `+++\r\ntitle = "A"\r\nweight = \r\ndefault_lang_commit = "${raw}"\r\n+++\r\n`;
    const meta = readMeta(text);
    expect(meta.warnings[0]).toMatch(/not valid TOML \(line 3/);
    repo.write("content/zh-cn/a.md", text);
    const res = runCli(["check", "--repo", repo.dir, "--lang", "zh-cn", "--format", "json"]);
    const report = (JSON.parse(res.stdout) as ScanResult).pages.find(
      (p) => p.path === "content/zh-cn/a.md",
    );
    expect(report?.status).toBe("unknown-commit");
    expect(report?.metaLine).toBe(4);
    expect(report?.warnings.join("\n")).toMatch(/not valid TOML/);
    expect(res.code).toBe(1);
  });
});

describe("time: pages are read in linear time", () => {
  it("reads and stamps front matter that writes look-alikes of the key thousands of times", () => {
    const many = `---\nnotes: |\n${"  default_lang_commit: a\n".repeat(100_000)}default_lang_commit: ${"a".repeat(40)}\n---\n`;
    expect(readMeta(many).meta?.line).toBe(100_003);
    // Too many look-alikes to ask the parser about each: the writer refuses instead of guessing.
    expect(stampText(many, "b".repeat(40), "2026-01-01")).toEqual({
      error: expect.stringMatching(/could not tell where/),
    });
    const oneLine = `---\nx: "a${",default_lang_commit: y".repeat(100_000)}"\ndefault_lang_commit: ${"a".repeat(40)}\n---\n`;
    expect(readMeta(oneLine).meta?.line).toBe(3);
  }, 10_000);

  it("reads a shortcode that repeats thousands of attribute names quickly", () => {
    const attrs = Array.from({ length: 100_000 }, (_, i) => `k${i}=1`).join(" ");
    const text = `{{< x ${attrs} ${attrs} >}}\n{{< translation-status raw_commit="${"a".repeat(40)}" >}}\n`;
    expect(readMeta(text).meta?.rawCommit).toBe("a".repeat(40));
  }, 10_000);
});
