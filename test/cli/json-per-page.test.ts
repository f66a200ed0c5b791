// `report --format json-per-page --output DIR` with file names that do not map one to one onto
// `<path>.json` by text: names that are not UTF-8, a name too long for `.json` after it, and
// records that would be one file or a file where another needs a folder. Each record gets a file
// of its own, or the run writes nothing and says why in one line.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { english, page, runCli, TestRepo, tempDir } from "../hostile/helpers.js";

/** A repository whose English and zh-cn folders hold a page under each name (bytes). */
function site(names: readonly Buffer[]): TestRepo {
  const repo = TestRepo.init(path.join(tempDir(), "repo"));
  const at = (lang: string, name: Buffer) =>
    Buffer.concat([Buffer.from(`${repo.dir}/content/${lang}/`), name]);
  for (const lang of ["en", "zh-cn"]) {
    mkdirSync(path.join(repo.dir, "content", lang), { recursive: true });
  }
  for (const n of names) writeFileSync(at("en", n), english("Page"));
  const raw = repo.commit("English");
  for (const n of names) writeFileSync(at("zh-cn", n), page(raw));
  repo.commit("Translate");
  return repo;
}

/** Every file below `dir`, as bytes joined with `/`. */
function filesBelow(dir: Buffer, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true, encoding: "buffer" }).flatMap((e) => {
    const rel = `${prefix}${e.name.toString("latin1")}`;
    const full = Buffer.concat([dir, Buffer.from("/"), e.name]);
    return e.isDirectory() ? filesBelow(full, `${rel}/`) : [rel];
  });
}

const perPage = (repo: TestRepo, out: string) =>
  runCli([
    "report",
    "--repo",
    repo.dir,
    "--no-cache",
    "--format",
    "json-per-page",
    "--output",
    out,
  ]);

describe("report --format json-per-page", () => {
  it("names each record by its page's bytes, so names that are not UTF-8 stay apart", () => {
    const fe = Buffer.from([0x78, 0xfe, 0x2e, 0x6d, 0x64]);
    const ff = Buffer.from([0x78, 0xff, 0x2e, 0x6d, 0x64]);
    const repo = site([fe, ff]);
    const out = path.join(tempDir(), "out");
    expect(perPage(repo, out)).toMatchObject({ code: 0, stderr: "" });
    expect(filesBelow(Buffer.from(out)).sort()).toEqual([
      "content/zh-cn/x\xfe.md.json",
      "content/zh-cn/x\xff.md.json",
    ]);
    for (const [name, byte] of [
      [fe, "\udcfe"],
      [ff, "\udcff"],
    ] as const) {
      const file = Buffer.concat([
        Buffer.from(`${out}/content/zh-cn/`),
        name,
        Buffer.from(".json"),
      ]);
      expect(JSON.parse(readFileSync(file, "utf8")).path).toBe(`content/zh-cn/x${byte}.md`);
    }
  });

  it("cuts a name too long for `.json` after it, ending it with a hash of the whole name", () => {
    const long = `${"p".repeat(249)}.md`; // 252 bytes: legal, but 257 with .json
    const wide = `${"é".repeat(124)}.md`; // 251 bytes, each é two
    const repo = site([Buffer.from(long), Buffer.from(wide), Buffer.from("short.md")]);
    const out = path.join(tempDir(), "out");
    expect(perPage(repo, out)).toMatchObject({ code: 0, stderr: "" });
    const hash = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 16);
    const names = readdirSync(path.join(out, "content/zh-cn")).sort();
    expect(names).toEqual(
      [
        `${"p".repeat(233)}~${hash(long)}.json`,
        `${"é".repeat(116)}~${hash(wide)}.json`,
        "short.md.json",
      ].sort(),
    );
    for (const n of names) expect(Buffer.byteLength(n)).toBeLessThanOrEqual(255);
    const record = JSON.parse(
      readFileSync(
        path.join(out, "content/zh-cn", `${"p".repeat(233)}~${hash(long)}.json`),
        "utf8",
      ),
    );
    expect(record.path).toBe(`content/zh-cn/${long}`);
  });

  it("refuses, writing nothing, a record whose file another record needs as its folder", () => {
    const repo = site([Buffer.from("a.md"), Buffer.from("z.md")]);
    repo.write("content/en/a.md.json/b.md", english("B"));
    const raw = repo.commit("English b");
    repo.write("content/zh-cn/a.md.json/b.md", page(raw));
    repo.commit("Translate b");
    const out = path.join(tempDir(), "out");
    const res = perPage(repo, out);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(
      "translation-status: refusing to write the records of content/zh-cn/a.md and content/zh-cn/a.md.json/b.md: the first would be the file content/zh-cn/a.md.json, the folder the second is written in\n",
    );
    expect(filesBelow(Buffer.from(path.dirname(out)))).toEqual([]);
  });

  it("refuses, writing nothing, a folder in the output where a record's file goes", () => {
    const repo = site([Buffer.from("a.md"), Buffer.from("b.md"), Buffer.from("c.md")]);
    const out = path.join(tempDir(), "out");
    mkdirSync(path.join(out, "content/zh-cn/b.md.json"), { recursive: true });
    writeFileSync(path.join(out, "content/zh-cn/c.md.json"), "old\n");
    const res = perPage(repo, out);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(
      "translation-status: refusing to write content/zh-cn/b.md.json: a folder stands where the file would be\n",
    );
    // Neither a.md's record nor c.md's new one, and no temporary folder left behind.
    expect(filesBelow(Buffer.from(out)).sort()).toEqual(["content/zh-cn/c.md.json"]);
    expect(readFileSync(path.join(out, "content/zh-cn/c.md.json"), "utf8")).toBe("old\n");
    expect(readdirSync(out)).toEqual(["content"]);
  });
});
