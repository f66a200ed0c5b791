// The date rules a stamp must pass before it writes: a page stamped with a day that lint then
// rejects (in the future, or before the commit it records) would fail the project's own check
// right after, so stamp refuses it in lint's own words.
import type { PageMeta } from "../core/types.js";
import { dateBeforeCommit } from "./commit-rules.js";
import type { Finding } from "./finding.js";
import { dateFinding } from "./page-rules.js";

/**
 * What lint would find wrong with the date in `meta` (a page's metadata as stamp would write
 * it); null when it passes. `commitDate` is the recorded commit's author date (ISO 8601), `now`
 * the time lint judges at.
 */
export function stampedDateFinding(
  meta: PageMeta,
  commitDate: string,
  now: number,
): Finding | null {
  return (
    dateFinding(meta.lastTranslationTime, now, { line: meta.line, column: 1 }) ??
    dateBeforeCommit(meta, commitDate)
  );
}
