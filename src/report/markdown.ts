// `check --format markdown` (and the GitHub job summary): a summary table with one row per
// language, then per language a checklist of the pages to update, worst first, with links to
// GitHub when the repository is known and the English commits folded into <details>. Page paths,
// titles, subjects, authors, refs and warnings come from strangers: every one of them goes through
// mdText / mdCode / mdLink, so none can break a table, open HTML, make a link or mention someone.

import { basename } from "node:path";
import { type CheckedPage, type CheckReport, changedSinceLine } from "../check/evaluate.js";
import { describeThresholds, linesChanged } from "../check/thresholds.js";
import { ageWords, pageAge } from "../core/age.js";
import { translatesNothing } from "../core/status.js";
import { REPORT_ORDER, STATUS_FACTS } from "../core/statuses.js";
import type { Estimate } from "../core/types.js";
import { commitUrl, compareUrl, type GitHubRepo, historyUrl } from "../git/remote.js";
import { isFullHash, parseRawCommit } from "../git/revision.js";
import { commitKindText, kindCounts, kindText, structureChangesText } from "../kinds/kinds.js";
import { mdCode, mdLink, mdName, mdText, mdTextWithCode } from "../sanitize/markdown.js";
import { FULL_LISTING, type Listing, listedLanguages } from "./table.js";
import { groupWarnings, sharedWarnings, warningText } from "./warnings.js";

export interface MarkdownOptions {
  /** Where the repository lives on GitHub, for links; null for no links. */
  github: GitHubRepo | null;
  /** Upper bound for the UTF-8 size of the report; pages that do not fit are counted, not listed.
   * At least LEAST_MAX_SIZE (options/defaults.ts): below it the closing note may not fit. */
  maxBytes?: number;
  /** English commits listed per page before "and N more". */
  maxCommits?: number;
  /** What the closing note on pages left out says after the colon: the size it keeps to and
   * where the rest is. By default the job summary's ("... kept under N KiB. Run ..."). */
  limitNote?: string;
  /** Whether missing pages are listed or counted (see table.ts); all are listed by default. */
  listing?: Listing;
}

/** GitHub refuses job summaries over 1 MiB; stay a little below. */
export const SUMMARY_MAX_BYTES = 1024 * 1024 - 4096;
const DEFAULT_MAX_COMMITS = 20;

const bytes = (s: string) => Buffer.byteLength(s, "utf8");
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function renderMarkdown(report: CheckReport, opts: MarkdownOptions): string {
  const maxBytes = opts.maxBytes ?? Number.POSITIVE_INFINITY;
  const { result } = report;
  const failed = report.failing.length;
  const total = result.pages.length;

  const head: string[] = ["## Translation status", ""];
  head.push(
    failed === 0
      ? `**OK**: no page breaks the thresholds (${plural(total, "page", "pages")} checked).`
      : `**FAIL**: ${failed} of ${plural(total, "page needs", "pages need")} an update.`,
  );
  head.push("");
  // With two repositories, which one HEAD is; by folder name only, as the summary is public.
  const facts = [
    `HEAD ${mdCode(result.head.slice(0, 12))}${result.sourceRepo ? ` of the English repository ${mdCode(basename(result.sourceRepo))}` : ""}`,
  ];
  if (report.changedSince) {
    facts.push(changedSinceLine(report.changedSince, { ref: mdCode, hash: mdCode }));
  }
  facts.push(`rule: ${mdText(describeThresholds(report.thresholds))}`);
  head.push(`${facts.join(" · ")}`, "");

  // In a pull request's run (--changed-since), a language with no failing page has nothing to
  // report: its changed English pages are untranslated there, or its translations pass.
  const failingLangs = new Set(report.failing.map((c) => c.page.lang));
  const listing = opts.listing ?? FULL_LISTING;
  const tabled = report.changedSince
    ? result.languages.filter((l) => failingLangs.has(l))
    : listedLanguages(result, listing);
  const shown = REPORT_ORDER.filter((s) => tabled.some((l) => (result.summary[l]?.[s] ?? 0) > 0));
  // With --kinds, each language's changed pages counted by the kind of their English change.
  const kinds = result.kinds;
  const row = (cells: readonly string[]) => `| ${cells.join(" | ")} |\n`;
  if (tabled.length > 0) {
    head.push(
      row([
        "Language",
        "Pages",
        "Failing",
        ...shown.map((s) => STATUS_FACTS[s].label),
        ...(kinds ? ["English changes"] : []),
      ]).trimEnd(),
    );
    head.push(
      row([
        "---",
        ...Array.from({ length: shown.length + 2 }, () => "---:"),
        ...(kinds ? ["---"] : []),
      ]).trimEnd(),
    );
  }
  // The part above is small; only a hostile ref or rule could make it too big to fit at all.
  const note = opts.limitNote ?? defaultLimitNote(maxBytes);
  const room = maxBytes - noteRoom(report, tabled.length, note, maxBytes);
  let top = `${head.join("\n")}\n`;
  if (bytes(top) > room) top = hardCut(top, room);

  // Each language's failing pages, worst first (a hostile site can have thousands of languages).
  const failingIn = new Map<string, CheckedPage[]>();
  for (const c of report.failing) {
    const list = failingIn.get(c.page.lang);
    if (list) list.push(c);
    else failingIn.set(c.page.lang, [c]);
  }

  // Everything below is made of whole pieces (a table row, a page with its <details>, a warning),
  // each kept or left out whole, so a cut never ends inside a table row or an open <details>.
  // What is left out is counted in a closing note, whose room is kept free from the start. The
  // table's rows have the room first, up to half of it (a hostile site can have thousands of
  // languages, and the worst pages must still be named); then the failing pages, then the
  // warnings.
  const fits = budget(room - bytes(top));
  const tableFits = budget(Math.floor((room - bytes(top)) / 2));
  const rows: string[] = [];
  for (const lang of tabled) {
    const counts = result.summary[lang];
    const fails = failingIn.get(lang)?.length ?? 0;
    const line = row([
      mdText(lang),
      String(counts?.total ?? 0),
      String(fails),
      ...shown.map((s) => String(counts?.[s] ?? 0)),
      ...(kinds ? [kindCounts(kinds[lang] ?? {}) || "none"] : []),
    ]);
    if (!tableFits(line) || !fits(line)) break;
    rows.push(line);
  }

  const pageParts: string[] = [];
  let listed = 0;
  for (const lang of result.languages) {
    const failing = failingIn.get(lang) ?? [];
    if (failing.length === 0) continue;
    const heading = `### ${mdText(lang)}: ${plural(failing.length, "page", "pages")} to update\n\n`;
    // Untranslated pages are one line of their own unless asked for one by one.
    const pages = listing.missing ? failing : failing.filter((c) => c.page.status !== "missing");
    const folded = failing.length - pages.length;
    const items: string[] = [];
    // A warning several of these pages share is said once, after them, as the table does.
    const shared = sharedWarnings(pages.map((c) => c.page));
    for (const checked of pages) {
      const item = pageItem(checked, report, opts, shared.own(checked.page));
      if (!fits(items.length === 0 ? heading + item : item)) break;
      items.push(item);
    }
    let shown = items.length;
    if (shown === pages.length) {
      for (const g of shared.groups) {
        const item = `- Warning: ${warningText(g, mdText, mdName)}\n`;
        if (fits(item)) items.push(item);
      }
    }
    if (shown === pages.length && folded > 0) {
      const item = `- ${plural(folded, "page is", "pages are")} not translated yet (missing; ${mdCode("--show missing")} lists them)\n`;
      if (fits(items.length === 0 ? heading + item : item)) {
        items.push(item);
        shown += folded;
      }
    }
    if (items.length === 0) break;
    listed += shown;
    pageParts.push(`${`${heading}${items.join("")}`.trimEnd()}\n\n`);
    if (shown < failing.length) break;
  }

  // Pages --ignore kept from failing: listed, with their kind, so nothing passes unseen.
  const ignored = report.pages.filter((c) => c.verdict.ignored);
  const ignoredHeading = `### ${plural(ignored.length, "page passes", "pages pass")} by its English change's kind\n\n`;
  const ignoredItems: string[] = [];
  for (const { page, verdict } of ignored) {
    const item = `- ${mdName(page.path)}: ${mdText(kindText(page.estimate ?? page) || (verdict.ignored ?? ""))}\n`;
    if (!fits(ignoredItems.length === 0 ? ignoredHeading + item : item)) break;
    ignoredItems.push(item);
  }
  if (ignoredItems.length > 0) pageParts.push(`${ignoredHeading}${ignoredItems.join("")}\n`);

  // The warnings, those that say the same thing as one line; the <details> only with a line in it.
  const warningLines: string[] = [];
  let warningsListed = 0;
  const open = `<details><summary>${plural(result.warnings.length, "warning", "warnings")}</summary>\n\n`;
  for (const g of groupWarnings(result.warnings, result.content)) {
    const line = `- ${warningText(g, mdText, mdName)}\n`;
    if (!fits(warningLines.length === 0 ? open + line + DETAILS_END : line)) break;
    warningLines.push(line);
    warningsListed += g.count;
  }
  const warnings = warningLines.length > 0 ? `${open}${warningLines.join("")}${DETAILS_END}` : "";

  let out = `${top}${rows.join("")}\n${pageParts.join("")}${warnings}`;
  const left: LeftOut = {
    pages: failed - listed,
    languages: tabled.length - rows.length,
    warnings: result.warnings.length - warningsListed,
  };
  if (left.pages + left.languages + left.warnings > 0) out += leftOutNote(left, note);
  return out;
}

const DETAILS_END = "\n</details>\n\n";

interface LeftOut {
  pages: number;
  languages: number;
  warnings: number;
}

/** Takes pieces while their bytes add up to at most `room`: whether this one fits. */
function budget(room: number): (piece: string) => boolean {
  let used = 0;
  return (piece) => {
    const size = bytes(piece);
    if (used + size > room) return false;
    used += size;
    return true;
  };
}

/** The note of `check --format markdown`, kept under `--max-size` characters (at least
 * LEAST_MAX_SIZE, which leaves this note room whatever else the report holds). */
export function maxSizeNote(maxBytes: number): string {
  return `this report is kept under ${maxBytes.toLocaleString("en-US")} characters (--max-size). The job summary or the report's artifact has the full list.`;
}

/** The job summary's: its size, and the command that lists everything. */
function defaultLimitNote(maxBytes: number): string {
  return `this report is kept under ${Math.floor(maxBytes / 1024)} KiB. Run \`translation-status check\` for the full list.`;
}

/** The note on what did not fit, e.g. "_2 more failing pages are not listed: ..._". */
function leftOutNote(left: LeftOut, note: string): string {
  const parts: string[] = [];
  if (left.pages > 0) parts.push(plural(left.pages, "more failing page", "more failing pages"));
  if (left.languages > 0)
    parts.push(`the table rows of ${plural(left.languages, "language", "languages")}`);
  if (left.warnings > 0) parts.push(plural(left.warnings, "warning", "warnings"));
  const one = parts.length === 1 && (left.pages === 1 || left.warnings === 1);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts[0];
  return `_${list} ${one ? "is" : "are"} not listed: ${note}_\n`;
}

/** Room for the note at its longest (everything left out) and the line break before it. */
function noteRoom(report: CheckReport, languages: number, note: string, maxBytes: number): number {
  const all = {
    pages: report.failing.length,
    languages,
    warnings: report.result.warnings.length,
  };
  return Number.isFinite(maxBytes) ? bytes(leftOutNote(all, note)) + 2 : 0;
}

function pageItem(
  { page, verdict }: CheckedPage,
  report: CheckReport,
  opts: MarkdownOptions,
  warnings: readonly string[] = page.warnings,
): string {
  const { result } = report;
  const gh = opts.github;
  const parts = [STATUS_FACTS[page.status].label.toLowerCase()];
  if (page.commitsBehind !== null)
    parts.push(`${plural(page.commitsBehind, "commit", "commits")} behind`);
  const lines = linesChanged(page);
  if (lines !== null)
    parts.push(
      `${plural(lines, "line", "lines")} changed (+${page.linesAdded} -${page.linesRemoved})`,
    );
  const age = pageAge(page, report.now.getTime());
  if (age !== null) parts.push(mdText(ageWords(age)));
  const est = page.estimate;
  if (est) parts.push(estimateText(est));
  const kind = kindText(est ?? page);
  if (kind !== "") parts.push(`${est ? "estimated " : ""}English change: ${mdText(kind)}`);
  let line = `- [ ] ${mdName(page.path)}: ${parts.join(", ")}`;
  const english = page.movedFrom
    ? `English moved from ${mdName(page.movedFrom)} to ${mdName(page.sourcePath)}`
    : translatesNothing(page)
      ? `No English page ${mdName(page.sourcePath)} exists`
      : page.status === "source-missing"
        ? `English source ${mdName(page.sourcePath)} was deleted`
        : `English source ${mdName(page.sourcePath)}`;
  line += `. ${english}`;
  if (gh) {
    const links: string[] = [];
    const raw =
      page.status === "unknown-commit" || page.rawCommit === null
        ? null
        : parseRawCommit(page.rawCommit);
    if (raw) links.push(mdLink("compare", compareUrl(gh, raw, result.head)));
    else if (est)
      links.push(mdLink("compare (estimated)", compareUrl(gh, est.rawCommit, result.head)));
    if (!translatesNothing(page)) {
      links.push(mdLink("English history", historyUrl(gh, result.head, page.sourcePath)));
    }
    if (links.length > 0) line += ` · ${links.join(" · ")}`;
  }
  const out = [line];
  const limits = verdict.reasons.slice(1);
  if (limits.length > 0) out.push(`  - Over the limit: ${limits.map(mdText).join("; ")}`);
  const structure = structureChangesText(est ?? page);
  if (structure !== "") out.push(`  - English structure: ${mdTextWithCode(structure)}`);
  for (const g of groupWarnings(warnings, result.content))
    out.push(`  - Warning: ${warningText(g, mdText, mdName)}`);
  if (page.commits.length > 0) {
    const max = opts.maxCommits ?? DEFAULT_MAX_COMMITS;
    const count = page.commitsBehind ?? page.commits.length;
    out.push(
      `  <details><summary>${plural(count, "English commit", "English commits")} since the translation</summary>`,
    );
    out.push("");
    for (const c of page.commits.slice(0, max)) {
      const short = c.hash.slice(0, 12);
      const hash = gh && isFullHash(c.hash) ? mdLink(short, commitUrl(gh, c.hash)) : mdCode(short);
      const kind = commitKindText(c);
      out.push(
        `  - ${hash} ${mdText(c.date.slice(0, 10))} ${mdText(c.subject)} (${mdText(c.author)})${kind ? ` · ${mdText(kind)}` : ""}`,
      );
    }
    const rest = count - Math.min(max, page.commits.length);
    if (rest > 0) out.push(`  - and ${rest} more`);
    out.push("", "  </details>", "");
  }
  return `${out.join("\n")}\n`;
}

/** An untracked page's estimate, never written as if the page had recorded it. */
function estimateText(est: Estimate): string {
  const facts: string[] = [];
  if (est.commitsBehind !== null)
    facts.push(`~${plural(est.commitsBehind, "commit", "commits")} behind`);
  const lines = linesChanged(est);
  if (lines !== null)
    facts.push(
      `~${plural(lines, "line", "lines")} changed (+${est.linesAdded} -${est.linesRemoved})`,
    );
  const numbers = facts.length > 0 ? `${facts.join(", ")} ` : "";
  return `${numbers}(estimated from ${mdCode(est.rawCommit.slice(0, 12))}, the ${est.basis})`;
}

/** Last resort when even the part above the table's rows is too big: whole lines, then a note. */
function hardCut(text: string, maxBytes: number): string {
  const note = "\n_The report was cut here to stay under the size limit._\n";
  const budget = Math.max(0, maxBytes - bytes(note));
  const buf = Buffer.from(text, "utf8").subarray(0, budget);
  const cut = buf.lastIndexOf(0x0a);
  return `${buf.subarray(0, Math.max(cut, 0)).toString("utf8")}${note}`;
}
