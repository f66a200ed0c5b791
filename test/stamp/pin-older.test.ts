// A pin of a commit other than HEAD: the page's drift record goes only when the pin leaves the
// page in sync, and a commit older than the English page is refused with advice that fits it.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { english, runCli, TestRepo, tempDir } from "../hostile/helpers.js";

let repo: TestRepo;
let before: string;
let first: string;
let second: string;
let head: string;

const OTEL = (pin: string) =>
  `---\ntitle: Glossar\ndefault_lang_commit: ${pin}\ndrifted_from_default: true\n---\n\nText.\n`;
const PAGE = "content/ro/a.md";

// The English page is added, changed twice; then another page changes, so HEAD's version of
// a.md is also the second change's.
beforeEach(() => {
  repo = TestRepo.init(path.join(tempDir(), "site"));
  repo.write("content/en/other.md", english("Other"));
  before = repo.commit("Before a.md");
  repo.write("content/en/a.md", english("A"));
  repo.write(PAGE, OTEL("0".repeat(40)));
  const added = repo.commit("Add a.md");
  repo.write(PAGE, OTEL(added));
  repo.commit("Translate a.md");
  repo.write("content/en/a.md", english("A", "One.\n"));
  first = repo.commit("First change");
  repo.write("content/en/a.md", english("A", "One.\nTwo.\n"));
  second = repo.commit("Second change");
  repo.write("content/en/other.md", english("Other", "More.\n"));
  head = repo.commit("Other page");
});

const stamp = (...args: string[]) => runCli(["stamp", "--repo", repo.dir, ...args]);
const text = () => readFileSync(path.join(repo.dir, PAGE), "utf8");

describe("stamp at a commit other than HEAD", () => {
  it("keeps the drift record of a page the pin leaves behind", () => {
    const res = stamp("--commit", first, "--date", "2026-12-01", PAGE);
    expect(res.code).toBe(0);
    expect(text()).toBe(OTEL(first));
    const scan = runCli(["scan", "--repo", repo.dir, "--format", "json", "--no-cache", PAGE]);
    const page = JSON.parse(scan.stdout).pages.find((p: { path: string }) => p.path === PAGE);
    expect(page).toMatchObject({ status: "outdated", commitsBehind: 1 });
  });

  it("removes it when the English page at the pin is HEAD's, as at HEAD itself", () => {
    const inSync = OTEL(second).replace("drifted_from_default: true\n", "");
    expect(stamp("--commit", second, PAGE).code).toBe(0);
    expect(text()).toBe(inSync);
    writeFileSync(path.join(repo.dir, PAGE), OTEL(first));
    expect(stamp(PAGE).code).toBe(0);
    expect(text()).toBe(inSync.replace(second, head));
  });

  it("says a commit older than the English page is too old, not that the page moved", () => {
    const res = stamp("--commit", before, PAGE);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(
      `translation-status: ${PAGE}: the English source content/en/a.md does not exist at ${before.slice(0, 12)}: it was added, or renamed to that name, after that commit; give a later commit (HEAD has it)\n`,
    );
    repo.git(["rm", "-q", "content/en/a.md"]);
    const gone = repo.commit("Remove a.md");
    const removed = stamp("--commit", before, PAGE);
    expect(removed.stderr).toContain(
      `does not exist at ${before.slice(0, 12)}: move the translation to its English page's name, or remove it`,
    );
    expect(stamp(PAGE).stderr).toContain(`does not exist at ${gone.slice(0, 12)}: move the`);
  });
});
