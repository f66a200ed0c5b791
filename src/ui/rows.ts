// Which pages the list shows, and in what order: filter by language, status and search, then sort.

import { pageAge } from "../core/age.js";
import { STATUS_FACTS } from "../core/statuses.js";
import { type PageReport, STATUSES, type Status } from "../core/types.js";
import {
  CHANGE_KINDS,
  type ChangeKind,
  COUNTED_KINDS,
  type CountedKind,
  countedKind,
} from "../kinds/kinds.js";
import { type Layout, pathInLanguage } from "../layout/layout.js";
import { shownName } from "../sanitize/terminal.js";
import { safe } from "./text.js";

export type SortKey = "work" | "behind" | "lines" | "age" | "path";
export const SORT_KEYS: readonly SortKey[] = ["work", "behind", "lines", "age", "path"];
export const SORT_LABEL: Record<SortKey, string> = {
  work: "most work",
  behind: "commits behind",
  lines: "lines changed",
  age: "oldest translation",
  path: "path",
};

export type FilterKey = "all" | "needs-work" | Status;
export const FILTER_KEYS: readonly FilterKey[] = ["all", "needs-work", ...STATUSES];
export const FILTER_LABEL: Readonly<Record<FilterKey, string>> = {
  all: "all",
  "needs-work": "needs work",
  ...(Object.fromEntries(STATUSES.map((s) => [s, STATUS_FACTS[s].filterLabel])) as Record<
    Status,
    string
  >),
};

/** Pages whose translation has to be revisited: the English changed, moved, or went away. */
export const NEEDS_WORK: ReadonlySet<Status> = new Set(
  STATUSES.filter((s) => STATUS_FACTS[s].needsWork),
);

/** Pages by the kind of their English change (with --kinds): any, or one kind, or `unknown`
 * (a change whose kind could not be told). */
export type KindFilter = "any" | CountedKind;
export const KIND_FILTERS: readonly KindFilter[] = ["any", ...COUNTED_KINDS];

/** How the list is ordered and filtered: what the dashboard remembers between runs, with the
 * language and the page. */
export interface ListSettings {
  sort: SortKey;
  reverse: boolean;
  filter: FilterKey;
  /** By the kind of the English change (with --kinds); "any" otherwise. */
  kind: KindFilter;
}

/** The choice after `current` in `choices` (before it, for -1), round from the end. */
export function cycle<T>(choices: readonly T[], current: T, dir = 1): T {
  const n = choices.length;
  return choices[(((choices.indexOf(current) + dir) % n) + n) % n] as T;
}

/** The kind of a page's English change (its estimate's when untracked); undefined without
 * --kinds, null when it could not be told. */
export function pageKind(page: PageReport): ChangeKind | null | undefined {
  return (page.estimate ?? page).changeKind;
}

/**
 * How much translating a kind asks for, for the "most work" order: prose first, whitespace
 * last. A kind that could not be told counts as prose (it may well be); no kind at all (no
 * --kinds, or a page whose English did not change) leaves the order to the other keys.
 */
function kindRank(page: PageReport): number {
  const kind = pageKind(page);
  if (kind === undefined) return -1;
  return kind === null ? CHANGE_KINDS.length : CHANGE_KINDS.indexOf(kind);
}

export interface RowQuery {
  /** Absent: the pages of every language, ranked together (the status page's diffs). */
  lang?: string;
  /** The site's layout, to show paths relative to the language folder. */
  layout: Layout;
  sort: SortKey;
  reverse: boolean;
  filter: FilterKey;
  /** Absent: every kind. */
  kind?: KindFilter;
  search: string;
  now: number;
}

/** A page's path inside its language folder (`user/signup.md`), or the whole path otherwise. */
export function shortPath(page: PageReport, layout: Layout): string {
  return pathInLanguage(layout, page.lang, page.path);
}

export function matchesFilter(status: Status, filter: FilterKey): boolean {
  if (filter === "all") return true;
  if (filter === "needs-work") return NEEDS_WORK.has(status);
  return status === filter;
}

/** A page's path as the list and the page view show it (its shortPath printed as the reports
 * print names, `\u200b` for a zero-width space), bounded, to be fitted to its room. */
export function shownPath(page: PageReport, layout: Layout): string {
  return safe(shownName(shortPath(page, layout)));
}

/** Every whitespace-separated term occurs in the path as it is shown or as it is (a term typed
 * as the list shows it, `\u200b`, or pasted raw), ignoring case. */
export function matchesSearch(path: string, search: string): boolean {
  const terms = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const raw = path.toLowerCase();
  const shown = shownName(path).toLowerCase();
  return terms.every((t) => raw.includes(t) || shown.includes(t));
}

/**
 * The numbers a page is sorted and shown by: its own, or for a page without metadata its
 * estimate's, so that untracked pages are listed by how far they probably are behind (always
 * shown marked as estimated).
 */
export function drift(page: PageReport): {
  commitsBehind: number | null;
  linesAdded: number | null;
  linesRemoved: number | null;
} {
  return page.estimate ?? page;
}

/** Indices into `pages` of the rows to show, in display order. */
export function buildRows(pages: readonly PageReport[], q: RowQuery): number[] {
  const keyed: Array<{ i: number; page: PageReport; path: string; lines: number; age: number }> =
    [];
  pages.forEach((page, i) => {
    if ((q.lang !== undefined && page.lang !== q.lang) || !matchesFilter(page.status, q.filter))
      return;
    if (q.kind && q.kind !== "any" && countedKind(pageKind(page)) !== q.kind) return;
    const path = shortPath(page, q.layout);
    if (!matchesSearch(path, q.search)) return;
    const n = drift(page);
    const lines =
      n.linesAdded === null && n.linesRemoved === null
        ? -1
        : (n.linesAdded ?? 0) + (n.linesRemoved ?? 0);
    keyed.push({
      i,
      page,
      path,
      lines,
      age: pageAge(page, q.now)?.days ?? -1,
    });
  });
  type K = (typeof keyed)[number];
  const behind = (k: K) => drift(k.page).commitsBehind ?? -1;
  // Across languages, the same page of two languages is told apart by the language's name.
  const byPath = (a: K, b: K) =>
    a.path < b.path
      ? -1
      : a.path > b.path
        ? 1
        : a.page.lang < b.page.lang
          ? -1
          : a.page.lang > b.page.lang
            ? 1
            : a.i - b.i;
  const cmp: Record<SortKey, (a: K, b: K) => number> = {
    work: (a, b) =>
      STATUS_FACTS[a.page.status].tier - STATUS_FACTS[b.page.status].tier ||
      kindRank(b.page) - kindRank(a.page) ||
      behind(b) - behind(a) ||
      b.lines - a.lines ||
      STATUSES.indexOf(a.page.status) - STATUSES.indexOf(b.page.status) ||
      byPath(a, b),
    behind: (a, b) => behind(b) - behind(a) || b.lines - a.lines || byPath(a, b),
    lines: (a, b) => b.lines - a.lines || behind(b) - behind(a) || byPath(a, b),
    age: (a, b) => b.age - a.age || cmp.work(a, b),
    path: byPath,
  };
  keyed.sort(cmp[q.sort]);
  const out = keyed.map((k) => k.i);
  return q.reverse ? out.reverse() : out;
}
