// Applying the safe repairs of one page's findings: only their bytes change, and the page must
// read back with the same metadata except what was repaired, and without those findings.

import { readMeta } from "../meta/read.js";
import type { Edit, Finding } from "./finding.js";

export type FixResult = { text: string; fixed: Finding[] } | { error: string };

/**
 * The page with every fixable finding repaired. `recheck` gives the findings of a text (the same
 * rules that found these); after the repair, none of the repaired ones may remain and no new
 * one may appear.
 */
export function applyFixes(
  text: string,
  findings: readonly Finding[],
  recheck: (text: string) => Finding[],
): FixResult {
  const fixable = findings.filter((f) => f.fix !== undefined);
  if (fixable.length === 0) return { text, fixed: [] };
  const edits: Edit[] = fixable
    .flatMap((f) => f.fix?.edits ?? [])
    .sort((a, b) => b.start - a.start);
  for (let i = 1; i < edits.length; i++) {
    if ((edits[i] as Edit).end > (edits[i - 1] as Edit).start) {
      return { error: "repairs overlap; nothing changed" };
    }
  }
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.value + out.slice(e.end);
  const before = readMeta(text).meta;
  const after = readMeta(out).meta;
  const key = (f: Finding) => `${f.rule}\0${f.line}`;
  const left = new Set(findings.filter((f) => f.fix === undefined).map(key));
  const again = recheck(out);
  const sameKind = before !== null && after !== null && before.kind === after.kind;
  if (!sameKind || before.lastTranslationTime !== after.lastTranslationTime) {
    return { error: "the repaired page would not read back as intended; nothing changed" };
  }
  // Repairs change the commit's spelling, the title or the link; nothing else of the metadata.
  if (after.line !== before.line) {
    return { error: "the repaired page would not read back as intended; nothing changed" };
  }
  if (again.some((f) => !left.has(key(f)))) {
    return {
      error: "the repaired page still has (or gains) findings the repair was for; nothing changed",
    };
  }
  return { text: out, fixed: fixable };
}
