// Reads every translation of the chosen languages from the work tree and its metadata.

import { isUtf8 } from "node:buffer";
import type { PageRead, PageReads } from "../cache/page-reads.js";
import { translationTimeProblemEnds } from "../core/age.js";
import { ownString } from "../core/own-string.js";
import type { PageMeta } from "../core/types.js";
import type { Finding } from "../lint/finding.js";
import { pageFindings } from "../lint/page-rules.js";
import { readMeta, readMetaLatin1, unreadPageMeta } from "../meta/read.js";
import { decodePage, readPageBytes } from "../site/files.js";
import type { LangFolder } from "./folders.js";
import { listedPath, type PageFile, type PageListing } from "./listing.js";

export interface Translation {
  lang: string;
  /** The translation folder, repo-relative (shared by its pages): the page is `${base}/${rel}`. */
  base: string;
  /** The English folder it translates (shared by its pages): the source is `${source}/${sourceRel}`. */
  source: string;
  /** Path relative to the language folder, with `/`. */
  rel: string;
  /** Path of the English source relative to the source folder: `rel`, or the English file's
   * own spelling when the two differ only in Unicode normalization (see `matchSourceSpelling`). */
  sourceRel: string;
  meta: PageMeta | null;
  warnings: readonly string[];
  /** The rules' findings on the page's own text (their messages are among `warnings`). */
  findings?: readonly Finding[];
  /** Set when the file could not be read at all. */
  unread?: true;
}

/** A translation's path in the repository (its report's `path`). */
export const pagePath = (t: Translation): string => `${t.base}/${t.rel}`;

export interface TranslationSet {
  pages: Translation[];
  /** Problems with files that could not be read as pages at all. */
  skipped: string[];
}

/**
 * Pages read before, by repo-relative path (cache/page-reads.ts): `known` from the cache, `used`
 * receiving this run's reading of every page that has a signature, to be kept for the next.
 */
export interface PageMemo {
  known: PageReads;
  used: PageReads;
}

/** Pages read between two yields to the event loop, so a spinner keeps turning meanwhile. */
const BATCH = 64;

export async function readTranslations(
  listing: PageListing,
  onProgress?: (done: number, total: number) => void,
  now = Date.now(),
  memo: PageMemo | null = null,
  /** Told of the pages read so far after each batch, and once all are. */
  onRead?: (pages: readonly Translation[]) => void,
): Promise<TranslationSet> {
  const pages: Translation[] = [];
  const { files } = listing;
  for (let i = 0; i < files.length; i++) {
    const { folder, rel, signature } = files[i] as PageFile;
    // Made only now, so the name is garbage by the next page.
    const abs = `${folder.abs as string}/${rel}`;
    if (memo && signature !== null) {
      const path = listedPath(files[i] as PageFile);
      const before = memo.known.get(path);
      if (before && before.lang === folder.lang && before.signature === signature) {
        memo.used.set(path, before);
        pages.push(fromRead(folder, rel, before.read));
      } else {
        const t = readOne(folder, rel, abs, now);
        // A failure to read may pass (a network file system's): it is not kept.
        if (!t.unread) memo.used.set(path, { lang: folder.lang, signature, read: asRead(t, now) });
        pages.push(t);
      }
    } else {
      pages.push(readOne(folder, rel, abs, now));
    }
    if ((i + 1) % BATCH === 0) {
      onRead?.(pages);
      onProgress?.(i + 1, files.length);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  onRead?.(pages);
  onProgress?.(files.length, files.length);
  return { pages, skipped: listing.skipped };
}

const NON_ASCII_BYTE = /[\u0080-\u00ff]/;

/** Shared by the pages and reports without a warning (nearly all of them): an object fewer per
 * page for the garbage collector to copy while the scan runs. */
export const NO_WARNINGS: readonly string[] = Object.freeze([]);

/** What a page's reading keeps of it: all that its bytes and language decide. */
function asRead(t: Translation, now: number): PageRead {
  const ends = t.meta ? translationTimeProblemEnds(t.meta.lastTranslationTime, now) : null;
  return {
    meta: t.meta,
    warnings: t.warnings,
    ...(t.findings ? { findings: t.findings } : {}),
    ...(ends !== null ? { ends } : {}),
  };
}

/** The translation at `rel` whose bytes read as `read`. */
function fromRead(folder: LangFolder, rel: string, read: PageRead): Translation {
  return {
    lang: folder.lang,
    base: folder.rel,
    source: folder.pair.source,
    rel,
    sourceRel: rel,
    meta: read.meta,
    // Shared: no one adds to a page's list (see basicReport).
    warnings: read.warnings.length === 0 ? NO_WARNINGS : read.warnings,
    ...(read.findings ? { findings: read.findings } : {}),
  };
}

/** One translation read again, as the scan read it (the dashboard, after the page changed). */
export function readTranslation(folder: LangFolder, rel: string, now = Date.now()): Translation {
  return readOne(folder, rel, `${folder.abs as string}/${rel}`, now);
}

function readOne(folder: LangFolder, rel: string, abs: string, now: number): Translation {
  const { lang, rel: base } = folder;
  const source = folder.pair.source;
  // Borrowed: the bytes are only looked at here, before the next page is read.
  const read = readPageBytes(abs, true);
  if ("error" in read) {
    // The reason is the page's one warning, as the unknown commit's (see unreadPageMeta).
    const meta = unreadPageMeta(read.error);
    return { lang, base, source, rel, sourceRel: rel, meta, warnings: NO_WARNINGS, unread: true };
  }
  const valid = isUtf8(read.bytes);
  const latin1 = read.bytes.toString("latin1");
  const fast = readMetaLatin1(latin1);
  const text = fast ? latin1 : decodePage(read.bytes).text;
  const parsed = fast ?? readMeta(text);
  const { meta, warnings } = parsed;
  if (!valid) warnings.unshift("page is not valid UTF-8; invalid bytes were read as U+FFFD");
  let findings = pageFindings({ ...parsed, text }, lang, now);
  // Found in the byte copy, where a quoted name would show its UTF-8 bytes one by one: the
  // rare page with a finding is read again as text.
  if (fast && findings.length > 0 && NON_ASCII_BYTE.test(latin1)) {
    const decoded = decodePage(read.bytes).text;
    findings = pageFindings({ ...readMeta(decoded), text: decoded }, lang, now);
  }
  // A finding the reader warned of already (front matter that does not parse) is said once.
  for (const f of findings) if (!warnings.includes(f.message)) warnings.push(f.message);
  return {
    lang,
    base,
    source,
    rel,
    sourceRel: rel,
    meta: meta && detached(meta),
    warnings: warnings.length === 0 ? NO_WARNINGS : warnings,
    ...(findings.length > 0 ? { findings } : {}),
  };
}

/** The metadata as strings of their own (see core/own-string.ts), not views of the page's text. */
function detached(meta: PageMeta): PageMeta {
  const own = (text: string | null) => (text === null ? null : ownString(text));
  return {
    ...meta,
    rawCommit: own(meta.rawCommit) ?? "",
    rawTitle: own(meta.rawTitle),
    rawLink: own(meta.rawLink),
    lastTranslationTime: own(meta.lastTranslationTime),
  };
}

/**
 * Points each translation at its English source when the file names differ only in Unicode
 * normalization: `café.md` written decomposed (NFD, as macOS tools may) and composed (NFC) in
 * git are the same page, not an English page that vanished plus a missing translation.
 */
export function matchSourceSpelling(
  pages: readonly Translation[],
  english: ReadonlyMap<string, unknown>,
): void {
  let byNfc: Map<string, string> | null = null;
  for (const t of pages) {
    if (english.has(`${t.source}/${t.rel}`)) continue;
    byNfc ??= nfcIndex(english.keys());
    const match = byNfc.get(`${t.source}/${t.rel}`.normalize("NFC"));
    if (match !== undefined) t.sourceRel = match.slice(t.source.length + 1);
  }
}

/** Paths by their NFC form: how a name spelled in NFD finds git's spelling of it. */
export function nfcIndex(paths: Iterable<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of paths) out.set(p.normalize("NFC"), p);
  return out;
}
