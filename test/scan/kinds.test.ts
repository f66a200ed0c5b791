// Change kinds end to end: a real history with one English commit of each kind, scanned with
// --kinds; and check --ignore on a page whose English was only re-wrapped.
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ScanResult } from "../../src/core/types.js";
import { scan } from "../../src/scan/scan.js";
import { page, runCli, TestRepo, tempDir } from "../hostile/helpers.js";

const V1 = `---
title: Moderation
weight: 10
---

# Moderation

You can limit an account. A limited account is hidden from the public timelines.
Read [the admin guide](/admin/moderation/) first.

\`\`\`bash
tootctl accounts modify alice --disable
\`\`\`
`;

/** Each commit's subject is the kind it must be given; the edits build on one another. */
const EDITS: Array<[string, (text: string) => string]> = [
  ["whitespace", (t) => t.replace("account. A limited", "account.\nA limited")],
  ["front-matter", (t) => t.replace("weight: 10", "weight: 20")],
  ["links", (t) => t.replace("(/admin/moderation/)", "(/admin/moderating/)")],
  ["code", (t) => t.replace("--disable", "--suspend")],
  ["typo", (t) => t.replace("hidden from the public", "hidden from all public")],
  ["prose", (t) => t.replace("first.\n", "first. It lists every action.\n")],
];

function history(): { repo: TestRepo; raw: string } {
  const repo = TestRepo.init(path.join(tempDir(), "site"));
  repo.write("content/en/moderation.md", V1);
  repo.write("content/en/wrapped.md", "# Wrapped\n\nOne long sentence that gets re-wrapped.\n");
  const raw = repo.commit("English");
  repo.write("content/zh-cn/moderation.md", page(raw));
  repo.write("content/zh-cn/wrapped.md", page(raw));
  repo.commit("Translate");
  let text = V1;
  for (const [kind, edit] of EDITS) {
    text = edit(text);
    repo.write("content/en/moderation.md", text);
    repo.commit(kind);
  }
  repo.write("content/en/wrapped.md", "# Wrapped\n\nOne long sentence\nthat gets re-wrapped.\n");
  repo.commit("Re-wrap");
  return { repo, raw };
}

describe("scan with kinds", () => {
  const { repo } = history();

  it("gives every commit its kind, and the page its net kind", async () => {
    const { result } = await scan({
      repo: repo.dir,
      source: "en",
      content: "content",
      langs: [],
      kinds: true,
    });
    const moderation = result.pages.find((p) => p.path === "content/zh-cn/moderation.md");
    expect(moderation?.changeKind).toBe("prose");
    expect(moderation?.commits.map((c) => [c.subject, c.changeKind])).toEqual(
      EDITS.map(([kind]) => [kind, kind]).reverse(),
    );
    const fm = moderation?.commits.find((c) => c.subject === "front-matter");
    expect(fm?.changedKeys).toEqual(["weight"]);
    expect(result.pages.find((p) => p.path === "content/zh-cn/wrapped.md")?.changeKind).toBe(
      "whitespace",
    );
    expect(result.kinds).toEqual({ "zh-cn": { whitespace: 1, prose: 1 } });
  });

  it("leaves reports without --kinds as they were", () => {
    const out = runCli(["scan", "--repo", repo.dir, "--format", "json"]);
    const result = JSON.parse(out.stdout) as ScanResult;
    expect(out.stdout).not.toContain("changeKind");
    expect(result.kinds).toBeUndefined();
  });

  it("check --ignore whitespace passes the re-wrapped page and still lists it", () => {
    const plain = runCli(["check", "--repo", repo.dir]);
    expect(plain.code).toBe(1);
    expect(plain.stdout).toContain("content/zh-cn/wrapped.md");

    const ignoring = runCli([
      "check",
      "--repo",
      repo.dir,
      "--ignore",
      "whitespace,typo",
      "--format",
      "markdown",
    ]);
    expect(ignoring.stdout).toContain("- `content/zh-cn/wrapped.md`: whitespace");
    // The page with new prose still fails.
    expect(ignoring.code).toBe(1);
    expect(ignoring.stdout).toContain("English change: prose");

    const table = runCli(["check", "--repo", repo.dir, "--ignore", "whitespace,prose"]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(
      /whitespace\s+content\/zh-cn\/wrapped\.md\n {6}passes: its English change is whitespace/,
    );
    expect(table.stdout).toContain("unless its English change is whitespace or prose");
  });

  it("refuses an unknown kind, and --ignore outside check", () => {
    const bad = runCli(["check", "--repo", repo.dir, "--ignore", "spelling"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown change kind in --ignore: "spelling"');
    expect(runCli(["scan", "--repo", repo.dir, "--ignore", "typo"]).code).toBe(2);
  });
});

describe("the structure warning", () => {
  it("warns on a partially updated translation stamped at HEAD, not on a faithful one", async () => {
    const repo = TestRepo.init(path.join(tempDir(), "site"));
    const english = "# Setup\n\nIntro.\n\n## Install\n\nRun it.\n\n## Configuring X\n\nSet it.\n";
    repo.write("content/en/setup.md", english);
    const head = repo.commit("English");
    const faithful = "# 设置\n\n介绍。\n\n## 安装\n\n运行。\n\n## 配置 X\n\n设置。\n";
    repo.write("content/zh-cn/setup.md", page(head, faithful));
    // A Japanese page with the Japanese shortcode (the zh-cn one would be a finding of its own).
    const jaPage = page(head, "# セットアップ\n\n## インストール\n\n実行。\n");
    repo.write(
      "content/ja/setup.md",
      jaPage.replace("translation-status-zh-cn", "translation-status-ja"),
    );
    repo.commit("Translate");
    const { result } = await scan({
      repo: repo.dir,
      source: "en",
      content: "content",
      langs: [],
      kinds: true,
    });
    const ja = result.pages.find((p) => p.path === "content/ja/setup.md");
    expect(ja?.status).toBe("up-to-date");
    expect(ja?.warnings).toEqual([
      "structure differs from the English: English has 1 more `##` section: Configuring X",
    ]);
    const zh = result.pages.find((p) => p.path === "content/zh-cn/setup.md");
    expect(zh?.status).toBe("up-to-date");
    expect(zh?.warnings).toEqual([]);
  });
});

describe("commits that changed the translation too", () => {
  it("are marked in the commit list", async () => {
    const repo = TestRepo.init(path.join(tempDir(), "site"));
    repo.write("content/en/a.md", "# A\n\nSee [x](http://old.example/).\n");
    const raw = repo.commit("English");
    repo.write("content/zh-cn/a.md", page(raw, "见 [x](http://old.example/)。\n"));
    repo.commit("Translate");
    repo.write("content/en/a.md", "# A\n\nSee [x](https://new.example/).\n");
    repo.write("content/zh-cn/a.md", page(raw, "见 [x](https://new.example/)。\n"));
    repo.commit("Migrate links in every language");
    repo.write("content/en/a.md", "# A\n\nSee [x](https://new.example/). More.\n");
    repo.commit("More English");
    const { result } = await scan({
      repo: repo.dir,
      source: "en",
      content: "content",
      langs: [],
      kinds: true,
    });
    const a = result.pages.find((p) => p.path === "content/zh-cn/a.md");
    expect(a?.commits.map((c) => [c.subject, c.changeKind, c.withTranslation])).toEqual([
      ["More English", "prose", undefined],
      ["Migrate links in every language", "links", true],
    ]);
  });
});

describe("commits that changed both sides, in every report", () => {
  /** An untracked page (no metadata) whose English and translation a link migration edited
   * together, and a tracked page given a typo fix. */
  function site() {
    const repo = TestRepo.init(path.join(tempDir(), "site"));
    repo.write("content/en/a.md", "# A\n\nSee [x](http://old.example/).\n");
    repo.write("content/en/b.md", "# B\n\nThe text is hear.\n");
    const raw = repo.commit("English");
    repo.write("content/zh-cn/a.md", "# 甲\n\n见 [x](http://old.example/)。\n");
    repo.write("content/zh-cn/b.md", page(raw, "# 乙\n\n文字。\n"));
    const translated = repo.commit("Translate");
    repo.write("content/en/a.md", "# A\n\nSee [x](https://new.example/).\n");
    repo.write("content/zh-cn/a.md", "# 甲\n\n见 [x](https://new.example/)。\n");
    const migration = repo.commit("Migrate links in every language");
    repo.write("content/en/b.md", "# B\n\nThe text is here.\n");
    repo.commit("Fix a typo");
    return { repo, translated, migration };
  }

  it("skips it in the estimate, and marks it in the estimate's commits", async () => {
    const { repo, translated, migration } = site();
    const out = await scan({
      repo: repo.dir,
      source: "en",
      content: "content",
      langs: [],
      kinds: true,
    });
    const i = out.result.pages.findIndex((p) => p.path === "content/zh-cn/a.md");
    expect(out.result.pages[i]?.estimate).toMatchObject({
      rawCommit: translated,
      commitsBehind: 1,
      changeKind: "links",
    });
    expect(
      out.details[i]?.estimatedCommits?.map((c) => [c.hash, c.changeKind, c.withTranslation]),
    ).toEqual([[migration, "links", true]]);
  });

  it("shows kinds, the count per kind and the mark in the status page", () => {
    const { repo } = site();
    const plain = runCli(["report", "--repo", repo.dir]);
    expect(plain.stdout).not.toContain("data-kind");
    expect(plain.stdout).not.toContain('<th scope="col">English change</th>');
    const res = runCli(["report", "--repo", repo.dir, "--kinds"]);
    expect(res.code).toBe(0);
    const html = res.stdout;
    expect(html).toContain('<p class="kinds">English changes: 1 links, 1 typo</p>');
    expect(html).toContain('<select id="lang-0-kind" data-filter="kind"><option value="any">any');
    expect(html).toContain('<th scope="col">English change</th>');
    const rowOf = (p: string) => html.slice(html.indexOf(`data-path="${p}"`)).split("</tbody>")[0];
    expect(rowOf("b.md")).toContain('data-kind="typo"');
    expect(rowOf("b.md")).toContain("<td>typo</td>");
    expect(rowOf("a.md")).toContain('data-kind="links"');
    expect(rowOf("a.md")).toContain('<span class="est">~links</span>');
    expect(rowOf("a.md")).toMatch(
      /Migrate links in every language .*· links, with the translation/,
    );
    expect(rowOf("b.md")).toMatch(/Fix a typo .*· typo<\/li>/);
  });

  it("counts the kinds per language in the Markdown table", () => {
    const { repo } = site();
    const res = runCli([
      "check",
      "--repo",
      repo.dir,
      "--kinds",
      "--use-estimates",
      "--format",
      "markdown",
    ]);
    expect(res.stdout).toMatch(/\| Language \| Pages \| Failing \|.* \| English changes \|\n/);
    expect(res.stdout).toMatch(/\| zh-cn \| 2 \| \d \|.* \| 1 links, 1 typo \|\n/);
    const plain = runCli(["check", "--repo", repo.dir, "--format", "markdown"]);
    expect(plain.stdout).not.toContain("English changes");
  });
});

describe("an estimate with no English change", () => {
  it("gets no kind, as an up-to-date page does, and is not counted", () => {
    const repo = TestRepo.init(path.join(tempDir(), "site"));
    repo.write("content/en/a.md", "# A\n\nHello world.\n");
    repo.write("content/en/b.md", "# B\n\nHello world.\n");
    const raw = repo.commit("English");
    repo.write("content/zh-cn/a.md", "# 甲\n\n你好。\n");
    repo.write("content/zh-cn/b.md", page(raw, "# 乙\n"));
    repo.commit("Translate");
    const res = runCli(["scan", "--repo", repo.dir, "--kinds", "--format", "json", "--no-cache"]);
    expect(res.code).toBe(0);
    const report = JSON.parse(res.stdout) as ScanResult & {
      kinds: Record<string, Record<string, number>>;
    };
    const a = report.pages.find((p) => p.path === "content/zh-cn/a.md");
    const b = report.pages.find((p) => p.path === "content/zh-cn/b.md");
    expect([a?.status, a?.estimate?.commitsBehind, a?.estimate?.linesAdded]).toEqual([
      "untracked",
      0,
      0,
    ]);
    expect(a?.estimate?.changeKind ?? null).toBeNull();
    expect(b?.status).toBe("up-to-date");
    expect(b?.changeKind ?? null).toBeNull();
    expect(report.kinds).toEqual({ "zh-cn": {} });
    const table = runCli(["scan", "--repo", repo.dir, "--kinds", "--no-cache"]);
    expect(table.stdout).not.toContain("whitespace");
  });
});

describe("the structural changes of an outdated page", () => {
  it("are named in the JSON, the table and Markdown", () => {
    const repo = TestRepo.init(path.join(tempDir(), "site"));
    const v1 = "# Setup\n\nIntro.\n\n## Install\n\nRun it.\n";
    repo.write("content/en/setup.md", v1);
    const raw = repo.commit("English");
    repo.write("content/zh-cn/setup.md", page(raw, "# 设置\n\n介绍。\n\n## 安装\n\n运行。\n"));
    repo.commit("Translate");
    repo.write(
      "content/en/setup.md",
      `${v1}\n## Configuring X {#config}\n\n\`\`\`yaml\nx: 1\n\`\`\`\n`,
    );
    repo.commit("Say how to configure it");
    const json = JSON.parse(
      runCli(["scan", "--repo", repo.dir, "--kinds", "--format", "json"]).stdout,
    ) as ScanResult;
    expect(json.pages[0]?.structureChanges).toEqual([
      "added 1 `##` section: Configuring X",
      "1 code block added",
    ]);
    const line = "English structure: added 1 `##` section: Configuring X; 1 code block added";
    expect(runCli(["scan", "--repo", repo.dir, "--kinds"]).stdout).toContain(
      `content/zh-cn/setup.md\n      ${line}\n`,
    );
    // Markdown shows the heading's marks as code; the section's name, from the page, is text.
    const md = runCli(["check", "--repo", repo.dir, "--kinds", "--format", "markdown"]).stdout;
    expect(md).toContain(
      "\n  - English structure: added 1 `##` section: Configuring X; 1 code block added\n",
    );
    expect(runCli(["scan", "--repo", repo.dir, "--format", "json"]).stdout).not.toContain(
      "structureChanges",
    );
  });

  it("make a hostile heading visible and inert in the table", () => {
    const repo = TestRepo.init(path.join(tempDir(), "site"));
    repo.write("content/en/a.md", "# A\n\nText.\n");
    const raw = repo.commit("English");
    repo.write("content/zh-cn/a.md", page(raw, "# 甲\n\n文字。\n"));
    repo.commit("Translate");
    repo.write("content/en/a.md", "# A\n\nText.\n\n## \u001b[31mRed\u202e ::error::x\n\nMore.\n");
    repo.commit("A hostile heading");
    const out = runCli(["scan", "--repo", repo.dir, "--kinds"]).stdout;
    const line = out.split("\n").find((l) => l.includes("English structure:")) ?? "";
    expect(line).toContain("added 1 `##` section: ");
    expect(line.includes("\u001b") || line.includes("\u202e")).toBe(false);
    // Shown, not acted on: the escape as text, and no workflow command at the line's start.
    expect(line).toContain("\\x1b[31mRed");
    expect(line.startsWith("      English structure: ")).toBe(true);
  });
});
