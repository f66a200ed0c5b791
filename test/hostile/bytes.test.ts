// File names are bytes: a translation named with bytes that are not UTF-8 is paired with the
// English file of the same bytes, reported with its real status, shown escaped, and can be
// stamped by the name the report prints.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { encodeBytes } from "../../src/core/path-bytes.js";
import type { ScanResult } from "../../src/core/types.js";
import { english, page, runCli, TestRepo, tempDir } from "./helpers.js";

const NAME = Buffer.from([0x62, 0xff, 0x61, 0x64, 0x2e, 0x6d, 0x64]); // "b\xffad.md"
let repo: TestRepo;
let raw: string;
let head: string;

function bytesPath(...parts: Array<string | Buffer>): Buffer {
  return Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p) : p)));
}

beforeAll(() => {
  repo = TestRepo.init(path.join(tempDir(), "repo"));
  repo.write("content/en/ok.md", english("ok"));
  repo.write("content/zh-cn/ok.md", "");
  // Written through Buffer paths so the names keep their byte.
  const en = bytesPath(repo.dir, "/content/en/", NAME);
  const zh = bytesPath(repo.dir, "/content/zh-cn/", NAME);
  writeFileSync(en, english("bad"));
  raw = repo.commit("English");
  writeFileSync(en, english("bad", "More.\n"));
  head = repo.commit("Edit English");
  repo.write("content/zh-cn/ok.md", page(head));
  writeFileSync(zh, page(raw));
});

describe("a file name that is not valid UTF-8", () => {
  it("is paired with the English file of the same bytes and gets its real status", () => {
    const res = runCli(["scan", "--repo", repo.dir, "--format", "json"]);
    const out = JSON.parse(res.stdout) as ScanResult;
    const bad = out.pages.find((p) => p.path !== "content/zh-cn/ok.md");
    expect(bad?.status).toBe("outdated");
    expect(bad?.commitsBehind).toBe(1);
    // The JSON string stands for the bytes, one escape per byte that is not UTF-8.
    expect(encodeBytes(bad?.path ?? "").equals(bytesPath("content/zh-cn/", NAME))).toBe(true);
    expect(out.pages.every((p) => p.status !== "untracked")).toBe(true);
  });

  it("is shown with the byte escaped, and stamped by the name the report prints", () => {
    const table = runCli(["scan", "--repo", repo.dir]).stdout;
    expect(table).toContain("content/zh-cn/b\\xFFad.md");
    expect(table).not.toContain("\uFFFD");
    const stamped = runCli(["stamp", "--repo", repo.dir, "content/zh-cn/b\\xFFad.md"]);
    expect(stamped.stderr).toBe("");
    expect(stamped.code).toBe(0);
    const after = readFileSync(bytesPath(repo.dir, "/content/zh-cn/", NAME), "utf8");
    expect(after).toBe(page(raw).replace(raw, head));
  });

  it("given as raw bytes, which Node reads as U+FFFD, is told how to give it instead", () => {
    // What a shell passes for the raw byte reaches the tool as U+FFFD: no file is named so.
    const given = "content/zh-cn/b\uFFFDad.md";
    const hint =
      "the command line turned bytes that are not UTF-8 into U+FFFD: give each byte as \\xFF, as the reports print the name";
    const stamped = runCli(["stamp", "--repo", repo.dir, given]);
    expect(stamped.stderr).toBe(`translation-status: ${given}: no such file: ${hint}\n`);
    expect(stamped.code).toBe(2);
    for (const command of ["scan", "lint"]) {
      const run = runCli([command, "--repo", repo.dir, given]);
      expect(run.stderr, command).toContain(`(${hint})`);
      expect(run.code, command).toBe(2);
    }
  });

  it("stamps a page holding bytes that are not UTF-8, keeping every one of them", () => {
    const rel = "content/zh-cn/ok.md";
    const before = Buffer.concat([
      Buffer.from("---\ntitle: caf"),
      Buffer.from([0xe9]),
      Buffer.from(`\n---\n\xff body `),
      Buffer.from([0xc0, 0x0a]),
      Buffer.from(`{{< translation-status raw_commit="${raw}" >}}\n`),
    ]);
    writeFileSync(path.join(repo.dir, rel), before);
    const res = runCli(["stamp", "--repo", repo.dir, rel]);
    expect(res.code).toBe(0);
    const after = readFileSync(path.join(repo.dir, rel));
    const at = before.indexOf(raw);
    expect(
      after.equals(
        Buffer.concat([
          before.subarray(0, at),
          Buffer.from(head),
          before.subarray(at + raw.length),
        ]),
      ),
    ).toBe(true);
  });

  it("links to its history on GitHub with the byte percent-encoded", () => {
    const res = runCli(
      ["check", "--repo", repo.dir, "--format", "markdown", "--fail-on", "outdated,up-to-date"],
      {
        env: { GITHUB_REPOSITORY: "example/docs" },
      },
    );
    expect(res.stderr).toBe("");
    expect(res.stdout).toContain("content/en/b%FFad.md");
  });
});
