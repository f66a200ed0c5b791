// Warnings for people, grouped: a pull request can plant 20,000 symbolic links, and 20,000 lines
// that say the same thing would bury the report (and fill a job summary). Warnings that say the
// same thing, about a file in the content folder or word for word, become one line with a count
// and the first file's path. The JSON keeps every warning as it is.

import { fileWarning } from "../core/file-warning.js";
import type { PageReport } from "../core/types.js";
import { shownName } from "../sanitize/terminal.js";

export interface WarningGroup {
  /** What every warning of the group says: after the path, for warnings about a file. */
  text: string;
  /** How many warnings the group stands for. */
  count: number;
  /** For "<path>: <what>" warnings, the first one's path (the only one's, for a warning alone),
   * to be printed as the reports print names. */
  first: string | null;
}

/** Groups in the order each first appears. A warning about a file in the content folder
 * `content` is read as core/file-warning.ts reads it. */
export function groupWarnings(warnings: readonly string[], content: string): WarningGroup[] {
  const groups = new Map<string, WarningGroup>();
  for (const w of warnings) {
    const file = fileWarning(w, content);
    const key = file ? `file\0${file.why}` : `same\0${w}`;
    const found = groups.get(key);
    if (found) {
      found.count += 1;
      continue;
    }
    const group = file
      ? { text: file.why, count: 1, first: file.path }
      : { text: w, count: 1, first: null };
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** "20,000 ×": how many warnings a line stands for. */
export function timesText(count: number): string {
  return `${String(count).replace(/\B(?=(\d{3})+$)/g, ",")} ×`;
}

/**
 * One group as a line: the warning itself ("content/zh-cn/a.md: symbolic link not followed"), or
 * e.g. "symbolic link not followed (20,000 ×), first: content/zh-cn/a.md". `show` escapes
 * untrusted text for the output at hand, `showName` the path, which is printed as the reports
 * print names (shownName) so that it can be given back.
 */
export function warningText(
  g: WarningGroup,
  show: (s: string) => string,
  showName: (name: string) => string = (name) => show(shownName(name)),
): string {
  const path = g.first === null ? null : showName(g.first);
  if (g.count === 1) return path === null ? show(g.text) : `${path}: ${show(g.text)}`;
  const first = path === null ? "" : `, first: ${path}`;
  return `${show(g.text)} (${timesText(g.count)})${first}`;
}

/**
 * Warnings that several pages have word for word (27 pages with one misspelled attribute) are
 * said once, after the pages, with a count and the first page; the rest stay under their page.
 */
export function sharedWarnings(pages: readonly PageReport[]): {
  own: (page: PageReport) => readonly string[];
  /** The warnings several pages share, each once, with its count and first page. */
  groups: WarningGroup[];
  /** Those groups as lines, each shown with `show`. */
  lines: (prefix: string, show: (s: string) => string) => string[];
} {
  const seen = new Map<string, { count: number; first: string }>();
  for (const page of pages) {
    for (const w of new Set(page.warnings)) {
      const s = seen.get(w);
      if (s) s.count += 1;
      else seen.set(w, { count: 1, first: page.path });
    }
  }
  const isShared = (w: string) => (seen.get(w)?.count ?? 0) > 1;
  const groups = [...seen].flatMap(([w, s]) =>
    s.count > 1 ? [{ text: w, count: s.count, first: s.first }] : [],
  );
  return {
    own: (page) =>
      page.warnings.some(isShared) ? page.warnings.filter((w) => !isShared(w)) : page.warnings,
    groups,
    lines: (prefix, show) => groups.map((g) => `${prefix}${warningText(g, show)}`),
  };
}
