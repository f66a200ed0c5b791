// Loads the history the scan needs, in a fixed number of git processes, and indexes it.
import { buildGraph, type Graph } from "../core/graph.js";
import { buildPathIndex, type PathIndex } from "../core/pathindex.js";
import { type CommitTable, readChanges, readCommits } from "../git/history.js";
import type { Repo } from "../git/run.js";

export interface HistoryModel {
  table: CommitTable;
  graph: Graph;
  index: PathIndex;
  head: number;
  /** 1 for commits reachable from HEAD. */
  fromHead: Uint8Array;
}

export async function loadHistory(
  repo: Repo,
  head: string,
  rawCommits: readonly string[],
  folder: string,
): Promise<HistoryModel> {
  const table = await readCommits(repo, [head, ...rawCommits]);
  const headIdx = table.index.get(head);
  if (headIdx === undefined) throw new Error("HEAD is missing from its own history");
  const graph = buildGraph(table.parents);
  const fromHead = new Uint8Array(table.hashes.length);
  const stack = [headIdx];
  fromHead[headIdx] = 1;
  while (stack.length > 0) {
    const c = stack.pop() as number;
    for (const p of table.parents[c] ?? []) {
      if (!fromHead[p]) {
        fromHead[p] = 1;
        stack.push(p);
      }
    }
  }
  // Only HEAD's history can hold commits in raw..HEAD, so only its commits are diffed.
  const pairs: Array<[number, number]> = [];
  for (let c = 0; c < table.hashes.length; c++) {
    if (!fromHead[c]) continue;
    const parents = table.parents[c] ?? [];
    if (parents.length === 0) pairs.push([c, -1]);
    for (const p of parents) pairs.push([c, p]);
  }
  const changes = await readChanges(repo, table, pairs, folder);
  const index = buildPathIndex(pairs, changes, (c) => table.parents[c]?.length ?? 0);
  return { table, graph, index, head: headIdx, fromHead };
}
