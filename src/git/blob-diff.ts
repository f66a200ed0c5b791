// Line counts for many pairs of blobs in a few `git diff-tree --numstat`. git can only diff trees
// in bulk, so the pairs are put into two temporary trees (entry i of one against entry i of the
// other) written to a scratch object folder, never into the repository. The counts are git's
// own, which is what users compare against: git's diff is not always minimal, so another diff
// implementation would sometimes disagree.
import { mkdirSync, rmSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ownString } from "../core/own-string.js";
import { AppError } from "../errors.js";
import { settleLater } from "../settle.js";
import { privateFolder } from "../site/scratch.js";
import { isFullHash } from "./revision.js";
import type { Repo } from "./run.js";
import { NulSplitter, runGit } from "./run.js";
import { writeBlobTree } from "./tree-object.js";

/** Added and removed lines; null for a binary file. */
export type Numstat = { added: number; removed: number } | null;

/** A blob before and after; null before means the file did not exist yet. */
export type BlobPair = readonly [string | null, string];

/**
 * Pairs per git process. Counting starts as soon as this many are known, while the scan is
 * still working out the rest, and the processes share the machine's cores.
 */
const CHUNK = 2500;
/**
 * The first chunk is smaller: the scan's main thread is busy until its pairs are found, and
 * the sooner git has some to count, the less a core stands idle meanwhile.
 */
const FIRST_CHUNK = 500;
/** At most this many of them at once: more would take the cores from the scan, which is
 * still building the reports meanwhile (the reference scan is no faster with four). */
const RUNNING = 2;
const NAME_WIDTH = 8;

/**
 * git's line counts for pairs of blobs. `add` takes the pairs as the scan finds them; every
 * CHUNK of them (FIRST_CHUNK the first time) goes to a `git diff-tree --numstat` of its own as
 * soon as one of RUNNING is free, and `counts` sends the rest and gives every answer, in order.
 * `algorithm` is diff.algorithm from the repository's config: `git diff` honours it and
 * `git diff-tree` does not, so it is passed on to keep the counts equal to what users see. The
 * scratch folder exists only while git counts, and is removed even if the process exits
 * meanwhile.
 */
export class BlobLineCounter {
  /** The pairs not sent to git yet, by number: those `known` does not answer. Only these are
   * kept: the blob names are cut from git's log output, and would keep all of it alive. */
  private queue: number[] = [];
  private readonly waiting = new Map<number, BlobPair>();
  /** Pages of several languages often share one English change: each pair is counted once. */
  private readonly numbers = new Map<string, number>();
  private readonly parts: Array<Promise<void>> = [];
  /** The number of each part's first pair. */
  private readonly partStarts: number[] = [];
  private readonly out: Numstat[] = [];
  /** Every pair numbered below this is answered by `known` or sent to git. */
  private sent = 0;
  /** What `counts` answers, once asked. */
  private all: Promise<Numstat[]> | null = null;
  private scratch: { dir: string; objects: string; repo: Repo; remove: () => void } | null = null;

  constructor(
    private readonly repo: Repo,
    private readonly objectDir: string,
    private readonly algorithm: string | null,
    private readonly chunk = CHUNK,
    /** Counts from an earlier run (see cache/line-counts.ts), by the key `add` makes. */
    private readonly known: ReadonlyMap<string, Numstat> = new Map(),
  ) {}

  /** Queues a pair; returns its number in the answer of `counts`. */
  add(pair: BlobPair): number {
    const [before, after] = pair;
    const key = `${before}:${after}`;
    const numbered = this.numbers.get(key);
    if (numbered !== undefined) return numbered;
    if ((before !== null && !isFullHash(before)) || !isFullHash(after)) {
      throw new AppError(2, "internal: unvalidated object name");
    }
    const i = this.out.length;
    // Kept to the end, and made of blob names cut from git's log output: a copy of its own.
    this.numbers.set(ownString(key), i);
    const known = this.known.get(key);
    this.out.push(known ?? null);
    if (known !== undefined) return i;
    this.queue.push(i);
    this.waiting.set(i, pair);
    const chunk = this.parts.length === 0 ? Math.min(FIRST_CHUNK, this.chunk) : this.chunk;
    if (this.queue.length >= chunk) this.send();
    return i;
  }

  /** Every pair's counts (null for a binary file), once git has answered them all. Sends the
   * pairs not sent yet; asking again gives the same answer. */
  counts(): Promise<Numstat[]> {
    this.all ??= settleLater(this.countAll());
    return this.all;
  }

  private async countAll(): Promise<Numstat[]> {
    try {
      if (this.queue.length > 0) this.send();
      this.sent = this.out.length;
      const failed = (await Promise.allSettled(this.parts)).find((r) => r.status === "rejected");
      if (failed) throw (failed as PromiseRejectedResult).reason;
      return this.out;
    } finally {
      await this.close();
    }
  }

  /** Every pair of this run with its count, by the key `add` makes: for the cache, once
   * `counts` has answered. */
  countsByPair(): Map<string, Numstat> {
    const out = new Map<string, Numstat>();
    for (const [key, i] of this.numbers) out.set(key, this.out[i] ?? null);
    return out;
  }

  /**
   * The answers so far, once every pair numbered below `n` has been counted: a report can be
   * written a stretch at a time while git counts the rest. `counts` must have been asked for
   * (it sends the last pairs). Entries from `n` on may still change. A failure is reported
   * once every git process has ended and the scratch folder is gone, as the counting's own
   * (its first, which may have come before the pairs asked for here were even sent).
   */
  async counted(n: number): Promise<readonly Numstat[]> {
    const all = this.all;
    if (!all) throw new Error("internal: line counts awaited before they were sent");
    const waits: Array<Promise<void>> = [];
    this.partStarts.forEach((start, i) => {
      if (start < n) waits.push(this.parts[i] as Promise<void>);
    });
    // Pairs beyond those sent mean the last ones could not be sent: the counting says why.
    if (n > this.sent) await all;
    await Promise.all(waits).catch(async (err: unknown) => {
      await all;
      throw err;
    });
    return this.out;
  }

  /** Waits for the processes already started and removes the scratch folder; for a scan that
   * fails before asking for the counts. */
  async close(): Promise<void> {
    await Promise.allSettled(this.parts);
    const scratch = this.scratch;
    if (!scratch) return;
    this.scratch = null;
    process.off("exit", scratch.remove);
    await rm(scratch.dir, { recursive: true, force: true });
  }

  private send(): void {
    const scratch = this.scratchFolder();
    const batch = this.queue;
    this.queue = [];
    this.sent = this.out.length;
    const trees = writeTrees(scratch.objects, this.waiting, batch);
    for (const i of batch) this.waiting.delete(i);
    const algorithmArgs =
      this.algorithm && ALGORITHMS.includes(this.algorithm)
        ? [`--diff-algorithm=${this.algorithm}`]
        : [];
    const count = () =>
      runGit(
        scratch.repo,
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
        { scratchObjects: { dir: scratch.objects, repoObjects: this.objectDir } },
      ).then((res) => readNumstat(res.stdout, batch, this.out));
    // Started now when a place is free, not at the next turn of the event loop: the scan keeps
    // the thread busy building reports until then.
    const before = this.parts[this.parts.length - RUNNING];
    const part = before ? before.then(count, count) : count();
    this.parts.push(settleLater(part));
    this.partStarts.push(batch[0] as number);
  }

  private scratchFolder() {
    if (this.scratch) return this.scratch;
    let dir: string;
    try {
      dir = privateFolder();
    } catch (err) {
      throw scratchError(err);
    }
    const remove = () => rmSync(dir, { recursive: true, force: true });
    process.once("exit", remove);
    const objects = path.join(dir, "objects");
    // An empty work tree: the entries have made-up names, so the repository's .gitattributes
    // (which a pull request controls) must not be matched against them.
    const repo: Repo = { gitDir: this.repo.gitDir, workTree: path.join(dir, "work") };
    try {
      mkdirSync(objects);
      mkdirSync(repo.workTree);
    } catch (err) {
      throw scratchError(err);
    }
    this.scratch = { dir, objects, repo, remove };
    return this.scratch;
  }
}

/** A scratch folder that cannot be made (TMPDIR missing, full or read-only) is the environment's
 * problem, told in one line. */
function scratchError(err: unknown): AppError {
  const code = (err as NodeJS.ErrnoException).code ?? "error";
  return new AppError(
    2,
    `cannot make a scratch folder in ${tmpdir()} for git's line counts (${code})`,
  );
}

/** Two trees for the pairs numbered in `batch` (in increasing order): entry i of one against
 * entry i of the other. */
function writeTrees(
  objectsDir: string,
  pairs: ReadonlyMap<number, BlobPair>,
  batch: readonly number[],
): { before: string; after: string } {
  const hexLength = (pairs.get(batch[0] as number) as BlobPair)[1].length;
  const beforeNames: string[] = [];
  const beforeOids: string[] = [];
  const afterNames: string[] = [];
  const afterOids: string[] = [];
  for (const i of batch) {
    const [b, a] = pairs.get(i) as BlobPair;
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
function readNumstat(output: Buffer, batch: readonly number[], out: Numstat[]): void {
  const asked = new Set(batch);
  const listed = new Set<number>();
  const splitter = new NulSplitter((record) => {
    const [a = "", r = "", entry = ""] = record.split("\t");
    const i = Number(entry);
    if (!asked.has(i) || listed.has(i))
      throw new AppError(2, "unexpected output from git diff-tree");
    listed.add(i);
    out[i] = a === "-" ? null : { added: Number(a), removed: Number(r) };
  });
  splitter.push(output);
  splitter.end();
  for (const i of batch) if (!listed.has(i)) out[i] = { added: 0, removed: 0 };
}
