// The line counter sends pairs to git in chunks while the scan is still finding more; every
// answer must land at its own pair's number, whatever chunk it went in.
import { execFileSync } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "../../src/errors.js";
import { BlobLineCounter, type BlobPair } from "../../src/git/blob-diff.js";
import { gitEnv } from "../../src/git/run.js";
import { git, tempDir } from "../helpers/site.js";

const base = tempDir();
afterAll(() => rmSync(base, { recursive: true, force: true }));

const dir = path.join(base, "repo");
git(base, ["init", "-q", dir]);
const blob = (text: string | Buffer) =>
  execFileSync("git", ["hash-object", "-w", "--stdin"], {
    cwd: dir,
    input: text,
    env: gitEnv(),
    encoding: "utf8",
  }).trim();

const texts = Array.from({ length: 7 }, (_, i) =>
  Array.from({ length: i + 2 }, (_, line) => `line ${line} of version ${i}\n`).join(""),
);
const oids = texts.map(blob);
const binary = blob(Buffer.from([0, 1, 2, 0, 3]));
const binaryToo = blob(Buffer.from([0, 9, 9, 0]));
const objects = path.join(dir, ".git", "objects");

/** What a person would type: git diff --numstat between two blobs (or /dev/null's absence). */
function numstat([before, after]: BlobPair) {
  if (before === null)
    return { added: Number(git(dir, ["cat-file", "-p", after]).split("\n").length), removed: 0 };
  const line = git(dir, ["diff", "--numstat", before, after]);
  // git lists nothing for two identical blobs.
  if (line === "") return { added: 0, removed: 0 };
  const [added, removed] = line.split("\t");
  return added === "-" ? null : { added: Number(added), removed: Number(removed) };
}

function scratchFolders(tmp: string): string[] {
  return readdirSync(tmp).filter((name) => name.startsWith("translation-status-"));
}

describe("BlobLineCounter", () => {
  it("gives git's counts for pairs sent in several chunks, duplicates counted once", async () => {
    const pairs: BlobPair[] = [
      [oids[0] as string, oids[1] as string],
      [oids[1] as string, oids[4] as string],
      [null, oids[2] as string],
      [oids[3] as string, oids[3] as string],
      [oids[0] as string, oids[1] as string],
      [binary, binaryToo],
      [oids[6] as string, oids[5] as string],
    ];
    const counter = new BlobLineCounter(
      { gitDir: path.join(dir, ".git"), workTree: dir },
      objects,
      null,
      2,
    );
    const numbers = pairs.map((pair) => counter.add(pair));
    expect(numbers).toEqual([0, 1, 2, 3, 0, 4, 5]);
    const counts = await counter.counts();
    expect(counts).toHaveLength(6);
    pairs.forEach((pair, i) => {
      expect({ i, counts: counts[numbers[i] as number] }).toEqual({ i, counts: numstat(pair) });
    });
  });

  it("answers the first pairs once the chunks holding them are counted", async () => {
    const repo = { gitDir: path.join(dir, ".git"), workTree: dir };
    const pairs: BlobPair[] = [0, 1, 2, 3, 4, 5].map((i) => [
      oids[i] as string,
      oids[i + 1] as string,
    ]);
    pairs.push([null, oids[0] as string]);
    const counter = new BlobLineCounter(repo, objects, null, 2);
    for (const pair of pairs) counter.add(pair);
    // The seventh pair waits for `counts` to send it: asking for it first is a mistake.
    await expect(counter.counted(7)).rejects.toThrow("awaited before they were sent");
    const all = counter.counts();
    const first = await counter.counted(3);
    expect(first.slice(0, 3)).toEqual(pairs.slice(0, 3).map(numstat));
    expect(await all).toEqual(pairs.map(numstat));
  });

  it("fails both ways of asking when git cannot read a blob", async () => {
    const repo = { gitDir: path.join(dir, ".git"), workTree: dir };
    const counter = new BlobLineCounter(repo, objects, null, 1);
    counter.add([oids[0] as string, oids[1] as string]);
    counter.add([oids[0] as string, "ab".repeat(20)]);
    const all = counter.counts();
    await expect(counter.counted(2)).rejects.toBeInstanceOf(AppError);
    await expect(all).rejects.toBeInstanceOf(AppError);
  });

  it("leaves no scratch folder behind, whether counted or closed early", async () => {
    const repo = { gitDir: path.join(dir, ".git"), workTree: dir };
    const tmp = tempDir("ts-counter-");
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const counted = new BlobLineCounter(repo, objects, null, 1);
      counted.add([oids[0] as string, oids[1] as string]);
      expect(scratchFolders(tmp)).toHaveLength(1);
      await counted.counts();
      expect(scratchFolders(tmp)).toEqual([]);

      const abandoned = new BlobLineCounter(repo, objects, null, 1);
      abandoned.add([oids[2] as string, oids[3] as string]);
      await abandoned.close();
      expect(scratchFolders(tmp)).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it("says in one line when no scratch folder can be made", () => {
    const repo = { gitDir: path.join(dir, ".git"), workTree: dir };
    const saved = process.env.TMPDIR;
    const missing = path.join(base, "no-such-tmp");
    process.env.TMPDIR = missing;
    try {
      const counter = new BlobLineCounter(repo, objects, null, 1);
      let thrown: unknown;
      try {
        counter.add([oids[0] as string, oids[1] as string]);
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(AppError);
      expect((thrown as AppError).exitCode).toBe(2);
      expect((thrown as AppError).message).toBe(
        `cannot make a scratch folder in ${missing} for git's line counts (ENOENT)`,
      );
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });
});
