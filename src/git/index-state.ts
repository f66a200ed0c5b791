// What git's index vouches for below some folders: when `git diff-files` finds no tracked file
// there that differs from the index (git compares the files' stat data, and the content of any
// file written too recently for that), the index file names the bytes of every tracked file, and
// the list of untracked files names the rest. Three git processes that run beside the tool's
// own start, instead of a look at every file from Node.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import path from "node:path";
import { NulSplitter, type Repo, runGit } from "./run.js";

export interface IndexState {
  /** The index file's size and trailing checksum: what git recorded of the tracked files. */
  index: string;
  /** Files below the folders that git does not track, ignored ones too, as git lists them
   * (a folder holding a repository of its own ends in "/"). */
  untracked: string[];
}

/** Long enough for the checksum of either object format (SHA-1 or SHA-256). */
const TRAILER = 32;

/**
 * The state of the files below `folders` (repo-relative), or null when the index does not vouch
 * for them: a tracked file differs from it, an entry is marked for git not to look at the file
 * (assume-unchanged, skip-worktree), the index has no checksum (index.skipHash), or the index
 * changed while it was being read.
 */
export async function indexState(
  repo: Repo,
  folders: readonly string[],
): Promise<IndexState | null> {
  const before = indexTrailer(repo);
  if (before === null || folders.length === 0) return null;
  const specs = folders.map((f) => `${f}/`);
  let looked = true;
  const flags = new NulSplitter((record) => {
    // Tag "H": an ordinary entry, whose file git looks at.
    if (record !== "" && !record.startsWith("H ")) looked = false;
  });
  const untracked: string[] = [];
  const others = new NulSplitter((record) => {
    if (record !== "") untracked.push(record);
  });
  const [diff] = await Promise.all([
    runGit(repo, ["diff-files", "--quiet", "--", ...specs], { okCodes: [1] }),
    runGit(repo, ["ls-files", "-v", "-z", "--", ...specs], {
      onStdout: (chunk) => flags.push(chunk),
      buffered: true,
    }),
    runGit(repo, ["ls-files", "--others", "-z", "--", ...specs], {
      onStdout: (chunk) => others.push(chunk),
      buffered: true,
    }),
  ]);
  flags.end();
  others.end();
  if (diff.code !== 0 || !looked || indexTrailer(repo) !== before) return null;
  return { index: before, untracked };
}

/** The index file's size and last bytes, in hex; null without an index or its checksum. */
function indexTrailer(repo: Repo): string | null {
  let fd: number;
  try {
    fd = openSync(path.join(repo.gitDir, "index"), "r");
  } catch {
    return null;
  }
  try {
    const { size } = fstatSync(fd);
    if (size < TRAILER) return null;
    const tail = Buffer.alloc(TRAILER);
    if (readSync(fd, tail, 0, TRAILER, size - TRAILER) !== TRAILER) return null;
    // index.skipHash writes zeros where the checksum goes: nothing then names the contents.
    if (tail.subarray(TRAILER - 20).every((b) => b === 0)) return null;
    return `${size} ${tail.toString("hex")}`;
  } finally {
    closeSync(fd);
  }
}
