// The status page on the fixture site: the structure people and screen readers rely on, the
// dashboard's order and diff model, estimates marked as such, the CSP hashes, and the diffs read
// a batch of pages per git call, capped with a note.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PageReport, ScanResult } from "../../src/core/types.js";
import { gitBlobReader, type ReadTexts } from "../../src/detail/blobs.js";
import { pageLinks } from "../../src/detail/links.js";
import { withEstimatedCommits } from "../../src/detail/loader.js";
import { pageDiffs, STATIC_LIMITS } from "../../src/detail/page-diffs.js";
import type { DiffModel } from "../../src/detail/types.js";
import { pageOrder, renderHtml } from "../../src/report/html.js";
import { type ScanOutput, scan } from "../../src/scan/scan.js";
import { buildFixture, type TempSite } from "../helpers/site.js";

const NOW = new Date("2025-10-01T00:00:00Z");
const GH = { owner: "example", name: "docs" };

let site: TempSite;
let scanned: ScanOutput;
let result: ScanResult;
let diffs: Map<number, DiffModel>;
let html: string;
let reads: number;

beforeAll(async () => {
  site = buildFixture();
  scanned = await scan({ repo: site.dir, source: "en", content: "content", langs: [] });
  result = withEstimatedCommits(scanned.result, scanned.details);
  const order = [...pageOrder(result, NOW).values()].flat();
  const git = gitBlobReader(scanned.sourceRepo);
  reads = 0;
  const counting: ReadTexts = (oids) => {
    reads += 1;
    return git(oids);
  };
  diffs = await pageDiffs({ ...scanned, result }, order, STATIC_LIMITS, counting);
  html = renderHtml({
    result,
    links: (i) => pageLinks(GH, result.head, result.pages[i] as PageReport, scanned.details[i]),
    diffs,
    github: GH,
    now: NOW,
  });
});
afterAll(() => site?.cleanup());

/** The <tbody> of one page. */
function body(path: string): string {
  const short = path.replace(/^content\/[^/]+\//, "");
  const lang = path.split("/")[1] as string;
  const section = html.slice(html.indexOf(`<h2 id="lang-${result.languages.indexOf(lang)}-h">`));
  const start = section.indexOf(`data-path="${short}"`);
  expect(start, `no row for ${path}`).toBeGreaterThan(-1);
  return section.slice(start, section.indexOf("</tbody>", start));
}

describe("the status page on the fixture site", () => {
  it("is one document with a table per language, real headers and a caption", () => {
    expect(html.startsWith("<!doctype html>\n")).toBe(true);
    for (const [i, lang] of result.languages.entries()) {
      expect(html).toContain(`<h2 id="lang-${i}-h">${lang}</h2>`);
      expect(html).toContain(
        `<caption>${lang}: ${result.summary[lang]?.total} pages, most work first</caption>`,
      );
    }
    expect(html.match(/<th scope="col"/g)).toHaveLength(6 * result.languages.length);
    expect(html.match(/<tbody class="page"/g)).toHaveLength(result.pages.length);
    // Controls are labelled, and hidden until the script can make them work.
    expect(html).toContain('<label for="lang-0-status">Status<select id="lang-0-status">');
    expect(html).toContain('<div class="controls" hidden>');
  });

  it("lists each language as the dashboard does, most work first", () => {
    for (const [i, lang] of result.languages.entries()) {
      const section = html.slice(html.indexOf(`id="lang-${i}"`)).split("</section>")[0] as string;
      const paths = [...section.matchAll(/data-path="([^"]+)"/g)].map((m) => m[1]);
      const expected = (pageOrder(result, NOW).get(lang) ?? []).map((k) =>
        (result.pages[k]?.path ?? "").replace(`content/${lang}/`, ""),
      );
      expect(paths).toEqual(expected);
    }
    // zh-cn's worst page first: moderation, 2 commits and 4 lines behind.
    const zh = html.slice(html.indexOf('id="lang-1"'));
    expect(/data-path="([^"]+)"/.exec(zh)?.[1]).toBe("user/moderation.md");
  });

  it("counts each status in the bar, spoken and drawn by the summary", () => {
    const zh = result.summary["zh-cn"];
    expect(html).toContain(
      `aria-label="zh-cn: 11 pages, ${zh?.outdated} outdated, ${zh?.moved} moved, ${zh?.["source-missing"]} source missing, 1 unknown commit, 1 untracked, 1 missing, ${zh?.["up-to-date"]} up to date"`,
    );
    expect(html).toContain(`#bar-1 .s-outdated{flex-grow:${zh?.outdated}}`);
  });

  it("shows a page's numbers, links, commits and word-highlighted diff", () => {
    const row = body("content/zh-cn/user/moderation.md");
    expect(row).toContain('data-behind="2"');
    expect(row).toContain('<td class="num">+4 −0</td>');
    expect(row).toContain('href="https://github.com/example/docs/compare/');
    expect(row).toContain(">English history</a>");
    expect(row).toContain("Moderation: explain limiting");
    expect(row).toContain('<pre class="diff" tabindex="0"');
    // Somewhere on the page a replaced line has its changed words marked.
    expect(html).toMatch(/<span class="r (add|del)">.*<mark>[^<]+<\/mark>/);
  });

  it("marks an untracked page's numbers as estimated", () => {
    const row = body("content/zh-cn/_index.md");
    expect(row).toContain('<span class="est">~');
    expect(row).toContain("(estimated)");
    expect(row).toContain("Estimated from <code>");
  });

  it("allows exactly its own style and script by hash", () => {
    const csp = /content="(default-src[^"]+)"/.exec(html)?.[1] ?? "";
    const hash = (s: string) => `sha256-${createHash("sha256").update(s).digest("base64")}`;
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
    expect(csp).toContain(`style-src '${hash(style)}'`);
    expect(csp).toContain(`script-src '${hash(script)}'`);
    expect(html).not.toMatch(/\sstyle="/);
  });

  it("reads the diffs' blobs a batch of pages at a time, not per page", () => {
    const changed = scanned.details.filter((d) => d.rawHash !== null && d.fromBlob !== d.toBlob);
    expect(changed.length).toBeGreaterThan(3);
    expect(reads).toBe(Math.ceil(changed.length / STATIC_LIMITS.batch));
  });

  it("caps the diffs: pages past the limit and long diffs say so", async () => {
    const order = [...pageOrder(result, NOW).values()].flat();
    const capped = await pageDiffs({ ...scanned, result }, order, {
      maxPages: 1,
      batch: 1,
      diff: { ...STATIC_LIMITS.diff, maxRows: 2 },
    });
    const notices = [...capped.values()].map((d) => d.notice ?? "");
    expect(notices.filter((n) => n.startsWith("The English diff is left out"))).not.toHaveLength(0);
    expect(notices.filter((n) => n.includes("Long diff: showing the first 2 of"))).toHaveLength(1);
    const page = renderHtml({
      result,
      links: () => ({ compare: null, history: null }),
      diffs: capped,
      github: null,
      now: NOW,
    });
    expect(page).toContain("The English diff is left out");
  });
});
