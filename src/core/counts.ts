// What a report counts follows from the pages it lists: every output that lists fewer pages
// than the scan (a PATH or --status selection, --changed-since) counts them here, so that the
// status counts and the kind counts always cover the same pages.
import { COUNTED_KINDS, type CountedKind, countedKind } from "../kinds/kinds.js";
import { summarize } from "./status.js";
import type { PageReport, ScanResult } from "./types.js";

/** The result listing only `pages`, its counts made from them. */
export function withPages(result: ScanResult, pages: PageReport[]): ScanResult {
  return {
    ...result,
    pages,
    summary: summarize(result.languages, pages),
    ...(result.kinds ? { kinds: kindSummary(result.languages, pages) } : {}),
  };
}

/** Per language, how many pages changed by each kind (an untracked page's estimate counts), and
 * by a change whose kind could not be told. */
export function kindSummary(
  languages: readonly string[],
  pages: readonly PageReport[],
): Record<string, Partial<Record<CountedKind, number>>> {
  const counts = new Map<string, Map<CountedKind, number>>();
  for (const lang of languages) counts.set(lang, new Map());
  for (const p of pages) {
    const kind = countedKind((p.estimate ?? p).changeKind);
    const row = counts.get(p.lang);
    if (kind && row) row.set(kind, (row.get(kind) ?? 0) + 1);
  }
  // In the kinds' order, most work last, whatever order the pages came in.
  const out: Record<string, Partial<Record<CountedKind, number>>> = {};
  for (const [lang, row] of counts) {
    out[lang] = Object.fromEntries(
      COUNTED_KINDS.flatMap((k) => (row.has(k) ? [[k, row.get(k)]] : [])),
    );
  }
  return out;
}
