// The scan's first stage, in a module of its own that needs little of the tool's code: a run
// answered by a kept report (cli/kept-report.ts) goes no further, and loads nothing more.
import { listTranslations, type PageListing } from "./listing.js";
import type { ScanOptions } from "./scan.js";
import { type ScanStart, startScan } from "./start.js";

/** What a scan has found before it reads a page: its start, and the translations' files. */
export interface ScanInputs {
  opts: ScanOptions;
  start: ScanStart;
  listing: PageListing;
}

/** The scan's first stage: the translations' files, listed while git reads the history. With a
 * cache, each file's signature too (see site/files.ts fileSignature). */
export async function readScanInputs(
  opts: ScanOptions,
  start: Promise<ScanStart> = startScan(opts),
): Promise<ScanInputs> {
  const begun = await start;
  const { folders, cache, now } = begun;
  const listing = await listTranslations(
    folders.langs,
    folders.excluded,
    folders.isPage,
    cache ? { now } : null,
  );
  return { opts, start: begun, listing };
}
