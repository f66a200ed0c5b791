// stamp writes over the value's own bytes: how the page wrote it (a YAML tag, a block scalar,
// TOML's triple quotes) stays, and the page reads back as stamped.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ScanResult } from "../../src/core/types.js";
import { english, runCli, TestRepo, tempDir } from "../hostile/helpers.js";

const PAGES: Record<string, (commit: string) => string> = {
  "content/zh-cn/a.md": (c) => `---\ntitle: x\ndefault_lang_commit: !!str ${c} # pinned\n---\nx\n`,
  "content/ja/a.md": (c) => `---\ntitle: x\ndefault_lang_commit: >-\n  ${c}\n---\nx\n`,
  "content/fr/a.md": (c) => `+++\ntitle = 'x'\ndefault_lang_commit = '''${c}'''\n+++\nx\n`,
  "content/de/a.md": (c) => `---\ntitle: x\nl10n:\n  sourceCommit: |\n    ${c}\n---\nx\n`,
};

describe("stamp on a value written with a tag, a block scalar or triple quotes", () => {
  it("changes the commit's bytes alone and the page reads back up to date", () => {
    const repo = TestRepo.init(path.join(tempDir(), "repo"));
    repo.write("content/en/a.md", english("English"));
    const raw = repo.commit("English");
    for (const [rel, text] of Object.entries(PAGES)) repo.write(rel, text(raw));
    repo.write("content/en/a.md", english("English", "More.\n"));
    const head = repo.commit("Translate; edit the English");
    const res = runCli(["stamp", "--repo", repo.dir, "--no-cache", ...Object.keys(PAGES)]);
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    for (const [rel, text] of Object.entries(PAGES)) {
      expect(readFileSync(path.join(repo.dir, rel), "utf8")).toBe(text(head));
    }
    const scan = runCli(["scan", "--repo", repo.dir, "--no-cache", "--format", "json"]);
    const pages = (JSON.parse(scan.stdout) as ScanResult).pages;
    expect(pages.map((p) => [p.path, p.status, p.rawCommit]).sort()).toEqual(
      Object.keys(PAGES)
        .map((rel) => [rel, "up-to-date", head])
        .sort(),
    );
  });
});
