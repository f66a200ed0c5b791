// The metadata block of an opened page, as labelled lines (plain data; texts are raw until rendered).
import { pageAge, recordsNoDate } from "../core/age.js";
import { translatesNothing } from "../core/status.js";
import type { PageReport } from "../core/types.js";
import type { PageLinks } from "../detail/types.js";
import { structureChangesText } from "../kinds/kinds.js";
import { shownName } from "../sanitize/terminal.js";
import { formatAge, formatLines, shortHash } from "./format.js";
import { OVERLAYS } from "./overlay-keys.js";
import { fitPath, fitVariants, safe, textWidth, wrapWords } from "./text.js";

export interface InfoLine {
  label: string;
  text: string;
  tone?: "warning" | "link";
  /** The part of `text` that is a path: shortened in the middle, keeping the file name. */
  path?: string;
}

/** At most this many warnings are listed; the rest are counted. */
export const MAX_WARNINGS_SHOWN = 3;
export const LABEL_WIDTH = 12;

/**
 * The page's metadata block. At most `maxWarnings` of its warnings are listed, the rest counted
 * (the page view), or all of them (the `I` overlay).
 */
export function pageInfo(
  page: PageReport,
  rawHash: string | null,
  links: PageLinks,
  now: number,
  maxWarnings = MAX_WARNINGS_SHOWN,
): InfoLine[] {
  const lines: InfoLine[] = [];
  const path = (label: string, text: string, p: string): InfoLine => ({ label, text, path: p });
  const translation = shownName(page.path);
  lines.push(
    path(
      "Translation",
      page.status === "missing" ? `${translation} (does not exist yet)` : translation,
      translation,
    ),
  );
  const english = shownName(page.sourcePath);
  if (page.movedFrom) {
    const from = shownName(page.movedFrom);
    lines.push(path("English", `moved from ${from}`, from));
    lines.push(path("", `        to ${english}`, english));
  } else if (translatesNothing(page)) {
    // Nothing says this path ever held an English page: it is not named as one that was deleted.
    lines.push(path("English", `none: no English page ${english} exists`, english));
  } else if (page.status === "source-missing") {
    lines.push(path("English", `${english} (deleted since the translation)`, english));
  } else {
    lines.push(path("English", english, english));
  }
  lines.push({ label: "Translated", text: translated(page, rawHash, now) });
  if (page.commitsBehind !== null) {
    const diff = formatLines(page.linesAdded, page.linesRemoved);
    const n = page.commitsBehind;
    lines.push({
      label: "Behind",
      text: `${n} English commit${n === 1 ? "" : "s"}${diff ? `, ${diff} lines` : ""}`,
    });
  } else if (page.estimate && page.estimate.commitsBehind !== null) {
    const est = page.estimate;
    const diff = formatLines(est.linesAdded, est.linesRemoved);
    const n = est.commitsBehind;
    lines.push({
      label: "Behind",
      text: `~${n} English commit${n === 1 ? "" : "s"}${diff ? `, ~${diff} lines` : ""} (estimated)`,
    });
  }
  if (page.rawTitle) lines.push({ label: "Title", text: page.rawTitle });
  // With --kinds: what the English change did to the page's structure, where to look first.
  const structure = structureChangesText(page.estimate ?? page);
  if (structure !== "") lines.push({ label: "Structure", text: structure });
  if (links.compare) lines.push({ label: "Compare", text: links.compare, tone: "link" });
  if (links.history) lines.push({ label: "History", text: links.history, tone: "link" });
  const shown = page.warnings.slice(0, maxWarnings);
  for (const w of shown) lines.push({ label: "Warning", text: w, tone: "warning" });
  if (page.warnings.length > shown.length) {
    const n = page.warnings.length - shown.length;
    lines.push({
      label: "",
      text: `(${n} more warning${n === 1 ? "" : "s"}: ${OVERLAYS.details.key} shows every one)`,
      tone: "warning",
    });
  }
  return lines;
}

function translated(page: PageReport, rawHash: string | null, now: number): string {
  const when = page.lastTranslationTime;
  const age = pageAge(page, now);
  const ago = age ? formatAge(age.days) : "";
  // A page that records no date is as old as its raw_commit, as every report ages it: "English
  // <hash> of <its date>" says whose date it is, in no more room than a recorded date takes.
  const date =
    age?.from === "raw_commit"
      ? ` of ${page.rawCommitDate?.slice(0, 10)} (${ago} ago)`
      : recordsNoDate(when)
        ? ""
        : ` on ${when}${ago ? ` (${ago} ago)` : ""}`;
  const meta = page.metaLine ? `; metadata on line ${page.metaLine}` : "";
  if (page.status === "missing") return "not yet";
  if (page.rawCommit === null && page.estimate) {
    return `no raw_commit recorded; estimated from English ${shortHash(page.estimate.rawCommit)}, the ${page.estimate.basis}`;
  }
  if (page.rawCommit === null) return `no raw_commit recorded${date}`;
  if (rawHash === null)
    return `raw_commit ${page.rawCommit} (not found in this repository)${date}${meta}`;
  return `from English ${shortHash(rawHash)}${date}${meta}`;
}

/** One screen row of the metadata block: sanitized, fitted, and for links, the URL to open. */
export interface InfoRow {
  label: string;
  text: string;
  tone?: "warning" | "link" | "more";
  url?: string;
  /** Spans the whole row, without the label column: a piece of a long link, or what is left out. */
  full?: boolean;
}

/** What a row's label column says: a warning's label is marked, a wrapped line's next rows blank. */
export function labelText(row: Pick<InfoRow, "label" | "tone">): string {
  return row.tone === "warning" && row.label !== "" ? `⚠ ${row.label}` : row.label;
}

/** Narrower than this, a path is not shortened: its line wraps like any other. */
const MIN_PATH_ROOM = 12;

/**
 * The block's rows at `width` columns. Nothing is cut for good: a path too long for its row is
 * shortened in the middle, keeping its file name (the `I` overlay has it whole); any other line
 * wraps onto as many rows as it needs. A link that does not fit goes on rows of its own, split
 * at the width, so the whole URL stays readable and clickable.
 */
export function infoRows(lines: readonly InfoLine[], width: number): InfoRow[] {
  const rows: InfoRow[] = [];
  const room = Math.max(8, width - LABEL_WIDTH);
  for (const line of lines) {
    const text = safe(line.text);
    if (line.tone === "link") {
      rows.push(...linkRows(line.label, text, width));
      continue;
    }
    const tone = line.tone ? { tone: line.tone } : {};
    const short = textWidth(text) <= room ? text : shortened(line, room);
    if (short !== null) {
      rows.push({ label: line.label, text: short, ...tone });
      continue;
    }
    wrapWords(text, room).forEach((piece, i) => {
      rows.push({ label: i === 0 ? line.label : "", text: piece, ...tone });
    });
  }
  return rows;
}

/** A line whose path is shortened to fit `room` columns, or null if that leaves too little of it. */
function shortened(line: InfoLine, room: number): string | null {
  const at = line.path === undefined ? -1 : line.text.indexOf(line.path);
  if (line.path === undefined || at < 0) return null;
  const before = safe(line.text.slice(0, at));
  const after = safe(line.text.slice(at + line.path.length));
  const pathRoom = room - textWidth(before) - textWidth(after);
  return pathRoom < MIN_PATH_ROOM ? null : `${before}${fitPath(safe(line.path), pathRoom)}${after}`;
}

function linkRows(label: string, url: string, width: number): InfoRow[] {
  if (textWidth(url) <= Math.max(8, width - LABEL_WIDTH))
    return [{ label, text: url, tone: "link", url }];
  const rows: InfoRow[] = [{ label, text: "", tone: "link" }];
  const chars = [...url];
  const step = Math.max(8, width);
  for (let i = 0; i < chars.length; i += step) {
    rows.push({
      label: "",
      text: chars.slice(i, i + step).join(""),
      tone: "link",
      url,
      full: true,
    });
  }
  return rows;
}

/**
 * The first `height` rows of the block; when some do not fit, the last row shown (the whole
 * `width`) says how many are left out, how many warnings they hold, and which key shows them.
 */
export function infoWindow(rows: readonly InfoRow[], height: number, width: number): InfoRow[] {
  if (rows.length <= height) return [...rows];
  if (height <= 0) return [];
  const hidden = rows.length - height + 1;
  const warnings = rows.slice(height - 1).filter((r) => r.tone === "warning" && r.label !== "");
  const n = warnings.length;
  const more = `… ${hidden} more row${hidden === 1 ? "" : "s"}`;
  const variants = [
    ...(n === 0
      ? []
      : [`${more}, ${n} warning${n === 1 ? "" : "s"}: ${OVERLAYS.details.key} shows them`]),
    `${more}: ${OVERLAYS.details.key} shows them`,
  ];
  const text = fitVariants(variants, width);
  return [
    ...rows.slice(0, height - 1),
    { label: "", text, tone: n === 0 ? "more" : "warning", full: true },
  ];
}
