// The fast path must agree with the obvious per-page git commands on every page of a generated
// repository with merges, renames, deletions and raw_commits spread over the whole history.

import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateRepo } from "../../bench/generate.js";
import { compareWithGit } from "../../bench/per-page.js";
import type { PageReport, ScanResult } from "../../src/core/types.js";
import { jsonChunksWhenReady, renderJson } from "../../src/report/json.js";
import { scan, scanInStages } from "../../src/scan/scan.js";
import { tempDir } from "../helpers/site.js";

let dir: string;
let pages: PageReport[];

beforeAll(async () => {
  const base = tempDir("ts-gen-");
  dir = path.join(base, "repo");
  await generateRepo(dir, {
    pages: 150,
    commits: 600,
    languages: { "zh-cn": 0.8, ja: 0.4 },
    seed: 7,
    renames: 6,
    deletions: 4,
    merges: 12,
    syncEvery: 25,
  });
  pages = (await scan({ repo: dir, source: "en", content: "content", langs: [] })).result.pages;
  return () => rmSync(base, { recursive: true, force: true });
}, 120_000);
afterAll(() => {});

describe("generated repository", () => {
  it("has pages of every kind worth checking", () => {
    const statuses = new Set(pages.map((p) => p.status));
    for (const s of ["outdated", "up-to-date", "moved", "source-missing", "missing"]) {
      expect([s, statuses.has(s as PageReport["status"])]).toEqual([s, true]);
    }
  });

  it("writes the JSON a stretch at a time as git counts lines, the same as when all are in", async () => {
    const opts = { repo: dir, source: "en", content: "content", langs: [] };
    const staged = await scanInStages(opts);
    const { pages: early } = staged.output.result;
    // Line counts of changed pages are git's to give, and only linesUpTo fills them in.
    const changed = early.filter((p) => p.status === "outdated");
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.filter((p) => p.linesAdded !== null)).toEqual([]);
    const pieces: Buffer[] = [];
    for await (const piece of jsonChunksWhenReady(staged.output.result, staged.linesUpTo)) {
      pieces.push(Buffer.from(piece));
    }
    const whole = await scan(opts);
    expect(Buffer.concat(pieces).toString("utf8")).toBe(renderJson(whole.result));
    expect(changed.filter((p) => p.linesAdded === null)).toEqual([]);
  });

  it("tells the final statuses before it counts and lists the commits behind", async () => {
    const told: ScanResult[] = [];
    const behindWhenTold: Array<number | null> = [];
    const staged = await scanInStages({
      repo: dir,
      source: "en",
      content: "content",
      langs: [],
      onStatuses: (result) => {
        told.push(result);
        behindWhenTold.push(...result.pages.map((p) => p.commitsBehind));
      },
    });
    const { result } = staged.output;
    expect(told).toHaveLength(1);
    const early = told[0] as ScanResult;
    // Every figure a summary line shows is already the final one...
    expect(early.summary).toEqual(result.summary);
    expect(early.pages.map((p) => [p.lang, p.path, p.status])).toEqual(
      result.pages.map((p) => [p.lang, p.path, p.status]),
    );
    expect({ ...early, pages: [], summary: {} }).toEqual({ ...result, pages: [], summary: {} });
    // ...while no outdated page had its commits behind counted yet.
    const outdated = result.pages.filter((p) => p.status === "outdated");
    expect(outdated.length).toBeGreaterThan(0);
    expect(outdated.every((p) => (p.commitsBehind ?? 0) > 0)).toBe(true);
    expect(behindWhenTold.some((b) => (b ?? 0) > 0)).toBe(false);
    await staged.linesUpTo(result.pages.length);
  });

  it("lists pages by language and path whatever order --lang gives the languages in", async () => {
    // Missing pages come per language in the order asked for, and are merged into the
    // translations' order rather than sorted with them.
    const reversed = await scan({
      repo: dir,
      source: "en",
      content: "content",
      langs: ["zh-cn", "ja"],
    });
    expect(reversed.result.pages.map((p) => p.path)).toEqual(pages.map((p) => p.path));
    expect(reversed.result.pages.filter((p) => p.status === "missing").length).toBeGreaterThan(0);
  });

  it("matches per-page git rev-list and git diff --numstat for every page", () => {
    const { checked, mismatches } = compareWithGit(dir, pages);
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });
});
