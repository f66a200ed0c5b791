// The rules git decides: what raw_commit names, and whether the page's date and English page fit
// it. Pure: the scan gathers the facts (one batched lookup, the history it reads anyway) and its
// page warnings are these findings' messages; `lint` lists them.

import { parseTranslationTime } from "../core/age.js";
import type { PageMeta } from "../core/types.js";
import { type Finding, finding } from "./finding.js";

/** The malformed raw_commit's message, as the scan has always worded it. */
export const MALFORMED = "raw_commit is not a commit hash (expected 7 to 64 hex digits)";

function at(meta: PageMeta) {
  return { line: meta.line, column: 1 };
}

/** A raw_commit that names no commit: not hex, ambiguous, not a commit, a branch's name too. */
export function invalidCommit(meta: PageMeta, why: string): Finding {
  return finding("raw-commit-invalid", at(meta), why);
}

/** A raw_commit that resolved, but is not in HEAD's history. */
export function notAncestor(meta: PageMeta, onSomeRef: boolean): Finding {
  return finding(
    "raw-commit-not-ancestor",
    at(meta),
    onSomeRef
      ? "raw_commit is not an ancestor of HEAD (it is on another branch)"
      : "raw_commit is not an ancestor of HEAD and on no branch or tag (from a fork, or a rebased or squashed branch)",
  );
}

export function sourceMissingAtCommit(meta: PageMeta): Finding {
  return finding(
    "source-missing-at-commit",
    at(meta),
    "the English source did not exist at raw_commit under this path",
  );
}

/** raw_commit written shorter than `full`, the commit it names; null when written in full. */
export function abbreviated(meta: PageMeta, full: string): Finding | null {
  if (meta.rawCommit.trim().toLowerCase() === full) return null;
  return finding(
    "raw-commit-abbreviated",
    at(meta),
    `raw_commit is abbreviated; the commit is ${full}`,
  );
}

/** A whole day and a half: a date without a time is the translator's own day, in any zone. */
const ZONE_SLACK_MS = 36 * 3_600_000;

/**
 * A translation date before raw_commit was made, wherever the translator was: a day's end in the
 * last time zone is 36 hours after its start in UTC. `commitDate` is ISO 8601.
 */
export function dateBeforeCommit(meta: PageMeta, commitDate: string): Finding | null {
  const value = meta.lastTranslationTime;
  const date = parseTranslationTime(value);
  const commit = Date.parse(commitDate);
  if (value === null || date === null || !Number.isFinite(commit)) return null;
  const latest = value.trim().length === 10 ? date + ZONE_SLACK_MS : date;
  if (latest >= commit) return null;
  return finding(
    "date-before-commit",
    at(meta),
    `last_translation_time ${JSON.stringify(value.trim())} is before raw_commit was made (${commitDate.slice(0, 10)})`,
  );
}
