// GitHub links for a page: the compare view raw_commit...HEAD and the English source's history.
import { translatesNothing } from "../core/status.js";
import type { PageReport } from "../core/types.js";
import { compareUrl, type GitHubRepo, historyUrl } from "../git/remote.js";
import type { PageDetail } from "../scan/scan.js";
import type { PageLinks } from "./types.js";

export const NO_LINKS: PageLinks = { compare: null, history: null };

export function pageLinks(
  gh: GitHubRepo | null,
  head: string,
  page: PageReport,
  detail: PageDetail | undefined,
): PageLinks {
  if (!gh) return NO_LINKS;
  const raw = detail?.rawHash ?? null;
  return {
    compare: raw && raw !== head ? compareUrl(gh, short(raw), short(head)) : null,
    // No history link to a path nothing says held an English page.
    history: translatesNothing(page) ? null : historyUrl(gh, short(head), page.sourcePath),
  };
}

/** GitHub resolves abbreviated hashes in URLs; 12 digits keep links short enough to read. */
function short(hash: string): string {
  return hash.slice(0, 12);
}
