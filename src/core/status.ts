// The status of a page follows from a handful of facts; keeping that decision pure makes every
// rule testable without a repository.
import { STATUS_FACTS } from "./statuses.js";
import { type PageReport, STATUSES, type Status, type Summary } from "./types.js";

export type RawState =
  | { kind: "none" }
  | { kind: "malformed" }
  | {
      kind: "unresolved";
      why: string /** Only a shallow clone keeps git from knowing. */;
      shallow?: true;
    }
  | { kind: "ok"; hash: string };

export interface PageFacts {
  raw: RawState;
  /** Blob of the English source at HEAD under the page's own path, null when absent. */
  sourceAtHead: string | null;
  /** Blob of the English source at raw_commit (at the estimate, for a page without metadata),
   * null when absent. */
  sourceAtRaw: string | null;
  /** Where the source lives at HEAD after following renames (since the estimate, for a page
   * without metadata), null when it was not renamed. */
  movedTo: string | null;
}

export function decideStatus(f: PageFacts): Status {
  // A page without metadata has no baseline, but one whose English page is nowhere at HEAD
  // translates nothing: that is said, rather than hidden among pages merely lacking metadata.
  if (f.raw.kind === "none") {
    return f.sourceAtHead === null && f.movedTo === null ? "source-missing" : "untracked";
  }
  if (f.raw.kind !== "ok") return "unknown-commit";
  if (f.sourceAtHead === null) return f.movedTo !== null ? "moved" : "source-missing";
  return f.sourceAtHead === f.sourceAtRaw ? "up-to-date" : "outdated";
}

/**
 * A `source-missing` page without metadata: no English page has its path at HEAD, and nothing
 * says one ever had (a translation of a page that never existed in English, or of one deleted
 * before anyone can tell). Outputs must not name its English path as a page that was deleted.
 */
export function translatesNothing(page: Pick<PageReport, "status" | "rawCommit">): boolean {
  return page.status === "source-missing" && page.rawCommit === null;
}

/** An `unknown-commit` page that could not be read at all: it has no raw_commit, and its warning
 * says why (see scan/reports.ts). */
export function wasNotRead(page: Pick<PageReport, "rawCommit" | "warnings">): boolean {
  return page.rawCommit === null && page.warnings.length > 0;
}

/**
 * Why an `unknown-commit` page's raw_commit cannot be used: the scan says it in the page's
 * warnings (malformed, not a commit of this repository, a clone too shallow to tell, front
 * matter that does not parse), so the one sentence every output gives quotes them rather than
 * guessing one cause for all.
 */
export function unknownCommitText(page: Pick<PageReport, "rawCommit" | "warnings">): string {
  // A page that could not be read has no raw_commit to quote; its warning says why.
  if (wasNotRead(page)) return page.warnings.join("; ");
  const raw = `raw_commit ${JSON.stringify(page.rawCommit ?? "")}`;
  return page.warnings.length > 0
    ? `${raw} cannot be used: ${page.warnings.join("; ")}`
    : `${raw}: ${STATUS_FACTS["unknown-commit"].meaning}`;
}

export function summarize(languages: readonly string[], pages: readonly PageReport[]): Summary {
  const summary: Summary = {};
  for (const lang of languages) {
    const row = { total: 0 } as Record<Status | "total", number>;
    for (const s of STATUSES) row[s] = 0;
    summary[lang] = row;
  }
  for (const page of pages) {
    const row = summary[page.lang];
    if (!row) continue;
    row.total += 1;
    row[page.status] += 1;
  }
  return summary;
}

/** Pages ordered as people read them: by language, then path. */
export function byLanguageAndPath(a: PageReport, b: PageReport): number {
  if (a.lang !== b.lang) return a.lang < b.lang ? -1 : 1;
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
