// What git's index vouches for below some folders: when `git diff-files` finds no tracked file
// there that differs from the index (git compares the files' stat data, and the content of any
// file written too recently for that), the index file names the bytes of every tracked file.
// Two git processes that run beside the tool's own start, instead of a look at every file from
// Node. Files the index does not track are the caller's to name.
import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import path from "node:path";
import { decodeBytes } from "../core/path-bytes.js";
import { type Repo, runGit } from "./run.js";

export interface IndexState {
  /** The index file's size and trailing checksum: what git recorded of the tracked files. */
  index: string;
  /** With `paths`, the tracked files below the folders, repo-relative. */
  tracked: Set<string> | null;
  /** A hash of the index's entries below the folders (each file's path, mode and blob): the
   * same while those files are, whatever else the index holds. */
  entries: string;
}

/** Long enough for the checksum of either object format (SHA-1 or SHA-256). */
const TRAILER = 32;

/**
 * A repository's settings can loosen git's check of a file against the index (not comparing
 * change times, or comparing only some stat fields); it is made in full here. A stricter check
 * can only find more files changed, never fewer.
 */
const FULL_CHECK = ["-c", "core.trustctime=true", "-c", "core.checkStat=default"];

/**
 * The state of the tracked files below `folders` (repo-relative), or null when the index does
 * not vouch for them: a tracked file differs from it, an entry is marked for git not to look at
 * its file (assume-unchanged, skip-worktree) or is a submodule (whose files it does not name),
 * the index has no checksum (index.skipHash), or it changed while it was being read.
 */
export async function indexState(
  repo: Repo,
  folders: readonly string[],
  paths = false,
): Promise<IndexState | null> {
  const before = indexTrailer(repo);
  if (before === null || folders.length === 0) return null;
  const specs = folders.map((f) => `${f}/`);
  const [diff, listed] = await Promise.all([
    runGit(repo, [...FULL_CHECK, "diff-files", "--quiet", "--", ...specs], { okCodes: [1] }),
    runGit(repo, ["ls-files", "-s", "-v", "-z", "--", ...specs], { buffered: true }),
  ]);
  if (diff.code !== 0 || indexTrailer(repo) !== before) return null;
  const tracked = paths ? new Set<string>() : null;
  if (!plainEntries(listed.stdout, tracked)) return null;
  const entries = createHash("sha256").update(listed.stdout).digest("hex");
  return { index: before, tracked, entries };
}

/**
 * Whether the index is still `state.index` (so it names the same entries, with the same marks)
 * and git still vouches for the tracked files below `folders` against it: the state taken
 * again, in one git process, when nothing new needs to be named.
 */
export async function stillVouches(
  repo: Repo,
  folders: readonly string[],
  state: IndexState,
): Promise<boolean> {
  if (indexTrailer(repo) !== state.index || folders.length === 0) return false;
  const specs = folders.map((f) => `${f}/`);
  const diff = await runGit(repo, [...FULL_CHECK, "diff-files", "--quiet", "--", ...specs], {
    okCodes: [1],
  });
  return diff.code === 0 && indexTrailer(repo) === state.index;
}

const H = 0x48;
const SPACE = 0x20;
const ONE = 0x31;
const SIX = 0x36;
const TAB = 0x09;

/**
 * Whether every entry of `git ls-files -s -v -z` ("<tag> <mode> <blob> <stage>\t<path>") is an
 * ordinary one (tag "H") and not a submodule (mode 160000), adding the paths to `into` if given.
 * Without paths, only the bytes after each NUL are looked at: a megabyte of paths for 15,000
 * pages is never made into strings.
 */
function plainEntries(out: Buffer, into: Set<string> | null): boolean {
  for (let start = 0; start < out.length; ) {
    const end = out.indexOf(0, start);
    const stop = end === -1 ? out.length : end;
    const plain =
      out[start] === H &&
      out[start + 1] === SPACE &&
      !(out[start + 2] === ONE && out[start + 3] === SIX);
    if (!plain) return false;
    if (into) {
      const tab = out.indexOf(TAB, start);
      if (tab === -1 || tab > stop) return false;
      into.add(decodeBytes(out.subarray(tab + 1, stop)));
    }
    start = stop + 1;
  }
  return true;
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
