import path from "node:path";
import { describe, expect, it } from "vitest";
import { driftFlagProblem } from "../../src/core/drift-flag.js";
import { english, scanRepo, TestRepo, tempDir } from "../hostile/helpers.js";

describe("OpenTelemetry's drifted_from_default against the measured status", () => {
  it.each([
    ["true", "outdated", null],
    [
      "true",
      "up-to-date",
      "front matter says drifted_from_default: true, but the page is up to date",
    ],
    ["file not found", "source-missing", null],
    ["file not found", "moved", null],
    [
      "file not found",
      "outdated",
      "front matter says drifted_from_default: file not found, but the English page exists (the page is outdated)",
    ],
    ["false", "up-to-date", null],
    [
      "false",
      "outdated",
      "front matter says drifted_from_default: false, but the page is outdated",
    ],
    [
      "maybe",
      "outdated",
      'front matter says drifted_from_default: maybe, which is neither true, false nor "file not found"',
    ],
  ] as const)("%s on a page that is %s", (flag, status, problem) => {
    expect(driftFlagProblem(flag, status)).toBe(problem);
  });
});

describe("the scan", () => {
  it("warns on a page whose drift record disagrees with its status", async () => {
    const repo = TestRepo.init(path.join(tempDir(), "site"));
    repo.write("content/en/a.md", english("A"));
    repo.write("content/en/b.md", english("B"));
    const raw = repo.commit("English");
    const fm = (extra: string) => `---\ntitle: x\ndefault_lang_commit: ${raw}\n${extra}---\n`;
    repo.write("content/ja/a.md", fm("drifted_from_default: true\n"));
    repo.write("content/ja/b.md", fm(""));
    repo.commit("Translate");
    const { result } = await scanRepo(repo.dir);
    expect(result.pages.map((p) => [p.path, p.status, p.warnings])).toEqual([
      [
        "content/ja/a.md",
        "up-to-date",
        ["front matter says drifted_from_default: true, but the page is up to date"],
      ],
      ["content/ja/b.md", "up-to-date", []],
    ]);
  });
});
