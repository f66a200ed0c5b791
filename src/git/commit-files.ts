// The files each of many commits changed, in one `git diff-tree --stdin` (never one git per
// commit). A merge is compared with its first parent, as the history is read.
import { decodeBytes } from "../core/path-bytes.js";
import type { Repo } from "./run.js";
import { runGit } from "./run.js";

/** For each commit (full hashes), the repo-relative paths it changed; a commit that changed
 * nothing is absent. */
export async function filesChangedBy(
  repo: Repo,
  hashes: readonly string[],
): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (hashes.length === 0) return out;
  const { stdout } = await runGit(
    repo,
    [
      "diff-tree",
      "--stdin",
      "-r",
      "-z",
      "--name-only",
      "--no-renames",
      "--root",
      "--diff-merges=first-parent",
    ],
    { input: `${hashes.join("\n")}\n` },
  );
  // Records are NUL-terminated: a commit's hash (one of those asked, in order), then its paths.
  const asked = new Set(hashes);
  let current: Set<string> | null = null;
  let start = 0;
  for (let i = stdout.indexOf(0); i >= 0; i = stdout.indexOf(0, start)) {
    const record = stdout.subarray(start, i);
    start = i + 1;
    const text = decodeBytes(record);
    if (asked.has(text) && !out.has(text)) {
      current = new Set();
      out.set(text, current);
    } else current?.add(text);
  }
  return out;
}
