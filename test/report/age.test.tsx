// A translation's age is one fact, read one way by every output: from last_translation_time where
// the page records it (a shortcode site), else from its raw_commit's author date (a front matter
// site), said so. Each format on one site that has both kinds of page.
import { rmSync } from "node:fs";
import path from "node:path";
import { cleanup, render } from "ink-testing-library";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type CheckReport, evaluate } from "../../src/check/evaluate.js";
import { makeThresholds } from "../../src/check/thresholds.js";
import type { PageReport } from "../../src/core/types.js";
import { buildSite } from "../../src/demo/build-site.js";
import type { SiteSpec } from "../../src/demo/site-spec.js";
import { NO_LINKS } from "../../src/detail/links.js";
import { layoutOfResult } from "../../src/layout/layout.js";
import { renderCheckJson } from "../../src/report/check-json.js";
import { renderCheckTable } from "../../src/report/check-table.js";
import { renderGithub } from "../../src/report/github.js";
import { renderHtml } from "../../src/report/html.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { type ScanOutput, scan } from "../../src/scan/scan.js";
import { pageInfo } from "../../src/ui/info.js";
import { PageRow } from "../../src/ui/PageList.js";
import { buildRows } from "../../src/ui/rows.js";
import { FIXTURE_AUTHOR, tempDir } from "../helpers/site.js";

const NOW = new Date("2025-06-01T12:00:00Z");

// The English commit is made on 2025-01-01 (151 days before NOW); the shortcode page records a
// translation on 2025-03-01 (92 days), the front matter page no date at all.
const SPEC: SiteSpec = {
  start: "2025-01-01T00:00:00Z",
  author: FIXTURE_AUTHOR,
  steps: [
    {
      commit: "English",
      label: "english",
      write: { "content/en/front.md": "Hello.\n", "content/en/short.md": "Hello.\n" },
    },
    {
      commit: "Translations",
      write: {
        "content/zh/front.md": "---\ndefault_lang_commit: {{hash:english}}\n---\n\n你好。\n",
        "content/zh/short.md":
          '你好。\n\n{{< translation-status-zh raw_commit="{{hash:english}}" last_translation_time="2025-03-01" >}}\n',
      },
    },
    {
      commit: "English grows",
      write: { "content/en/front.md": "Hello.\nMore.\n", "content/en/short.md": "Hello.\nMore.\n" },
    },
  ],
};

const FRONT = "content/zh/front.md";
const SHORT = "content/zh/short.md";
const BY_COMMIT = "translated 151 days ago, by raw_commit's date";
const BY_DATE = "translated 92 days ago";

let base: string;
let scanned: ScanOutput;
let report: CheckReport;

beforeAll(async () => {
  base = tempDir("ts-age-");
  const dir = path.join(base, "site");
  buildSite(SPEC, dir);
  scanned = await scan({ repo: dir, source: "en", content: "content", langs: [] });
  const thresholds = makeThresholds({
    failOn: null,
    maxBehind: null,
    maxLines: null,
    maxAge: 30,
  });
  report = evaluate(scanned.result, thresholds, NOW);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));
afterEach(cleanup);

const pageAt = (p: string) => scanned.result.pages.find((x) => x.path === p) as PageReport;

/** The line of `text` that names `page`, and those below it up to the next page's. */
function entryOf(text: string, page: string, other: string): string {
  const from = text.indexOf(page);
  expect(from, `${page} is listed`).toBeGreaterThan(-1);
  const next = text.indexOf(other, from);
  return next < 0 || next < from ? text.slice(from) : text.slice(from, next);
}

describe("a translation's age", () => {
  it("is recorded for the page without a date as its raw_commit's author date", () => {
    expect(pageAt(FRONT)).toMatchObject({ lastTranslationTime: null });
    expect(pageAt(FRONT).rawCommitDate?.slice(0, 10)).toBe("2025-01-01");
    // A page that records its date is aged by it alone.
    expect(pageAt(SHORT).rawCommitDate).toBeUndefined();
  });

  it("is said, with its source, in check's table, JSON and annotations", () => {
    const table = renderCheckTable(report, false);
    const github = renderGithub(report, { token: "0123456789abcdef".repeat(2) });
    for (const text of [table, github]) {
      expect(entryOf(text, FRONT, SHORT)).toContain(`${BY_COMMIT} (limit 30)`);
      expect(text.slice(text.lastIndexOf(SHORT))).toContain(`${BY_DATE} (limit 30)`);
    }
    const json = JSON.parse(renderCheckJson(report)) as {
      pages: Array<PageReport & { verdict: { reasons: string[] } }>;
    };
    const reasons = (p: string) => json.pages.find((x) => x.path === p)?.verdict.reasons;
    expect(reasons(FRONT)).toContain(`${BY_COMMIT} (limit 30)`);
    expect(reasons(SHORT)).toContain(`${BY_DATE} (limit 30)`);
    expect(json.pages.find((x) => x.path === FRONT)?.rawCommitDate).toBe(
      pageAt(FRONT).rawCommitDate,
    );
  });

  it("is in each Markdown entry, with the reason it fails", () => {
    const md = renderMarkdown(report, { github: null });
    const front = md.split("\n").find((l) => l.startsWith(`- [ ] \`${FRONT}\``)) ?? "";
    const short = md.split("\n").find((l) => l.startsWith(`- [ ] \`${SHORT}\``)) ?? "";
    // Markdown escapes the underscore, as it does everywhere in its text.
    const inMarkdown = BY_COMMIT.replace("_", "\\_");
    expect(front).toContain(inMarkdown);
    expect(short).toContain(`${BY_DATE}.`);
    expect(entryOf(md, FRONT, SHORT)).toContain(`Over the limit: ${inMarkdown} \\(limit 30\\)`);
  });

  it("fills the status page's Age column, which sorts by it", () => {
    const html = renderHtml({
      result: scanned.result,
      links: () => NO_LINKS,
      diffs: new Map(),
      github: null,
      now: NOW,
    });
    const body = (p: string) => {
      const at = html.indexOf(`data-path="${p.slice("content/zh/".length)}"`);
      return html.slice(at, html.indexOf("</tbody>", at));
    };
    expect(body(FRONT)).toContain('data-age="151"');
    expect(body(FRONT)).toContain(
      '<td class="num">151 days <span class="muted by">by raw_commit\'s date</span></td>',
    );
    expect(body(SHORT)).toContain('data-age="92"');
    expect(body(SHORT)).toContain('<td class="num">92 days</td>');
  });

  it("orders and fills the dashboard's list, and its page view says where it comes from", () => {
    const { pages } = scanned.result;
    const oldest = buildRows(pages, {
      lang: "zh",
      layout: layoutOfResult(scanned.result),
      sort: "age",
      reverse: false,
      filter: "all",
      search: "",
      now: NOW.getTime(),
    }).map((i) => pages[i]?.path);
    expect(oldest).toEqual([FRONT, SHORT]);
    const row = render(
      <PageRow
        page={pageAt(FRONT)}
        layout={layoutOfResult(scanned.result)}
        selected={false}
        width={100}
        now={NOW.getTime()}
      />,
    );
    expect(row.lastFrame()).toMatch(/151d\s*$/);
    const translated = (p: string) =>
      pageInfo(pageAt(p), "0".repeat(40), NO_LINKS, NOW.getTime()).find(
        (l) => l.label === "Translated",
      )?.text;
    expect(translated(FRONT)).toBe(
      "from English 00000000 of 2025-01-01 (151d ago); metadata on line 2",
    );
    expect(translated(SHORT)).toMatch(/ on 2025-03-01 \(92d ago\)/);
  });
});
