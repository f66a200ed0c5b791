// A chain of English renames with the translation at a middle name: the English `a` (where the
// translation's raw_commit is) became `b`, then `c`, with edits along the way; the translation
// sits at `b`. The numbers are git's along the lineage: `git rev-list --count raw..HEAD -- a b c`
// and `git diff --numstat raw:a HEAD:c` (OpenTelemetry's collector gateway page was such a case).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { english, page, scanRepo, TestRepo, tempDir } from "../hostile/helpers.js";

const LINES = Array.from({ length: 40 }, (_, i) => `Line ${i + 1} of the page.`).join("\n");

function chain() {
  const repo = TestRepo.init(path.join(tempDir(), "site"));
  repo.write("content/en/a.md", english("A", `${LINES}\n`));
  const raw = repo.commit("English");
  repo.write("content/ja/b.md", page(raw));
  repo.commit("Translate (already at the name the page will have next)");
  repo.git(["mv", "content/en/a.md", "content/en/b.md"]);
  repo.commit("Rename a to b");
  repo.write("content/en/b.md", english("A", `${LINES.replace("Line 3 ", "Line three ")}\n`));
  repo.commit("Edit b");
  repo.git(["mv", "content/en/b.md", "content/en/c.md"]);
  repo.commit("Rename b to c");
  repo.write(
    "content/en/c.md",
    english("A", `${LINES.replace("Line 3 ", "Line three ").replace("Line 9 ", "Line nine ")}\n`),
  );
  repo.commit("Edit c");
  return { repo, raw };
}

describe("a translation at a middle name of a rename chain", () => {
  it("is measured along the lineage, as git measures it", async () => {
    const { repo, raw } = chain();
    const { result } = await scanRepo(repo.dir);
    const p = result.pages.find((x) => x.path === "content/ja/b.md");
    const count = Number(
      repo
        .git([
          "rev-list",
          "--count",
          `${raw}..HEAD`,
          "--",
          "content/en/a.md",
          "content/en/b.md",
          "content/en/c.md",
        ])
        .trim(),
    );
    const [added, removed] = repo
      .git(["diff", "--numstat", `${raw}:content/en/a.md`, "HEAD:content/en/c.md"])
      .trim()
      .split("\t")
      .map(Number);
    expect(p).toMatchObject({
      status: "moved",
      sourcePath: "content/en/c.md",
      movedFrom: "content/en/b.md",
      commitsBehind: count,
      linesAdded: added,
      linesRemoved: removed,
    });
    expect(count).toBe(4);
    expect([added, removed]).toEqual([2, 2]);
  });

  it("says so, with no line counts, where the name at raw_commit cannot be known", async () => {
    const repo = TestRepo.init(path.join(tempDir(), "site"));
    repo.write("content/en/x.md", english("X", `${LINES}\n`));
    const raw = repo.commit("English");
    // Translated as `b`, a name no English page had at raw_commit nor led to from one.
    repo.write("content/ja/b.md", page(raw));
    repo.write("content/en/b.md", english("B", `${LINES}\nMore.\n`));
    repo.commit("Translate, and a new English page b");
    repo.git(["mv", "content/en/b.md", "content/en/c.md"]);
    repo.commit("Rename b to c");
    const { result } = await scanRepo(repo.dir);
    const p = result.pages.find((x) => x.path === "content/ja/b.md");
    expect(p).toMatchObject({ status: "moved", linesAdded: null, linesRemoved: null });
    expect(p?.warnings).toContain(
      "what the English page was called at raw_commit is not known: no line counts",
    );
  });
});
