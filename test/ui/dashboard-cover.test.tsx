// U on a page whose English source was deleted after the commit chosen: the dashboard follows
// stamp --commit's rule (the English page must be there at that commit), not the page's status
// at HEAD. Driven by keys on a real repository.
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const savedForceColor = vi.hoisted(() => {
  const saved = process.env.FORCE_COLOR;
  process.env.FORCE_COLOR = "0";
  return saved;
});

import { cleanup, render } from "ink-testing-library";
import { createDetailLoader } from "../../src/detail/loader.js";
import { scan } from "../../src/scan/scan.js";
import { Dashboard } from "../../src/ui/App.js";
import { english, page, TestRepo, tempDir } from "../hostile/helpers.js";
import { frame, press } from "./drive.js";
import { NOW, waitFor } from "./helpers.js";

const PAGE = "content/zh-cn/p.md";
let base: string;
let repo: TestRepo;
let kept: string;
let deleted: string;

beforeAll(() => {
  base = tempDir();
  repo = TestRepo.init(path.join(base, "repo"));
  repo.write("content/en/keep.md", english("Keep"));
  repo.write("content/en/p.md", english("P"));
  const raw = repo.commit("English");
  repo.write(PAGE, page(raw));
  repo.commit("Translation");
  repo.write("content/en/p.md", english("P", "Text.\nMore.\n"));
  kept = repo.commit("English: more");
  rmSync(path.join(repo.dir, "content/en/p.md"));
  deleted = repo.commit("English: delete p");
});
afterAll(() => {
  cleanup();
  rmSync(base, { recursive: true, force: true });
  if (savedForceColor === undefined) delete process.env.FORCE_COLOR;
  else process.env.FORCE_COLOR = savedForceColor;
});

describe("U on a page whose English page was deleted later", () => {
  it("refuses the deleting commit, as stamp does, and records an older one", async () => {
    const out = await scan({ repo: repo.dir, source: "en", content: "content", langs: [] });
    const source = await createDetailLoader(out, out.result, out.details, {
      date: () => "2025-06-01",
    });
    const r = render(
      <Dashboard
        load={async () => ({ result: out.result, source, repoName: "repo" })}
        repoName="repo"
        ui={{ color: false, hyperlinks: false }}
        now={NOW}
        initialLang="zh-cn"
      />,
    );
    await waitFor(() => frame(r).includes("sort: "), "the page list");
    expect(frame(r)).toMatch(/› ✗ source-missing\s+p\.md/);
    await press(r, "\r", (f) => f.includes("‹ zh-cn · p.md"), "the page");
    // c shows the newest commit: the one that deleted the English page, which stamp refuses.
    await press(r, "c", (f) => f.includes("Commit 1 of 2"), "the newest commit");
    let f = await press(r, "U", (x) => x.includes("Could not mark"), "the refusal");
    expect(f).toMatch(new RegExp(`does not exist at\\s+${deleted.slice(0, 12)}`));
    await press(r, "]", (x) => x.includes("Commit 2 of 2"), "the older commit");
    f = await press(r, "U", (x) => x.includes("y/n"), "the question");
    expect(f).toMatch(new RegExp(`up to (English )?${kept.slice(0, 8)}`));
    await press(r, "y", (x) => x.includes(`Marked ${PAGE}`), "the page marked");
    expect(readFileSync(path.join(repo.dir, PAGE), "utf8")).toContain(`raw_commit="${kept}"`);
  });
});
