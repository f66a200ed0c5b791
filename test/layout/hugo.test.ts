// Hugo sites whose config gives each language its own content folder: the config decides which
// folders are languages and where each one's pages are. The config is read as data.
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ScanResult } from "../../src/core/types.js";
import { english, page, runCli, TestRepo, tempDir } from "../hostile/helpers.js";

function site(
  files: Record<string, string>,
  translations: (raw: string) => Record<string, string>,
) {
  const repo = TestRepo.init(path.join(tempDir(), "site"));
  for (const [f, text] of Object.entries(files)) repo.write(f, text);
  const raw = repo.commit("English");
  for (const [f, text] of Object.entries(translations(raw))) repo.write(f, text);
  repo.commit("Translate");
  return { repo, raw };
}

const scanJson = (dir: string, args: string[] = []) => {
  const res = runCli(["scan", "--repo", dir, "--format", "json", ...args]);
  expect(res.stderr).toBe("");
  return JSON.parse(res.stdout) as ScanResult;
};

describe("Hugo's config", () => {
  it("names the languages: a folder it does not declare is not one", () => {
    const { repo } = site(
      {
        "config.toml":
          'defaultContentLanguage = "en"\n[languages.en]\ncontentDir = "content/en"\n[languages.hi]\ncontentDir = "content/hi"\n# [languages.no]\n',
        "content/en/a.md": english("A"),
        "content/en/_index.md": english("Home"),
      },
      (raw) => ({ "content/hi/a.md": page(raw), "content/no/a.md": page(raw) }),
    );
    const out = scanJson(repo.dir);
    expect(out.languages).toEqual(["hi"]);
    expect(out.content).toBe("content");
    expect(out.layout).toBeUndefined();
    expect(out.pages.map((p) => [p.path, p.status])).toEqual([
      ["content/hi/_index.md", "missing"],
      ["content/hi/a.md", "up-to-date"],
    ]);
  });

  it("maps languages whose content folders are named otherwise, from config/_default", () => {
    const { repo, raw } = site(
      {
        "config/_default/hugo.yaml": "defaultContentLanguage: en\ntitle: Site\n",
        "config/_default/languages.yaml":
          "en:\n  contentDir: docs/english\nzh-cn:\n  contentDir: docs/chinese\n  weight: 2\n",
        "docs/english/a.md": english("A"),
        "docs/english/guide/b.md": english("B"),
      },
      (r) => ({ "docs/chinese/a.md": page(r), "docs/chinese/guide/b.md": page(r) }),
    );
    repo.write("docs/english/a.md", english("A", "More.\n"));
    repo.commit("Edit");
    const out = scanJson(repo.dir);
    expect(out.layout).toEqual({
      kind: "hugo",
      pairs: [{ source: "docs/english", translation: "", languages: { "zh-cn": "docs/chinese" } }],
    });
    expect(out.pages.map((p) => [p.path, p.sourcePath, p.status, p.commitsBehind])).toEqual([
      ["docs/chinese/a.md", "docs/english/a.md", "outdated", 1],
      ["docs/chinese/guide/b.md", "docs/english/guide/b.md", "up-to-date", 0],
    ]);
    const res = runCli(["stamp", "--repo", repo.dir, "docs/chinese/a.md"]);
    expect(res.stderr).toBe("");
    expect(scanJson(repo.dir).pages[0]?.status).toBe("up-to-date");
    expect(raw).toMatch(/^[0-9a-f]{40}$/);
  });

  it("is left to the defaults when the languages name no content folder", () => {
    const { repo } = site(
      {
        "hugo.toml": "[languages.en]\nweight = 1\n[languages.ja]\nweight = 2\n",
        "content/en/a.md": english("A"),
      },
      (raw) => ({ "content/ja/a.md": page(raw), "content/ko/a.md": page(raw) }),
    );
    expect(scanJson(repo.dir).languages).toEqual(["ja", "ko"]);
  });
});
