// Line counts for pages whose English source changed, from git itself: one `git diff --numstat`
// per distinct raw_commit (and per thousand pages), never one per page.
import { diffNumstat } from "../git/numstat.js";
import type { Repo } from "../git/run.js";
import type { PageReport } from "../core/types.js";

export interface MeasureJob {
  page: PageReport;
  rawHash: string;
  /** Source path at raw_commit (differs from `to` for moved pages). */
  from: string;
  /** Source path at HEAD. */
  to: string;
}

/** Two groups at once: git's diff work, not process start-up, dominates on a 2-core machine. */
const CONCURRENCY = 2;

export async function measure(repo: Repo, head: string, jobs: readonly MeasureJob[]): Promise<void> {
  const groups = new Map<string, { plain: MeasureJob[]; moved: MeasureJob[] }>();
  for (const job of jobs) {
    let g = groups.get(job.rawHash);
    if (!g) {
      g = { plain: [], moved: [] };
      groups.set(job.rawHash, g);
    }
    (job.from === job.to ? g.plain : g.moved).push(job);
  }
  const tasks: Array<() => Promise<void>> = [];
  for (const [raw, g] of groups) {
    if (g.plain.length > 0) tasks.push(() => apply(repo, raw, head, g.plain, false));
    // Renamed sources are diffed with rename detection, apart from the rest, so an unrelated
    // added or deleted page can never be paired with them.
    if (g.moved.length > 0) tasks.push(() => apply(repo, raw, head, g.moved, true));
  }
  let next = 0;
  const worker = async () => {
    for (let t = tasks[next++]; t; t = tasks[next++]) await t();
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

async function apply(repo: Repo, raw: string, head: string, jobs: MeasureJob[], renames: boolean) {
  const paths = [...new Set(jobs.flatMap((j) => (renames ? [j.from, j.to] : [j.to])))];
  const counts = await diffNumstat(repo, raw, head, paths, renames);
  for (const job of jobs) {
    const c = counts.get(job.to);
    if (c === undefined) {
      // No entry means git sees no difference for this path.
      job.page.linesAdded = 0;
      job.page.linesRemoved = 0;
    } else if (c === null) {
      job.page.warnings.push("no line counts: the English source is a binary file");
    } else {
      job.page.linesAdded = c.added;
      job.page.linesRemoved = c.removed;
    }
  }
}
