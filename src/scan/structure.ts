// The structure warning (--kinds): each up-to-date translation compared with its English page
// at HEAD by the structure both keep (see kinds/structure.ts). The English versions are read in
// batches, the translations from the work tree, where the scan found them.

import type { PageReport } from "../core/types.js";
import type { ReadTexts } from "../detail/blobs.js";
import { type Structure, structureOf, structureWarning } from "../kinds/structure.js";
import { decodePage, readPageBytes } from "../site/files.js";
import { BATCH } from "./kinds.js";

/** An up-to-date page: its report, its English blob at HEAD, its file in the work tree. */
export interface StructureItem {
  report: PageReport;
  englishBlob: string;
  translationFile: string;
}

export async function addStructureWarnings(
  items: readonly StructureItem[],
  readTexts: ReadTexts,
): Promise<void> {
  for (let start = 0; start < items.length; start += BATCH) {
    const batch = items.slice(start, start + BATCH);
    const texts = await readTexts(batch.map((i) => i.englishBlob));
    // An English page translated into several languages is parsed once.
    const structures = new Map<string, Structure | null>();
    for (const { report, englishBlob, translationFile } of batch) {
      const english = texts.get(englishBlob);
      if (english?.kind !== "text") continue;
      const read = readPageBytes(translationFile);
      if ("error" in read) continue;
      let structure = structures.get(englishBlob);
      if (structure === undefined) {
        structure = structureOf(english.text);
        structures.set(englishBlob, structure);
      }
      const warning = structureWarning(structure, decodePage(read.bytes).text);
      if (warning !== null) report.warnings = [...report.warnings, warning];
    }
  }
}
