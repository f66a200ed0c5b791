// Applying the safe repairs of one page's findings: only their bytes change, and the page must
// read back with the metadata meant (what the repairs set, the rest as before), with no new
// problem in reading it, and without the findings repaired. A repair that fails this is left,
// with the reason; the others are made.

import { type MetaResult, readMeta } from "../meta/read.js";
import { readBackMessage, readBackProblem } from "../meta/read-back.js";
import type { Edit, Finding, MetaChange } from "./finding.js";

export interface FixResult {
  /** The page with the repairs made. */
  text: string;
  /** The findings repaired. */
  fixed: Finding[];
  /** Why a fixable finding was not repaired; null when each was. */
  refused: string | null;
}

/**
 * The page with every fixable finding repaired that can be. `recheck` gives the findings of a
 * text (the same rules that found these); after the repair, none of the repaired ones may
 * remain and no new one may appear. All together first; when that fails, one at a time, each
 * kept that holds with those kept before it.
 */
export function applyFixes(
  text: string,
  findings: readonly Finding[],
  recheck: (text: string) => Finding[],
): FixResult {
  const fixable = findings.filter((f) => f.fix !== undefined);
  if (fixable.length === 0) return { text, fixed: [], refused: null };
  const before = readMeta(text);
  const tryFixes = (chosen: readonly Finding[]) => attempt(text, before, findings, chosen, recheck);
  const all = tryFixes(fixable);
  if (!("error" in all)) return { text: all.text, fixed: fixable, refused: null };
  let kept: Finding[] = [];
  let out = text;
  let refused = all.error;
  for (const f of fixable) {
    const tried = tryFixes([...kept, f]);
    if ("error" in tried) {
      refused = tried.error;
      continue;
    }
    kept = [...kept, f];
    out = tried.text;
  }
  return { text: out, fixed: kept, refused };
}

function attempt(
  text: string,
  before: MetaResult,
  findings: readonly Finding[],
  chosen: readonly Finding[],
  recheck: (text: string) => Finding[],
): { text: string } | { error: string } {
  const edits: Edit[] = chosen.flatMap((f) => f.fix?.edits ?? []).sort((a, b) => b.start - a.start);
  for (let i = 1; i < edits.length; i++) {
    if ((edits[i] as Edit).end > (edits[i - 1] as Edit).start) {
      return { error: "repairs overlap; nothing changed" };
    }
  }
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.value + out.slice(e.end);
  const meant: MetaChange = Object.assign({}, ...chosen.map((f) => f.fix?.reads ?? {}));
  // A new problem in reading the page (front matter that no longer parses, a shortcode that no
  // longer closes) is refused, whatever the metadata reads.
  const problem = readBackProblem(before, out, meant);
  if (problem !== null) {
    return { error: readBackMessage(problem, "the repaired page", "nothing changed") };
  }
  const key = (f: Finding) => `${f.rule}\0${f.line}`;
  const left = new Set(findings.filter((f) => !chosen.includes(f)).map(key));
  if (recheck(out).some((f) => !left.has(key(f)))) {
    return {
      error: "the repaired page still has (or gains) findings the repair was for; nothing changed",
    };
  }
  return { text: out };
}
