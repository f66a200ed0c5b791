// Which pages a report lists: those under the paths given (`scan content/zh-cn/docs`) and of the
// statuses given (`--status outdated,moved`). Pure: the scan is made whole, then narrowed.
import { AppError } from "../errors.js";
import { emptyListWhy, STATUS_ITEM } from "../options/empty-list.js";
import { shownName, visible } from "../sanitize/terminal.js";
import { withPages } from "./counts.js";
import { fileWarning, whyFileSetAside } from "./file-warning.js";
import { replacedBytesHint } from "./path-bytes.js";
import type { PageReport, ScanResult } from "./types.js";
import { STATUSES, type Status } from "./types.js";

export interface Selection {
  /** Repo-relative paths (a page, or a folder of pages); empty for every page. */
  paths: readonly string[];
  /** Statuses listed; null for every status. */
  statuses: readonly Status[] | null;
}

export function selectsAll(s: Selection): boolean {
  return s.paths.length === 0 && s.statuses === null;
}

/** Whether `path` is one of `under` or below one of them. */
function isUnder(path: string, under: readonly string[]): boolean {
  return under.some((u) => path === u || path.startsWith(`${u}/`));
}

/**
 * The pages selected: a page is under a path when its translation's path or its English page's
 * is (so `content/en/docs` selects every language's translations of those pages).
 */
export function selectPages(result: ScanResult, s: Selection): ScanResult {
  if (selectsAll(s)) return result;
  const under = s.paths.map((p) => p.normalize("NFC").replace(/\/+$/, ""));
  const keep = (p: PageReport) =>
    (s.statuses === null || s.statuses.includes(p.status)) &&
    (under.length === 0 ||
      isUnder(p.path.normalize("NFC"), under) ||
      isUnder(p.sourcePath.normalize("NFC"), under));
  const pages = result.pages.filter(keep);
  return withPages(result, pages);
}

/**
 * Why some of `paths` select nothing, or null when each names a page or a folder of pages in
 * `result` (the whole scan, before --status or --changed-since narrow it): a mistyped path
 * must not make a report, or a check, that passes because it looked at nothing.
 */
export function unmatchedPaths(result: ScanResult, paths: readonly string[]): string | null {
  const unmatched = paths.filter((raw) => {
    const under = [raw.normalize("NFC").replace(/\/+$/, "")];
    return !result.pages.some(
      (p) =>
        isUnder(p.path.normalize("NFC"), under) || isUnder(p.sourcePath.normalize("NFC"), under),
    );
  });
  if (unmatched.length === 0) return null;
  // A file the scan set aside (a symbolic link, a page too large) says why in its warning.
  const named = unmatched
    .map((p) => {
      const why = whyFileSetAside(result.warnings, p.replace(/\/+$/, ""));
      const name = `"${shownName(p.slice(0, 200))}"`;
      return why ? `${name} (${visible(why.slice(0, 200))})` : name;
    })
    .join(", ");
  const hint = unmatched.map(replacedBytesHint).find((h) => h !== null);
  return `no page under ${named} in the languages scanned (${hint ?? "give a page or folder as the reports print it"})`;
}

/** A file or folder the scan set aside (a symbolic link, a folder it could not read), as its
 * warning says: "<path>: <why>". */
export interface SetAside {
  path: string;
  why: string;
  /** One of the paths asked for is it, or lies below it: that page was asked for and not read. */
  named: boolean;
}

/**
 * What the scan set aside at, above or below `paths` (everything in the content folder when
 * none is given): a page asked for that was never read must not pass as a page with nothing
 * wrong.
 */
export function setAside(result: ScanResult, paths: readonly string[]): SetAside[] {
  const asked = paths.map((p) => p.normalize("NFC").replace(/\/+$/, ""));
  const out: SetAside[] = [];
  for (const w of result.warnings) {
    const file = fileWarning(w, result.content);
    if (!file) continue;
    const { path, why } = file;
    const at = path.normalize("NFC");
    const named = asked.some((p) => isUnder(p, [at]));
    if (asked.length > 0 && !named && !isUnder(at, asked)) continue;
    out.push({ path, why, named });
  }
  return out;
}

/** PATH... on the command line (scan, check, lint, stamp --unchanged) that select no page:
 * a usage error (exit 2). */
export function failOnUnmatched(result: ScanResult, paths: readonly string[]): void {
  const problem = unmatchedPaths(result, paths);
  if (problem) throw new AppError(2, problem);
}

/** `--status` as given, checked against the statuses there are. */
export function parseStatuses(names: readonly string[]): Status[] | string {
  const out: Status[] = [];
  for (const raw of names) {
    const name = raw.trim();
    if (name === "") continue;
    if (!(STATUSES as readonly string[]).includes(name)) {
      return `unknown status in --status: ${JSON.stringify(name.slice(0, 40))} (use ${STATUSES.join(", ")})`;
    }
    if (!out.includes(name as Status)) out.push(name as Status);
  }
  return out.length === 0 ? `--status: ${emptyListWhy(STATUS_ITEM)}` : out;
}
