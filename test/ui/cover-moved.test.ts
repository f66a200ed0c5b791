// A page without metadata whose English page moved since its estimate: it cannot be marked as
// updated at HEAD, where the English page is elsewhere, but it can be marked up to a commit
// from before the move, as `stamp --init --commit` marks it; a commit after the move is refused
// by the same dry run, and the page is left as it was.
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/demo/build-site.js";
import { createDetailLoader, withEstimatedCommits } from "../../src/detail/loader.js";
import { type ScanOutput, scan } from "../../src/scan/scan.js";
import { FIXTURE_AUTHOR, git, tempDir } from "../helpers/site.js";

const PAGE = "content/zh/a.md";
const options = { source: "en", content: "content", langs: [] };
let base: string;
let dir: string;
let out: ScanOutput;
let hashes: Record<string, string>;

beforeAll(async () => {
  base = tempDir("ts-cover-moved-");
  dir = path.join(base, "site");
  hashes = buildSite(
    {
      start: "2025-06-01T00:00:00Z",
      author: FIXTURE_AUTHOR,
      steps: [
        {
          commit: "English",
          label: "english",
          write: { "content/en/a.md": "# A\n\nText.\n", "content/en/b.md": "# B\n\nText.\n" },
        },
        {
          commit: "Translate",
          label: "translate",
          write: {
            [PAGE]: "# A zh\n\nText.\n",
            "content/zh/b.md": "---\ndefault_lang_commit: {{hash:english}}\n---\n\n# B zh\n",
          },
        },
        { commit: "Edit A", label: "edit", write: { "content/en/a.md": "# A\n\nText, more.\n" } },
        { commit: "Move A", label: "move", move: [["content/en/a.md", "content/en/c.md"]] },
      ],
    },
    dir,
  );
  out = await scan({ repo: dir, ...options });
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe("an untracked page whose English page moved", () => {
  it("is marked up to a commit from before the move, and refused at HEAD or after it", async () => {
    // The pages as the dashboard lists them: an untracked page with its estimate's commits.
    const result = withEstimatedCommits(out.result, out.details);
    const i = result.pages.findIndex((p) => p.path === PAGE);
    const page = result.pages[i];
    expect(page).toMatchObject({ status: "untracked", movedFrom: "content/en/a.md" });
    expect(page?.commits.map((c) => c.hash)).toEqual([hashes.move, hashes.edit]);
    const source = await createDetailLoader(out, result, out.details, {
      date: () => "2025-07-01",
    });
    const before = readFileSync(path.join(dir, PAGE), "utf8");
    const atHead = await source.markUpdated(i);
    expect(atHead.ok).toBe(false);
    const afterMove = await source.markUpdated(i, hashes.move);
    expect(afterMove.ok).toBe(false);
    expect(readFileSync(path.join(dir, PAGE), "utf8")).toBe(before);
    expect(git(dir, ["status", "--porcelain"])).toBe("");

    const beforeMove = await source.markUpdated(i, hashes.edit);
    if (!beforeMove.ok) throw new Error(beforeMove.error);
    expect(readFileSync(path.join(dir, PAGE), "utf8")).toContain(
      `default_lang_commit: ${hashes.edit}`,
    );
    expect(git(dir, ["status", "--porcelain"])).toBe(`M ${PAGE}`);
  });
});
