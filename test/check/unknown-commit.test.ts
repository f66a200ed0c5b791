// An `unknown-commit` page's annotation says why its raw_commit cannot be used, as the scan found
// it: front matter that does not parse, a malformed hash, a hash that names no commit here. A
// real ancestor commit named in broken front matter is never called "not a commit".
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli, TestRepo, tempDir } from "../hostile/helpers.js";

let repo: TestRepo;
let base = "";

beforeAll(() => {
  repo = TestRepo.init(path.join(tempDir(), "repo"));
  for (const p of ["p", "r", "s"]) repo.write(`content/en/${p}.md`, "# English\n");
  base = repo.commit("English");
  repo.write(
    "content/zh/p.md",
    `---\ntitle: x\ndefault_lang_commit: ${base}\nbad: [ a\n---\n\nbody\n`,
  );
  repo.write("content/zh/r.md", '{{< translation-status raw_commit="xyz1234" >}}\n');
  repo.write("content/zh/s.md", `{{< translation-status raw_commit="${"ab".repeat(20)}" >}}\n`);
  repo.commit("Translate");
});

describe("the unknown-commit annotation", () => {
  it("gives each page's own reason", () => {
    const res = runCli(["check", "--repo", repo.dir, "--no-cache", "--format", "github"]);
    expect(res.code).toBe(1);
    const message = (page: string) =>
      res.stdout
        .split("\n")
        .find((l) => l.startsWith(`::error file=content/zh/${page}.md,`))
        ?.replace(/^::[^:]*::/, "");
    // The hash is a real commit, an ancestor of HEAD: the front matter is what is wrong.
    expect(repo.git(["cat-file", "-t", base]).trim()).toBe("commit");
    expect(message("p")).toMatch(
      new RegExp(`^raw_commit "${base}" cannot be used: front matter is not valid YAML \\(line 4`),
    );
    expect(message("p")).not.toContain("not a commit");
    expect(message("r")).toBe(
      'raw_commit "xyz1234" cannot be used: raw_commit is not a commit hash (expected 7 to 64 hex digits); English source: content/en/r.md.',
    );
    expect(message("s")).toBe(
      `raw_commit "${"ab".repeat(20)}" cannot be used: raw_commit is not a commit in this repository; English source: content/en/s.md.`,
    );
  });
});
