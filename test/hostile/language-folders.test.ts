// Folders beside the English one whose names no language has (`a b`, or bytes that are not
// UTF-8): the scan says it does not read them, and every message names where the name came
// from (a folder on disk, the --lang flag) and the real reason.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { english, page, runCli, TestRepo, tempDir } from "./helpers.js";

const LATIN1 = Buffer.from([0x6c, 0xff, 0x6d]); // "l\xFFm"

let repo: TestRepo;
let head: string;

function inLatin1(name: string): Buffer {
  return Buffer.concat([Buffer.from(`${repo.dir}/content/`), LATIN1, Buffer.from(`/${name}`)]);
}

beforeEach(() => {
  repo = TestRepo.init(path.join(tempDir(), "repo"));
  repo.write("content/en/a.md", english("A"));
  repo.write("content/en/b.md", english("B"));
  const raw = repo.commit("English");
  repo.write("content/zh-cn/a.md", page(raw));
  repo.write("content/a b/a.md", page(raw));
  repo.write("content/a b/b.md", "没有元数据。\n");
  repo.write("content/.hidden/a.md", page(raw));
  mkdirSync(inLatin1(""), { recursive: true });
  writeFileSync(inLatin1("a.md"), page(raw));
  head = repo.commit("Translations");
});

describe("a folder whose name no language has", () => {
  it("is named in the scan's warnings, with the reason, not silently left out", () => {
    const res = runCli(["scan", "--repo", repo.dir, "--no-cache", "--format", "json"]);
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout) as { warnings: string[]; pages: Array<{ path: string }> };
    const rule = `not read as a language (a language is a folder name like "zh-cn", of letters, digits, ".", "_" and "-", not starting with "." or "-")`;
    expect(out.warnings).toEqual([`content/a b: ${rule}`, `content/l\udcffm: ${rule}`]);
    expect(out.pages.map((p) => p.path)).toEqual(["content/zh-cn/a.md", "content/zh-cn/b.md"]);
    const table = runCli(["scan", "--repo", repo.dir, "--no-cache"]).stdout;
    // The rule's own words hold no ": ", which the grouping takes to end a file's path.
    expect(table).toContain(`warning: ${rule} (2 ×), first: content/a b\n`);
  });

  it("holding a page for stamp --init, is named for that page, with no --lang in sight", () => {
    const res = runCli(["stamp", "--repo", repo.dir, "--no-cache", "--init", "content/a b/b.md"]);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(
      `translation-status: content/a b/b.md: the folder "a b" is not read as a language (a language is a folder name like "zh-cn", of letters, digits, ".", "_" and "-", not starting with "." or "-"), so the page has no estimate: give --commit\n`,
    );
    const given = runCli([
      "stamp",
      ...["--repo", repo.dir, "--no-cache", "--init", "--commit", "HEAD"],
      "content/a b/b.md",
    ]);
    expect(given.stderr).toBe("");
    expect(given.code).toBe(0);
  });

  it("with a name that is not UTF-8, holds a page stamp writes, named as the reports print it", () => {
    const res = runCli(["stamp", "--repo", repo.dir, "--no-cache", "content/l\\xFFm/a.md"]);
    expect(res.stderr).toBe("");
    expect(res.stdout).toBe(`stamped content/l\\xFFm/a.md at ${head.slice(0, 12)}\n`);
    expect(readFileSync(inLatin1("a.md"), "utf8")).toContain(`raw_commit="${head}"`);
  });
});
