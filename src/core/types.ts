// Plain data shared by the scan, the reports and the dashboard. Nothing here touches git or the disk.

import type { ChangeKind, CountedKind } from "../kinds/kinds.js";
import type { LayoutDescription } from "../layout/layout.js";

export const STATUSES = [
  "outdated",
  "moved",
  "source-missing",
  "unknown-commit",
  "untracked",
  "missing",
  "up-to-date",
] as const;

export type Status = (typeof STATUSES)[number];

/** What a translated page says about the English commit it was translated from. */
export interface PageMeta {
  /** Where the metadata was found. */
  kind: "shortcode" | "front-matter";
  /** The commit exactly as written in the page (untrusted, unvalidated). */
  rawCommit: string;
  rawTitle: string | null;
  rawLink: string | null;
  lastTranslationTime: string | null;
  /** 1-based line of the page where the metadata starts (for annotations). */
  line: number;
  /** Why metadata the page plainly holds could not be read (its commit then counts as unknown). */
  unreadable?: string;
  /** OpenTelemetry's `drifted_from_default`, as written, when the front matter has it. */
  drifted?: string;
}

export interface CommitInfo {
  hash: string;
  /** Author date, ISO 8601 with offset, as git recorded it. */
  date: string;
  author: string;
  subject: string;
  /** With --kinds: what this commit's change to the page's English source was (null when it
   * cannot be told: a binary or over-large file). Absent without --kinds. */
  changeKind?: ChangeKind | null;
  /** With a `front-matter` changeKind: the top-level keys it changed. */
  changedKeys?: readonly string[];
  /** With --kinds: the commit changed this translation too (a mechanical edit across
   * languages, such as a link migration). Absent otherwise. */
  withTranslation?: true;
}

/** The kind of the English change since raw_commit, on reports made with --kinds. */
export interface ChangeKindFields {
  changeKind?: ChangeKind | null;
  changedKeys?: readonly string[];
  /** What the English change did to the page's structure: sections, code blocks, lists,
   * tables, images and shortcodes added, removed or changed. Absent when nothing. */
  structureChanges?: readonly string[];
}

/** Why an estimate names its commit: the only basis there is, as Kubernetes' lsync uses it. */
export const ESTIMATE_BASIS = "last change of the translation";

/**
 * For a translation without metadata: the English commit it probably follows (the last commit
 * that changed the translation, skipping ignored ones), and the English source's drift since
 * then, measured exactly as for a raw_commit. A guess at the baseline, never a fact about it.
 */
export interface Estimate extends ChangeKindFields {
  rawCommit: string;
  basis: typeof ESTIMATE_BASIS;
  commitsBehind: number | null;
  linesAdded: number | null;
  linesRemoved: number | null;
}

export interface PageReport extends ChangeKindFields {
  lang: string;
  /** Repo-relative path of the translation (the would-be path for `missing`). */
  path: string;
  /** Repo-relative path of the English source at HEAD (or at raw_commit when it is gone). */
  sourcePath: string;
  status: Status;
  rawCommit: string | null;
  lastTranslationTime: string | null;
  /** raw_commit's author date (ISO 8601, as git recorded it), only on a page that records no
   * translation date (front matter sites) and whose raw_commit the history has: its age is
   * counted from it (see core/age.ts pageAge). */
  rawCommitDate?: string;
  commitsBehind: number | null;
  linesAdded: number | null;
  linesRemoved: number | null;
  /** English commits in raw_commit..HEAD that touch the source, newest first. */
  commits: readonly CommitInfo[];
  movedFrom: string | null;
  warnings: readonly string[];
  /** 1-based line of the metadata in the translation, null when there is none. */
  metaLine: number | null;
  rawTitle: string | null;
  /** Only on `untracked` pages with a commit that changed them (absent otherwise, so reports of
   * pages with metadata are as they were). */
  estimate?: Estimate;
}

export type Summary = Record<string, Record<Status | "total", number>>;

export interface ScanResult {
  schemaVersion: 1;
  head: string;
  headDate: string | null;
  shallow: boolean;
  source: string;
  content: string;
  languages: string[];
  pages: PageReport[];
  summary: Summary;
  warnings: string[];
  /** Where the English pages and their translations are, when not `<content>/<lang>/`. */
  layout?: LayoutDescription;
  /** With --kinds: per language, how many pages' English changed by each kind (an estimate's
   * kind counts for an untracked page), `unknown` for a change whose kind could not be told. */
  kinds?: Record<string, Partial<Record<CountedKind, number>>>;
  /** The work tree of the repository the English pages, `head` and every commit come from,
   * when it is not the translations' own (MDN's two repositories). */
  sourceRepo?: string;
}
