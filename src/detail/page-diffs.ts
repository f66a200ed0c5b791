// The English diffs of many pages at once, for the static status page. The dashboard reads one
// page's blobs when it is opened; a page listing every diff reads them a batch of pages at a time
// (two git processes a batch: sizes, then contents), so a site costs a handful of processes,
// never one per page, and only one batch of blobs is held at a time. The diffs are the
// dashboard's own model (computeDiff through the same DetailSource), with a tighter cap.
import type { ScanResult } from "../core/types.js";
import type { Repo } from "../git/run.js";
import type { PageDetail } from "../scan/scan.js";
import type { ReadTexts } from "./blobs.js";
import { gitBlobReader } from "./blobs.js";
import { DEFAULT_LIMITS, type DiffLimits } from "./diff.js";
import { createDetailSource } from "./loader.js";
import type { BlobText, DiffModel } from "./types.js";

export interface PageDiffLimits {
  /** Pages given a diff, taken in the order asked; the rest get a note saying why not. */
  maxPages: number;
  /** Pages whose blobs are read together. */
  batch: number;
  diff: DiffLimits;
}

/** A page with hundreds of changed lines is read on GitHub; the status page shows the start. */
export const STATIC_LIMITS: PageDiffLimits = {
  maxPages: 200,
  batch: 25,
  diff: { ...DEFAULT_LIMITS, maxRows: 200 },
};

/**
 * Each page's English diff since its raw_commit (or estimate), by index into result.pages, for
 * the pages in `order` (most work first). `read` is the blob reader (git's by default).
 */
export async function pageDiffs(
  scanned: { result: ScanResult; details: readonly PageDetail[]; sourceRepo: Repo },
  order: readonly number[],
  limits: PageDiffLimits = STATIC_LIMITS,
  read: ReadTexts = gitBlobReader(scanned.sourceRepo),
): Promise<Map<number, DiffModel>> {
  const { result, details } = scanned;
  const out = new Map<number, DiffModel>();
  // Only pages with an English change to show count against the cap; the rest say why they
  // have none without reading anything.
  const changed = order.filter((i) => {
    const d = details[i];
    return d !== undefined && d.rawHash !== null && d.fromBlob !== d.toBlob;
  });
  const kept = changed.slice(0, limits.maxPages);
  for (const i of changed.slice(limits.maxPages)) {
    out.set(i, {
      rows: [],
      added: 0,
      removed: 0,
      notice: `The English diff is left out: this page shows the diffs of the ${limits.maxPages} pages with the most work, of all its languages together. The compare link has it.`,
      truncated: true,
    });
  }
  const keptSet = new Set(kept);
  const quiet = order.filter((i) => !keptSet.has(i) && !out.has(i));
  for (let b = 0; b < kept.length || b === 0; b += limits.batch) {
    const batch = kept.slice(b, b + limits.batch);
    const oids: string[] = [];
    for (const i of batch) {
      const d = details[i];
      if (d?.fromBlob) oids.push(d.fromBlob);
      if (d?.toBlob) oids.push(d.toBlob);
    }
    const texts = oids.length > 0 ? await read(oids) : new Map<string, BlobText>();
    const source = createDetailSource({
      result,
      details,
      read: async (wanted) =>
        new Map(wanted.map((oid) => [oid, texts.get(oid) ?? { kind: "unreadable" }])),
      limits: limits.diff,
    });
    // The first pass also answers the pages without a diff: the loader's notices, no reading.
    for (const i of b === 0 ? [...quiet, ...batch] : batch) out.set(i, await source.wholeDiff(i));
  }
  return out;
}
