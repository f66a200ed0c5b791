// stamp --unchanged (the hash-only bump), --date and --dry-run.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { english, page, runCli, TestRepo, tempDir } from "../hostile/helpers.js";

function site() {
  const repo = TestRepo.init(path.join(tempDir(), "site"));
  repo.write("content/en/a.md", english("A"));
  repo.write("content/en/b.md", english("B"));
  repo.write("content/en/c.md", english("C"));
  const raw = repo.commit("English");
  for (const p of ["a", "b", "c"]) repo.write(`content/zh-cn/${p}.md`, page(raw));
  repo.write("content/ja/a.md", page(raw));
  repo.commit("Translate");
  repo.write("content/en/b.md", english("B", "Changed.\n"));
  repo.write("content/en/other.md", english("Other"));
  const head = repo.commit("Change b, add another page");
  return { repo, raw, head };
}

const pin = (dir: string, rel: string) =>
  /raw_commit="([0-9a-f]+)"/.exec(readFileSync(path.join(dir, rel), "utf8"))?.[1];

describe("stamp in bulk", () => {
  it("--unchanged advances only the pages whose English did not change", () => {
    const { repo, raw, head } = site();
    const res = runCli(["stamp", "--repo", repo.dir, "--unchanged", "--lang", "zh-cn"]);
    expect(res.stderr).toBe("");
    expect(res.stdout).toBe(
      `stamped content/zh-cn/a.md at ${head.slice(0, 12)}\nstamped content/zh-cn/c.md at ${head.slice(0, 12)}\n`,
    );
    expect(pin(repo.dir, "content/zh-cn/b.md")).toBe(raw);
    expect(pin(repo.dir, "content/ja/a.md")).toBe(raw);
    const again = runCli(["stamp", "--repo", repo.dir, "--unchanged", "--lang", "zh-cn"]);
    expect(again.stdout).toBe("no page lags behind an unchanged English page\n");
  });

  it("--dry-run prints the diff and writes nothing; --date records the day given", () => {
    const { repo, raw, head } = site();
    const file = "content/ja/a.md";
    const before = readFileSync(path.join(repo.dir, file), "utf8");
    const dry = runCli(["stamp", "--repo", repo.dir, "--dry-run", file]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`would stamp ${file} at ${head.slice(0, 12)}`);
    expect(dry.stdout).toContain(
      `-{{< translation-status-zh-cn raw_title="Page" raw_commit="${raw}" >}}`,
    );
    expect(dry.stdout).toContain(
      `+{{< translation-status-zh-cn raw_title="Page" raw_commit="${head}" >}}`,
    );
    expect(readFileSync(path.join(repo.dir, file), "utf8")).toBe(before);
    const bad = runCli(["stamp", "--repo", repo.dir, "--date", "2025-02-31", file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--date needs a day as YYYY-MM-DD/);
    expect(runCli(["scan", "--repo", repo.dir, "--dry-run"]).code).toBe(2);
  });
});
