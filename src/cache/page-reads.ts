// What the scan read in each translation, kept between runs with the file's signature (see
// site/files.ts fileSignature): the same bytes in the same language folder always read the same,
// so a page whose signature has not changed need not be opened again. Only the clock can change
// what a page says (a date in the future stops being one), so each reading says until when it
// holds.
import type { PageMeta } from "../core/types.js";
import type { Finding } from "../lint/finding.js";
import { type CacheStore, cacheFileName } from "./store.js";

const KIND = "pages";

/** What a page's bytes say, as the scan keeps it. */
export interface PageRead {
  meta: PageMeta | null;
  warnings: readonly string[];
  findings?: readonly Finding[];
  /** When this reading stops holding (see translationTimeProblemEnds); absent for never. */
  ends?: number;
}

/** A page's reading, with the language it was read as and its file's signature. */
export interface SignedRead {
  lang: string;
  signature: string;
  read: PageRead;
}

/** Readings by the page's repo-relative path. */
export type PageReads = Map<string, SignedRead>;

export function pageReadsFile(repoIdentity: readonly unknown[]): string {
  return cacheFileName(KIND, repoIdentity);
}

/**
 * The readings in the file that still hold at `now`; an empty map when there is no file, or when
 * the clock is behind the run that wrote it (its "still holds" would be of another time).
 */
export function readPageReads(store: CacheStore, name: string, now: number): PageReads {
  const out: PageReads = new Map();
  const body = store.read(name, KIND);
  if (!body) return out;
  const stored = parse(body);
  if (!stored) {
    store.warnDamaged(name);
    return out;
  }
  if (now < stored.written) return out;
  for (const [path, lang, signature, read] of stored.pages) {
    if (read.ends === undefined || now < read.ends) out.set(path, { lang, signature, read });
  }
  return out;
}

/** Keeps the readings of this run's pages (and only those: the file follows the site). */
export function writePageReads(
  store: CacheStore,
  name: string,
  now: number,
  reads: PageReads,
): void {
  const pages = [...reads].map(([path, r]) => [path, r.lang, r.signature, r.read]);
  store.write(name, KIND, Buffer.from(JSON.stringify({ written: now, pages }), "utf8"));
}

interface Stored {
  written: number;
  pages: Array<[string, string, string, PageRead]>;
}

/** The file's contents when they have the shape written above, else null. */
function parse(body: Buffer): Stored | null {
  let data: unknown;
  try {
    data = JSON.parse(body.toString("utf8"));
  } catch {
    return null;
  }
  if (!isObject(data) || typeof data.written !== "number" || !Array.isArray(data.pages)) {
    return null;
  }
  for (const entry of data.pages as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 4) return null;
    const [path, lang, signature, read] = entry as unknown[];
    const strings = [path, lang, signature].every((x) => typeof x === "string");
    if (!strings || !isPageRead(read)) return null;
  }
  return data as unknown as Stored;
}

function isPageRead(x: unknown): x is PageRead {
  if (!isObject(x) || !isStrings(x.warnings)) return false;
  if (x.ends !== undefined && typeof x.ends !== "number") return false;
  if (x.findings !== undefined && !(Array.isArray(x.findings) && x.findings.every(isFinding))) {
    return false;
  }
  return x.meta === null || isMeta(x.meta);
}

function isMeta(x: unknown): boolean {
  if (!isObject(x)) return false;
  const optionalString = (v: unknown) => v === null || typeof v === "string";
  return (
    (x.kind === "shortcode" || x.kind === "front-matter") &&
    typeof x.rawCommit === "string" &&
    optionalString(x.rawTitle) &&
    optionalString(x.rawLink) &&
    optionalString(x.lastTranslationTime) &&
    typeof x.line === "number" &&
    (x.unreadable === undefined || typeof x.unreadable === "string") &&
    (x.drifted === undefined || typeof x.drifted === "string")
  );
}

function isFinding(x: unknown): boolean {
  return (
    isObject(x) &&
    typeof x.rule === "string" &&
    typeof x.line === "number" &&
    typeof x.column === "number" &&
    typeof x.message === "string"
  );
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function isStrings(x: unknown): x is string[] {
  return Array.isArray(x) && x.every((s) => typeof s === "string");
}
