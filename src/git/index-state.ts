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
  const tags = new TagCheck();
  const untracked: string[] = [];
  const others = new NulSplitter((record) => {
    if (record !== "") untracked.push(record);
  });
  const [diff] = await Promise.all([
    runGit(repo, ["diff-files", "--quiet", "--", ...specs], { okCodes: [1] }),
    runGit(repo, ["ls-files", "-v", "-z", "--", ...specs], {
      onStdout: (chunk) => tags.push(chunk),
      buffered: true,
    }),
    runGit(repo, ["ls-files", "--others", "-z", "--", ...specs], {
      onStdout: (chunk) => others.push(chunk),
      buffered: true,
    }),
  ]);
  others.end();
  if (diff.code !== 0 || !tags.allLooked || indexTrailer(repo) !== before) return null;
  return { index: before, untracked };
}

const H = 0x48;
const NUL = 0;

/**
 * Reads `git ls-files -v -z` for one fact: whether every entry has tag "H", an ordinary entry
 * whose file git looks at. Only the byte after each NUL matters, so the paths (a megabyte for
 * 15,000 pages) are never made into strings.
 */
class TagCheck {
  allLooked = true;
  private atStart = true;

  push(chunk: Buffer): void {
    if (!this.allLooked || chunk.length === 0) return;
    if (this.atStart && chunk[0] !== H) this.allLooked = false;
    for (let at = chunk.indexOf(NUL); at !== -1 && this.allLooked; ) {
      if (at + 1 < chunk.length && chunk[at + 1] !== H) this.allLooked = false;
      at = chunk.indexOf(NUL, at + 1);
    }
    this.atStart = chunk[chunk.length - 1] === NUL;
  }
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
