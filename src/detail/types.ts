// Plain data the dashboard shows for one page once it is opened. Nothing here touches git, so the
// UI can import these types without pulling in the code that reads the repository.
import type { PageReport } from "../core/types.js";

/** One version of the English source, as read from the repository. */
export type BlobText =
  | { kind: "text"; text: string }
  /** The file did not exist on that side (added, deleted, or never there). */
  | { kind: "absent" }
  | { kind: "binary" }
  | { kind: "too-large"; size: number }
  /** The repository does not have the object (e.g. a partial clone). */
  | { kind: "unreadable" };

/** One line of a unified diff, ready to render. Texts are raw (untrusted): sanitize at render. */
export type DiffRow =
  | { kind: "hunk"; text: string }
  | { kind: "context"; text: string; oldNo: number; newNo: number }
  /** `pair` is the row index of the line this one replaced (or was replaced by), if any. */
  | { kind: "del"; text: string; oldNo: number; pair: number | null }
  | { kind: "add"; text: string; newNo: number; pair: number | null }
  | { kind: "note"; text: string };

export interface DiffModel {
  rows: DiffRow[];
  added: number;
  removed: number;
  /** Why there is nothing (or not everything) to show; null for a complete diff. */
  notice: string | null;
  /** True when rows were cut to the cap. */
  truncated: boolean;
}

/** A piece of a changed line; `changed` pieces are the words that differ from the paired line. */
export interface Segment {
  text: string;
  changed: boolean;
}

export interface PageLinks {
  /** GitHub compare view raw_commit...HEAD, when the remote is on GitHub and raw_commit is known. */
  compare: string | null;
  /** GitHub history of the English source at HEAD. */
  history: string | null;
}

/** What marking a page as updated came to: the page as a new scan would report it, or why not. */
export type MarkOutcome = { ok: true; page: PageReport } | { ok: false; error: string };

/**
 * Where the dashboard gets the English diffs and links of a page, by the page's index in
 * `ScanResult.pages`, and how it marks a page as updated. Implementations read blobs lazily and
 * cache the results.
 */
export interface DetailSource {
  /** English source from the page's raw_commit to HEAD. */
  wholeDiff(page: number): Promise<DiffModel>;
  /** English source before and after one of the page's listed commits. */
  commitDiff(page: number, hash: string): Promise<DiffModel>;
  links(page: number): PageLinks;
  /** The commit the page's raw_commit resolved to, null when it did not resolve (or there is none). */
  rawHash(page: number): string | null;
  /**
   * Records in the translation that it was brought up to date with the scan's HEAD (raw_commit,
   * and the translation date where the page has one), or with `commit`, one of the page's
   * listed English commits, when the translation covers the changes up to that one only.
   * Afterwards the other methods answer for the updated page.
   */
  markUpdated(page: number, commit?: string): Promise<MarkOutcome>;
  /** Why markUpdated(page, commit) would refuse, found by a dry run of the write; null when it
   * would write. Asked before the translator is, so a refusal is not preceded by a question. */
  checkMark(page: number, commit?: string): Promise<string | null>;
  /** Reads the page again (after it was edited) and measures it as the scan would. */
  rescan(page: number): Promise<MarkOutcome>;
}
