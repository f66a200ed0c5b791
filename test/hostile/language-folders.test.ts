// Folders beside the English one whose names no language has (`a b`, or bytes that are not
// UTF-8): the scan says it does not read them, and every message names where the name came
// from (a folder on disk, the --lang flag) and the real reason.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { english, page, runCli, snapshot, TestRepo, tempDir } from "./helpers.js";

const LATIN1 = Buffer.from([0x6c, 0xff, 0x6d]); // "l\xFFm"

let repo: TestRepo;

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
  repo.commit("Translations");
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

  it("holding a page, is refused by stamp and stamp --init alike, in one line", () => {
    const rule = `a language is a folder name like "zh-cn", of letters, digits, ".", "_" and "-", not starting with "." or "-"`;
    const refused = (page: string, folder: string) =>
      `translation-status: ${page}: ${folder} is not read as a language (${rule}): the scan reports none of its pages\n`;
    const folders = ["content/a b", "content/.hidden"].map((f) => path.join(repo.dir, f));
    const before = [...folders.map(snapshot), readFileSync(inLatin1("a.md"))];
    for (const args of [
      ["content/a b/a.md"],
      ["--init", "content/a b/b.md"],
      ["--init", "--commit", "HEAD", "content/a b/b.md"],
    ]) {
      const res = runCli(["stamp", "--repo", repo.dir, "--no-cache", ...args]);
      expect(res).toMatchObject({
        code: 2,
        stdout: "",
        stderr: refused(args.at(-1) as string, "content/a b"),
      });
    }
    // A name that is not UTF-8 is named as the reports print it.
    const latin1 = runCli(["stamp", "--repo", repo.dir, "--no-cache", "content/l\\xFFm/a.md"]);
    expect(latin1).toMatchObject({
      code: 2,
      stderr: refused("content/l\\xFFm/a.md", "content/l\\xFFm"),
    });
    // As is a hidden folder, which the scan passes over in silence.
    const hidden = runCli(["stamp", "--repo", repo.dir, "--no-cache", "content/.hidden/a.md"]);
    expect(hidden.stderr).toBe(
      "translation-status: content/.hidden/a.md: content/.hidden is not read as a language (a hidden folder): the scan reports none of its pages\n",
    );
    expect([...folders.map(snapshot), readFileSync(inLatin1("a.md"))]).toEqual(before);
  });

  it("below a language's folder, with a name that is not UTF-8, holds a page stamp writes", () => {
    const at = (lang: string) =>
      Buffer.concat([Buffer.from(`${repo.dir}/content/${lang}/`), LATIN1]);
    for (const lang of ["en", "zh-cn"]) mkdirSync(at(lang), { recursive: true });
    writeFileSync(Buffer.concat([at("en"), Buffer.from("/a.md")]), english("A"));
    const page = Buffer.concat([at("zh-cn"), Buffer.from("/a.md")]);
    writeFileSync(page, readFileSync(inLatin1("a.md")));
    const now = repo.commit("English page in a folder whose name is not UTF-8");
    const res = runCli(["stamp", "--repo", repo.dir, "--no-cache", "content/zh-cn/l\\xFFm/a.md"]);
    expect(res.stderr).toBe("");
    expect(res.stdout).toBe(`stamped content/zh-cn/l\\xFFm/a.md at ${now.slice(0, 12)}\n`);
    expect(readFileSync(page, "utf8")).toContain(`raw_commit="${now}"`);
  });
});

describe("a folder beside the source that holds no file", () => {
  it("is no language, as git could not hold it; named with --lang, it is one", () => {
    const site = TestRepo.init(path.join(tempDir(), "site"));
    site.write("content/en/a.md", english("A"));
    const raw = site.commit("English");
    site.write("content/zh-cn/a.md", page(raw));
    site.commit("Translate");
    mkdirSync(path.join(site.dir, "content/fr/docs"), { recursive: true });
    const scan = (...args: string[]) => {
      const res = runCli(["scan", "--repo", site.dir, "--no-cache", "--format", "json", ...args]);
      expect(res.stderr).toBe("");
      return JSON.parse(res.stdout) as { languages: string[]; warnings: string[] };
    };
    const out = scan();
    expect(out.languages).toEqual(["zh-cn"]);
    expect(out.warnings).toEqual(["content/fr: not read as a language (it holds no file)"]);
    expect(scan("--lang", "fr").languages).toEqual(["fr"]);
  });
});
