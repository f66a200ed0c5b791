// A captured history log (git/history.ts LogCapture) as a cache file's body, and back. The
// body is NUL-separated text: git's fields never hold a NUL (they were split on it), so one
// split reads the file. What comes back is only shaped here; replayCapture checks every entry
// as it checks git's own output.
import { decodeBytes, encodeBytes } from "../core/path-bytes.js";
import type { LogCapture } from "../git/history.js";

/** What a log file holds: the log of `head` for the identity its file was named from. */
export interface StoredLog {
  identity: string;
  head: string;
  log: LogCapture;
}

/** A UTF-16 half without its other half: an escaped byte (see path-bytes.ts) or a cut. */
const LONE_SURROGATE = /\p{Cs}/u;

/** The file's body; null when some text would not come back the same (a subject cut inside a
 * character), so that the cache is skipped rather than changing an answer. */
export function encodeLog(stored: StoredLog): Buffer | null {
  const { log } = stored;
  const n = log.hashes.length;
  const counts = new Array<number>(n);
  for (let c = 0; c < n; c++) counts[c] = (log.starts[c + 1] as number) - (log.starts[c] as number);
  const text = [
    stored.identity,
    stored.head,
    String(n),
    String(log.headers.length),
    counts.join(","),
    ...log.hashes,
    ...log.parents,
    ...log.dates,
    ...log.authors,
    ...log.subjects,
    ...log.headers,
    ...log.paths,
    ...log.froms,
  ].join("\0");
  const bytes = encodeBytes(text);
  if (LONE_SURROGATE.test(text) && decodeBytes(bytes) !== text) return null;
  return bytes;
}

/** The log in a file's body, or null when the body is not of this shape. */
export function decodeLog(body: Buffer): StoredLog | null {
  const fields = decodeBytes(body).split("\0");
  const [identity = "", head = "", nText = "", mText = "", countText = ""] = fields;
  const n = Number(nText);
  const m = Number(mText);
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(m) || n < 1 || m < 0) return null;
  if (fields.length !== 5 + 5 * n + 3 * m) return null;
  const counts = countText.split(",");
  if (counts.length !== n) return null;
  const starts = new Int32Array(n + 1);
  for (let c = 0; c < n; c++) {
    const k = Number(counts[c]);
    if (!Number.isSafeInteger(k) || k < 0) return null;
    starts[c + 1] = (starts[c] as number) + k;
  }
  if (starts[n] !== m) return null;
  let at = 5;
  const take = (count: number) => {
    const part = fields.slice(at, at + count);
    at += count;
    return part;
  };
  const log: LogCapture = {
    hashes: take(n),
    parents: take(n),
    dates: take(n),
    authors: take(n),
    subjects: take(n),
    starts,
    headers: take(m),
    paths: take(m),
    froms: take(m),
  };
  return { identity, head, log };
}

/**
 * The log of a newer HEAD from the commits read since the cached one (`fresh`) and the cached
 * log, in `order` (git's log order of the newer HEAD, from rev-list). Every commit HEAD reaches
 * is either new or reached by the cached HEAD, whose whole log is cached, so this holds after a
 * rebase too; null when some commit is in neither (nothing else can make that happen).
 */
export function mergeLogs(
  order: readonly string[],
  fresh: LogCapture,
  cached: LogCapture,
): LogCapture | null {
  const where = new Map<string, number>();
  cached.hashes.forEach((h, i) => {
    where.set(h, i);
  });
  // Fresh commits are numbered from -1 down, so one map says which log and where.
  fresh.hashes.forEach((h, i) => {
    where.set(h, -1 - i);
  });
  if (new Set(order).size !== order.length) return null;
  const out: LogCapture = {
    hashes: [],
    parents: [],
    dates: [],
    authors: [],
    subjects: [],
    starts: new Int32Array(order.length + 1),
    headers: [],
    paths: [],
    froms: [],
  };
  let freshSeen = 0;
  for (let c = 0; c < order.length; c++) {
    const hash = order[c] as string;
    const at = where.get(hash);
    if (at === undefined) return null;
    const [log, i] = at < 0 ? [fresh, -1 - at] : [cached, at];
    if (at < 0) freshSeen++;
    out.hashes.push(hash);
    out.parents.push(log.parents[i] as string);
    out.dates.push(log.dates[i] as string);
    out.authors.push(log.authors[i] as string);
    out.subjects.push(log.subjects[i] as string);
    for (let k = log.starts[i] as number; k < (log.starts[i + 1] as number); k++) {
      out.headers.push(log.headers[k] as string);
      out.paths.push(log.paths[k] as string);
      out.froms.push(log.froms[k] as string);
    }
    out.starts[c + 1] = out.headers.length;
  }
  // A fresh commit that HEAD does not reach is not git's walk.
  return freshSeen === fresh.hashes.length ? out : null;
}
