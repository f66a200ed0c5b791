// The status of a page follows from a handful of facts; keeping that decision pure makes every
// rule testable without a repository.
import { type PageReport, STATUSES, type Status, type Summary } from "./types.js";

export type RawState =
  | { kind: "none" }
  | { kind: "malformed" }
  | { kind: "unresolved"; why: string }
  | { kind: "ok"; hash: string };

export interface PageFacts {
  raw: RawState;
  /** Blob of the English source at HEAD under the page's own path, null when absent. */
  sourceAtHead: string | null;
  /** Blob of the English source at raw_commit, null when absent. */
  sourceAtRaw: string | null;
  /** Where the source lives at HEAD after following renames, null when it was not renamed. */
  movedTo: string | null;
}

export function decideStatus(f: PageFacts): Status {
  if (f.raw.kind === "none") return "untracked";
  if (f.raw.kind !== "ok") return "unknown-commit";
  if (f.sourceAtHead === null) return f.movedTo !== null ? "moved" : "source-missing";
  return f.sourceAtHead === f.sourceAtRaw ? "up-to-date" : "outdated";
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
