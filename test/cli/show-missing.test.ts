// Missing pages are counted, not listed, in the table and Markdown reports unless asked for
// (--show missing, or --status missing); the JSON lists them all. A narrowed table leaves out
// the languages it selected nothing of.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ScanResult } from "../../src/core/types.js";
import { english, page, runCli, TestRepo, tempDir } from "../hostile/helpers.js";

const repo = TestRepo.init(path.join(tempDir(), "site"));
for (const name of ["a", "b", "c", "d"]) repo.write(`content/en/${name}.md`, english(name));
const raw = repo.commit("English");
repo.write("content/ja/a.md", page(raw));
repo.write("content/fr/a.md", page(raw));
repo.write("content/fr/b.md", page(raw));
repo.commit("Translate");
repo.write("content/en/a.md", english("a", "More.\n"));
repo.commit("Edit the English");

const cli = (...args: string[]) => runCli([...args, "--repo", repo.dir, "--no-color"]);

describe("missing pages in the table", () => {
  it("counts them on one line per language by default", () => {
    const res = cli("scan");
    expect(res.code).toBe(0);
    expect(res.stdout).not.toContain("content/ja/b.md");
    expect(res.stdout).toContain("+ 3 missing: not translated yet (--show missing lists them)");
    expect(res.stdout).toContain("+ 2 missing: not translated yet");
    // The summary still counts every page.
    expect(res.stdout).toContain("4 pages: 1 outdated, 3 missing");
  });

  it("lists them with --show missing, --status missing, or the config's show", () => {
    for (const args of [
      ["--show", "missing"],
      ["--status", "missing"],
    ]) {
      const res = cli("scan", ...args);
      expect(res.stdout, args.join(" ")).toMatch(/\+ missing +content\/ja\/b\.md/);
      expect(res.stdout, args.join(" ")).not.toContain("--show missing lists them");
    }
    const config = path.join(tempDir(), "show.json");
    writeFileSync(config, JSON.stringify({ show: ["missing"] }));
    expect(cli("scan", "--config", config).stdout).toMatch(/\+ missing +content\/ja\/b\.md/);
  });

  it("keeps every page in the JSON", () => {
    const json = JSON.parse(cli("scan", "--format", "json").stdout) as ScanResult;
    expect(json.pages.filter((p) => p.status === "missing")).toHaveLength(5);
  });

  it("leaves out the languages a narrowed table selected nothing of", () => {
    const res = cli("scan", "content/fr");
    expect(res.stdout).toContain("\nfr\n");
    expect(res.stdout).not.toContain("\nja\n");
    expect(res.stdout).not.toContain("0 pages");
    const byStatus = cli("scan", "--status", "up-to-date");
    expect(byStatus.stdout).toContain("\nfr\n");
    expect(byStatus.stdout).not.toContain("\nja\n");
    // Unnarrowed, a language is shown whatever it has.
    expect(cli("scan").stdout).toContain("\nja\n");
  });

  it("folds failing missing pages in check's table and Markdown", () => {
    const table = cli("check", "--fail-on", "missing");
    expect(table.code).toBe(1);
    expect(table.stdout).toContain("+ 3 missing: not translated yet");
    expect(table.stdout).not.toContain("content/ja/b.md");
    const md = cli("check", "--fail-on", "missing", "--format", "markdown");
    expect(md.stdout).toContain("### ja: 3 pages to update");
    expect(md.stdout).toContain("- 3 pages are not translated yet (missing; `--show missing`");
    expect(md.stdout).not.toContain("content/ja/b.md");
    expect(md.stdout).not.toContain("left out");
    const all = cli("check", "--fail-on", "missing", "--format", "markdown", "--show", "missing");
    expect(all.stdout).toContain("`content/ja/b.md`");
  });

  it("refuses an unknown --show and --show outside scan and check", () => {
    expect(cli("scan", "--show", "everything").code).toBe(2);
    expect(cli("stamp", "content/ja/a.md", "--show", "missing").code).toBe(2);
  });
});
