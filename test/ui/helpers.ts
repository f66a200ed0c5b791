// Test data for the dashboard: hand-made pages, a ScanResult around them, and DetailSources that
// answer from memory (no git), plus a poller for Ink frames.
import { execFileSync } from "node:child_process";
import { summarize } from "../../src/core/status.js";
import type { PageReport, ScanResult, Status } from "../../src/core/types.js";
import type { ReadTexts } from "../../src/detail/blobs.js";
import { createDetailSource, type WritePage } from "../../src/detail/loader.js";
import type { BlobText, DetailSource, PageLinks } from "../../src/detail/types.js";
import { gitEnv } from "../../src/git/run.js";
import type { RescanPage } from "../../src/scan/rescan.js";
import type { PageDetail, ScanOutput } from "../../src/scan/scan.js";
import type { LoadedData } from "../../src/ui/App.js";

/** 2025-06-01T00:00:00Z: "now" for ages in tests. */
export const NOW = Date.UTC(2025, 5, 1);

export function page(over: Partial<PageReport> & { path: string; status: Status }): PageReport {
  const lang = over.lang ?? "zh-cn";
  return {
    lang,
    sourcePath: over.path.replace(`/${lang}/`, "/en/"),
    rawCommit: null,
    lastTranslationTime: null,
    commitsBehind: null,
    linesAdded: null,
    linesRemoved: null,
    commits: [],
    movedFrom: null,
    warnings: [],
    metaLine: null,
    rawTitle: null,
    ...over,
  };
}

export function resultOf(
  pages: PageReport[],
  languages?: string[],
  warnings: string[] = [],
): ScanResult {
  const langs = languages ?? [...new Set(pages.map((p) => p.lang))].sort();
  return {
    schemaVersion: 1,
    head: "a".repeat(40),
    headDate: "2025-05-30T12:00:00+00:00",
    shallow: false,
    source: "en",
    content: "content",
    languages: langs,
    pages,
    summary: summarize(langs, pages),
    warnings,
  };
}

/** A reader over a map of blob id to text. */
export function memoryReader(blobs: ReadonlyMap<string, string>): ReadTexts {
  return async (oids) => {
    const out = new Map<string, BlobText>();
    for (const oid of oids) {
      const text = blobs.get(oid);
      out.set(oid, text === undefined ? { kind: "unreadable" } : { kind: "text", text });
    }
    return out;
  };
}

/** The translation date pages marked in memory record: the day of NOW. */
export const MARK_DATE = "2025-06-01";

export interface MemoryOptions {
  links?: (page: PageReport, detail: PageDetail | undefined) => PageLinks;
  /** Writes the page; without it (or without `rescan`), marking a page fails. See
   * recordingWrite. */
  write?: WritePage;
  /** Reads a page again from the disk, as the scan's own rescan does (ScanOutput.rescan). */
  rescan?: RescanPage;
}

export function memorySource(
  result: ScanResult,
  details: PageDetail[],
  blobs: ReadonlyMap<string, string>,
  options: MemoryOptions = {},
): DetailSource {
  const rescan = options.rescan;
  return createDetailSource({
    result,
    details,
    read: memoryReader(blobs),
    date: () => MARK_DATE,
    ...(options.links ? { links: options.links } : {}),
    ...(options.write ? { write: options.write } : {}),
    ...(rescan ? { rescan: (p: PageReport) => rescan(p.path) } : {}),
  });
}

/** The dashboard's data for `result` alone: every page without a baseline or diff to show. */
export function listOnlyData(result: ScanResult, repoName = "site"): LoadedData {
  const details = result.pages.map(() => ({
    rawHash: null,
    fromBlob: null,
    toBlob: null,
    commitBlobs: new Map(),
  }));
  return { result, source: memorySource(result, details, new Map()), repoName };
}

export interface WriteCall {
  path: string;
  commit: string;
  date: string;
}

/**
 * A page writer that records each call, then fails with `error`, or else writes with `then` (the
 * real writer; without it nothing is written). `gate`, when given, is awaited first, so tests can
 * see the dashboard while a page is marked.
 */
export function recordingWrite(
  error: string | null = null,
  gate?: Promise<void>,
  then?: WritePage,
): { write: WritePage; calls: WriteCall[] } {
  const calls: WriteCall[] = [];
  return {
    calls,
    write: async (page, commit, date) => {
      calls.push({ path: page.path, commit, date });
      if (gate) await gate;
      if (error !== null || !then) return error;
      return then(page, commit, date);
    },
  };
}

/** Every blob a scan's details mention, read once with plain git, so tests can run without it. */
export function blobsOf(dir: string, details: readonly PageDetail[]): Map<string, string> {
  const oids = new Set<string>();
  for (const d of details) {
    if (d.fromBlob) oids.add(d.fromBlob);
    if (d.toBlob) oids.add(d.toBlob);
    for (const { before, after } of d.commitBlobs.values()) {
      if (before) oids.add(before);
      if (after) oids.add(after);
    }
  }
  const map = new Map<string, string>();
  for (const oid of oids) {
    map.set(
      oid,
      execFileSync("git", ["cat-file", "blob", oid], { cwd: dir, env: gitEnv(), encoding: "utf8" }),
    );
  }
  return map;
}

/** Polls `check` until it passes (bounded), so tests never sleep for a fixed time. */
export async function waitFor<T>(
  check: () => T | undefined | null | false,
  what: string,
  ms = 3000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A scan of the repository at `dir` as the dashboard loads it, its English texts from memory. */
export function scannedData(dir: string, out: ScanOutput, repoName = "site"): LoadedData {
  return {
    result: out.result,
    source: memorySource(out.result, out.details, blobsOf(dir, out.details)),
    repoName,
  };
}
