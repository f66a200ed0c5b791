// The one check of every writer of metadata (stamp, stamp --init, lint --fix): the page as it
// would be written is read again, and must read the metadata meant, and nothing else changed,
// with no new problem in reading it. A write that fails it is not made.
import type { PageMeta } from "../core/types.js";
import { type MetaResult, readMeta } from "./read.js";
import { pageText } from "./warning.js";

/** What a written page's metadata must read: the values set, the rest as before. For a page
 * that had none, a commit means the page now has metadata (only the values named are
 * compared); no commit, that it still has none. */
export type MeantMeta = Partial<PageMeta>;

/** Why a written page does not read back as meant. */
export type ReadBackProblem =
  /** A warning reading the page before did not give (page text, for a message). */
  { newWarning: string } | { wrongMeta: true };

/** Everything a page's metadata says, compared when the page had metadata before. */
const FIELDS = [
  "kind",
  "rawCommit",
  "rawTitle",
  "rawLink",
  "lastTranslationTime",
  "line",
  "unreadable",
  "drifted",
] as const satisfies readonly (keyof PageMeta)[];

/** Why `written` (the page after the write) does not read back as `before` (the page's reading
 * before it) with `meant` set; null when it does. */
export function readBackProblem(
  before: MetaResult,
  written: string,
  meant: MeantMeta,
): ReadBackProblem | null {
  const after = readMeta(written);
  const known = new Set(before.warnings.map(warningKind));
  const added = after.warnings.find((w) => !known.has(warningKind(w)));
  if (added !== undefined) return { newWarning: added };
  return readsAsMeant(before.meta, after.meta, meant) ? null : { wrongMeta: true };
}

/** A writer's refusal for `problem`: `what` is the page as written ("the repaired page"), `then`
 * what became of it ("nothing changed"). */
export function readBackMessage(problem: ReadBackProblem, what: string, then: string): string {
  return "newWarning" in problem
    ? `${what} would read with a new problem (${pageText(problem.newWarning)}); ${then}`
    : `${what} would not read back correctly; ${then}`;
}

/**
 * A warning without the lines and columns it names: the same problem on another line is no new
 * one (removing OpenTelemetry's drift key moves every line below it up by one).
 */
function warningKind(warning: string): string {
  return warning.replace(/\b(line|column) \d+/g, "$1 #");
}

function readsAsMeant(before: PageMeta | null, after: PageMeta | null, meant: MeantMeta): boolean {
  if (before === null) {
    // A page that records no metadata before or after (a date key renamed in front matter that
    // has no commit key) has none to compare.
    if (meant.rawCommit === undefined) return after === null;
    if (after === null || after.unreadable !== undefined) return false;
    return (Object.keys(meant) as (keyof PageMeta)[]).every((k) => meant[k] === after[k]);
  }
  if (after === null) return false;
  const want: PageMeta = { ...before, ...meant };
  return FIELDS.every((k) => want[k] === after[k]);
}
