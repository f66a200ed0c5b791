// The dashboard's view of pages without metadata, on the fixture site fixtures/no-metadata.json:
// listed by estimated drift, opened with the English commits and diff since the estimate, and
// every number marked as estimated. The data comes from the real loader; the UI never calls git.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PageReport, ScanResult } from "../../src/core/types.js";
import { createDetailLoader, withEstimatedCommits } from "../../src/detail/loader.js";
import { contentLayout } from "../../src/layout/layout.js";
import { type ScanOutput, scan } from "../../src/scan/scan.js";
import { pageInfo } from "../../src/ui/info.js";
import { buildRows } from "../../src/ui/rows.js";
import { buildFixture, git, type TempSite } from "../helpers/site.js";
import { NOW } from "./helpers.js";

let site: TempSite;
let out: ScanOutput;
let shown: ScanResult;
const index = (path: string) => shown.pages.findIndex((p) => p.path === path);

beforeAll(async () => {
  site = buildFixture("no-metadata.json");
  out = await scan({ repo: site.dir, source: "en", content: "content", langs: [] });
  shown = withEstimatedCommits(out.result, out.details);
});
afterAll(() => site?.cleanup());

describe("pages without metadata in the dashboard", () => {
  it("lists untracked pages by their estimated drift, most first", () => {
    const rows = buildRows(shown.pages, {
      lang: "zh-cn",
      layout: contentLayout("content", "en"),
      sort: "work",
      reverse: false,
      filter: "untracked",
      search: "",
      now: NOW,
    });
    expect(rows.map((i) => shown.pages[i]?.path)).toEqual([
      "content/zh-cn/concepts.md",
      "content/zh-cn/guide/old-name.md",
      // 1 behind, +2 -0 both: by path.
      "content/zh-cn/branch.md",
      "content/zh-cn/tasks.md",
      "content/zh-cn/_index.md",
    ]);
  });

  it("opens one with the English commits and diff since the estimate, as git has them", async () => {
    const source = await createDetailLoader(out, shown, out.details);
    const i = index("content/zh-cn/concepts.md");
    const page = shown.pages[i];
    const estimate = site.labels.translate as string;
    expect(source.rawHash(i)).toBe(estimate);
    expect(page?.commits.map((c) => c.hash)).toEqual(
      git(site.dir, ["rev-list", `${estimate}..HEAD`, "--", "content/en/concepts.md"]).split("\n"),
    );
    // Only the dashboard's copy lists them: the scan's report (and so the JSON) does not.
    expect(out.result.pages[i]?.commits).toEqual([]);
    const whole = await source.wholeDiff(i);
    expect([whole.added, whole.removed, whole.notice]).toEqual([5, 1, null]);
    const oldest = page?.commits.at(-1)?.hash as string;
    const first = await source.commitDiff(i, oldest);
    expect(first.rows.filter((r) => r.kind === "add").map((r) => r.text)).toEqual([
      "Nodes run pods.",
      "",
    ]);
  });

  it("marks every number and the baseline as estimated", async () => {
    const source = await createDetailLoader(out, shown, out.details);
    const i = index("content/zh-cn/concepts.md");
    const info = pageInfo(shown.pages[i] as PageReport, source.rawHash(i), source.links(i), NOW);
    const text = Object.fromEntries(info.map((l) => [l.label, l.text]));
    expect(text.Translated).toBe(
      `no raw_commit recorded; estimated from English ${site.labels.translate?.slice(0, 8)}, the last change of the translation`,
    );
    expect(text.Behind).toBe("~3 English commits, ~+5 -1 lines (estimated)");
  });

  it("does not name an English path that does not exist as if it did", async () => {
    const source = await createDetailLoader(out, shown, out.details);
    const i = index("content/zh-cn/chaos_engineering.md");
    const info = pageInfo(shown.pages[i] as PageReport, source.rawHash(i), source.links(i), NOW);
    expect(info.find((l) => l.label === "English")?.text).toBe(
      "none: no English page content/en/chaos_engineering.md exists",
    );
    expect((await source.wholeDiff(i)).notice).toBe(
      "No English page has this translation's path, so there is nothing to compare.",
    );
  });
});
