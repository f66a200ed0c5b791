// After `u` the dashboard shows the page as a fresh scan reports it: driven by keys on a real
// repository, each page marked is compared with a new scan's JSON for it (status, counts,
// warnings, metadata line, date, title) and its view with the view of that JSON page. The pages
// are those where the page as written differs from what marking alone would suggest: a
// misspelled key the scan keeps warning about, lines added above the metadata after the scan,
// and a page without metadata, to which marking adds it.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

const savedForceColor = vi.hoisted(() => {
  const saved = process.env.FORCE_COLOR;
  process.env.FORCE_COLOR = "0";
  return saved;
});

import { cleanup, render } from "ink-testing-library";
import type { PageReport, ScanResult } from "../../src/core/types.js";
import { buildSite } from "../../src/demo/build-site.js";
import type { SiteSpec } from "../../src/demo/site-spec.js";
import { createDetailLoader } from "../../src/detail/loader.js";
import type { DetailSource } from "../../src/detail/types.js";
import { pageText, renderJson } from "../../src/report/json.js";
import { scan } from "../../src/scan/scan.js";
import { Dashboard } from "../../src/ui/App.js";
import { infoRows, LABEL_WIDTH, labelText, pageInfo } from "../../src/ui/info.js";
import { FIXTURE_AUTHOR, git, tempDir } from "../helpers/site.js";
import { frame, press } from "./drive.js";
import { NOW, waitFor } from "./helpers.js";

const DATE = "2025-06-01";
const shortcode = (title: string, link: string, dateKey: string) =>
  `{{< translation-status-zh-cn raw_title="${title}" raw_link="/${link}/" ${dateKey}="2025-01-02" raw_commit="{{hash:english}}">}}\n`;

const SPEC: SiteSpec = {
  start: "2025-01-01T00:00:00Z",
  author: FIXTURE_AUTHOR,
  steps: [
    {
      commit: "English pages",
      label: "english",
      write: {
        "content/en/typo.md": "---\ntitle: Typo\n---\n\nHello.\n",
        "content/en/edited.md": "---\ntitle: Edited\n---\n\nHello.\n",
        "content/en/bare.md": "---\ntitle: Bare\n---\n\nHello.\n",
      },
    },
    {
      commit: "Translations",
      write: {
        "content/zh-cn/typo.md": `---\ntitle: 错字\n---\n\n你好。\n\n${shortcode("Typo", "typo", "last_tranlation_time")}`,
        "content/zh-cn/edited.md": `---\ntitle: 编辑\n---\n\n你好。\n\n${shortcode("Edited", "edited", "last_translation_time")}`,
        "content/zh-cn/bare.md": "---\ntitle: 裸\n---\n\n你好。\n",
      },
    },
    {
      commit: "English edits",
      write: {
        "content/en/typo.md": "---\ntitle: Typo\n---\n\nHello.\n\nMore.\n",
        "content/en/edited.md": "---\ntitle: Edited\n---\n\nHello.\n\nMore.\n",
        "content/en/bare.md": "---\ntitle: Bare\n---\n\nHello.\n\nMore.\n",
      },
    },
  ],
};

let base: string;
let dir: string;

beforeAll(() => {
  base = tempDir();
  dir = path.join(base, "site");
  buildSite(SPEC, dir);
});
afterAll(() => {
  rmSync(base, { recursive: true, force: true });
  if (savedForceColor === undefined) delete process.env.FORCE_COLOR;
  else process.env.FORCE_COLOR = savedForceColor;
});
afterEach(() => {
  cleanup();
  git(dir, ["checkout", "-q", "--", "."]);
});

const options = { repo: "", source: "en", content: "content", langs: [] };

/** The page as a new scan's JSON report has it, with what the dashboard needs to draw it. */
async function freshScan(
  rel: string,
): Promise<{ json: unknown; page: PageReport; rawHash: string | null }> {
  const out = await scan({ ...options, repo: dir });
  const i = out.result.pages.findIndex((p) => p.path === rel);
  const report = JSON.parse(renderJson(out.result)) as { pages: Array<{ path: string }> };
  return {
    json: report.pages.find((p) => p.path === rel),
    page: out.result.pages[i] as PageReport,
    rawHash: out.details[i]?.rawHash ?? null,
  };
}

/** The page's metadata block as the dashboard draws it, one trimmed line a row. */
function viewOf(page: PageReport, rawHash: string | null): string[] {
  const rows = infoRows(pageInfo(page, rawHash, { compare: null, history: null }, NOW), 100);
  return rows.map((row) => `${labelText(row).padEnd(LABEL_WIDTH)}${row.text}`.trimEnd());
}

const CASES: Array<{ name: string; rel: string; before?: (file: string) => void }> = [
  { name: "a page whose date key is misspelled", rel: "content/zh-cn/typo.md" },
  {
    name: "a page the translator edited after the scan, adding lines above its metadata",
    rel: "content/zh-cn/edited.md",
    before: (file) =>
      writeFileSync(
        file,
        readFileSync(file, "utf8").replace("你好。\n", "你好。\n\n新的一段。\n\n又一段。\n"),
      ),
  },
  { name: "a page without metadata, which marking gives it", rel: "content/zh-cn/bare.md" },
];

/** The dashboard on a scan's result with `source`, once its page list is on screen. */
async function openList(result: ScanResult, source: DetailSource) {
  const r = render(
    <Dashboard
      load={async () => ({ result, source, repoName: "site" })}
      repoName="site"
      ui={{ color: false, hyperlinks: false }}
      now={NOW}
      initialLang="zh-cn"
    />,
  );
  await waitFor(() => frame(r).includes("sort: "), "the page list");
  return r;
}

describe("u: the page afterwards is the page a fresh scan reports", () => {
  it.each(CASES)("$name", async ({ rel, before }) => {
    const out = await scan({ ...options, repo: dir });
    const loader = await createDetailLoader(out, out.result, out.details, { date: () => DATE });
    // What the dashboard is given for the page it marked (it puts it in place of the old one).
    const given: PageReport[] = [];
    const source: DetailSource = {
      ...loader,
      markUpdated: async (i, commit) => {
        const outcome = await loader.markUpdated(i, commit);
        if (outcome.ok) given.push(outcome.page);
        return outcome;
      },
    };
    const r = await openList(out.result, source);
    // The translator's own edit, saved after the scan and before marking.
    before?.(path.join(dir, rel));
    const name = path.basename(rel);
    await press(r, `/${name}\r`, (f) => f.includes("1/1"), "the page found");
    await press(r, "\r", (f) => f.includes(`‹ zh-cn · ${name}`), "the page opened");
    await press(r, "u", (f) => f.includes("y/n"), "the question");
    const marked = await press(r, "y", (f) => f.includes(`Marked ${rel}`), "the page marked");

    const fresh = await freshScan(rel);
    expect(fresh.page.status).toBe("up-to-date");
    // The page the dashboard holds is the scan's, field for field, as the JSON report writes it.
    expect(given).toHaveLength(1);
    expect(JSON.parse(pageText(given[0] as PageReport).toString("utf8"))).toEqual(fresh.json);
    // Its view: the status, and the metadata block the fresh page gives, row for row.
    expect(marked).toContain(`‹ zh-cn · ${name}  ✓ up-to-date`);
    const lines = marked.split("\n").map((l) => l.trimEnd());
    for (const row of viewOf(fresh.page, fresh.rawHash)) expect(lines).toContain(row);
    // Its row in the list: status and counts.
    const list = await press(r, "\x1b", (f) => f.includes("sort: "), "the list");
    expect(list).toMatch(
      new RegExp(
        `› ✓ up-to-date\\s+${name.replace(".", "\\.")}\\s+${fresh.page.commitsBehind}\\s+\\+${fresh.page.linesAdded} -${fresh.page.linesRemoved}\\s`,
      ),
    );
  });

  it("covers what marking alone would get wrong", async () => {
    // The cases above are the ones they claim to be: each fresh scan differs from the old one
    // in what `u` used to leave as it was (a warning, the metadata line, the title).
    const out = await scan({ ...options, repo: dir });
    const at = (rel: string) => out.result.pages.find((p) => p.path === rel) as PageReport;
    expect(at("content/zh-cn/typo.md").warnings.join("\n")).toMatch(/last_tranlation_time/);
    expect(at("content/zh-cn/edited.md").metaLine).toBe(7);
    expect(at("content/zh-cn/bare.md")).toMatchObject({
      status: "untracked",
      metaLine: null,
      rawTitle: null,
    });
  });
});

describe("u: keys typed before the question is on screen", () => {
  it("answer nothing: y typed while the page is checked neither marks it nor waits", async () => {
    const out = await scan({ ...options, repo: dir });
    const loader = await createDetailLoader(out, out.result, out.details, { date: () => DATE });
    // The dry run is held until the keys are typed, as a slow one on a large site would be.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const source: DetailSource = {
      ...loader,
      checkMark: async (i, commit) => {
        await held;
        return loader.checkMark(i, commit);
      },
    };
    const r = await openList(out.result, source);
    const rel = "content/zh-cn/typo.md";
    const file = path.join(dir, rel);
    const before = readFileSync(file, "utf8");
    await press(r, "/typo.md\r", (f) => f.includes("1/1"), "the page found");
    await press(r, "u", (f) => f.includes(`Checking ${rel}`), "the check");
    r.stdin.write("y");
    r.stdin.write("n");
    release();
    const asked = await press(r, "", (f) => f.includes("y/n"), "the question");
    expect(asked).not.toContain("Marking");
    expect(asked).not.toContain("cancelled");
    expect(readFileSync(file, "utf8")).toBe(before);
    await press(r, "y", (f) => f.includes(`Marked ${rel}`), "the page marked");
    expect(readFileSync(file, "utf8")).not.toBe(before);
  });
});
