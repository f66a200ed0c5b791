// A translation whose English page moved, while the translation at the new path already exists,
// is a leftover to delete: the report says so and names the other file.
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ScanResult } from "../../src/core/types.js";
import { english, page, runCli, TestRepo, tempDir } from "../hostile/helpers.js";

describe("a moved page whose translation was copied to the new path", () => {
  it("is moved, with a warning naming the translation that replaced it", () => {
    const repo = TestRepo.init(path.join(tempDir(), "site"));
    repo.write("content/en/old.md", english("Page"));
    const raw = repo.commit("English");
    repo.write("content/zh-cn/old.md", page(raw));
    repo.commit("Translate");
    repo.git(["mv", "content/en/old.md", "content/en/new.md"]);
    const moved = repo.commit("Move the English page");
    repo.write("content/zh-cn/new.md", page(moved));
    repo.commit("Translate at the new path, forgetting the old file");
    const out = JSON.parse(
      runCli(["scan", "--repo", repo.dir, "--format", "json"]).stdout,
    ) as ScanResult;
    const old = out.pages.find((p) => p.path === "content/zh-cn/old.md");
    expect(old?.status).toBe("moved");
    expect(old?.warnings).toContain(
      "content/zh-cn/new.md already translates the English page's new path; this file is a leftover to delete",
    );
    expect(out.pages.find((p) => p.path === "content/zh-cn/new.md")?.status).toBe("up-to-date");
  });
});
