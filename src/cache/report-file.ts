// The last report a command printed, kept with the name of everything it followed from (see
// scan/inputs-key.ts), the times it holds between, and the readings of the raw_commits that
// depend on the object store: a run whose inputs have the same name, whose clock is between
// those times and whose raw_commits read the same, prints it again without scanning. One file
// per repository and kind of report, holding the newest: reports are large, and an older one is
// rarely asked for again.
import type { RawState } from "../core/status.js";
import type { PageSpans } from "../report/json.js";
import { type CacheStore, cacheFileName } from "./store.js";

const KIND = "report";

/** How a kept report opens: its inputs' key, a SHA-256 (see scan/inputs-key.ts). */
const KEY_OPENING = /^\{"key":"[0-9a-f]{64}",$/;

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
  // The key comes first (see writeReport): the report of other inputs is not read past it. One
  // whose opening is not a key's is read whole, so that the store finds what damaged it.
  const opening = `{"key":${JSON.stringify(key)},`;
  const body = store.read(name, KIND, (start) => {
    const text = start.toString("latin1", 0, opening.length);
    return text === opening || !KEY_OPENING.test(text);
  });
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

/** What names the report a facts file is of, and the inputs it was made from. */
export interface FactsHead {
  /** The key of the report these facts are of (its inputs' name). */
  key: string;
  /** The name of those inputs but HEAD and the index (see scan/inputs-key.ts). */
  base: string;
  /** HEAD then, and the translation folders' index entries then. */
  head: string;
  entries: string;
  /** How many pages the report lists. */
  pages: number;
}

/** A page judged on one English path's history alone: its number in the report, the
 * raw_commit's full hash (or, for a page without metadata, its estimate's), that commit's date
 * (or null) and the path's blob there. */
export type PageEdit = [number, string, string | null, string];

/** A PageEdit, and whether its commit is an estimate (a page without metadata). */
export interface KeptEdit {
  estimated: boolean;
  edit: PageEdit;
}

/**
 * What a kept JSON report was made from, beside it, for a later HEAD that only edited English
 * pages (see scan/after-commits.ts); read only when the report itself does not answer. A line
 * per page judged on one English path alone, and one per other path some page's report was
 * read from: a run looks up the few paths its new commits edited, and parses nothing else.
 */
export interface ReportFacts extends FactsHead {
  /** Where each page's text starts and ends in the report; null when not as written. */
  spans: PageSpans | null;
  /** The pages judged on `path` alone; null when a line about it is not as written. */
  editsOf(path: string): KeptEdit[] | null;
  /** Whether a page other than those was read from `path`'s history. */
  blocks(path: string): boolean;
  /** The lines, to be kept again under another head. */
  lines: Buffer;
}

/** A line of the facts about a page judged on `path` alone (its own raw_commit, or an
 * estimate), or one of a path that blocks. */
const EDIT = "E";
const ESTIMATED = "U";
const BLOCKED = "B";

/** The lines of ReportFacts for these pages and paths. */
export function factsLines(
  edits: ReadonlyArray<{ path: string } & KeptEdit>,
  blocked: Iterable<string>,
): Buffer {
  const out: string[] = [];
  for (const { path, edit, estimated } of edits) {
    out.push(`${estimated ? ESTIMATED : EDIT}${JSON.stringify([path, ...edit])}\n`);
  }
  for (const path of blocked) out.push(`${BLOCKED}${JSON.stringify(path)}\n`);
  return Buffer.from(out.join(""), "utf8");
}

/** Writes the facts: their head, the pages' spans (as 32-bit offsets, then base64), then the
 * lines. Spans past what 32 bits hold are not kept. */
export function writeReportFacts(
  store: CacheStore,
  name: string,
  head: FactsHead,
  spans: PageSpans,
  lines: Buffer,
): void {
  const n = spans.starts.length;
  if (n !== head.pages || spans.ends.length !== n || (spans.ends[n - 1] ?? 0) > 2 ** 31 - 1) return;
  const offsets = new Int32Array(2 * n);
  offsets.set(spans.starts);
  offsets.set(spans.ends, n);
  const { key, base, head: commit, entries, pages } = head;
  const first = JSON.stringify({ key, base, head: commit, entries, pages });
  const packed = Buffer.from(offsets.buffer, offsets.byteOffset, offsets.byteLength);
  store.write(name, FACTS_KIND, [
    Buffer.from(`${first}\n${packed.toString("base64")}\n`, "utf8"),
    lines,
  ]);
}

/** The spans written by writeReportFacts, or null. */
function readSpans(text: string, pages: number): PageSpans | null {
  const bytes = Buffer.from(text, "base64");
  if (bytes.length !== 8 * pages) return null;
  const offsets = new Int32Array(2 * pages);
  Buffer.from(offsets.buffer).set(bytes);
  return {
    starts: Array.from(offsets.subarray(0, pages)),
    ends: Array.from(offsets.subarray(pages)),
  };
}

export function readReportFacts(store: CacheStore, name: string): ReportFacts | null {
  const body = store.read(name, FACTS_KIND);
  if (!body) return null;
  const newline = body.indexOf(10);
  let head: unknown;
  try {
    head = newline < 0 ? null : JSON.parse(body.toString("utf8", 0, newline));
  } catch {
    head = null;
  }
  if (!isFactsHead(head)) {
    store.warnDamaged(name);
    return null;
  }
  const second = body.indexOf(10, newline + 1);
  if (second < 0) {
    store.warnDamaged(name);
    return null;
  }
  const spans = readSpans(body.toString("latin1", newline + 1, second), head.pages);
  // Searched from the newline before the first line, so that every line starts with one.
  const lines = body.subarray(second);
  const find = (prefix: string, from: number) => lines.indexOf(prefix, from, "utf8");
  return {
    ...head,
    spans,
    lines: lines.subarray(1),
    editsOf: (path) => {
      const out: KeptEdit[] = [];
      for (const tag of [EDIT, ESTIMATED]) {
        const prefix = `\n${tag}[${JSON.stringify(path)},`;
        for (let at = find(prefix, 0); at !== -1; at = find(prefix, at + 1)) {
          const end = lines.indexOf(10, at + 1);
          const edit = pageEdit(lines.toString("utf8", at + 2, end < 0 ? lines.length : end));
          if (!edit) return null;
          out.push({ estimated: tag === ESTIMATED, edit });
        }
      }
      return out;
    },
    blocks: (path) => find(`\n${BLOCKED}${JSON.stringify(path)}\n`, 0) !== -1,
  };
}

function pageEdit(line: string): PageEdit | null {
  let e: unknown;
  try {
    e = JSON.parse(line);
  } catch {
    return null;
  }
  const str = (v: unknown) => typeof v === "string";
  const ok =
    Array.isArray(e) &&
    e.length === 5 &&
    Number.isSafeInteger(e[1]) &&
    str(e[2]) &&
    (e[3] === null || str(e[3])) &&
    str(e[4]);
  return ok ? ((e as unknown[]).slice(1) as PageEdit) : null;
}

function isFactsHead(x: unknown): x is FactsHead {
  if (typeof x !== "object" || x === null) return false;
  const f = x as Record<string, unknown>;
  const str = (v: unknown) => typeof v === "string";
  return (
    str(f.key) && str(f.base) && str(f.head) && str(f.entries) && Number.isSafeInteger(f.pages)
  );
}
