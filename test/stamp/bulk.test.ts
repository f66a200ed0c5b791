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

  it("--also whitespace advances a page whose English was only re-wrapped, not one with new words", () => {
    const repo = TestRepo.init(path.join(tempDir(), "site"));
    const text = "# Rewrap\n\nOne sentence that is long enough to wrap. And another one.\n";
    repo.write("content/en/wrapped.md", text);
    repo.write("content/en/edited.md", text);
    repo.write("content/en/same.md", text);
    const raw = repo.commit("English");
    for (const p of ["wrapped", "edited", "same"]) repo.write(`content/zh-cn/${p}.md`, page(raw));
    repo.commit("Translate");
    repo.write("content/en/wrapped.md", text.replace("wrap. And", "wrap.\nAnd"));
    repo.write("content/en/edited.md", text.replace("And another", "And one more"));
    const head = repo.commit("Re-wrap one page, edit another");

    const plain = runCli([
      "stamp",
      "--repo",
      repo.dir,
      "--unchanged",
      "--lang",
      "zh-cn",
      "--dry-run",
    ]);
    expect(plain.stdout).toContain("would stamp content/zh-cn/same.md");
    expect(plain.stdout).not.toContain("wrapped.md");

    const res = runCli(["stamp", "--repo", repo.dir, "--unchanged", "--also", "whitespace"]);
    expect(res.stderr).toBe("");
    expect(res.stdout).toBe(
      `stamped content/zh-cn/same.md at ${head.slice(0, 12)}\nstamped content/zh-cn/wrapped.md at ${head.slice(0, 12)}\n`,
    );
    expect(pin(repo.dir, "content/zh-cn/wrapped.md")).toBe(head);
    expect(pin(repo.dir, "content/zh-cn/edited.md")).toBe(raw);
  });

  it("--also takes only whitespace, only with --unchanged, never with --commit", () => {
    const { repo, raw } = site();
    const typo = runCli(["stamp", "--repo", repo.dir, "--unchanged", "--also", "typo"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("--also takes whitespace");
    // A name that is no kind is answered with what --also takes, not with kinds it refuses.
    const words = runCli(["stamp", "--repo", repo.dir, "--unchanged", "--also", "words"]);
    expect(words.code).toBe(2);
    expect(words.stderr).toBe(
      'translation-status: unknown change kind in --also: "words" (use whitespace)\n',
    );
    const alone = runCli([
      "stamp",
      "--repo",
      repo.dir,
      "--also",
      "whitespace",
      "content/zh-cn/a.md",
    ]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain("--also goes with stamp --unchanged");
    const pinned = runCli([
      "stamp",
      "--repo",
      repo.dir,
      "--unchanged",
      "--also",
      "whitespace",
      "--commit",
      raw,
    ]);
    expect(pinned.code).toBe(2);
    expect(runCli(["scan", "--repo", repo.dir, "--also", "whitespace"]).code).toBe(2);
  });

  it("takes a folder for the translations below it, passing over its English pages", () => {
    const { repo, head } = site();
    const at = head.slice(0, 12);
    const res = runCli(["stamp", "--repo", repo.dir, "content"]);
    expect(res.stderr).toBe("");
    expect(res.stdout).toBe(
      ["ja/a.md", "zh-cn/a.md", "zh-cn/b.md", "zh-cn/c.md"]
        .map((p) => `stamped content/${p} at ${at}\n`)
        .join(""),
    );
    expect(res.code).toBe(0);
    expect(repo.git(["status", "--short", "content/en"])).toBe("");
    // A named English page is still refused, in one line.
    const named = runCli(["stamp", "--repo", repo.dir, "content/en/a.md"]);
    expect(named.code).toBe(2);
    expect(named.stderr).toBe(
      "translation-status: content/en/a.md: this is an English source page, not a translation\n",
    );
  });

  it("says in one line that a folder holds no translation (exit 2)", () => {
    const { repo } = site();
    const before = repo.git(["status", "--short"]);
    const res = runCli(["stamp", "--repo", repo.dir, "content/en/"]);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe("");
    expect(res.stderr).toBe(
      "translation-status: content/en: no translated page below this folder\n",
    );
    expect(repo.git(["status", "--short"])).toBe(before);
  });
});
