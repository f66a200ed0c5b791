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
import { settleLater } from "../settle.js";
import { isFullHash } from "./revision.js";
import type { Repo } from "./run.js";
import { InputFeed, NulSplitter, runGit } from "./run.js";
import { writeBlobTree } from "./tree-object.js";

/** Added and removed lines; null for a binary file. */
export type Numstat = { added: number; removed: number } | null;

/** A blob before and after; null before means the file did not exist yet. */
export type BlobPair = readonly [string | null, string];

/** Two git processes share the diff work on a 2-core machine. */
const PARTS = 2;
const NAME_WIDTH = 8;

export interface LineCounter {
  /** git's line counts for each pair, in order. Call it once. */
  count(pairs: readonly BlobPair[]): Promise<Numstat[]>;
  /** Ends the git processes still waiting and removes the scratch folder; safe to repeat. */
  close(): Promise<void>;
}

/**
 * Starts the git processes that will count lines, before the pairs are known: they wait on
 * their input meanwhile. Starting a process costs more once the scan holds the whole history
 * in memory (the fork copies it), and this takes the start-up off the scan's last stretch.
 * `algorithm` is diff.algorithm from the repository's config: `git diff` honours it and
 * `git diff-tree` does not, so it is passed on to keep the counts equal to what users see.
 */
export function startLineCounter(
  repo: Repo,
  objectDir: string,
  algorithm: string | null,
): LineCounter {
  const scratch = mkdtempSync(path.join(tmpdir(), "translation-status-"));
  const objects = { dir: path.join(scratch, "objects"), repoObjects: objectDir };
  // An empty work tree: the entries have made-up names, so the repository's .gitattributes
  // (which a pull request controls) must not be matched against them.
  const scratchRepo: Repo = { gitDir: repo.gitDir, workTree: path.join(scratch, "work") };
  mkdirSync(objects.dir);
  mkdirSync(scratchRepo.workTree);
  const algorithmArgs =
    algorithm && ALGORITHMS.includes(algorithm) ? [`--diff-algorithm=${algorithm}`] : [];
  const parts = Array.from({ length: PARTS }, () => {
    const feed = new InputFeed();
    const output: Buffer[] = [];
    const done = settleLater(
      runGit(
        scratchRepo,
        [
          "diff-tree",
          "--stdin",
          "-r",
          "-z",
          "--numstat",
          "--no-renames",
          "--no-textconv",
          "--no-ext-diff",
          ...algorithmArgs,
        ],
        { input: feed, scratchObjects: objects, onStdout: (c) => output.push(c) },
      ),
    );
    return { feed, output, done };
  });
  let closed: Promise<void> | null = null;
  // The folder lives as long as the scan: a process that exits meanwhile (an error, or the
  // dashboard quit mid-scan) must not leave it behind.
  const removeNow = () => rmSync(scratch, { recursive: true, force: true });
  process.once("exit", removeNow);
  const close = () => {
    closed ??= (async () => {
      for (const part of parts) part.feed.end();
      await Promise.allSettled(parts.map((p) => p.done));
      process.off("exit", removeNow);
      await rm(scratch, { recursive: true, force: true });
    })();
    return closed;
  };

  async function count(pairs: readonly BlobPair[]): Promise<Numstat[]> {
    const out: Numstat[] = new Array(pairs.length).fill(null);
    for (const [before, after] of pairs) {
      if ((before !== null && !isFullHash(before)) || !isFullHash(after)) {
        throw new AppError(2, "internal: unvalidated object name");
      }
    }
    const size = Math.max(1, Math.ceil(pairs.length / PARTS));
    const ranges: Array<[number, number]> = [];
    for (let start = 0; start < pairs.length; start += size) {
      ranges.push([start, Math.min(start + size, pairs.length)]);
    }
    // Two trees per range, entry i of one against entry i of the other.
    const hexLength = pairs[0]?.[1].length ?? 40;
    const headers = ranges.map(([start, end]) => {
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
      const before = writeBlobTree(objects.dir, beforeNames, beforeOids, hexLength);
      const after = writeBlobTree(objects.dir, afterNames, afterOids, hexLength);
      return `${before} ${after}\n`;
    });
    parts.forEach((part, k) => {
      if (headers[k] !== undefined) part.feed.write(headers[k]);
      part.feed.end();
    });
    await Promise.all(
      ranges.map(async ([start, end], k) => {
        const part = parts[k] as (typeof parts)[number];
        await part.done;
        readNumstat(Buffer.concat(part.output), headers[k] as string, start, end, out);
      }),
    );
    return out;
  }
  return { count, close };
}

const ALGORITHMS = ["myers", "minimal", "patience", "histogram"];

/**
 * `git diff-tree --stdin` repeats each pair of trees as a header line, then gives
 * "added<TAB>removed<TAB>name" records; names are our own digits, so the split is unambiguous.
 * Entries git does not list are unchanged.
 */
function readNumstat(
  output: Buffer,
  header: string,
  start: number,
  end: number,
  out: Numstat[],
): void {
  if (output.toString("latin1", 0, header.length) !== header) {
    throw new AppError(2, "unexpected output from git diff-tree");
  }
  const listed = new Set<number>();
  const splitter = new NulSplitter((record) => {
    const [a = "", r = "", entry = ""] = record.split("\t");
    const i = Number(entry);
    if (!Number.isInteger(i) || i < start || i >= end)
      throw new AppError(2, "unexpected output from git diff-tree");
    listed.add(i);
    out[i] = a === "-" ? null : { added: Number(a), removed: Number(r) };
  });
  splitter.push(output.subarray(header.length));
  splitter.end();
  for (let i = start; i < end; i++) if (!listed.has(i)) out[i] = { added: 0, removed: 0 };
}
