// Everything there is to say about each status, in one table: the plain report, the dashboard,
// Markdown, GitHub output, the help screen and `check`'s defaults all read it, so a status is
// added or changed here and nowhere else.
import { STATUSES, type Status } from "./types.js";

export interface StatusFacts {
  /** Reads without colour: the table, the dashboard and the legend use it. */
  symbol: string;
  /** A heading or table column ("Source missing"). */
  label: string;
  /** The filter's name in the dashboard. */
  filterLabel: string;
  /** What it means, for the help screen. */
  meaning: string;
  /** Colour name for the dashboard (Ink) and its ANSI SGR code for the plain table. */
  color: string;
  ansi: string;
  /** The translation has to be revisited: the English changed, moved, or went away. */
  needsWork: boolean;
  /** Fails `check` unless --fail-on says otherwise. */
  failsByDefault: boolean;
  /** "Most work first": needs-work pages, then untracked, missing, up to date. */
  tier: number;
}

/** In the order of most work first, which is also the order of `STATUSES`. */
export const STATUS_FACTS: Readonly<Record<Status, StatusFacts>> = {
  outdated: {
    symbol: "!",
    label: "Outdated",
    filterLabel: "outdated",
    meaning: "the English page changed since the translation",
    color: "yellow",
    ansi: "33",
    needsWork: true,
    failsByDefault: true,
    tier: 0,
  },
  moved: {
    symbol: "→",
    label: "Moved",
    filterLabel: "moved",
    meaning: "the English page was renamed or moved since",
    color: "magenta",
    ansi: "35",
    needsWork: true,
    failsByDefault: true,
    tier: 0,
  },
  "source-missing": {
    symbol: "✗",
    label: "Source missing",
    filterLabel: "source-missing",
    meaning: "the English page was deleted since",
    color: "red",
    ansi: "31",
    needsWork: true,
    failsByDefault: true,
    tier: 0,
  },
  "unknown-commit": {
    symbol: "?",
    label: "Unknown commit",
    filterLabel: "unknown-commit",
    meaning: "raw_commit is malformed, not a commit of this repository, or unreadable",
    color: "red",
    ansi: "31",
    needsWork: true,
    failsByDefault: true,
    tier: 0,
  },
  untracked: {
    symbol: "·",
    label: "Untracked",
    filterLabel: "untracked",
    meaning: "the translation records no raw_commit",
    color: "gray",
    ansi: "90",
    needsWork: false,
    failsByDefault: false,
    tier: 1,
  },
  missing: {
    symbol: "+",
    label: "Missing",
    filterLabel: "missing",
    meaning: "not translated yet",
    color: "cyan",
    ansi: "36",
    needsWork: false,
    failsByDefault: false,
    tier: 2,
  },
  "up-to-date": {
    symbol: "✓",
    label: "Up to date",
    filterLabel: "up-to-date",
    meaning: "the English page is as it was when translated",
    color: "green",
    ansi: "32",
    needsWork: false,
    failsByDefault: false,
    tier: 3,
  },
};

/** The plain report's and Markdown's order: up to date first, then the ways a page is behind. */
export const REPORT_ORDER: readonly Status[] = [
  "up-to-date",
  ...STATUSES.filter((s) => s !== "up-to-date"),
];

/** Each status's symbol, for the places that only need that. */
export const STATUS_SYMBOL: Readonly<Record<Status, string>> = Object.fromEntries(
  Object.entries(STATUS_FACTS).map(([status, facts]) => [status, facts.symbol]),
) as Record<Status, string>;
