// The config file: options from flags, then translation-status.config.json, then defaults; a bad
// file is one clear line (exit 2); the file is data, bounded, never read through a link.
import { readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ScanResult } from "../../src/core/types.js";
import { ROOT } from "../helpers/site.js";
import { english, page, runCli, TestRepo, tempDir } from "../hostile/helpers.js";

let repo: TestRepo;

beforeAll(() => {
  repo = TestRepo.init(path.join(tempDir(), "repo"));
  repo.write("site/content/en/a.md", english("A"));
  const raw = repo.commit("English");
  repo.write("site/content/en/a.md", english("A", "More.\n"));
  repo.commit("Edit");
  repo.write("site/content/zh-cn/a.md", page(raw));
  repo.write("site/content/ja/a.md", page(raw));
});

function config(value: unknown): void {
  writeFileSync(
    path.join(repo.dir, "translation-status.config.json"),
    typeof value === "string" ? value : JSON.stringify(value),
  );
}

const scanJson = (args: string[] = []) =>
  JSON.parse(
    runCli(["scan", "--repo", repo.dir, "--format", "json", ...args]).stdout,
  ) as ScanResult;

describe("translation-status.config.json", () => {
  it("sets the content folder and languages; flags win over it", () => {
    config({ content: "site/content", languages: ["zh-cn"] });
    expect(scanJson().languages).toEqual(["zh-cn"]);
    expect(scanJson(["--lang", "ja"]).languages).toEqual(["ja"]);
    expect(scanJson(["--lang", "ja,zh-cn"]).languages).toEqual(["ja", "zh-cn"]);
  });

  it("is found from a folder inside the repository", () => {
    config({ content: "site/content" });
    const res = runCli(["scan", "--repo", path.join(repo.dir, "site"), "--format", "json"]);
    expect(res.code).toBe(0);
  });

  it("takes a folder written with a leading ./ as the relative folder it is, in flags and keys", () => {
    config({ content: "./site/content", ignoreRevsFile: "./site/revs" });
    writeFileSync(path.join(repo.dir, "site/revs"), "");
    const plain = scanJson(["--content", "site/content"]);
    expect(plain.languages).toEqual(["ja", "zh-cn"]);
    expect(scanJson()).toEqual(plain);
    config({});
    expect(scanJson(["--content", "./site/content"])).toEqual(plain);
    expect(scanJson(["--content", "././site/content/"])).toEqual(plain);
    // However many slashes follow the dot, through either door.
    expect(scanJson(["--content", ".//site/content"])).toEqual(plain);
    config({ content: ".//site/content/", ignoreRevsFile: ".//site/revs" });
    expect(scanJson()).toEqual(plain);
    config({});
    const patterned = scanJson([
      "--paths",
      "./site/content/en/{path}:./site/content/{lang}/{path}",
    ]);
    expect(patterned.pages.map((p) => [p.path, p.status])).toEqual(
      plain.pages.map((p) => [p.path, p.status]),
    );
  });

  it("sets check's thresholds, and check says which file it used", () => {
    config({ content: "site/content", failOn: ["outdated"], maxBehind: 5 });
    const res = runCli(["check", "--repo", repo.dir]);
    expect(res.code).toBe(0);
    expect(res.stderr).toContain("options from ");
    expect(res.stderr).toContain("translation-status.config.json");
    expect(runCli(["check", "--repo", repo.dir, "--max-behind", "0"]).code).toBe(1);
  });

  it("lets scan run when the file holds check's options, which scan leaves alone", () => {
    config({ content: "site/content", maxBehind: 5, useEstimates: true, failOn: ["outdated"] });
    expect(runCli(["scan", "--repo", repo.dir]).code).toBe(0);
    // On the command line they are still a mistake.
    const flag = runCli(["scan", "--repo", repo.dir, "--max-behind", "5"]);
    expect(flag.stderr).toMatch(/--max-behind is an option of check$/m);
  });

  it.each([
    [{ content: 5 }, /translation-status\.config\.json: "content": /],
    [
      { content: "../outside" },
      /"content": "\.\.\/outside": a folder is relative to the repository's top/,
    ],
    [{ layouts: "hugo" }, /unknown key "layouts"/],
    [{ layout: "wordpress" }, /"layout": /],
    [{ paths: [{ source: "docs/{path}", translation: "docs/{path}" }] }, /must name "\{lang\}"/],
    [{ paths: [{ source: "../x/{path}", translation: "{lang}/{path}" }] }, /inside the repository/],
    [{ extensions: [".md"] }, /"extensions": "\.md": an extension is/],
    [{ failOn: ["stale"] }, /"failOn": takes outdated, .*, got "stale"/],
    [{ maxBehind: -1 }, /"maxBehind": /],
    ["{ not json", /not valid JSON/],
    [[1, 2], /the file: /],
  ])("refuses a bad file with one line: %j", (value, message) => {
    config(value);
    const res = runCli(["scan", "--repo", repo.dir]);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe("");
    expect(res.stderr.trim().split("\n")).toHaveLength(1);
    expect(res.stderr).toMatch(/^translation-status: /);
    expect(res.stderr).toMatch(message);
  });

  it("is never read through a symbolic link, nor when oversized", () => {
    const outside = path.join(tempDir(), "elsewhere.json");
    writeFileSync(outside, JSON.stringify({ content: "site/content" }));
    const file = path.join(repo.dir, "translation-status.config.json");
    rmSync(file, { force: true });
    symlinkSync(outside, file);
    const linked = runCli(["scan", "--repo", repo.dir]);
    expect(linked.code).toBe(2);
    expect(linked.stderr).toMatch(/symbolic link not followed/);
    rmSync(file);
    config(`{"content": "site/content", "$schema": "${"x".repeat(70_000)}"}`);
    expect(runCli(["scan", "--repo", repo.dir]).stderr).toMatch(/larger than 64 KiB/);
  });

  it("--config names another file, which a workflow can pin", () => {
    config({ content: "nowhere" });
    const pinned = path.join(tempDir(), "pinned.json");
    writeFileSync(pinned, JSON.stringify({ content: "site/content", languages: ["ja"] }));
    expect(scanJson(["--config", pinned]).languages).toEqual(["ja"]);
  });

  it("leaves out files that are not pages (--exclude, or exclude in the file), on both sides", () => {
    repo.write("site/content/en/_TEMPLATE.md", english("Template"));
    repo.commit("A template");
    repo.write("site/content/zh-cn/_TEMPLATE.md", "模板\n");
    config({ content: "site/content", languages: ["zh-cn"] });
    const paths = (args: string[] = []) => scanJson(args).pages.map((p) => p.path);
    expect(paths()).toContain("site/content/zh-cn/_TEMPLATE.md");
    expect(paths(["--exclude", "_TEMPLATE.md"])).toEqual(["site/content/zh-cn/a.md"]);
    config({ content: "site/content", languages: ["ja"], exclude: ["**/_*.md"] });
    // ja has no template: without exclude it would be reported missing.
    expect(paths()).toEqual(["site/content/ja/a.md"]);
  });

  it("ships a JSON Schema for editors that knows every key", () => {
    const schema = JSON.parse(
      readFileSync(path.join(ROOT, "dist/translation-status.schema.json"), "utf8"),
    ) as { properties: Record<string, unknown>; additionalProperties: boolean };
    expect(Object.keys(schema.properties).sort()).toEqual(
      [
        "$schema",
        "content",
        "defaultLanguage",
        "exclude",
        "extensions",
        "layout",
        "paths",
        "pinBranch",
        "show",
        "failOn",
        "ignoreRevsFile",
        "languages",
        "maxAge",
        "maxBehind",
        "maxLines",
        "metadata",
        "source",
        "sourceRepo",
        "useEstimates",
      ].sort(),
    );
    expect(schema.additionalProperties).toBe(false);
  });
});
