// The dashboard with --kinds: the kind column, "most work" putting prose first, the `t` filter,
// and the kind of each English commit in an opened page.

import path from "node:path";
import { cleanup, render } from "ink-testing-library";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PageReport } from "../../src/core/types.js";
import { contentLayout } from "../../src/layout/layout.js";
import { type ScanOutput, scan } from "../../src/scan/scan.js";
import { Dashboard, type LoadedData } from "../../src/ui/App.js";
import { buildRows, KIND_FILTERS } from "../../src/ui/rows.js";
import { buildFixture, type TempSite } from "../helpers/site.js";
import { TestRepo, tempDir, page as translated } from "../hostile/helpers.js";
import { NOW, page, scannedData, waitFor } from "./helpers.js";

const SITE = contentLayout("content", "en");

describe("the most-work order with kinds", () => {
  const outdated = (name: string, kind: PageReport["changeKind"], behind: number) =>
    page({
      path: `content/zh-cn/${name}.md`,
      status: "outdated",
      commitsBehind: behind,
      linesAdded: behind,
      linesRemoved: 0,
      ...(kind !== undefined ? { changeKind: kind } : {}),
    });
  const query = {
    lang: "zh-cn",
    layout: SITE,
    sort: "work",
    reverse: false,
    filter: "all",
    search: "",
    now: NOW,
  } as const;

  it("ranks prose before the rest, then by commits behind", () => {
    const pages = [
      outdated("typo-far", "typo", 9),
      outdated("prose-near", "prose", 1),
      outdated("space", "whitespace", 20),
      outdated("unknown", null, 2),
      outdated("prose-far", "prose", 5),
    ];
    const order = buildRows(pages, query).map((i) => pages[i]?.path.slice(14, -3));
    // A kind that could not be told may be prose: it goes with prose, after it.
    expect(order).toEqual(["unknown", "prose-far", "prose-near", "typo-far", "space"]);
  });

  it("orders as before when no page has a kind", () => {
    const pages = [outdated("a", undefined, 1), outdated("b", undefined, 3)];
    expect(buildRows(pages, query)).toEqual([1, 0]);
  });

  it("filters by kind", () => {
    const pages = [outdated("a", "typo", 1), outdated("b", "prose", 3)];
    expect(buildRows(pages, { ...query, kind: "typo" })).toEqual([0]);
  });

  it("filters the pages whose kind could not be told as unknown", () => {
    const pages = [outdated("a", "prose", 1), outdated("b", null, 3), outdated("c", undefined, 2)];
    expect(buildRows(pages, { ...query, kind: "unknown" })).toEqual([1]);
    expect(KIND_FILTERS).toContain("unknown");
  });
});

describe("the dashboard with kinds", () => {
  let site: TempSite;
  let data: LoadedData;
  let scanned: ScanOutput;
  beforeAll(async () => {
    site = buildFixture();
    scanned = await scan({
      repo: site.dir,
      source: "en",
      content: "content",
      langs: [],
      kinds: true,
    });
    data = scannedData(site.dir, scanned);
  });
  afterAll(() => site?.cleanup());
  afterEach(() => cleanup());

  it("shows a kind column, filters with t, and each commit's kind", async () => {
    const r = render(
      <Dashboard
        load={async () => data}
        repoName="site"
        ui={{ color: false, hyperlinks: false }}
        now={NOW}
        initialLang="ja"
      />,
    );
    const frame = () => r.lastFrame() ?? "";
    await waitFor(() => frame().includes("sort: "), "the page list");
    expect(frame()).toMatch(/STATUS +KIND +PATH/);
    expect(frame()).toMatch(/outdated +prose +admin\/prerequisites\.md/);
    r.stdin.write("t");
    await waitFor(() => (frame().includes("change: whitespace") ? true : null), "the kind filter");
    expect(frame()).toContain("No pages match");
    r.stdin.write("ttttt");
    await waitFor(() => (frame().includes("change: prose") ? true : null), "prose only");
    expect(frame()).toMatch(/outdated +prose +admin\/prerequisites\.md/);
    expect(frame()).not.toContain("run-your-own.md");
    r.stdin.write("\r");
    await waitFor(() => (frame().includes("English commits") ? true : null), "the page");
    expect(frame()).toMatch(/Prerequisites: list the build tools +code /);
    expect(frame()).toMatch(/Prerequisites: restart after installing +prose /);
  });
});

describe("a commit that changed the translation too", () => {
  afterEach(() => cleanup());

  it("is marked in the opened page's commit list, and the mark explained", async () => {
    const repo = TestRepo.init(path.join(tempDir(), "site"));
    repo.write("content/en/a.md", "# A\n\nSee [x](http://old.example/).\n");
    const raw = repo.commit("English");
    repo.write("content/zh-cn/a.md", translated(raw, "见 [x](http://old.example/)。\n"));
    repo.commit("Translate");
    repo.write("content/en/a.md", "# A\n\nSee [x](https://new.example/).\n");
    repo.write("content/zh-cn/a.md", translated(raw, "见 [x](https://new.example/)。\n"));
    repo.commit("Migrate links in every language");
    repo.write("content/en/a.md", "# A\n\nSee [x](https://new.example/).\n\n## Limits\n\nMore.\n");
    repo.commit("More English");
    const out = await scan({
      repo: repo.dir,
      source: "en",
      content: "content",
      langs: [],
      kinds: true,
    });
    const loaded = scannedData(repo.dir, out);
    const r = render(
      <Dashboard
        load={async () => loaded}
        repoName="site"
        ui={{ color: false, hyperlinks: false }}
        now={NOW}
      />,
    );
    const frame = () => r.lastFrame() ?? "";
    await waitFor(() => frame().includes("sort: "), "the page list");
    r.stdin.write("\r");
    await waitFor(() => (frame().includes("English commits") ? true : null), "the page");
    expect(frame()).toContain("⇄ changed the translation too");
    expect(frame()).toMatch(/Migrate links in every language +links ⇄ /);
    expect(frame()).toMatch(/More English +prose {2}/);
    // What the English change did to the structure, among the page's facts.
    expect(frame()).toMatch(/Structure +added 1 `##` section: Limits/);
  });
});
