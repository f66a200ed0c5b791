// A site in a subfolder of a code repository (kubernetes-sigs/kueue keeps its Hugo site in
// `site/`, many projects their Docusaurus site in `website/`): found with no setup from the top
// or from inside it, its folders named from the repository's top as every report names them;
// a folder option is the top's wherever the tool starts, and the message says so.
import { mkdirSync, realpathSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ScanResult } from "../../src/core/types.js";
import { english, page, runCli, TestRepo, tempDir } from "../hostile/helpers.js";

let repo: TestRepo;
let raw: string;
let site: string;

beforeAll(() => {
  repo = TestRepo.init(path.join(tempDir(), "project"));
  repo.write(
    "site/hugo.toml",
    '[languages.en]\ncontentDir = "content/en"\n[languages.zh-CN]\ncontentDir = "content/zh-CN"\n',
  );
  repo.write("site/content/en/a.md", english("A"));
  repo.write("site/content/en/b.md", english("B"));
  repo.write("src/main.go", "package main\n");
  raw = repo.commit("Site");
  repo.write("site/content/zh-CN/a.md", page(raw));
  repo.commit("Translate");
  repo.write("site/content/en/a.md", english("A", "More.\n"));
  repo.commit("Edit English");
  site = path.join(repo.dir, "site");
});

const scan = (args: string[], cwd: string) => {
  const res = runCli(["scan", "--format", "json", ...args], { cwd });
  expect(res.stderr).toBe("");
  return JSON.parse(res.stdout) as ScanResult;
};
const rows = (r: ScanResult) => r.pages.map((p) => [p.path, p.sourcePath, p.status]);

describe("a Hugo site in a subfolder", () => {
  it("is found from the top and from inside it, its paths the repository's", () => {
    const top = scan([], repo.dir);
    expect(top.content).toBe("site/content");
    expect(top.languages).toEqual(["zh-CN"]);
    expect(rows(top)).toEqual([
      ["site/content/zh-CN/a.md", "site/content/en/a.md", "outdated"],
      ["site/content/zh-CN/b.md", "site/content/en/b.md", "missing"],
    ]);
    const behind = Number(
      repo.git(["rev-list", "--count", `${raw}..HEAD`, "--", "site/content/en/a.md"]).trim(),
    );
    expect(top.pages[0]?.commitsBehind).toBe(behind);
    expect(scan([], site)).toEqual(top);
    expect(scan(["--layout", "hugo"], site)).toEqual(top);
    // What already worked still does: the folder named from the top.
    expect(rows(scan(["--content", "site/content"], site))).toEqual(rows(top));
  });

  it("takes a folder option from the top, and says so from inside the site", () => {
    const topDir = realpathSync(repo.dir);
    for (const given of ["content", "./content"]) {
      const res = runCli(["scan", "--content", given], { cwd: site });
      expect(res).toMatchObject({
        code: 2,
        stderr: `translation-status: no such folder: content (relative to the repository's top, ${topDir}: did you mean site/content?)\n`,
      });
    }
    // --repo names the folder to start from as the current folder does.
    const viaRepo = runCli(["scan", "--repo", site, "--content", "content"]);
    expect(viaRepo.stderr).toContain("did you mean site/content?");
    // From the top, the same mistake gets the same message: the option was given, and the
    // site's folder holds one of that name.
    for (const given of ["content", "./content"]) {
      const fromTop = runCli(["scan", "--content", given], { cwd: repo.dir });
      expect(fromTop).toMatchObject({
        code: 2,
        stderr: `translation-status: no such folder: content (relative to the repository's top, ${topDir}: did you mean site/content?)\n`,
      });
    }
    const config = path.join(tempDir(), "config.json");
    writeFileSync(config, JSON.stringify({ content: "content" }));
    expect(runCli(["scan", "--config", config], { cwd: repo.dir }).stderr).toContain(
      "did you mean site/content?",
    );
    // A folder no site holds either is not said to need setting.
    expect(runCli(["scan", "--content", "docs"], { cwd: repo.dir }).stderr).toBe(
      `translation-status: no such folder: docs (relative to the repository's top, ${topDir})\n`,
    );
  });

  it("stamps a page named from inside the site", () => {
    const res = runCli(["stamp", "content/zh-CN/a.md"], { cwd: site });
    expect(res.stderr).toBe("");
    expect(rows(scan([], site))[0]).toEqual([
      "site/content/zh-CN/a.md",
      "site/content/en/a.md",
      "up-to-date",
    ]);
  });
});

describe("a Docusaurus site in a subfolder, beside another site", () => {
  let project: TestRepo;

  beforeAll(() => {
    project = TestRepo.init(path.join(tempDir(), "project"));
    project.write("website/docusaurus.config.js", "module.exports = {};\n");
    project.write("website/docs/intro.md", english("Intro"));
    const first = project.commit("Docs");
    project.write("website/i18n/fr/docusaurus-plugin-content-docs/current/intro.md", page(first));
    project.commit("Translate");
  });

  it("is found when it is the only one", () => {
    const res = scan([], project.dir);
    expect(res.layout).toEqual({
      kind: "docusaurus",
      pairs: [
        {
          source: "website/docs",
          translation: "website/i18n/{lang}/docusaurus-plugin-content-docs/current",
        },
      ],
    });
    expect(rows(res)).toEqual([
      [
        "website/i18n/fr/docusaurus-plugin-content-docs/current/intro.md",
        "website/docs/intro.md",
        "up-to-date",
      ],
    ]);
    expect(scan(["--layout", "docusaurus"], project.dir)).toEqual(res);
  });

  it("with two sites, is the one the tool is started in, and the top's message names both", () => {
    project.write("blog-site/hugo.toml", 'title = "x"\n');
    project.write("blog-site/content/en/a.md", english("A"));
    project.write("blog-site/content/de/a.md", english("A"));
    project.write("tools/run.sh", "true\n");
    project.commit("Another site");
    const alone = scan([], path.join(project.dir, "website"));
    expect(alone.layout?.pairs[0]?.source).toBe("website/docs");
    expect(scan([], path.join(project.dir, "blog-site")).content).toBe("blog-site/content");
    const res = runCli(["scan"], { cwd: project.dir });
    expect(res).toMatchObject({
      code: 2,
      stderr:
        "translation-status: no such folder: content (set it with --content, or run the tool inside the site's folder: blog-site, website)\n",
    });
    const elsewhere = runCli(["scan"], { cwd: path.join(project.dir, "tools") });
    expect(elsewhere.stderr).toBe(
      `translation-status: no such folder: content (relative to the repository's top, ${realpathSync(project.dir)}; set it with --content, or run the tool inside the site's folder: blog-site, website)\n`,
    );
  });
});

describe("lint on a Hugo site in a subfolder", () => {
  it("makes URLs by the site's own config, not the repository top's", () => {
    const project = TestRepo.init(path.join(tempDir(), "project"));
    // Kept as written, so the English page's URL is /Guide/, not /guide/.
    project.write("site/hugo.toml", "disablePathToLower = true\n");
    project.write("site/content/en/Guide.md", english("Guide"));
    project.write("src/main.go", "package main\n");
    const raw = project.commit("Site");
    project.write(
      "site/content/zh-cn/Guide.md",
      `---\ntitle: 指南\n---\n\n{{< translation-status-zh-cn raw_title="Guide" raw_link="/guide/" raw_commit="${raw}" >}}\n`,
    );
    project.commit("Translate");
    const res = runCli(["lint", "--repo", project.dir, "--format", "json"]);
    const findings = (
      JSON.parse(res.stdout) as { findings: Array<{ rule: string; message: string }> }
    ).findings;
    expect(findings.map((f) => [f.rule, f.message])).toEqual([
      ["raw-link", 'raw_link "/guide/" is not the English page\'s URL at raw_commit, "/Guide/"'],
    ]);
  });
});

describe("a site two folders down", () => {
  it("is found when no top folder holds one, but not in node_modules or past the cap", () => {
    const project = TestRepo.init(path.join(tempDir(), "project"));
    project.write("docs/website/docusaurus.config.js", "module.exports = {};\n");
    project.write("docs/website/docs/intro.md", english("Intro"));
    project.write("node_modules/theme/hugo.toml", 'title = "theme"\n');
    project.write("node_modules/theme/content/en/a.md", english("A"));
    const first = project.commit("Docs");
    project.write(
      "docs/website/i18n/fr/docusaurus-plugin-content-docs/current/intro.md",
      page(first),
    );
    project.commit("Translate");
    const res = scan([], project.dir);
    expect(rows(res)).toEqual([
      [
        "docs/website/i18n/fr/docusaurus-plugin-content-docs/current/intro.md",
        "docs/website/docs/intro.md",
        "up-to-date",
      ],
    ]);
    // A second one: the one the tool is started in, from anywhere inside it.
    project.write("apps/site/hugo.toml", 'title = "x"\n');
    project.write("apps/site/content/en/a.md", english("A"));
    project.write("apps/site/content/de/a.md", english("A"));
    project.commit("Another site");
    expect(scan([], path.join(project.dir, "apps/site/content")).content).toBe("apps/site/content");
    expect(rows(scan([], path.join(project.dir, "docs/website")))).toEqual(rows(res));
    expect(runCli(["scan"], { cwd: project.dir }).stderr).toBe(
      "translation-status: no such folder: content (set it with --content, or run the tool inside the site's folder: apps/site, docs/website)\n",
    );
    // Folders two down are looked at in name order, a bounded number of them.
    for (let i = 0; i < 400; i++)
      mkdirSync(path.join(project.dir, "aaa", `f${i}`), { recursive: true });
    expect(runCli(["scan"], { cwd: path.join(project.dir, "docs/website") }).stderr).toBe(
      "translation-status: no such folder: content (relative to the repository's top, " +
        `${realpathSync(project.dir)}; set it with --content)\n`,
    );
  });
});
