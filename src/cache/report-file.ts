// The last report a command printed, kept with the name of everything it followed from (see
// scan/inputs-key.ts), the times it holds between, and the readings of the raw_commits that
// depend on the object store: a run whose inputs have the same name, whose clock is between
// those times and whose raw_commits read the same, prints it again without scanning. One file
// per repository and kind of report, holding the newest: reports are large, and an older one is
// rarely asked for again.
import type { RawState } from "../core/status.js";
import { type CacheStore, cacheFileName } from "./store.js";

const KIND = "report";

export function reportFile(identity: readonly unknown[]): string {
  return cacheFileName(KIND, identity);
}

/** What a kept report holds besides its text. */
export interface ReportTerms {
  /** The name of the inputs it followed from. */
  key: string;
  /** When it was made, and until when it holds (Infinity: as long as the inputs do). */
  since: number;
  until: number;
  /** raw_commits as written, with how they read when it was made. */
  raws: Array<[string, RawState]>;
  /** Absolute paths of the folders listed and of the pages git does not track, with their
   * signatures when it was made (see site/files.ts). */
  folders: Array<[string, string]>;
  untracked: Array<[string, string]>;
}

/** The report kept in the file for inputs named `key`, if it holds at `now`, with the
 * raw_commits' readings it needs; else null. */
export function readReport(
  store: CacheStore,
  name: string,
  key: string,
  now: number,
): { report: Buffer; terms: ReportTerms } | null {
  // The key comes first (see writeReport): the report of other inputs is not read at all.
  const opening = `{"key":${JSON.stringify(key)},`;
  const body = store.read(
    name,
    KIND,
    (start) => start.length === 0 || start.toString("latin1", 0, opening.length) === opening,
  );
  if (!body) return null;
  const newline = body.indexOf(10);
  const terms = newline < 0 ? null : parseTerms(body.toString("utf8", 0, newline));
  if (!terms) {
    store.warnDamaged(name);
    return null;
  }
  if (terms.key !== key || now < terms.since || now >= terms.until) return null;
  return { report: body.subarray(newline + 1), terms };
}

export function writeReport(
  store: CacheStore,
  name: string,
  terms: ReportTerms,
  report: readonly Uint8Array[],
): void {
  const { key, since, raws, folders, untracked } = terms;
  const until = Number.isFinite(terms.until) ? terms.until : null;
  // The key first, where readReport looks for it.
  const header = JSON.stringify({ key, since, until, raws, folders, untracked });
  store.write(name, KIND, [Buffer.from(`${header}\n`, "utf8"), ...report]);
}

function parseTerms(line: string): ReportTerms | null {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof data !== "object" || data === null) return null;
  const { key, since, until, raws, folders, untracked } = data as Record<string, unknown>;
  const rawsOk =
    Array.isArray(raws) &&
    raws.every(
      (r) =>
        Array.isArray(r) &&
        r.length === 2 &&
        typeof r[0] === "string" &&
        typeof r[1] === "object" &&
        r[1] !== null,
    );
  if (typeof key !== "string" || typeof since !== "number" || !rawsOk) return null;
  if (!isPairs(folders) || !isPairs(untracked)) return null;
  if (until !== null && typeof until !== "number") return null;
  return {
    key,
    since,
    until: until ?? Number.POSITIVE_INFINITY,
    raws: raws as Array<[string, RawState]>,
    folders,
    untracked,
  };
}

function isPairs(x: unknown): x is Array<[string, string]> {
  return (
    Array.isArray(x) &&
    x.every(
      (p) => Array.isArray(p) && p.length === 2 && p.every((s: unknown) => typeof s === "string"),
    )
  );
}

const FACTS_KIND = "report-facts";

export function reportFactsFile(identity: readonly unknown[]): string {
  return cacheFileName(FACTS_KIND, identity);
}

/**
 * What a kept JSON report was made from, beside it, for a later HEAD that only edited English
 * pages (see scan/after-commits.ts). Read only when the report itself does not answer.
 */
export interface ReportFacts {
  /** The key of the report these facts are of (its inputs' name). */
  key: string;
  /** The name of those inputs but HEAD and the index (see scan/inputs-key.ts). */
  base: string;
  /** HEAD then, and the translation folders' index entries then. */
  head: string;
  entries: string;
  /** How many pages the report lists. */
  pages: number;
  /** The pages judged on one English path's history alone: the page's number in the report,
   * that path, the raw_commit's full hash, its date (or null) and the path's blob there. */
  edits: Array<[number, string, string, string | null, string]>;
  /** Every other English path some page's report was read from the history of. */
  blocked: string[];
}

export function writeReportFacts(store: CacheStore, name: string, facts: ReportFacts): void {
  store.write(name, FACTS_KIND, Buffer.from(JSON.stringify(facts), "utf8"));
}

export function readReportFacts(store: CacheStore, name: string): ReportFacts | null {
  const body = store.read(name, FACTS_KIND);
  if (!body) return null;
  let data: unknown;
  try {
    data = JSON.parse(body.toString("utf8"));
  } catch {
    store.warnDamaged(name);
    return null;
  }
  if (!isFacts(data)) {
    store.warnDamaged(name);
    return null;
  }
  return data;
}

function isFacts(x: unknown): x is ReportFacts {
  if (typeof x !== "object" || x === null) return false;
  const f = x as Record<string, unknown>;
  const str = (v: unknown) => typeof v === "string";
  return (
    str(f.key) &&
    str(f.base) &&
    str(f.head) &&
    str(f.entries) &&
    Number.isSafeInteger(f.pages) &&
    Array.isArray(f.blocked) &&
    f.blocked.every(str) &&
    Array.isArray(f.edits) &&
    f.edits.every(
      (e: unknown) =>
        Array.isArray(e) &&
        e.length === 5 &&
        Number.isSafeInteger(e[0]) &&
        str(e[1]) &&
        str(e[2]) &&
        (e[3] === null || str(e[3])) &&
        str(e[4]),
    )
  );
}
