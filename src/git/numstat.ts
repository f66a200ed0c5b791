// Line counts exactly as `git diff --numstat` gives them: git's diff is not always minimal, so
// counting with another diff implementation would disagree with what users see in git.
import type { Repo } from "./run.js";
import { NulSplitter, runGit } from "./run.js";

export type Numstat = { added: number; removed: number } | null;

/** Paths per git process: far below the kernel's argument size limit even for long paths. */
const PATHS_PER_CALL = 1000;

/**
 * Counts for `paths` between two commits, keyed by the path at `to`. With `renames`, a file
 * renamed between the commits is counted against its old version (pass both paths).
 * Binary files map to null.
 */
export async function diffNumstat(
  repo: Repo,
  from: string,
  to: string,
  paths: readonly string[],
  renames: boolean,
): Promise<Map<string, Numstat>> {
  const out = new Map<string, Numstat>();
  for (let i = 0; i < paths.length; i += PATHS_PER_CALL) {
    const chunk = paths.slice(i, i + PATHS_PER_CALL);
    const fields: string[] = [];
    const splitter = new NulSplitter((record) => fields.push(record.toString("utf8")));
    await runGit(
      repo,
      [
        "diff", "--numstat", "-z", "--no-textconv", "--no-ext-diff", "--no-color",
        renames ? "--find-renames=1%" : "--no-renames",
        from, to, "--", ...chunk,
      ],
      { onStdout: (c) => splitter.push(c) },
    );
    splitter.end();
    parseNumstat(fields, out);
  }
  return out;
}

/** `-z` numstat: "A\tR\tpath" records, or "A\tR\t" followed by old and new path records. */
function parseNumstat(fields: readonly string[], out: Map<string, Numstat>): void {
  for (let i = 0; i < fields.length; i++) {
    const head = fields[i] as string;
    if (head === "") continue;
    const [a = "", r = "", path = ""] = head.split("\t", 3);
    const counts = a === "-" ? null : { added: Number(a), removed: Number(r) };
    if (path !== "") {
      out.set(path, counts);
      continue;
    }
    const newPath = fields[i + 2];
    if (newPath !== undefined) out.set(newPath, counts);
    i += 2;
  }
}
