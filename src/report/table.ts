// The plain report for people: one line per page, grouped by language, then a summary line.
import type { PageReport, ScanResult, Status } from "../core/types.js";
import { visible } from "../sanitize/terminal.js";

// Untrusted text (paths, warnings quoting pages) for a terminal that may be a CI log: `visible`,
// and `##[` broken up, since GitHub's runner treats `##[error]`, `##[add-mask]`, ... as a
// workflow command anywhere in a line. No piece starts a line, so a leading `::` cannot act.
const text = (s: string) => visible(s).replaceAll("##[", "##\\[");

/** Symbols make the status readable without color. */
export const STATUS_SYMBOL: Record<Status, string> = {
  "up-to-date": "✓",
  outdated: "!",
  moved: "→",
  "source-missing": "✗",
  "unknown-commit": "?",
  untracked: "·",
  missing: "+",
};

const COLOR: Record<Status, string> = {
  "up-to-date": "32",
  outdated: "33",
  moved: "35",
  "source-missing": "31",
  "unknown-commit": "31",
  untracked: "90",
  missing: "36",
};

export function renderTable(result: ScanResult, color: boolean): string {
  const paint = (status: Status, text: string) =>
    color ? `\x1b[${COLOR[status]}m${text}\x1b[0m` : text;
  const lines: string[] = [];
  lines.push(`HEAD ${result.head.slice(0, 12)}${result.shallow ? "  (shallow clone)" : ""}`);
  for (const w of result.warnings) lines.push(`warning: ${text(w)}`);
  for (const lang of result.languages) {
    const pages = result.pages.filter((p) => p.lang === lang);
    lines.push("", text(lang));
    for (const page of pages) {
      const status = `${STATUS_SYMBOL[page.status]} ${page.status}`.padEnd(16);
      lines.push(`  ${paint(page.status, status)} ${numbers(page)}  ${pathText(page)}`);
      for (const w of page.warnings) lines.push(`      warning: ${text(w)}`);
    }
    const s = result.summary[lang];
    if (s) {
      const parts = (Object.keys(STATUS_SYMBOL) as Status[])
        .filter((k) => s[k] > 0)
        .map((k) => `${s[k]} ${k}`);
      lines.push(`  ${s.total} pages: ${parts.join(", ") || "none"}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

function numbers(page: PageReport): string {
  const behind = page.commitsBehind === null ? "" : `${page.commitsBehind} behind`;
  const diff = page.linesAdded === null ? "" : `+${page.linesAdded} -${page.linesRemoved ?? 0}`;
  return `${behind.padStart(10)} ${diff.padEnd(11)}`;
}

function pathText(page: PageReport): string {
  if (page.movedFrom) return `${text(page.path)}  (English moved to ${text(page.sourcePath)})`;
  return text(page.path);
}
