// The history log is read in parts that run side by side (a walk with --max-count, then the
// commits git's order lists after it, given to `git log --no-walk`). Wherever the split falls,
// the history must be exactly the one a single log gives; the estimates' log too.

import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateRepo } from "../../bench/generate.js";
import { type PathIndex, PathIndexBuilder } from "../../src/core/pathindex.js";
import { LOG_PART, logPartSize, readChangesIn, revList, WHOLE_LOG } from "../../src/git/history.js";
import { openRepo, readHead, readHeadSpan } from "../../src/git/repo.js";
import { type HeadHistory, loadHeadHistory } from "../../src/scan/history-model.js";
import { tempDir } from "../helpers/site.js";

let base: string;
let dir: string;
let whole: HeadHistory;
const COMMITS = 300;

beforeAll(async () => {
  base = tempDir("ts-parts-");
  dir = path.join(base, "repo");
  await generateRepo(dir, {
    pages: 60,
    commits: COMMITS,
    languages: { "zh-cn": 0.8 },
    seed: 11,
    renames: 4,
    deletions: 3,
    merges: 8,
    syncEvery: 20,
  });
  whole = await load(1_000_000);
}, 120_000);
afterAll(() => rmSync(base, { recursive: true, force: true }));

async function load(logPart: number): Promise<HeadHistory> {
  const repo = await openRepo(dir);
  const head = await readHead(repo);
  return loadHeadHistory(repo, head.hash, ["content/en"], logPart);
}

/** The index as plain data, with the lists that merely follow the two logs' arrival in a fixed
 * order: no reader depends on it. A path's touches must come in commit order, as they are. */
function comparable(index: PathIndex) {
  const touches = [...index.paths()].sort().map((p) => [
    p,
    [...index.touchesOf(p)].map((t) => ({
      commit: index.commitOf(t),
      oldBlob: index.oldBlob(t),
      newBlob: index.newBlob(t),
      newMode: index.newMode(t),
      gone: index.isGone(t),
    })),
  ]);
  return {
    touches,
    mergeTouches: [...index.mergeTouches.entries()]
      .map(([p, list]) => [p, [...list].sort((a, b) => a - b)] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    mergeDiffs: [...index.mergeDiffs.entries()]
      .map(([m, diff]) => [m, [...diff.entries()].sort()] as const)
      .sort((a, b) => a[0] - b[0]),
    merges: [...index.merges].sort((a, b) => a - b),
    renames: index.renames.map((r) => JSON.stringify(r)).sort(),
  };
}

describe("the history log in two parts", () => {
  it("has every commit of the generated repository", () => {
    expect(whole.table.hashes).toHaveLength(COMMITS);
    expect(whole.index.merges.length).toBeGreaterThan(0);
    expect(whole.index.renames.length).toBeGreaterThan(0);
  });

  for (const part of [1, 7, 150, COMMITS - 1, COMMITS, COMMITS + 1, WHOLE_LOG]) {
    it(`gives the single log's history when split after ${part} commits`, async () => {
      const split = await load(part);
      expect(split.table).toEqual(whole.table);
      expect(split.head).toBe(whole.head);
      expect(comparable(split.index)).toEqual(comparable(whole.index));
      for (const p of split.index.paths()) {
        const commits = [...split.index.touchesOf(p)].map((t) => split.index.commitOf(t));
        expect(commits).toEqual([...commits].sort((a, b) => a - b));
      }
    });
  }
});

describe("the part size", () => {
  it("keeps the log whole on two cores, where the scan's own thread needs the other", () => {
    expect(logPartSize(1)).toBe(WHOLE_LOG);
    expect(logPartSize(2)).toBe(WHOLE_LOG);
    expect(logPartSize(4)).toBe(LOG_PART);
  });
});

describe("the log of listed commits", () => {
  it("lists HEAD's commits in the walk's order, with HEAD's date", async () => {
    const repo = await openRepo(dir);
    const head = await readHead(repo);
    const span = await readHeadSpan(repo, head.hash, 2 ** 30);
    expect(span.date).toBe(head.date);
    expect(span.order).toEqual(whole.table.hashes);
    expect(await revList(repo, head.hash)).toEqual(whole.table.hashes);
    expect((await readHeadSpan(repo, head.hash, 7)).order).toEqual(whole.table.hashes.slice(0, 7));
  });

  for (const part of [1, 7, 150, COMMITS]) {
    it(`gives the estimates' log of the walk when listed in parts of ${part}`, async () => {
      const repo = await openRepo(dir);
      const head = await readHead(repo);
      const paths = ["content/zh-cn/"];
      const walked = new PathIndexBuilder();
      const walkedHashes = await readChangesIn(repo, head.hash, paths, walked);
      const listed = new PathIndexBuilder();
      const order = await revList(repo, head.hash);
      const listedHashes = await readChangesIn(repo, head.hash, paths, listed, order, part);
      expect(listedHashes).toEqual(walkedHashes);
      const [a, b] = [walked.finish(), listed.finish()];
      expect([...a.paths()].length).toBeGreaterThan(0);
      expect(comparable(b)).toEqual(comparable(a));
    });
  }
});
