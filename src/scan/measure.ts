// What changed in each page's English source since its raw_commit, from git itself: one
// `git diff --raw --numstat` per distinct raw_commit (and per 250 pages), never one per page.
import { diffFiles, type FileDiff } from "../git/numstat.js";
import type { Repo } from "../git/run.js";

export interface MeasureJob {
  rawHash: string;
  /** Source path at raw_commit (differs from `to` for moved pages). */
  from: string;
  /** Source path at HEAD (the old path again for a deleted source). */
  to: string;
}

/** A job's answer: the diff, or "same" when git sees no difference. */
export type Measured = FileDiff | "same";

/** Two groups at once: git's diff work, not process start-up, dominates on a 2-core machine. */
const CONCURRENCY = 2;

export async function measure(
  repo: Repo,
  head: string,
  jobs: readonly MeasureJob[],
  renames: boolean,
): Promise<Map<MeasureJob, Measured>> {
  const results = new Map<MeasureJob, Measured>();
  const groups = new Map<string, MeasureJob[]>();
  for (const job of jobs) {
    const g = groups.get(job.rawHash);
    if (g) g.push(job);
    else groups.set(job.rawHash, [job]);
  }
  const tasks = [...groups].map(([raw, group]) => async () => {
    const paths = [...new Set(group.flatMap((j) => (j.from === j.to ? [j.to] : [j.from, j.to])))];
    const diffs = await diffFiles(repo, raw, head, paths, renames);
    for (const job of group) results.set(job, diffs.get(job.to) ?? "same");
  });
  let next = 0;
  const worker = async () => {
    for (let t = tasks[next++]; t; t = tasks[next++]) await t();
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return results;
}
