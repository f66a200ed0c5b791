// Line counts for many pairs of blobs in one `git diff-tree --numstat`. git can only diff trees
// in bulk, so the pairs are put into two temporary trees (entry i of one against entry i of the
// other) written to a scratch object folder, never into the repository. The counts are git's
// own, which is what users compare against: git's diff is not always minimal, so another diff
// implementation would sometimes disagree.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { AppError } from "../errors.js";
import { isFullHash } from "./revision.js";
import type { Repo } from "./run.js";
import { NulSplitter, runGit } from "./run.js";

/** Added and removed lines; null for a binary file. */
export type Numstat = { added: number; removed: number } | null;

/** A blob before and after; null before means the file did not exist yet. */
export type BlobPair = readonly [string | null, string];

/** Two git processes share the diff work on a 2-core machine. */
const PARTS = 2;
const NAME_WIDTH = 8;

export async function diffBlobPairs(
  repo: Repo,
  objectDir: string,
  pairs: readonly BlobPair[],
): Promise<Numstat[]> {
  const out: Numstat[] = new Array(pairs.length).fill(null);
  if (pairs.length === 0) return out;
  for (const [before, after] of pairs) {
    if ((before !== null && !isFullHash(before)) || !isFullHash(after)) {
      throw new AppError(2, "internal: unvalidated object name");
    }
  }
  const scratch = await mkdtemp(path.join(tmpdir(), "translation-status-"));
  const objects = { dir: path.join(scratch, "objects"), repoObjects: objectDir };
  // An empty work tree: the entries have made-up names, so the repository's .gitattributes
  // (which a pull request controls) must not be matched against them.
  const scratchRepo: Repo = { gitDir: repo.gitDir, workTree: path.join(scratch, "work") };
  try {
    await mkdir(objects.dir);
    await mkdir(scratchRepo.workTree);
    const algorithm = await diffAlgorithm(repo);
    const size = Math.ceil(pairs.length / PARTS);
    const parts: Array<Promise<void>> = [];
    for (let start = 0; start < pairs.length; start += size) {
      const end = Math.min(start + size, pairs.length);
      parts.push(diffPart(scratchRepo, objects, algorithm, pairs, start, end, out));
    }
    await Promise.all(parts);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return out;
}

/**
 * `git diff` honours diff.algorithm from the config and `git diff-tree` does not; passing it on
 * keeps the counts equal to what `git diff --numstat` shows the user.
 */
async function diffAlgorithm(repo: Repo): Promise<string[]> {
  const res = await runGit(repo, ["config", "--get", "diff.algorithm"], { okCodes: [1] });
  const value = res.stdout.toString("utf8").trim().toLowerCase();
  return ["myers", "minimal", "patience", "histogram"].includes(value)
    ? [`--diff-algorithm=${value}`]
    : [];
}

async function diffPart(
  repo: Repo,
  objects: { dir: string; repoObjects: string },
  algorithm: readonly string[],
  pairs: readonly BlobPair[],
  start: number,
  end: number,
  out: Numstat[],
): Promise<void> {
  const name = (i: number) => String(i).padStart(NAME_WIDTH, "0");
  let before = "";
  let after = "";
  for (let i = start; i < end; i++) {
    const [b, a] = pairs[i] as BlobPair;
    if (b !== null) before += `100644 blob ${b}\t${name(i)}\0`;
    after += `100644 blob ${a}\t${name(i)}\0`;
  }
  const [oldTree, newTree] = await Promise.all([
    makeTree(repo, objects, before),
    makeTree(repo, objects, after),
  ]);
  const unchanged = new Set<number>();
  for (let i = start; i < end; i++) unchanged.add(i);
  const splitter = new NulSplitter((record) => {
    if (record === "") return;
    // "added<TAB>removed<TAB>name": names are our own digits, so the split is unambiguous.
    const [a = "", r = "", entry = ""] = record.split("\t");
    const i = Number(entry);
    if (!Number.isInteger(i) || i < start || i >= end)
      throw new AppError(2, "unexpected output from git diff-tree");
    unchanged.delete(i);
    out[i] = a === "-" ? null : { added: Number(a), removed: Number(r) };
  });
  await runGit(
    repo,
    [
      "diff-tree",
      "-r",
      "-z",
      "--numstat",
      "--no-renames",
      "--no-textconv",
      "--no-ext-diff",
      ...algorithm,
      oldTree,
      newTree,
    ],
    { scratchObjects: objects, onStdout: (c) => splitter.push(c) },
  );
  splitter.end();
  for (const i of unchanged) out[i] = { added: 0, removed: 0 };
}

async function makeTree(
  repo: Repo,
  objects: { dir: string; repoObjects: string },
  entries: string,
): Promise<string> {
  const res = await runGit(repo, ["mktree", "-z", "--missing"], {
    input: entries,
    scratchObjects: objects,
  });
  const tree = res.stdout.toString("utf8").trim();
  if (!isFullHash(tree)) throw new AppError(2, "unexpected output from git mktree");
  return tree;
}
