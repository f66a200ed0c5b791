// The author dates of a few commits, in one `git log --no-walk` (never one git per commit): the
// date lint's `date-before-commit` compares a page's translation date with.
import { AppError } from "../errors.js";
import { isFullHash } from "./revision.js";
import { type Repo, runGit } from "./run.js";

/** Each commit's author date (ISO 8601 with offset, as the scan's history records it), by full
 * hash. */
export async function authorDates(
  repo: Repo,
  hashes: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const asked = [...new Set(hashes)];
  if (asked.length === 0) return out;
  if (!asked.every(isFullHash)) throw new AppError(2, "internal: unvalidated revision");
  const { stdout } = await runGit(
    repo,
    ["log", "--no-walk=unsorted", "--no-mailmap", "--format=%H %aI", "--stdin", "--"],
    { input: `${asked.join("\n")}\n` },
  );
  for (const line of stdout.toString("latin1").split("\n")) {
    const [hash, date] = line.split(" ");
    if (hash && date && isFullHash(hash)) out.set(hash, date);
  }
  if (asked.some((h) => !out.has(h))) throw new AppError(2, "unexpected output from git log");
  return out;
}
