// `report --format hugo-data`: one JSON object keyed by translation path (repository-relative),
// for a site's own templates to read (Hugo's data/ folder, or any generator's JSON import), so
// each translated page can say how far behind its English source it is. An untracked page's
// numbers are its estimate's, and say so (`estimate: true`): never given as recorded facts.
import type { ScanResult } from "../core/types.js";
import type { PageLinks } from "../detail/types.js";
import { layoutOfResult, pathInLanguage } from "../layout/layout.js";
import { toJson } from "../sanitize/json.js";
import { recordFile } from "./record-file.js";

export interface HugoDataPage {
  lang: string;
  /** The page's path inside its language's folder, as Hugo's .File.Path reads it there. */
  page: string;
  source: string;
  status: string;
  commitsBehind: number | null;
  linesAdded: number | null;
  linesRemoved: number | null;
  /** The English commit the page records, or its estimate's. */
  rawCommit: string | null;
  head: string;
  /** GitHub's compare view rawCommit...head, null off GitHub or without a commit. */
  compare: string | null;
  history: string | null;
  estimate: boolean;
}

/** Each page's record by its translation path, sorted by path so that the files change only
 * where a page did. */
function publishedPages(
  result: ScanResult,
  links: (index: number) => PageLinks,
): [string, HugoDataPage][] {
  const layout = layoutOfResult(result);
  const entries = result.pages.map((page, i): [string, HugoDataPage] => {
    const n = page.estimate ?? page;
    const link = links(i);
    return [
      page.path,
      {
        lang: page.lang,
        page: pathInLanguage(layout, page.lang, page.path),
        source: page.sourcePath,
        status: page.status,
        commitsBehind: n.commitsBehind,
        linesAdded: n.linesAdded,
        linesRemoved: n.linesRemoved,
        rawCommit: page.estimate?.rawCommit ?? page.rawCommit,
        head: result.head,
        compare: link.compare,
        history: link.history,
        estimate: page.estimate !== undefined,
      },
    ];
  });
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries;
}

export function hugoData(
  result: ScanResult,
  links: (index: number) => PageLinks,
): Record<string, HugoDataPage> {
  return Object.fromEntries(publishedPages(result, links));
}

export function renderHugoData(result: ScanResult, links: (index: number) => PageLinks): string {
  return `${toJson(hugoData(result, links), 2)}\n`;
}

/** `--format json-per-page`: one file per translation, `<its path>.json` (record-file.ts),
 * holding its record (and the path itself), for generators that import one page's data beside
 * the page. `page` is the translation's path, which errors name. */
export function renderJsonPerPage(
  result: ScanResult,
  links: (index: number) => PageLinks,
): { file: string; text: string; page: string }[] {
  return publishedPages(result, links).map(([page, record]) => ({
    file: recordFile(page),
    text: `${toJson({ path: page, ...record }, 2)}\n`,
    page,
  }));
}
