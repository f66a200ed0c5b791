// A report kept in the cache for the inputs it followed from (cache/report-file.ts): read before
// a command scans, written after it has printed a report that followed from those inputs alone.
import { codeId } from "../cache/code-id.js";
import { readReport, reportFile, writeReport } from "../cache/report-file.js";
import type { RawState } from "../core/status.js";
import type { Repo } from "../git/run.js";
import { inputsKey } from "../scan/inputs-key.js";
import { resolveWritten } from "../scan/raw-commits.js";
import type { ScanOptions } from "../scan/scan.js";
import type { ScanStart } from "../scan/start.js";
import type { CliOptions, ScanFormat } from "./args.js";
import { scanScope } from "./load-options.js";
import { writeChunks } from "./output.js";

export interface KeptReport {
  /** The report kept for these inputs, or null. */
  read: () => Promise<Buffer | null>;
  /** Keeps `report`, printed, for these inputs, on the terms the scan gave (see StagedScan). */
  keep: (
    report: readonly Uint8Array[],
    terms: { until: number; raws: Array<[string, RawState]> },
  ) => void;
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
  const { cache, now, sourceRepo } = start;
  const code = codeId();
  if (!cache || code === null) return null;
  const key = await inputsKey(opts, start, code);
  if (key === null) return null;
  const name = reportFile([...cache.identity, ...kind]);
  return {
    read: async () => {
      const kept = readReport(cache.store, name, key, now);
      if (!kept || !(await readSame(sourceRepo, kept.raws))) return null;
      return kept.report;
    },
    keep: (report, terms) => writeReport(cache.store, name, { key, since: now, ...terms }, report),
  };
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
