// Which commits of raw..HEAD git's history simplification keeps for a path, computed from the
// indexes: what `git rev-list raw..HEAD -- <path>` lists, with the range decided by ancestry
// alone (README.md, "How drift is measured", defines it exactly).
//
// git's default history simplification walks from HEAD; at a merge it follows only the first
// parent that has the same content for the path (and is not excluded by raw_commit), otherwise
// every parent, and shows a merge only when it differs from the parents that count. Which
// parents are excluded is read here from raw_commit's whole history. git reads it from what its
// walk, newest commit date first, has marked so far, so a parent two or more commits below
// raw_commit can still count for git at a merge it reaches first, and git then lists fewer
// commits (test/hostile/commit-count.test.ts).
//
// Along a first-parent chain nothing can happen except at commits that changed the path, merges
// whose first parent differs for it, and the merge where the chain crosses into raw_commit's
// history, so the walk jumps between those events instead of visiting every commit.
import { fileAt, sameFile } from "./blob-at.js";
import { type Graph, onFirstParentChain } from "./graph.js";
import type { PathIndex } from "./pathindex.js";

export interface RangeContext {
  graph: Graph;
  index: PathIndex;
  head: number;
  /** True for commits reachable from raw_commit: git's UNINTERESTING once its walk is done. */
  excluded: (commit: number) => boolean;
  /** raw_commit itself: git's BOTTOM, which still counts as relevant when simplifying merges. */
  bottom: number;
  /** Merges outside raw_commit's history whose first parent is inside it. */
  boundary: readonly number[];
}

export function boundaryMerges(
  graph: Graph,
  merges: readonly number[],
  excluded: (c: number) => boolean,
): number[] {
  return merges.filter((m) => {
    const first = graph.parents[m]?.[0];
    return !excluded(m) && first !== undefined && excluded(first);
  });
}

/**
 * Commits in raw..HEAD that `git rev-list raw..HEAD -- <paths>` shows, in no particular order.
 * Several paths (a moved page's old and new name) are one pathspec: a merge is unchanged
 * against a parent only when every path is.
 */
export function commitsForPaths(ctx: RangeContext, paths: readonly string[]): number[] {
  const { graph, index, excluded } = ctx;
  if (ctx.boundary.length === 0 && paths.every((p) => !index.mergeTouches.has(p))) {
    return linearCommits(ctx, paths);
  }
  const touched = new Set<number>();
  const events = new Set<number>();
  for (const path of paths) {
    for (const t of index.touchesOf(path)) {
      touched.add(index.commitOf(t));
      events.add(index.commitOf(t));
    }
    for (const m of index.mergeTouches.get(path) ?? []) events.add(m);
  }
  for (const m of ctx.boundary) events.add(m);
  if (events.size === 0) return [];
  const eventList = [...events];

  const shown: number[] = [];
  const seen = new Set<number>();
  const starts = [ctx.head];
  while (starts.length > 0) {
    const x = starts.pop() as number;
    if (excluded(x)) continue;
    const depthX = graph.depth[x] ?? 0;
    const chain = eventList
      .filter((e) => (graph.depth[e] ?? 0) <= depthX && onFirstParentChain(graph, e, x))
      .sort((a, b) => (graph.depth[b] ?? 0) - (graph.depth[a] ?? 0));
    for (const e of chain) {
      if (seen.has(e) || excluded(e)) break;
      seen.add(e);
      const parents = graph.parents[e] ?? [];
      if (parents.length <= 1) {
        if (touched.has(e)) shown.push(e);
        continue;
      }
      const step = simplifyMerge(ctx, e, parents, paths);
      if (step.shown) shown.push(e);
      for (const p of step.follow) if (p !== parents[0]) starts.push(p);
      if (!step.follow.includes(parents[0] as number)) break;
    }
  }
  return shown;
}

/**
 * The walk when no merge can matter: no merge changed the paths against its first parent and
 * none crosses into raw_commit's history. Only HEAD's first-parent chain is walked then, and on
 * it raw_commit's ancestors are a tail (a first parent of an ancestor is one too), so the walk
 * shows exactly the commits on that chain that touched a path and are not excluded. Most pages
 * of sites that squash or rebase their pull requests take this path.
 */
function linearCommits(ctx: RangeContext, paths: readonly string[]): number[] {
  const shown: number[] = [];
  // A path's touches come in commit order, so a commit that touches it twice (a rename away and
  // a new file) does so in one run; only several paths need a set to list each commit once.
  const seen = paths.length > 1 ? new Set<number>() : null;
  for (const path of paths) {
    for (const t of ctx.index.touchesOf(path)) {
      const c = ctx.index.commitOf(t);
      if (ctx.excluded(c) || !onFirstParentChain(ctx.graph, c, ctx.head)) continue;
      if (seen ? seen.has(c) : shown[shown.length - 1] === c) continue;
      seen?.add(c);
      shown.push(c);
    }
  }
  return shown;
}

/** git's try_to_simplify_commit for one merge and a pathspec. */
function simplifyMerge(
  ctx: RangeContext,
  merge: number,
  parents: readonly number[],
  paths: readonly string[],
): { shown: boolean; follow: number[] } {
  const firstDiff = ctx.index.mergeDiffs.get(merge);
  let relevantParents = 0;
  let relevantChange = false;
  let irrelevantChange = false;
  for (let k = 0; k < parents.length; k++) {
    const p = parents[k] as number;
    // git's relevant_commit(): interesting, or the bottom of the range itself.
    const relevant = !ctx.excluded(p) || p === ctx.bottom;
    if (relevant) relevantParents++;
    // The first parent's diff came with the log; any other parent's version of the file is
    // looked up in the index, which knows every commit's version along its own first parents.
    const same =
      k === 0
        ? !paths.some((path) => firstDiff?.has(path) ?? false)
        : paths.every((path) =>
            sameFile(
              fileAt(ctx.graph, ctx.index, merge, path),
              fileAt(ctx.graph, ctx.index, p, path),
            ),
          );
    if (same) {
      if (relevant) return { shown: false, follow: [p] };
      continue;
    }
    if (relevant) relevantChange = true;
    else irrelevantChange = true;
  }
  const shown = relevantParents > 0 ? relevantChange : irrelevantChange;
  return { shown, follow: parents.filter((p) => !ctx.excluded(p)) };
}
