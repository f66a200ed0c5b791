// Loads the history the scan needs, in a few git processes, and indexes it.
import { buildGraph, type Graph } from "../core/graph.js";
import { type PathIndex, PathIndexBuilder } from "../core/pathindex.js";
import { type CommitTable, readCommits, readHeadHistory } from "../git/history.js";
import type { OpenedRepo } from "../git/repo.js";
import type { Repo } from "../git/run.js";
import { hasCachedLog, readCachedLog, type ScanCache } from "./cached-log.js";

/** The kind of log HEAD's history is kept as in the cache. */
const KIND = "history";

/** Whether the cache holds HEAD's history below `folders` (of this HEAD or an older one). */
export function headHistoryCached(cache: ScanCache, folders: readonly string[]): boolean {
  return hasCachedLog(cache, KIND, folders);
}

export interface HistoryModel {
  table: CommitTable;
  graph: Graph;
  index: PathIndex;
  head: number;
  /** 1 for commits reachable from HEAD. */
  fromHead: Uint8Array;
}

export interface HeadHistory {
  table: CommitTable;
  head: number;
  index: PathIndex;
}

/**
 * HEAD's history and what every commit in it changed below `folders` (the English ones). It needs nothing from
 * the pages, so the scan starts it first and reads the pages while git works. With a cache, the
 * log comes from it when it can (see cached-log.ts).
 */
export async function loadHeadHistory(
  repo: OpenedRepo,
  head: string,
  folders: readonly string[],
  logPart?: number,
  cache: ScanCache | null = null,
  order?: () => Promise<readonly string[]>,
): Promise<HeadHistory> {
  // The path index is built while git's output streams in, not after the log has ended.
  const { table, sink } = cache
    ? await readCachedLog(cache, repo, head, KIND, folders, newBuilder, async (recorder) => {
        const table = await readHeadHistory(
          repo,
          head,
          folders,
          recorder,
          logPart,
          order ?? cache.order,
        );
        return { table, log: recorder.capture(table) };
      })
    : await fromGit(repo, head, folders, logPart, order);
  const headIdx = table.index.get(head);
  if (headIdx === undefined) throw new Error("HEAD is missing from its own history");
  return { table, head: headIdx, index: sink.finish() };
}

const newBuilder = () => new PathIndexBuilder();

async function fromGit(
  repo: Repo,
  head: string,
  folders: readonly string[],
  logPart?: number,
  order?: () => Promise<readonly string[]>,
) {
  const sink = newBuilder();
  return { table: await readHeadHistory(repo, head, folders, sink, logPart, order), sink };
}

/**
 * Adds raw_commits that are not in HEAD's history (and their ancestors), and builds the commit
 * graph. Those commits can never be in raw..HEAD, so they are only needed for ancestry.
 */
export async function completeHistory(
  repo: Repo,
  base: HeadHistory,
  rawCommits: readonly string[],
): Promise<HistoryModel> {
  const { table } = base;
  const headCount = table.hashes.length;
  const outside = rawCommits.filter((r) => !table.index.has(r));
  await readCommits(repo, table, outside, [table.hashes[base.head] as string]);
  const fromHead = new Uint8Array(table.hashes.length);
  fromHead.fill(1, 0, headCount);
  const graph = buildGraph(table.parents);
  return { table, graph, index: base.index, head: base.head, fromHead };
}

/**
 * The model with commits outside it added (a raw_commit a page names only after the scan), as
 * completeHistory adds them: only for ancestry, never in raw..HEAD. The model itself is kept.
 */
export async function withCommits(
  repo: Repo,
  model: HistoryModel,
  hashes: readonly string[],
): Promise<HistoryModel> {
  const { table } = model;
  const outside = hashes.filter((h) => !table.index.has(h));
  if (outside.length === 0) return model;
  await readCommits(repo, table, outside, [table.hashes[model.head] as string]);
  const fromHead = new Uint8Array(table.hashes.length);
  fromHead.set(model.fromHead);
  return { ...model, graph: buildGraph(table.parents), fromHead };
}
