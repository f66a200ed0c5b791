// Pages without metadata in a shallow clone: a cut-off commit shows as adding every file, so an
// estimate that would fall on one (or pass one over) is unknown there. The scan says so instead
// of estimating, stamp --init refuses instead of writing a guess down as fact, and an estimate
// made wholly inside the clone's history is the full repository's.
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PageReport, ScanResult } from "../../src/core/types.js";
import { SHALLOW_ESTIMATE } from "../../src/scan/reports.js";
import { english, gitIn, runCli, scanRepo, TestRepo, tempDir } from "../hostile/helpers.js";

let base: string;
let origin: TestRepo;
const h = { translated: "", bEdited: "", cut: "" };

beforeAll(() => {
  base = tempDir();
  origin = TestRepo.init(path.join(base, "origin"));
  origin.write("content/en/a.md", english("A"));
  origin.write("content/en/b.md", english("B"));
  origin.commit("English");
  origin.write("content/ja/a.md", "エー。\n");
  origin.write("content/ja/b.md", "ビー。\n");
  h.translated = origin.commit("Translate a and b");
  origin.write("content/en/a.md", english("A", "One.\n"));
  h.cut = origin.commit("Edit a");
  origin.write("content/ja/b.md", "ビー、改訂。\n");
  h.bEdited = origin.commit("Revise b's translation");
  origin.write("content/en/a.md", english("A", "Two.\n"));
  origin.commit("Edit a again");
  origin.write("content/en/b.md", english("B", "One.\n"));
  origin.commit("Edit b");
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

function clone(name: string, depth: number): TestRepo {
  const dir = path.join(base, name);
  gitIn(base, ["clone", "-q", "--depth", String(depth), `file://${origin.dir}`, dir]);
  return new TestRepo(dir);
}

const pageOf = (r: ScanResult, p: string) => r.pages.find((x) => x.path === p) as PageReport;

describe("estimates in a shallow clone", () => {
  it("are the full repository's where the history holds them, and unknown where it is cut", async () => {
    const full = (await scanRepo(origin.dir)).result;
    expect(pageOf(full, "content/ja/a.md").estimate?.rawCommit).toBe(h.translated);
    const fullB = pageOf(full, "content/ja/b.md").estimate;
    expect(fullB?.rawCommit).toBe(h.bEdited);

    // Four commits deep: the cut is "Edit a", which git shows adding every file.
    const repo = clone("depth4", 4);
    expect(repo.git(["rev-parse", "--is-shallow-repository"]).trim()).toBe("true");
    const { result, details } = await scanRepo(repo.dir);
    const a = pageOf(result, "content/ja/a.md");
    expect(a.status).toBe("untracked");
    expect(a.estimate).toBeUndefined();
    expect(a.warnings).toEqual([SHALLOW_ESTIMATE]);
    // The fact is the scan's own, beside the report; the warning only says it.
    const unknown = (p: string) =>
      details[result.pages.indexOf(pageOf(result, p))]?.estimateUnknown;
    expect(unknown("content/ja/a.md")).toBe("shallow");
    expect(unknown("content/ja/b.md")).toBeUndefined();
    expect(a.warnings[0]).toMatch(/shallow clone.*git fetch --unshallow/);
    // b's last change is newer than the cut: exact, with the full repository's numbers.
    const b = pageOf(result, "content/ja/b.md");
    expect(b.estimate).toEqual(fullB);
    expect(b.warnings).toEqual([]);

    // One commit deep, even b's last change is beyond the cut.
    const one = (await scanRepo(clone("depth1", 1).dir)).result;
    for (const p of ["content/ja/a.md", "content/ja/b.md"]) {
      expect(pageOf(one, p).estimate).toBeUndefined();
      expect(pageOf(one, p).warnings).toEqual([SHALLOW_ESTIMATE]);
    }
  });

  it("stamp --init refuses to write a guess, and writes an estimate the clone holds", () => {
    const repo = clone("stamp", 4);
    const page = path.join(repo.dir, "content/ja/a.md");
    const before = readFileSync(page);
    const args = ["stamp", "--repo", repo.dir, "--init", "--metadata", "default_lang_commit"];
    for (const dry of [["--dry-run"], []]) {
      const res = runCli([...args, ...dry, "content/ja/a.md"]);
      expect(res.code).toBe(2);
      expect(res.stdout).toBe("");
      expect(res.stderr).toBe(
        "translation-status: content/ja/a.md: no estimate for this page: its history is cut off in this shallow clone; fetch the full history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout), or give --commit\n",
      );
    }
    expect(readFileSync(page)).toEqual(before);
    const b = runCli([...args, "content/ja/b.md"]);
    expect(b.stderr).toBe("");
    expect(b.stdout).toBe(`tracking content/ja/b.md at ${h.bEdited.slice(0, 12)}\n`);
  });

  it("are never said unknown because a page's text says so", () => {
    // A full clone: a translation git has no commit of, whose title and body are the shallow warning.
    const dir = path.join(base, "forged");
    gitIn(base, ["clone", "-q", `file://${origin.dir}`, dir]);
    const repo = new TestRepo(dir);
    repo.write("content/en/new.md", english("New"));
    repo.commit("A new English page");
    repo.write(
      "content/ja/new.md",
      `---\ntitle: "${SHALLOW_ESTIMATE}"\n---\n\n${SHALLOW_ESTIMATE}\n`,
    );
    const res = runCli([
      "stamp",
      "--repo",
      dir,
      "--init",
      "--metadata",
      "default_lang_commit",
      "content/ja/new.md",
    ]);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(
      "translation-status: content/ja/new.md: no estimate for this page (git has no commit of it); commit it, or give --commit\n",
    );
  });
});
