// The estimates' log starts before the pages are read when a sample says most of them lack
// metadata and they are too many to name to git, or while they are read once that many are
// found (src/scan/estimates.ts, estimatesLogWatch): the scan must then give what plain git
// gives, from that one log. A site where most pages record their commit, or a few lack it,
// keeps the log it had.
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PageReport } from "../../src/core/types.js";
import { buildSite } from "../../src/demo/build-site.js";
import type { SiteSpec } from "../../src/demo/site-spec.js";
import { loggingGit } from "../helpers/logging-git.js";
import { commitAsFixture, FIXTURE_AUTHOR, git, tempDir } from "../helpers/site.js";
import { runCli } from "../hostile/helpers.js";

let base: string;
beforeAll(() => {
  base = tempDir("ts-early-");
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const PAGES = 130;
const name = (i: number) => `page-${String(i).padStart(3, "0")}.md`;

/** English pages, translated in one commit (in each language, every n-th page recording its
 * commit; none for 0), then English edits to some pages and translation edits to others. */
function site(dir: string, trackedEvery: Record<string, number>): Record<string, string> {
  const english: Record<string, string> = {};
  const translated: Record<string, string> = {};
  const editedEnglish: Record<string, string> = {};
  const editedTranslation: Record<string, string> = {};
  for (let i = 0; i < PAGES; i++) {
    english[`content/en/${name(i)}`] = `# Page ${i}\n\nText.\n`;
    if (i % 3 === 0) editedEnglish[`content/en/${name(i)}`] = `# Page ${i}\n\nText.\n\nMore.\n`;
    for (const [lang, every] of Object.entries(trackedEvery)) {
      const meta =
        every > 0 && i % every === 0 ? "---\ndefault_lang_commit: {{hash:english}}\n---\n\n" : "";
      translated[`content/${lang}/${name(i)}`] = `${meta}# ${lang} ${i}\n\nText.\n`;
      if (i % 5 === 0) {
        editedTranslation[`content/${lang}/${name(i)}`] = `${meta}# ${lang} ${i}\n\nText!\n`;
      }
    }
  }
  const spec: SiteSpec = {
    start: "2025-06-01T00:00:00Z",
    author: FIXTURE_AUTHOR,
    steps: [
      { commit: "English", label: "english", write: english },
      { commit: "Translate", label: "translate", write: translated },
      { commit: "Edit English", label: "edit", write: editedEnglish },
      { commit: "Edit translations", label: "retranslate", write: editedTranslation },
    ],
  };
  return buildSite(spec, dir);
}

/** Each untracked page's estimate is git's last commit of it: no commit here edited a page and
 * its translation together. */
function expectPlainEstimates(dir: string, pages: readonly PageReport[], count: number): void {
  const untracked = pages.filter((p) => p.status === "untracked");
  expect(untracked).toHaveLength(count);
  for (const p of untracked) {
    const last = git(dir, ["log", "-1", "--format=%H", "--", p.path]);
    expect([p.path, p.estimate?.rawCommit]).toEqual([p.path, last]);
  }
}

const historyLogs = (calls: string[]) => calls.filter((c) => / log .*--raw/.test(c));

function scanLogged(dir: string): { pages: PageReport[]; logs: string[] } {
  const logged = loggingGit();
  const run = runCli(["scan", "--no-cache", "--repo", dir, "--format", "json"], {
    env: logged.env,
  });
  expect(run.code).toBe(0);
  return { pages: JSON.parse(run.stdout).pages, logs: historyLogs(logged.calls()) };
}

describe("the estimates' log started early", () => {
  it("is started by folder for a site whose pages mostly record nothing, and gives plain git's estimates", () => {
    const dir = path.join(base, "records-nothing");
    site(dir, { "zh-cn": 0 });
    const { pages, logs } = scanLogged(dir);
    expect(logs.filter((c) => c.endsWith(" -- content/zh-cn/"))).toHaveLength(1);
    expect(logs).toHaveLength(2);
    expectPlainEstimates(dir, pages, PAGES);
  });

  it("is not started where most pages record their commit", () => {
    const dir = path.join(base, "mostly-tracked");
    site(dir, { "zh-cn": 1 });
    const { logs } = scanLogged(dir);
    expect(logs.filter((c) => c.includes("content/zh-cn/"))).toEqual([]);
  });

  it("is not started where the pages without metadata are few enough to name", () => {
    // Every second page records its commit: 65 are left, which git is given by name.
    const dir = path.join(base, "half");
    site(dir, { "zh-cn": 2 });
    const { pages, logs } = scanLogged(dir);
    expect(logs.filter((c) => c.endsWith(" -- content/zh-cn/"))).toEqual([]);
    expect(logs.filter((c) => c.includes(" -- content/zh-cn/page-"))).toHaveLength(1);
    expectPlainEstimates(dir, pages, PAGES / 2);
  });

  it("serves the pages of one language from the log of every language", () => {
    // Half the sample lacks metadata, all in one language: the early log reads both folders,
    // and the pages without metadata, all in one, take it rather than a log of their own.
    const dir = path.join(base, "one-language");
    site(dir, { ja: 1, "zh-cn": 0 });
    const { pages, logs } = scanLogged(dir);
    expect(logs.filter((c) => c.includes("content/zh-cn/"))).toHaveLength(1);
    expect(logs.filter((c) => c.endsWith(" -- content/ja/ content/zh-cn/"))).toHaveLength(1);
    expectPlainEstimates(dir, pages, PAGES);
  });

  it("is started while the pages are read once more lack metadata than can be named", () => {
    // A third of the pages lack metadata, all of one language: too few for the sample to start
    // the log before the pages are read, too many to name. It starts with the 101st, by folder.
    const dir = path.join(base, "while-reading");
    site(dir, { ja: 0, ko: 1, "zh-cn": 1 });
    const { pages, logs } = scanLogged(dir);
    expect(
      logs.filter((c) => c.endsWith(" -- content/ja/ content/ko/ content/zh-cn/")),
    ).toHaveLength(1);
    expect(logs).toHaveLength(2);
    expectPlainEstimates(dir, pages, PAGES);
    const cacheDir = path.join(base, "while-reading-cache");
    const json = (args: string[]) => {
      const run = runCli(["scan", "--repo", dir, "--format", "json", ...args]);
      expect(run.code).toBe(0);
      return run.stdout;
    };
    const uncached = json(["--no-cache"]);
    expect(json(["--cache-dir", cacheDir])).toBe(uncached);
    expect(json(["--cache-dir", cacheDir])).toBe(uncached);
  });

  it("gives the same report from the cache, before and after new commits", () => {
    const dir = path.join(base, "cached");
    site(dir, { "zh-cn": 0 });
    const cacheDir = path.join(base, "cache");
    const json = (args: string[]) => {
      const run = runCli(["scan", "--repo", dir, "--format", "json", ...args]);
      expect(run.code).toBe(0);
      return run.stdout;
    };
    expect(json(["--cache-dir", cacheDir])).toBe(json(["--no-cache"]));
    // A translation edited and committed: the next run scans again, its estimates' log from the
    // cached one (kept under the early log's folders) and the commits since.
    writeFileSync(path.join(dir, "content/zh-cn", name(7)), "# zh-cn 7\n\nEdited.\n");
    git(dir, ["add", "-A"]);
    commitAsFixture(dir, "Edit one translation", "2025-07-01T00:00:00Z");
    expect(json(["--cache-dir", cacheDir])).toBe(json(["--no-cache"]));
  });
});
