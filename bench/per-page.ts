// The obvious approach the scan replaces: two git processes per page. The benchmark times it,
// and tests use it as the reference the fast path must agree with, page by page.
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import type { PageReport } from "../src/core/types.js";
import { gitEnv } from "../src/git/run.js";

export interface PerPageAnswer {
  commitsBehind: number;
  linesAdded: number | null;
  linesRemoved: number | null;
}

const git = (dir: string, args: string[]): string =>
  execFileSync("git", ["-c", "core.hooksPath=/dev/null", ...args], {
    cwd: dir,
    env: gitEnv(),
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });

/** git always knows the empty blob, so a source that did not exist yet diffs against it. */
const EMPTY_BLOB = "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391";

function exists(dir: string, object: string): boolean {
  try {
    git(dir, ["cat-file", "-e", object]);
    return true;
  } catch {
    return false;
  }
}

/** What plain git says for one page with a resolvable raw_commit, following its lineage if moved. */
export function perPage(dir: string, page: PageReport): PerPageAnswer | null {
  if (!page.rawCommit || page.commitsBehind === null) return null;
  const raw = page.rawCommit;
  const paths = page.movedFrom ? [page.movedFrom, page.sourcePath] : [page.sourcePath];
  const count = Number(git(dir, ["rev-list", "--count", `${raw}..HEAD`, "--", ...paths]).trim());
  if (page.status === "source-missing")
    return { commitsBehind: count, linesAdded: null, linesRemoved: null };
  const before = `${raw}:${page.movedFrom ?? page.sourcePath}`;
  const numstat = git(dir, [
    "diff",
    "--numstat",
    exists(dir, before) ? before : EMPTY_BLOB,
    `HEAD:${page.sourcePath}`,
  ]).trim();
  const [added = "0", removed = "0"] = numstat.split("\t");
  return {
    commitsBehind: count,
    linesAdded: numstat === "" ? 0 : Number(added),
    linesRemoved: numstat === "" ? 0 : Number(removed),
  };
}

const run = promisify(execFile);

/**
 * Exactly the two commands a per-page tool would run, for timing: the commit count and the line
 * counts of one page's English source.
 */
export async function perPageTimed(dir: string, page: PageReport): Promise<void> {
  const raw = page.rawCommit as string;
  const options = { cwd: dir, env: gitEnv(), maxBuffer: 64 * 1024 * 1024 };
  await run("git", ["rev-list", "--count", `${raw}..HEAD`, "--", page.sourcePath], options);
  await run("git", ["diff", "--numstat", raw, "HEAD", "--", page.sourcePath], options);
}

/**
 * The per-page approach's time for every page with a commit range, from a sample of `sample` of
 * them spread over the report (two processes per page take minutes on a large site).
 */
export async function perPageExtrapolated(
  dir: string,
  pages: readonly PageReport[],
  sample: number,
): Promise<{ ms: number; sampled: number; ranged: number }> {
  const ranged = pages.filter((p) => p.commitsBehind !== null && p.rawCommit);
  const step = Math.max(1, Math.floor(ranged.length / sample));
  const chosen = ranged.filter((_, i) => i % step === 0).slice(0, sample);
  const t0 = performance.now();
  for (const page of chosen) await perPageTimed(dir, page);
  const ms = ((performance.now() - t0) / chosen.length) * ranged.length;
  return { ms, sampled: chosen.length, ranged: ranged.length };
}

/** Every page with a commit range checked against `perPage`: how many, and which disagree. */
export function compareWithGit(
  dir: string,
  pages: readonly PageReport[],
): { checked: number; mismatches: string[] } {
  let checked = 0;
  const mismatches: string[] = [];
  for (const page of pages) {
    const want = perPage(dir, page);
    if (!want) continue;
    checked++;
    const got = {
      commitsBehind: page.commitsBehind,
      linesAdded: page.linesAdded,
      linesRemoved: page.linesRemoved,
    };
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      mismatches.push(
        `${page.path} (${page.status}): tool ${JSON.stringify(got)}, git ${JSON.stringify(want)}`,
      );
    }
  }
  return { checked, mismatches };
}
