// The status page's diffs go to the pages with the most work, as the page and the README say:
// ranked across languages, not shared out between them in turn. The built CLI on a site where
// one language's pages are far behind and another's one line behind, more pages than get a diff.
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/demo/build-site.js";
import type { SiteSpec } from "../../src/demo/site-spec.js";
import { STATIC_LIMITS } from "../../src/detail/page-diffs.js";
import { runCli } from "../check/helpers.js";
import { FIXTURE_AUTHOR, tempDir } from "../helpers/site.js";

/** More pages per language than the page has diffs for, so that both cannot have all theirs. */
const PAGES = 110;
const names = Array.from({ length: PAGES }, (_, i) => `p${String(i).padStart(3, "0")}.md`);
const files = (text: (name: string) => string) =>
  Object.fromEntries(names.map((n) => [n, text(n)]));
const under = (folder: string, set: Record<string, string>) =>
  Object.fromEntries(Object.entries(set).map(([n, t]) => [`content/${folder}/${n}`, t]));
const meta = (lang: string, label: string) =>
  `{{< translation-status-${lang} raw_commit="{{hash:${label}}}" >}}\n`;
const twenty = Array.from({ length: 20 }, (_, i) => `Line ${i + 1}.`).join("\n");

// zh was translated before the English grew by twenty lines, ja after: zh's pages are 2 commits
// and 21 lines behind, ja's 1 commit and 1 line.
const SPEC: SiteSpec = {
  start: "2025-01-01T00:00:00Z",
  author: FIXTURE_AUTHOR,
  steps: [
    {
      commit: "English",
      label: "first",
      write: under(
        "en",
        files(() => "Start.\n"),
      ),
    },
    {
      commit: "English grows",
      label: "grown",
      write: under(
        "en",
        files(() => `Start.\n${twenty}\n`),
      ),
    },
    {
      commit: "Translations",
      write: {
        ...under(
          "zh",
          files(() => `中\n\n${meta("zh", "first")}`),
        ),
        ...under(
          "ja",
          files(() => `日\n\n${meta("ja", "grown")}`),
        ),
      },
    },
    {
      commit: "English ends",
      write: under(
        "en",
        files(() => `Start.\n${twenty}\nEnd.\n`),
      ),
    },
  ],
};

let base: string;
let html: string;

beforeAll(() => {
  base = tempDir("ts-report-diffs-");
  const dir = path.join(base, "site");
  buildSite(SPEC, dir);
  const run = runCli(["report", "--repo", dir, "--no-cache"]);
  expect(run.code, run.stderr).toBe(0);
  html = run.stdout;
}, 120_000);
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Per language: how many of its pages show a diff, and how many say theirs was left out. */
function diffsOf(lang: string): { shown: number; leftOut: number } {
  const section = sectionOf(lang);
  return {
    shown: section.split('<pre class="diff"').length - 1,
    leftOut: section.split("The English diff is left out").length - 1,
  };
}

function sectionOf(lang: string): string {
  const sections = html.split('<section class="lang"');
  return sections.find((s) => s.includes(`>${lang}</h2>`)) ?? "";
}

describe("the status page's diffs", () => {
  it("go to the pages with the most work, whatever their language", () => {
    expect(2 * PAGES).toBeGreaterThan(STATIC_LIMITS.maxPages);
    // Every zh page needs more work than any ja page: all of zh's get one, ja the rest.
    expect(diffsOf("zh")).toEqual({ shown: PAGES, leftOut: 0 });
    expect(diffsOf("ja")).toEqual({
      shown: STATIC_LIMITS.maxPages - PAGES,
      leftOut: 2 * PAGES - STATIC_LIMITS.maxPages,
    });
  });

  it("says where the cut is: the most work of all languages together", () => {
    expect(html).toContain(
      `this page shows the diffs of the ${STATIC_LIMITS.maxPages} pages with the most work, of all its languages together`,
    );
  });

  it("leaves out, among equals, the last by path", () => {
    // ja's pages tie on every count: those by the earliest paths keep theirs.
    const ja = sectionOf("ja");
    const kept = STATIC_LIMITS.maxPages - PAGES;
    const lastKept = ja.indexOf(`data-path="${names[kept - 1]}"`);
    const firstLeft = ja.indexOf(`data-path="${names[kept]}"`);
    const bodyOf = (at: number) => ja.slice(at, ja.indexOf("</tbody>", at));
    expect(bodyOf(lastKept)).toContain('<pre class="diff"');
    expect(bodyOf(firstLeft)).toContain("The English diff is left out");
  });
});
