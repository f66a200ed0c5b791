// git's line counts for pairs of blobs, kept between runs: a pair of blobs never changes, so
// neither does its count (for one diff algorithm, which names the file with the repository).

import type { Numstat } from "../git/blob-diff.js";
import { isFullHash } from "../git/revision.js";
import { type CacheStore, cacheFileName } from "./store.js";

const KIND = "lines";
/** Counts kept at most: those of the last run first, then older ones. */
const MAX_COUNTS = 200_000;

/** Counts by BlobLineCounter's key, "<before>:<after>" ("null" before a new file). */
export type LineCounts = Map<string, Numstat>;

export function lineCountsFile(identity: readonly unknown[]): string {
  return cacheFileName(KIND, identity);
}

/** The counts in the file, or an empty map (a damaged file is reported and ignored). */
export function readLineCounts(store: CacheStore, name: string): LineCounts {
  const out: LineCounts = new Map();
  const body = store.read(name, KIND);
  if (!body) return out;
  for (const line of body.toString("latin1").split("\n")) {
    if (line === "") continue;
    const [before = "", after = "", added = "", removed = "", extra] = line.split(" ");
    const ok =
      extra === undefined &&
      (before === "null" || isFullHash(before)) &&
      isFullHash(after) &&
      ((added === "-" && removed === "-") || (isCount(added) && isCount(removed)));
    if (!ok) {
      store.warnDamaged(name);
      return new Map();
    }
    out.set(
      `${before}:${after}`,
      added === "-" ? null : { added: Number(added), removed: Number(removed) },
    );
  }
  return out;
}

/** Writes the counts this run used, then older ones up to MAX_COUNTS. */
export function writeLineCounts(
  store: CacheStore,
  name: string,
  used: ReadonlyMap<string, Numstat>,
  older: ReadonlyMap<string, Numstat>,
): void {
  // A run that counted nothing new has nothing to keep.
  let fresh = false;
  for (const key of used.keys()) {
    if (!older.has(key)) {
      fresh = true;
      break;
    }
  }
  if (!fresh) return;
  const lines: string[] = [];
  const add = (key: string, n: Numstat) => {
    const [before, after] = key.split(":");
    lines.push(`${before} ${after} ${n ? `${n.added} ${n.removed}` : "- -"}\n`);
  };
  for (const [key, n] of used) add(key, n);
  for (const [key, n] of older) {
    if (lines.length >= MAX_COUNTS) break;
    if (!used.has(key)) add(key, n);
  }
  store.write(name, KIND, Buffer.from(lines.join(""), "latin1"));
}

function isCount(text: string): boolean {
  return /^\d{1,9}$/.test(text);
}
