// Decides up front what every commit of the history will be, so the total is exactly `commits` and
// rare events (renames, deletions, merges) land spread over the whole timeline, not bunched at one end.
import type { Rng } from "./prng.js";

export const Kind = {
  Init: 0,
  Sync: 1,
  Edit: 2,
  Add: 3,
  Rename: 4,
  Delete: 5,
  Branch: 6,
  Merge: 7,
} as const;

export interface PlanInput {
  commits: number;
  pages: number;
  renames: number;
  deletions: number;
  merges: number;
  syncEvery: number;
  /** English pages added after the initial batch (the rest exist from the start). */
  addedPages: number;
}

export interface Plan {
  /** One Kind per commit, in stream (= date) order. */
  kinds: Uint8Array;
  /** For Branch and Merge commits: which feature branch. */
  branchOf: Int32Array;
  /** Feature branch forked from main just before this commit, or -1. */
  opensAt: Int32Array;
  /** Pages created by each Init commit. */
  initSizes: number[];
  /** Pages created by each Add commit, in order. */
  addSizes: number[];
  branches: number;
}

/** Split `total` into `parts` near-equal positive sizes. */
function split(total: number, parts: number): number[] {
  const sizes: number[] = [];
  for (let i = 0; i < parts; i++) {
    sizes.push(Math.floor(((i + 1) * total) / parts) - Math.floor((i * total) / parts));
  }
  return sizes;
}

export function makePlan(input: PlanInput, rng: Rng): Plan {
  const { commits, renames, deletions, merges, syncEvery } = input;
  const initialPages = input.pages + deletions - input.addedPages;
  // Big first commits like a site import, but not one 10k-file commit.
  const initCommits = Math.max(1, Math.ceil(initialPages / 1000));

  const kinds = new Uint8Array(commits).fill(255);
  const branchOf = new Int32Array(commits).fill(-1);
  const opensAt = new Int32Array(commits).fill(-1);
  const fail = (why: string): never => {
    throw new Error(`cannot fit the history into ${commits} commits: ${why}`);
  };
  if (commits < initCommits + 2) fail(`need at least ${initCommits + 2}`);

  for (let i = 0; i < initCommits; i++) kinds[i] = Kind.Init;
  // The first sync right after the initial import, then every syncEvery commits, and one last sync
  // so every covered page has been translated at least once by HEAD.
  for (let i = initCommits; i < commits - 1; i += syncEvery) kinds[i] = Kind.Sync;
  kinds[commits - 1] = Kind.Sync;

  const free: number[] = [];
  for (let i = 0; i < commits; i++) if (kinds[i] === 255) free.push(i);

  const branchLengths: number[] = [];
  for (let b = 0; b < merges; b++) branchLengths.push(rng.range(2, 5));
  const branchCommits = branchLengths.reduce((sum, n) => sum + n + 1, 0);
  const room = free.length - renames - deletions - branchCommits;
  if (room < 0) fail("too many renames, deletions and merges");
  // Fewer, larger add commits when space is short; the remaining room becomes plain edits.
  const addCommits = Math.min(Math.ceil(input.addedPages / 2), room);
  if (input.addedPages > 0 && addCommits === 0) fail("no room for commits that add pages");
  const addSizes = addCommits > 0 ? split(input.addedPages, addCommits) : [];

  // Branch b forks somewhere in its own slice of the timeline and stays open for 0.3–1.5 slices, so
  // branches sometimes overlap and most stay open across a translation sync.
  const taken = new Uint8Array(free.length);
  for (let b = 0; b < merges; b++) {
    const start = Math.floor((b * free.length) / merges);
    const len = Math.floor(((b + 1) * free.length) / merges) - start;
    const n = branchLengths[b] ?? 2;
    const open = start + rng.int(len);
    const span = Math.max(n + 1, Math.round(len * (0.3 + rng.float() * 1.2)));
    let merge = Math.min(free.length - 1, open + span);
    while (merge > open + n && taken[merge]) merge--;
    let room = 0;
    for (let s = open; s < merge; s++) if (!taken[s]) room++;
    if (taken[merge] || room < n) fail("too many merges for the free commits");
    const slots: number[] = [merge];
    while (slots.length <= n) {
      const s = open + rng.int(merge - open);
      if (!taken[s] && !slots.includes(s)) slots.push(s);
    }
    for (const s of slots) {
      const pos = free[s] as number;
      taken[s] = 1;
      kinds[pos] = s === merge ? Kind.Merge : Kind.Branch;
      branchOf[pos] = b;
    }
    opensAt[free[open] as number] = b;
  }

  const rest: number[] = [];
  for (const pos of free) if (kinds[pos] === 255) rest.push(pos);
  const fill: number[] = [];
  for (let i = 0; i < renames; i++) fill.push(Kind.Rename);
  for (let i = 0; i < deletions; i++) fill.push(Kind.Delete);
  for (let i = 0; i < addCommits; i++) fill.push(Kind.Add);
  while (fill.length < rest.length) fill.push(Kind.Edit);
  rng.shuffle(fill);
  rest.forEach((pos, i) => {
    kinds[pos] = fill[i] as number;
  });

  return {
    kinds,
    branchOf,
    opensAt,
    initSizes: split(initialPages, initCommits),
    addSizes,
    branches: merges,
  };
}
