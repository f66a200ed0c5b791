// The metadata block of an opened page, as labelled lines (plain data; texts are raw until rendered).
import { translationAge } from "../core/age.js";
import { translatesNothing } from "../core/status.js";
import type { PageReport } from "../core/types.js";
import type { PageLinks } from "../detail/types.js";
import { structureChangesText } from "../kinds/kinds.js";
import { shownName } from "../sanitize/terminal.js";
import { formatAge, formatLines, shortHash } from "./format.js";
import { fitEnd, safe, textWidth } from "./text.js";

export interface InfoLine {
  label: string;
  text: string;
  tone?: "warning" | "link";
}

/** At most this many warnings are listed; the rest are counted. */
export const MAX_WARNINGS_SHOWN = 3;
export const LABEL_WIDTH = 12;

export function pageInfo(
  page: PageReport,
  rawHash: string | null,
  links: PageLinks,
  now: number,
): InfoLine[] {
  const lines: InfoLine[] = [];
  lines.push({
    label: "Translation",
    text:
      page.status === "missing"
        ? `${shownName(page.path)} (does not exist yet)`
        : shownName(page.path),
  });
  if (page.movedFrom) {
    lines.push({ label: "English", text: `moved from ${shownName(page.movedFrom)}` });
    lines.push({ label: "", text: `        to ${shownName(page.sourcePath)}` });
  } else if (translatesNothing(page)) {
    // Nothing says this path ever held an English page: it is not named as one that was deleted.
    lines.push({
      label: "English",
      text: `none: no English page ${shownName(page.sourcePath)} exists`,
    });
  } else if (page.status === "source-missing") {
    lines.push({
      label: "English",
      text: `${shownName(page.sourcePath)} (deleted since the translation)`,
    });
  } else {
    lines.push({ label: "English", text: shownName(page.sourcePath) });
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
  const shown = page.warnings.slice(0, MAX_WARNINGS_SHOWN);
  for (const w of shown) lines.push({ label: "Warning", text: w, tone: "warning" });
  if (page.warnings.length > shown.length) {
    lines.push({
      label: "",
      text: `(${page.warnings.length - shown.length} more warnings)`,
      tone: "warning",
    });
  }
  return lines;
}

function translated(page: PageReport, rawHash: string | null, now: number): string {
  const when = page.lastTranslationTime;
  const age = formatAge(translationAge(when, now));
  const date = when ? ` on ${when}${age ? ` (${age} ago)` : ""}` : "";
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
  tone?: "warning" | "link";
  url?: string;
  /** A piece of a long link: spans the whole row, without the label column. */
  full?: boolean;
}

/**
 * The block's rows at `width` columns. Ordinary lines are cut to fit; a link that does not fit
 * goes on rows of its own, split at the width, so the whole URL stays readable and clickable.
 */
export function infoRows(lines: readonly InfoLine[], width: number): InfoRow[] {
  const rows: InfoRow[] = [];
  const textWidthMax = Math.max(8, width - LABEL_WIDTH);
  for (const line of lines) {
    const text = safe(line.text);
    if (line.tone !== "link") {
      rows.push({
        label: line.label,
        text: fitEnd(text, textWidthMax),
        ...(line.tone ? { tone: line.tone } : {}),
      });
      continue;
    }
    if (textWidth(text) <= textWidthMax) {
      rows.push({ label: line.label, text, tone: "link", url: text });
      continue;
    }
    rows.push({ label: line.label, text: "", tone: "link" });
    const chars = [...text];
    for (let i = 0; i < chars.length; i += Math.max(8, width)) {
      const piece = chars.slice(i, i + Math.max(8, width)).join("");
      rows.push({ label: "", text: piece, tone: "link", url: text, full: true });
    }
  }
  return rows;
}
