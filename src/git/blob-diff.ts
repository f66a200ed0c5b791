// Line counts for many pairs of blobs in one `git diff-tree --numstat`. git can only diff trees
// in bulk, so the pairs are put into two temporary trees (entry i of one against entry i of the
// other) written to a scratch object folder, never into the repository. The counts are git's
// own, which is what users compare against: git's diff is not always minimal, so another diff
// implementation would sometimes disagree.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { AppError } from "../errors.js";
import { isFullHash } from "./revision.js";
import type { Repo } from "./run.js";
import { NulSplitter, runGit } from "./run.js";
import { writeBlobTree } from "./tree-object.js";

/** Added and removed lines; null for a binary file. */
export type Numstat = { added: number; removed: number } | null;

/** A blob before and after; null before means the file did not exist yet. */
export type BlobPair = readonly [string | null, string];

/** Two git processes share the diff work on a 2-core machine. */
const PARTS = 2;
const NAME_WIDTH = 8;

/**
 * git's line counts for each pair, in order. `algorithm` is diff.algorithm from the
 * repository's config: `git diff` honours it and `git diff-tree` does not, so it is passed on to
 * keep the counts equal to what users see. The scratch folder exists only while git counts, and
 * is removed even if the process exits meanwhile.
 */
export async function diffBlobPairs(
  repo: Repo,
  objectDir: string,
  algorithm: string | null,
  pairs: readonly BlobPair[],
): Promise<Numstat[]> {
  const out: Numstat[] = new Array(pairs.length).fill(null);
  if (pairs.length === 0) return out;
  for (const [before, after] of pairs) {
    if ((before !== null && !isFullHash(before)) || !isFullHash(after)) {
      throw new AppError(2, "internal: unvalidated object name");
    }
  }
  const scratch = mkdtempSync(path.join(tmpdir(), "translation-status-"));
  const removeNow = () => rmSync(scratch, { recursive: true, force: true });
  process.once("exit", removeNow);
  try {
    const objects = { dir: path.join(scratch, "objects"), repoObjects: objectDir };
    // An empty work tree: the entries have made-up names, so the repository's .gitattributes
    // (which a pull request controls) must not be matched against them.
    const scratchRepo: Repo = { gitDir: repo.gitDir, workTree: path.join(scratch, "work") };
    mkdirSync(objects.dir);
    mkdirSync(scratchRepo.workTree);
    const algorithmArgs =
      algorithm && ALGORITHMS.includes(algorithm) ? [`--diff-algorithm=${algorithm}`] : [];
    const size = Math.ceil(pairs.length / PARTS);
    const parts: Array<Promise<void>> = [];
    for (let start = 0; start < pairs.length; start += size) {
      const end = Math.min(start + size, pairs.length);
      const trees = writeTrees(objects.dir, pairs, start, end);
      parts.push(
        runGit(
          scratchRepo,
          [
            "diff-tree",
            "-r",
            "-z",
            "--numstat",
            "--no-renames",
            "--no-textconv",
            "--no-ext-diff",
            ...algorithmArgs,
            trees.before,
            trees.after,
          ],
          { scratchObjects: objects },
        ).then((res) => readNumstat(res.stdout, start, end, out)),
      );
    }
    await Promise.all(parts);
  } finally {
    process.off("exit", removeNow);
    await rm(scratch, { recursive: true, force: true });
  }
  return out;
}

/** Two trees for pairs[start..end): entry i of one against entry i of the other. */
function writeTrees(
  objectsDir: string,
  pairs: readonly BlobPair[],
  start: number,
  end: number,
): { before: string; after: string } {
  const hexLength = (pairs[start] as BlobPair)[1].length;
  const beforeNames: string[] = [];
  const beforeOids: string[] = [];
  const afterNames: string[] = [];
  const afterOids: string[] = [];
  for (let i = start; i < end; i++) {
    const [b, a] = pairs[i] as BlobPair;
    const entry = String(i).padStart(NAME_WIDTH, "0");
    if (b !== null) {
      beforeNames.push(entry);
      beforeOids.push(b);
    }
    afterNames.push(entry);
    afterOids.push(a);
  }
  return {
    before: writeBlobTree(objectsDir, beforeNames, beforeOids, hexLength),
    after: writeBlobTree(objectsDir, afterNames, afterOids, hexLength),
  };
}

const ALGORITHMS = ["myers", "minimal", "patience", "histogram"];

/**
 * "added<TAB>removed<TAB>name" records; names are our own digits, so the split is unambiguous.
 * Entries git does not list are unchanged.
 */
function readNumstat(output: Buffer, start: number, end: number, out: Numstat[]): void {
  const listed = new Set<number>();
  const splitter = new NulSplitter((record) => {
    const [a = "", r = "", entry = ""] = record.split("\t");
    const i = Number(entry);
    if (!Number.isInteger(i) || i < start || i >= end)
      throw new AppError(2, "unexpected output from git diff-tree");
    listed.add(i);
    out[i] = a === "-" ? null : { added: Number(a), removed: Number(r) };
  });
  splitter.push(output);
  splitter.end();
  for (let i = start; i < end; i++) if (!listed.has(i)) out[i] = { added: 0, removed: 0 };
}
