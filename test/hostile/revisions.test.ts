// raw_commit is text from a pull request. Whatever it says, git must never see it as an option,
// a revision expression or a ref name: each value gives one specific status and warning.
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PageReport, ScanResult } from "../../src/core/types.js";
import { isFullHash } from "../../src/git/revision.js";
import { ROOT } from "../helpers/site.js";
import { english, findNamed, page, runCli, scanRepo, TestRepo, tempDir } from "./helpers.js";

const NOT_HEX = "raw_commit is not a commit hash (expected 7 to 64 hex digits)";
const NOT_HERE = "raw_commit is not a commit in this repository";

let base: string;
let repo: TestRepo;
let cliCwd: string;
let result: ScanResult;
let cliResult: ScanResult;
const h = { c1: "", c2: "", c3: "", side: "", tag: "", tree: "", blob: "" };

// Case name -> raw_commit as written in the page (filled in once the hashes are known).
const raw: Record<string, string> = {};

beforeAll(async () => {
  base = tempDir();
  cliCwd = tempDir("ts-hostile-cwd-");
  repo = TestRepo.init(path.join(base, "repo"));
  const names = [
    "option-output",
    "option-c-pager",
    "option-exec-path",
    "option-upload-pack",
    "head-tilde",
    "search-text",
    "reflog-previous",
    "ref-name",
    "hex-ref-name",
    "hex-tag-name",
    "tree",
    "blob",
    "annotated-tag",
    "unknown-hex",
    "abbreviated",
    "uppercase",
    "side-branch",
    "fm-option",
  ];
  for (const n of names) repo.write(`content/en/${n}.md`, english(n));
  h.c1 = repo.commit("Add the English pages");
  for (const n of names) repo.write(`content/en/${n}.md`, english(n, "Text, edited.\n"));
  h.c2 = repo.commit("Edit every English page");
  repo.git(["checkout", "-q", "-b", "side", h.c1]);
  repo.write("content/en/elsewhere.md", english("Elsewhere"));
  h.side = repo.commit("Side branch work");
  repo.git(["checkout", "-q", "main"]);
  repo.git(["tag", "-a", "v1", "-m", "release", h.c1]);
  h.tag = repo.git(["rev-parse", "refs/tags/v1"]).trim();
  h.tree = repo.git(["rev-parse", `${h.c1}^{tree}`]).trim();
  h.blob = repo.git(["rev-parse", `${h.c1}:content/en/tree.md`]).trim();
  // Hex-looking ref names: git's own revision lookup prefers a ref over an abbreviated hash.
  repo.git(["branch", "cafe1234", h.c2]);
  repo.git(["tag", "-a", "c0ffee12", "-m", "hex tag", h.c2]);
  // A branch whose name is an option: git itself would accept `git update-ref` for it.
  repo.git(["update-ref", "refs/heads/--output=x", h.c2]);

  Object.assign(raw, {
    "option-output": "--output=PWNED",
    "option-c-pager": "-c core.pager=touch PWNED",
    "option-exec-path": "--exec-path=/tmp",
    "option-upload-pack": "--upload-pack=touch PWNED",
    "head-tilde": "HEAD~1",
    "search-text": ":/Edit",
    "reflog-previous": "@{-1}",
    "ref-name": "main",
    "hex-ref-name": "cafe1234",
    "hex-tag-name": "c0ffee12",
    tree: h.tree,
    blob: h.blob,
    "annotated-tag": h.tag,
    "unknown-hex": "0123456789abcdef0123456789abcdef01234567",
    abbreviated: h.c1.slice(0, 10),
    uppercase: h.c1.toUpperCase(),
    "side-branch": h.side,
  });
  for (const [n, value] of Object.entries(raw)) repo.write(`content/zh-cn/${n}.md`, page(value));
  repo.write(
    "content/zh-cn/fm-option.md",
    '---\ntitle: 页面\ndefault_lang_commit: "--output=PWNED"\n---\n\n译文。\n',
  );
  h.c3 = repo.commit("Add the translations");

  result = (await scanRepo(repo.dir)).result;
  const cli = runCli(["scan", "--repo", repo.dir, "--format", "json"], { cwd: cliCwd });
  if (cli.code !== 0) throw new Error(`CLI failed: ${cli.stderr}`);
  cliResult = JSON.parse(cli.stdout) as ScanResult;
});

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
  rmSync(cliCwd, { recursive: true, force: true });
});

const report = (name: string): PageReport => {
  const found = result.pages.find((p) => p.path === `content/zh-cn/${name}.md`);
  if (!found) throw new Error(`no report for ${name}`);
  // The CLI must agree with the in-process scan, byte for byte once serialized.
  expect(cliResult.pages.find((p) => p.path === found.path)).toEqual(found);
  return found;
};

/** The report of a page whose raw_commit is refused before git sees it. */
function refused(name: string, warning: string): Partial<PageReport> {
  return {
    status: "unknown-commit",
    rawCommit: raw[name] ?? "--output=PWNED",
    sourcePath: `content/en/${name}.md`,
    commitsBehind: null,
    linesAdded: null,
    linesRemoved: null,
    commits: [],
    warnings: [warning],
  };
}

describe("hostile raw_commit values", () => {
  it("--output=PWNED is refused and writes no file", () => {
    expect(report("option-output")).toMatchObject(refused("option-output", NOT_HEX));
    expect(findNamed(repo.dir, "PWNED")).toEqual([]);
    expect(findNamed(cliCwd, "PWNED")).toEqual([]);
    expect(existsSync(path.join(ROOT, "PWNED"))).toBe(false);
    expect(existsSync(path.join(process.cwd(), "PWNED"))).toBe(false);
  });

  it("-c core.pager=... is refused", () => {
    expect(report("option-c-pager")).toMatchObject(refused("option-c-pager", NOT_HEX));
  });

  it("--exec-path=... is refused", () => {
    expect(report("option-exec-path")).toMatchObject(refused("option-exec-path", NOT_HEX));
  });

  it("--upload-pack=... is refused", () => {
    expect(report("option-upload-pack")).toMatchObject(refused("option-upload-pack", NOT_HEX));
  });

  it("HEAD~1 is refused (no revision expressions)", () => {
    expect(report("head-tilde")).toMatchObject(refused("head-tilde", NOT_HEX));
  });

  it(":/text (commit message search) is refused", () => {
    expect(report("search-text")).toMatchObject(refused("search-text", NOT_HEX));
  });

  it("@{-1} (reflog) is refused", () => {
    expect(report("reflog-previous")).toMatchObject(refused("reflog-previous", NOT_HEX));
  });

  it("a ref name is refused", () => {
    expect(report("ref-name")).toMatchObject(refused("ref-name", NOT_HEX));
  });

  it("a hex-looking branch name does not resolve to the branch", () => {
    // Without the check, `cafe1234` would name the branch (pointing at the newest English
    // commit) and the page would be reported up to date.
    expect(repo.git(["rev-parse", "cafe1234"]).trim()).toBe(h.c2);
    expect(report("hex-ref-name")).toMatchObject(
      refused(
        "hex-ref-name",
        "raw_commit is also the name of a branch or tag; write the full commit hash",
      ),
    );
  });

  it("a hex-looking tag name does not resolve to the tag", () => {
    expect(report("hex-tag-name")).toMatchObject(
      refused(
        "hex-tag-name",
        "raw_commit is also the name of a branch or tag; write the full commit hash",
      ),
    );
  });

  it("a tree hash is not a commit", () => {
    expect(report("tree")).toMatchObject(refused("tree", "raw_commit names a tree, not a commit"));
  });

  it("a blob hash is not a commit", () => {
    expect(report("blob")).toMatchObject(refused("blob", "raw_commit names a blob, not a commit"));
  });

  it("an annotated tag object is not a commit", () => {
    expect(report("annotated-tag")).toMatchObject(
      refused("annotated-tag", "raw_commit names a tag, not a commit"),
    );
  });

  it("an unknown hash is reported as unknown", () => {
    expect(report("unknown-hex")).toMatchObject(refused("unknown-hex", NOT_HERE));
  });

  it("an abbreviated hash resolves to its commit, with a warning naming it in full", () => {
    const count = Number(
      repo.git(["rev-list", "--count", `${h.c1}..HEAD`, "--", "content/en/abbreviated.md"]),
    );
    expect(count).toBe(1);
    expect(report("abbreviated")).toMatchObject({
      status: "outdated",
      rawCommit: h.c1.slice(0, 10),
      commitsBehind: 1,
      linesAdded: 1,
      linesRemoved: 1,
      warnings: [`raw_commit is abbreviated; the commit is ${h.c1}`],
    });
    expect(report("abbreviated").commits.map((c) => c.hash)).toEqual([h.c2]);
  });

  it("an uppercase hash resolves to its commit", () => {
    expect(report("uppercase")).toMatchObject({
      status: "outdated",
      rawCommit: h.c1.toUpperCase(),
      commitsBehind: 1,
      linesAdded: 1,
      linesRemoved: 1,
      warnings: [],
    });
  });

  it("a commit that is not an ancestor of HEAD is counted and flagged", () => {
    const count = Number(
      repo.git(["rev-list", "--count", `${h.side}..HEAD`, "--", "content/en/side-branch.md"]),
    );
    expect(report("side-branch")).toMatchObject({
      status: "outdated",
      commitsBehind: count,
      warnings: ["raw_commit is not an ancestor of HEAD (it is on another branch)"],
    });
    expect(count).toBe(1);
  });

  it("an option in front matter is refused too", () => {
    expect(report("fm-option")).toMatchObject({
      ...refused("fm-option", NOT_HEX),
      rawCommit: "--output=PWNED",
    });
  });

  it("a branch literally named --output=x changes nothing", () => {
    expect(repo.git(["for-each-ref", "--format=%(refname)", "refs/heads/"]).split("\n")).toContain(
      "refs/heads/--output=x",
    );
    expect(findNamed(repo.dir, "x")).toEqual([]);
    expect(findNamed(cliCwd, "x")).toEqual([]);
    expect(result.head).toBe(h.c3);
    // The whole scan is otherwise unaffected: same summary with or without the branch.
    expect(result.summary["zh-cn"]).toMatchObject({ outdated: 3, "unknown-commit": 15, total: 18 });
    expect(readFileSync(path.join(repo.dir, ".git/HEAD"), "utf8")).toBe("ref: refs/heads/main\n");
  });
});

describe("a full hash, as the tool checks every one git prints", () => {
  const FULL = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
  it("is 40 or 64 lowercase hex digits, and nothing else at any position", () => {
    for (const length of [0, 1, 39, 40, 41, 63, 64, 65]) {
      const hash = "0123456789abcdef".repeat(5).slice(0, length).padEnd(length, "f");
      expect(isFullHash(hash)).toBe(FULL.test(hash));
    }
    for (const length of [40, 64]) {
      for (const at of [0, 17, length - 1]) {
        for (let code = 0; code < 0x180; code++) {
          const ch = String.fromCharCode(code);
          const hash = `${"a".repeat(at)}${ch}${"a".repeat(length - at - 1)}`;
          expect(isFullHash(hash), `U+${code.toString(16)} at ${at}`).toBe(FULL.test(hash));
        }
      }
    }
  });
});
