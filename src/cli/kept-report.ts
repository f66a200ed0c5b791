// A report kept in the cache for the inputs it followed from (cache/report-file.ts): read before
// a command scans, written after it has printed a report that followed from those inputs alone.
// The inputs' hash (scan/inputs-key.ts) names the tracked pages through git's index; the folders
// listed and the pages git does not track are named by their signatures, which the report keeps
// and a run checks before it uses it.
import { codeId } from "../cache/code-id.js";
import {
  type ReportTerms,
  readReport,
  readReportFacts,
  reportFactsFile,
  reportFile,
  writeReport,
  writeReportFacts,
} from "../cache/report-file.js";
import { selectsAll } from "../core/select.js";
import type { RawState } from "../core/status.js";
import type { PageReport } from "../core/types.js";
import { indexState, stillVouches } from "../git/index-state.js";
import type { Repo } from "../git/run.js";
import type { PageSpans } from "../report/json.js";
import { flushScanCache } from "../scan/cached-log.js";
import { inputsKey } from "../scan/inputs-key.js";
import { listedPath, type PageListing } from "../scan/listing.js";
import { resolveWritten } from "../scan/raw-commits.js";
import type { PageDetail } from "../scan/reports.js";
import type { ScanOptions } from "../scan/scan.js";
import { type ScanStart, translationFolders } from "../scan/start.js";
import { settleLater } from "../settle.js";
import { entrySignature, fileSignature } from "../site/files.js";
import type { CliOptions, ScanFormat } from "./args.js";
import { scanScope } from "./load-options.js";
import { writeChunks } from "./output.js";

export interface KeptReport {
  /** The report kept for these inputs, or null; with what keeps it for the next run, when it
   * was made from a report kept for an earlier HEAD (to be called once it is printed). */
  read: () => Promise<{ report: Buffer[]; keep?: () => Promise<void> } | null>;
  /** Keeps `report`, printed, for these inputs, on the terms the scan gave (see StagedScan):
   * unless the pages changed meanwhile, or some cannot be named. */
  keep: (report: readonly Uint8Array[], scanned: Scanned) => Promise<void>;
}

/** What a scan tells of the report it made, for keeping it. */
export interface Scanned {
  until: number;
  raws: Array<[string, RawState]>;
  listing: PageListing;
  /** With a report that can be brought to a later HEAD (see scan/after-commits.ts): the
   * scan's pages and details, in the report's order, and what each was read from. */
  pages?: {
    reports: readonly PageReport[];
    details: readonly PageDetail[];
    follows: ReadonlyMap<PageReport, readonly string[]>;
  };
}

/**
 * The kept report of `kind` (the command, its format and whatever else shapes its text) for a
 * scan's inputs; null without a cache, or when the inputs cannot be named. With `later`, the
 * report is a whole JSON scan report, which a later HEAD that only edited English pages can be
 * given from the one kept (see scan/after-commits.ts).
 */
export async function keptReport(
  opts: ScanOptions,
  start: ScanStart,
  kind: readonly unknown[],
  later = false,
): Promise<KeptReport | null> {
  const { cache, now, sourceRepo, repo, folders } = start;
  const code = codeId();
  const pages = await start.pages;
  if (!cache || code === null || !pages) return null;
  const inputs = await inputsKey(opts, start, code);
  if (inputs === null) return null;
  const { key } = inputs;
  const name = reportFile([...cache.identity, ...kind]);
  // With two repositories the translations' index says nothing of the English HEAD: their
  // report is never brought to a later one.
  const factsName =
    later && sourceRepo === repo ? reportFactsFile([...cache.identity, ...kind]) : null;
  /** Whether the kept report's terms hold now. */
  const holds = async (terms: ReportTerms) =>
    sameFiles(terms, now) && (await readSame(sourceRepo, terms.raws));
  /** Writes the report and its facts, unless the pages changed while they were made: taken
   * again with the tracked paths, the index's word is then different. */
  const write = async (
    report: readonly Uint8Array[],
    /** The terms, given the tracked files when they need them. */
    terms:
      | Omit<ReportTerms, "key" | "since">
      | ((tracked: ReadonlySet<string>) => Omit<ReportTerms, "key" | "since"> | null),
    facts: { pages: number; lines: Buffer; spans: PageSpans } | null,
    /** Whether git still vouched for the pages once the report was made, when already
     * asked. */
    checked?: Promise<boolean>,
  ) => {
    let rest: Omit<ReportTerms, "key" | "since"> | null;
    if (typeof terms === "function") {
      const after = await indexState(repo, translationFolders(folders), true).catch(() => null);
      if (!after?.tracked || after.index !== pages.index) return;
      rest = terms(after.tracked);
    } else {
      const vouches = checked ?? stillVouches(repo, translationFolders(folders), pages);
      // A check that fails keeps nothing: the report was printed, and only the cache loses.
      rest = (await vouches.catch(() => false)) ? terms : null;
    }
    if (!rest) return;
    writeReport(cache.store, name, { key, since: now, ...rest }, report);
    if (factsName && facts) {
      const { base } = inputs;
      const head = { key, base, head: start.head.hash, entries: pages.entries, pages: facts.pages };
      writeReportFacts(cache.store, factsName, head, facts.spans, facts.lines);
    }
  };
  return {
    read: async () => {
      const kept = readReport(cache.store, name, key, now);
      if (kept) return (await holds(kept.terms)) ? { report: [kept.report] } : null;
      if (!factsName) return null;
      // Not kept for this HEAD: perhaps for an earlier one, which the new commits only edited.
      const after = settleLater(import("../scan/after-commits.js"));
      const facts = readReportFacts(cache.store, factsName);
      if (!facts || facts.base !== inputs.base || facts.entries !== pages.entries) return null;
      const { englishEdits, reportAfterCommits } = await after;
      // git lists the new commits while the kept report is read and checked.
      const edits = settleLater(englishEdits(start, facts.head));
      const earlier = readReport(cache.store, name, facts.key, now);
      if (!earlier || !(await holds(earlier.terms))) return null;
      // Once every page it reads is read, git checks the index while the report is made and
      // printed; the report is kept only if git still vouches for the pages then.
      const index: { checked?: Promise<boolean> } = {};
      const made = await reportAfterCommits(start, facts, earlier.report, await edits, () => {
        index.checked = settleLater(stillVouches(repo, translationFolders(folders), pages));
      });
      const { checked } = index;
      if (!made || !checked) return null;
      const { report, spans } = made;
      const { until, raws, folders: listed, untracked } = earlier.terms;
      const lines = { pages: facts.pages, lines: facts.lines, spans };
      return {
        report,
        keep: async () => {
          await write(report, { until, raws, folders: listed, untracked }, lines, checked);
          // What the history read through the cache on the way, if it was needed.
          flushScanCache(start.cache);
        },
      };
    },
    keep: async (report, scanned) => {
      const facts = factsName && scanned.pages ? await factsOf(report, scanned.pages) : null;
      await write(
        facts ? [facts.whole] : report,
        (tracked) => {
          const named = namedFiles(scanned.listing, tracked);
          return named ? { until: scanned.until, raws: scanned.raws, ...named } : null;
        },
        facts,
      );
    },
  };
}

/** The facts beside a whole JSON report (see scan/after-commits.ts), with the report as one
 * buffer; null when its pages cannot be found in it. */
async function factsOf(
  report: readonly Uint8Array[],
  pages: NonNullable<Scanned["pages"]>,
): Promise<{ pages: number; lines: Buffer; spans: PageSpans; whole: Buffer } | null> {
  const [{ factsOfScan }, { pageSpans }] = await Promise.all([
    import("../scan/after-commits.js"),
    import("../report/json.js"),
  ]);
  const whole = Buffer.concat(report);
  const spans = pageSpans(whole);
  if (!spans) return null;
  return { ...factsOfScan(pages.reports, pages.details, pages.follows), spans, whole };
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
    if (tracked.has(listedPath(f))) continue;
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
  const kept = await keptReport(
    scanScope(opts),
    await start,
    ["scan", format, opts.selection],
    format === "json" && selectsAll(opts.selection) && !opts.kinds,
  );
  const known = await kept?.read();
  if (!known) return { printed: false, kept };
  await writeChunks(known.report);
  await known.keep?.();
  return { printed: true };
}
