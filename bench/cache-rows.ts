// The benchmark's rows for the cache and the cold scan of a server-made clone. A repository
// made with `git fast-import` is packed without the deltas a server's pack has; a clone from
// GitHub is one pack of deltified objects, which git must inflate through delta chains. So the
// reference repository is cloned and `git repack -adf` is run on the copy (once, kept beside
// it), and these rows measure that copy. Each row's ratio is taken against the floor in the
// same turn, on the same repository.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gitEnv } from "../src/git/run.js";

export interface CacheBench {
  runs: number;
  /** Times `scan --format json` with these extra arguments. */
  timeScan: (repo: string, extra: readonly string[]) => Promise<{ ms: number; maxRssKb: number }>;
  floor: (repo: string) => Promise<number>;
  log: (line: string) => void;
}

export type Row = [string, string, string];

/** Commits a rescan finds since the cached HEAD, in the row that measures them. */
const NEW_COMMITS = 10;

export async function cacheRows(reference: string, b: CacheBench): Promise<Row[]> {
  const repo = repacked(reference, b.log);
  const scratch = mkdtempSync(path.join(os.tmpdir(), "translation-status-bench-"));
  try {
    const warm = path.join(scratch, "warm");
    const ahead = path.join(scratch, "ahead");
    const base = git(repo, ["rev-parse", "main"]);
    const later = git(repo, ["rev-parse", "bench-later"]);
    // A cache made at `main`, and one made at NEW_COMMITS commits later.
    git(repo, ["checkout", "-q", "--detach", base]);
    await b.timeScan(repo, ["--cache-dir", ahead]);
    cpSync(ahead, warm, { recursive: true });
    git(repo, ["checkout", "-q", "--detach", later]);
    await b.timeScan(repo, ["--cache-dir", warm]);
    const turns: Array<{ floor: number; cold: number; rss: number; hit: number; moved: number }> =
      [];
    for (let i = 0; i < b.runs; i++) {
      const floor = await b.floor(repo);
      const cold = await b.timeScan(repo, ["--no-cache"]);
      const hit = await b.timeScan(repo, ["--cache-dir", warm]);
      // The cache of `main`, fresh each turn: the rescan finds the new commits since it.
      const copy = path.join(scratch, `moved-${i}`);
      cpSync(ahead, copy, { recursive: true });
      const moved = await b.timeScan(repo, ["--cache-dir", copy]);
      turns.push({ floor, cold: cold.ms, rss: cold.maxRssKb, hit: hit.ms, moved: moved.ms });
    }
    git(repo, ["checkout", "-q", "main"]);
    const ratio = (pick: (t: (typeof turns)[number]) => number) =>
      median(turns.map((t) => pick(t) / t.floor));
    const floor = median(turns.map((t) => t.floor));
    const ms = (x: number) => `${Math.round(x)} ms`;
    return [
      ["repacked clone (git repack -adf): floor", ms(floor), ""],
      [
        "repacked clone: cold full JSON scan (--no-cache)",
        ms(median(turns.map((t) => t.cold))),
        `${ratio((t) => t.cold).toFixed(2)}× the floor (target ≤ 1.5×)`,
      ],
      [
        "repacked clone: rescan, nothing changed (cache hit)",
        ms(median(turns.map((t) => t.hit))),
        `${ratio((t) => t.hit).toFixed(2)}× the floor (target ≤ 0.35×)`,
      ],
      [
        `repacked clone: rescan after ${NEW_COMMITS} new commits`,
        ms(median(turns.map((t) => t.moved))),
        `${ratio((t) => t.moved).toFixed(2)}× the floor (target ≤ 0.5×)`,
      ],
      [
        "repacked clone: peak RSS, cold scan",
        `${Math.round(Math.max(...turns.map((t) => t.rss)) / 1024)} MB`,
        "target ≤ 200 MB",
      ],
    ];
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The reference repository as a server would hand it out: cloned, repacked with fresh deltas,
 * and given NEW_COMMITS more commits on a branch `bench-later` (English edits). Made once.
 */
function repacked(reference: string, log: (line: string) => void): string {
  const dir = `${reference}-repacked`;
  const marker = path.join(dir, ".git", "translation-status-bench");
  if (existsSync(marker)) return dir;
  log(`cloning and repacking ${path.basename(reference)} (once; about a minute)`);
  rmSync(dir, { recursive: true, force: true });
  // Not gitEnv(): it allows no transport, and this clone is local.
  execFileSync("git", ["clone", "-q", "--no-local", reference, dir]);
  git(dir, ["repack", "-adf", "-q"]);
  git(dir, ["checkout", "-q", "-b", "bench-later"]);
  const pages = git(dir, ["ls-files", "content/en"]).split("\n").slice(0, NEW_COMMITS);
  pages.forEach((page, i) => {
    const date = `${Date.UTC(2030, 0, 1) / 1000 + i * 3600} +0000`;
    execFileSync("sh", ["-c", 'printf "\\nOne more line.\\n" >> "$1"', "sh", page], { cwd: dir });
    git(dir, ["add", "--", page]);
    execFileSync("git", ["commit", "-q", "-m", `Bench: edit ${page}`], {
      cwd: dir,
      env: {
        ...gitEnv(),
        GIT_AUTHOR_NAME: "Bench",
        GIT_AUTHOR_EMAIL: "bench@example.com",
        GIT_COMMITTER_NAME: "Bench",
        GIT_COMMITTER_EMAIL: "bench@example.com",
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      },
    });
  });
  git(dir, ["checkout", "-q", "main"]);
  writeFileSync(marker, "repacked\n");
  return dir;
}

function git(cwd: string, args: readonly string[]): string {
  return execFileSync("git", ["-c", "core.hooksPath=/dev/null", ...args], {
    cwd,
    env: gitEnv(),
    maxBuffer: 256 * 1024 * 1024,
  })
    .toString()
    .trim();
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}
