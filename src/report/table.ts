// The plain report for people: one line per page, grouped by language, then a summary line.
import { type Selection, selectsAll } from "../core/select.js";
import { REPORT_ORDER, STATUS_FACTS, STATUS_SYMBOL } from "../core/statuses.js";
import type { PageReport, ScanResult, Status } from "../core/types.js";
import { type ChangeKind, kindCounts, kindText, structureChangesText } from "../kinds/kinds.js";
import type { ShowChoice } from "../options/defaults.js";
import { inertLine } from "../sanitize/github.js";
import { shownName } from "../sanitize/terminal.js";
import { groupWarnings, sharedWarnings, warningText } from "./warnings.js";

// Untrusted text (paths, warnings quoting pages) goes to a terminal that is often a CI log, so
// it is made visible and inert there too: GitHub's runner acts on `##[error]` anywhere in a line.
const text = inertLine;

/** The commit the pages were compared with, and whose it is when the English pages are in
 * another repository. */
export function headLine(result: ScanResult): string {
  const of = result.sourceRepo ? ` of the English repository ${text(result.sourceRepo)}` : "";
  return `HEAD ${result.head.slice(0, 12)}${of}${result.shallow ? "  (shallow clone)" : ""}`;
}

/** How the table and Markdown reports list pages (the JSON always lists every one). */
export interface Listing {
  /** Missing pages one by one; otherwise one line counts them per language. */
  missing: boolean;
  /** Only some pages were selected (PATH, --status): a language with none is left out rather
   * than shown as "0 pages". */
  narrowed: boolean;
}

export const FULL_LISTING: Listing = { missing: true, narrowed: false };

/** The listing `--show` and the selection ask for: `--status missing` lists them too. */
export function listingOf(show: readonly ShowChoice[], selection: Selection): Listing {
  return {
    missing: show.includes("missing") || (selection.statuses?.includes("missing") ?? false),
    narrowed: !selectsAll(selection),
  };
}

/** The languages a report shows: those with a selected page when narrowed. */
export function listedLanguages(result: ScanResult, listing: Listing): string[] {
  if (!listing.narrowed) return result.languages;
  return result.languages.filter((l) => (result.summary[l]?.total ?? 0) > 0);
}

/** The line that stands for a language's missing pages when they are not listed. */
export function foldedMissingLine(count: number): string {
  return `  ${STATUS_SYMBOL.missing} ${count} missing: not translated yet (--show missing lists them)`;
}

export function renderTable(
  result: ScanResult,
  color: boolean,
  listing: Listing = FULL_LISTING,
): string {
  const lines: string[] = [];
  lines.push(headLine(result));
  lines.push(...warningLines(result.warnings, result.content, "warning: "));
  for (const lang of listedLanguages(result, listing)) {
    lines.push("", text(lang));
    const kinds = result.kinds !== undefined;
    let folded = 0;
    const pages = result.pages.filter((p) => p.lang === lang);
    const shared = sharedWarnings(pages);
    for (const page of pages) {
      if (page.status === "missing" && !listing.missing) {
        folded++;
        continue;
      }
      lines.push(pageLine(page, color, kinds));
      lines.push(...structureLines(page));
      lines.push(...warningLines(shared.own(page), result.content, "      warning: "));
    }
    lines.push(...shared.lines("  warning: ", inertLine));
    if (folded > 0) lines.push(foldedMissingLine(folded));
    const s = result.summary[lang];
    if (s) lines.push(summaryLine(s));
    const k = result.kinds?.[lang];
    if (k) lines.push(kindsLine(k));
  }
  return `${lines.join("\n")}\n`;
}

/** With --kinds, what the English change did to the page's structure: where to look. */
export function structureLines(page: PageReport): string[] {
  const changes = structureChangesText(page.estimate ?? page);
  return changes === "" ? [] : [`      English structure: ${text(changes)}`];
}

/** Warnings, those that say the same thing as one line with a count; each line after `prefix`. */
export function warningLines(
  warnings: readonly string[],
  content: string,
  prefix: string,
): string[] {
  if (warnings.length === 0) return [];
  return groupWarnings(warnings, content).map((g) => `${prefix}${warningText(g, text)}`);
}

/** One page: status (symbol and word, coloured when asked), commits behind, lines, with
 * `kinds` the kind of its English change (an estimate's with "~"), path. */
export function pageLine(page: PageReport, color: boolean, kinds = false): string {
  const status = `${STATUS_SYMBOL[page.status]} ${page.status}`.padEnd(16);
  const painted = color ? `\x1b[${STATUS_FACTS[page.status].ansi}m${status}\x1b[0m` : status;
  const kind = kinds ? `${kindColumn(page)} ` : "";
  return `  ${painted} ${numbers(page)}  ${kind}${pathText(page)}`;
}

/** The kind without its keys, which would push the paths out of line: the JSON has them. */
function kindColumn(page: PageReport): string {
  const n = page.estimate ?? page;
  const about = page.estimate && n.changeKind !== undefined ? "~" : "";
  return `${about}${kindText({ changeKind: n.changeKind })}`.padEnd(13);
}

/** A language's pages by the kind of their English change, e.g. "changes: 3 prose, 1 typo". */
export function kindsLine(row: Partial<Record<ChangeKind, number>>): string {
  return `  changes: ${kindCounts(row) || "none"}`;
}

/** A language's totals, e.g. "11 pages: 2 up-to-date, 3 outdated". */
export function summaryLine(row: Record<Status | "total", number>): string {
  const parts = REPORT_ORDER.filter((k) => row[k] > 0).map((k) => `${row[k]} ${k}`);
  return `  ${row.total} ${row.total === 1 ? "page" : "pages"}: ${parts.join(", ") || "none"}`;
}

/** Commits behind and lines changed; an estimate's with "~" before them, and the baseline
 * named after the path (see pathText), so they never read as measured from metadata. */
function numbers(page: PageReport): string {
  const n = page.estimate ?? page;
  const about = page.estimate ? "~" : "";
  const behind = n.commitsBehind === null ? "" : `${about}${n.commitsBehind} behind`;
  const diff = n.linesAdded === null ? "" : `${about}+${n.linesAdded} -${n.linesRemoved ?? 0}`;
  return `${behind.padStart(10)} ${diff.padEnd(11)}`;
}

function pathText(page: PageReport): string {
  const moved = page.movedFrom ? `  (English moved to ${text(shownName(page.sourcePath))})` : "";
  const estimate = page.estimate ? `  (est. from ${page.estimate.rawCommit.slice(0, 12)})` : "";
  return `${text(shownName(page.path))}${moved}${estimate}`;
}
