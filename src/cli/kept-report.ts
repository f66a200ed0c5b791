// A report kept in the cache for the inputs it followed from (cache/report-file.ts): read before
// a command scans, written after it has printed a report that followed from those inputs alone.
// The inputs' hash (scan/inputs-key.ts) names the tracked pages through git's index; the folders
// listed and the pages git does not track are named by their signatures, which the report keeps
// and a run checks before it uses it.
import { codeId } from "../cache/code-id.js";
import { type ReportTerms, readReport, reportFile, writeReport } from "../cache/report-file.js";
import type { RawState } from "../core/status.js";
import { indexState } from "../git/index-state.js";
import type { Repo } from "../git/run.js";
import { inputsKey } from "../scan/inputs-key.js";
import type { PageListing } from "../scan/listing.js";
import { resolveWritten } from "../scan/raw-commits.js";
import type { ScanOptions } from "../scan/scan.js";
import { type ScanStart, translationFolders } from "../scan/start.js";
import { entrySignature, fileSignature } from "../site/files.js";
import type { CliOptions, ScanFormat } from "./args.js";
import { scanScope } from "./load-options.js";
import { writeChunks } from "./output.js";

export interface KeptReport {
  /** The report kept for these inputs, or null. */
  read: () => Promise<Buffer | null>;
  /** Keeps `report`, printed, for these inputs, on the terms the scan gave (see StagedScan):
   * unless the pages changed meanwhile, or some cannot be named. */
  keep: (
    report: readonly Uint8Array[],
    scanned: { until: number; raws: Array<[string, RawState]>; listing: PageListing },
  ) => Promise<void>;
}

/**
 * The kept report of `kind` (the command, its format and whatever else shapes its text) for a
 * scan's inputs; null without a cache, or when the inputs cannot be named.
 */
export async function keptReport(
  opts: ScanOptions,
  start: ScanStart,
  kind: readonly unknown[],
): Promise<KeptReport | null> {
  const { cache, now, sourceRepo, repo, folders } = start;
  const code = codeId();
  const pages = await start.pages;
  if (!cache || code === null || !pages) return null;
  const key = await inputsKey(opts, start, code);
  if (key === null) return null;
  const name = reportFile([...cache.identity, ...kind]);
  return {
    read: async () => {
      const kept = readReport(cache.store, name, key, now);
      if (!kept || !sameFiles(kept.terms, now)) return null;
      return (await readSame(sourceRepo, kept.terms.raws)) ? kept.report : null;
    },
    keep: async (report, scanned) => {
      // Taken again with the tracked paths: a page changed while the scan read it leaves the
      // index's word different, and the report is not kept.
      const after = await indexState(repo, translationFolders(folders), true);
      if (!after?.tracked || after.index !== pages.index) return;
      const named = namedFiles(scanned.listing, after.tracked);
      if (!named) return;
      const terms: ReportTerms = {
        key,
        since: now,
        until: scanned.until,
        raws: scanned.raws,
        ...named,
      };
      writeReport(cache.store, name, terms, report);
    },
  };
}

/** The listing's folders, and its pages git does not track, with their signatures; null when
 * one has none (it may still be changing). */
function namedFiles(
  listing: PageListing,
  tracked: ReadonlySet<string>,
): Pick<ReportTerms, "folders" | "untracked"> | null {
  const folders: Array<[string, string]> = [];
  for (const [abs, signature] of listing.folders) {
    if (signature === null) return null;
    folders.push([abs, signature]);
  }
  const untracked: Array<[string, string]> = [];
  for (const f of listing.files) {
    if (tracked.has(`${f.folder.rel}/${f.rel}`)) continue;
    if (f.signature === null) return null;
    untracked.push([`${f.folder.abs as string}/${f.rel}`, f.signature]);
  }
  return { folders, untracked };
}

/** Whether the folders and the untracked pages are as they were when the report was kept. */
function sameFiles(terms: ReportTerms, now: number): boolean {
  return (
    terms.folders.every(([abs, signature]) => entrySignature(abs, now) === signature) &&
    terms.untracked.every(([abs, signature]) => fileSignature(abs, now) === signature)
  );
}

/** Whether the raw_commits read as they did when a report was kept. */
async function readSame(repo: Repo, raws: Array<[string, RawState]>): Promise<boolean> {
  if (raws.length === 0) return true;
  const now = await resolveWritten(
    repo,
    false,
    raws.map(([written]) => written),
  );
  return raws.every(([written, then]) => JSON.stringify(now.get(written)) === JSON.stringify(then));
}

/**
 * Prints the kept report of `scan --format <format>` when there is one for these inputs; else
 * gives the kept report to fill, if any. Needs only the scan's first step: a run it answers loads
 * none of the rest of the tool.
 */
export async function printKeptScanReport(
  opts: CliOptions,
  format: ScanFormat,
  start: Promise<ScanStart>,
): Promise<{ printed: true } | { printed: false; kept: KeptReport | null }> {
  const kept = await keptReport(scanScope(opts), await start, ["scan", format, opts.selection]);
  const known = await kept?.read();
  if (!known) return { printed: false, kept };
  await writeChunks([known]);
  return { printed: true };
}
