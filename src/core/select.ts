// Which pages a report lists: those under the paths given (`scan content/zh-cn/docs`) and of the
// statuses given (`--status outdated,moved`). Pure: the scan is made whole, then narrowed.
import { summarize } from "./status.js";
import type { PageReport, ScanResult } from "./types.js";
import { STATUSES, type Status } from "./types.js";

export interface Selection {
  /** Repo-relative paths (a page, or a folder of pages); empty for every page. */
  paths: readonly string[];
  /** Statuses listed; null for every status. */
  statuses: readonly Status[] | null;
}

export const EVERY_PAGE: Selection = { paths: [], statuses: null };

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
  return { ...result, pages, summary: summarize(result.languages, pages) };
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
  return out.length === 0 ? `--status needs at least one status (${STATUSES.join(", ")})` : out;
}
