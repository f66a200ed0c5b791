// The scan: gathers facts from the work tree and from git (a handful of git processes, never one
// per page or per raw_commit), then derives every page's status with pure functions.
import type { RawState } from "../core/status.js";
import { byLanguageAndPath, summarize } from "../core/status.js";
import type { ScanResult } from "../core/types.js";
import { AppError } from "../errors.js";
import { BlobLineCounter } from "../git/blob-diff.js";
import { lookupObjects } from "../git/objects.js";
import type { Repo } from "../git/run.js";
import { listTree } from "../git/tree.js";
import { settleLater } from "../settle.js";
import { isPageFile } from "../site/files.js";
import type { ScanFolders } from "./folders.js";
import { completeHistory, type HistoryModel } from "./history-model.js";
import { resolveRawCommits } from "./raw-commits.js";
import {
  type Built,
  buildReports,
  emptyDetail,
  missingPages,
  notMovedTo,
  type PageDetail,
  pageReports,
  setLines,
} from "./reports.js";
import { type ScanStart, startScan } from "./start.js";
import { matchSourceSpelling, readTranslations, type Translation } from "./translations.js";

export type { PageDetail } from "./reports.js";

export interface ScanOptions {
  repo: string;
  source: string;
  content: string;
  langs: readonly string[];
  onProgress?: (progress: Progress) => void;
}

export interface Progress {
  phase: "pages" | "history" | "measure" | "done";
  done: number;
  total: number;
}

export interface ScanOutput {
  result: ScanResult;
  /** Same order as result.pages. */
  details: PageDetail[];
  repo: Repo;
}

const SHALLOW_WARNING =
  "this is a shallow clone: raw_commits outside it cannot be checked; fetch the full history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout)";

/**
 * Scans the repository. `start` is the scan's first step (see start.ts) when the caller has
 * already begun it.
 */
export async function scan(
  opts: ScanOptions,
  start: Promise<ScanStart> = startScan(opts),
): Promise<ScanOutput> {
  // git is already reading the history (the longest job, which needs nothing from the pages);
  // the pages are read meanwhile.
  const { repo, head, folders, headHistory } = await start;
  const progress = opts.onProgress ?? (() => {});
  const englishList = settleLater(listTree(repo, head.hash, folders.sourceRel));

  const translations = await readTranslations(folders.langs, (done, total) =>
    progress({ phase: "pages", done, total }),
  );
  const rawOf = await resolveRawCommits(repo, repo.shallow, translations.pages);
  const english = new Map<string, string>();
  const englishEntries = await englishList;
  // The English side is read from HEAD, never from the disk, which a sparse checkout may leave
  // without it; so HEAD, not the disk, says whether the source folder exists.
  if (englishEntries.length === 0) {
    throw new AppError(
      2,
      `no such source language folder in HEAD: ${folders.sourceRel} (set it with --source)`,
    );
  }
  for (const e of englishEntries) {
    if (e.type !== "blob" || e.mode === "120000") continue;
    const rel = e.path.slice(folders.sourceRel.length + 1);
    if (isPageFile(rel)) english.set(rel, e.oid);
  }
  matchSourceSpelling(translations.pages, english);
  // These need nothing from the history, which git is usually still reading.
  const missing = missingPages(english, translations.pages, folders);
  const reports = pageReports(translations.pages, rawOf, folders);

  progress({ phase: "history", done: 0, total: 1 });
  const okHashes = [
    ...new Set([...rawOf.values()].flatMap((r) => (r.kind === "ok" ? [r.hash] : []))),
  ];
  const history = await completeHistory(repo, await headHistory, okHashes);
  progress({ phase: "history", done: 1, total: 1 });

  // git counts lines while the reports are built and the commits listed: the pairs of blobs go
  // to it in chunks as the pages' versions are found (see BlobLineCounter).
  const counter = new BlobLineCounter(repo, repo.objectDir, repo.diffAlgorithm);
  let built: Built;
  try {
    built = buildReports({
      pages: translations.pages,
      reports,
      rawOf,
      outsideBlobs: await blobsOutsideHistory(repo, translations.pages, rawOf, history, folders),
      english,
      history,
      folders,
      shallow: repo.shallow,
      shallowRoots: repo.shallowRoots,
      countLines: (pair) => counter.add(pair),
    });
  } catch (err) {
    await counter.close();
    throw err;
  }
  progress({ phase: "measure", done: 0, total: built.measure.length });
  const counting = settleLater(counter.counts());
  await built.listCommits();
  const pages = [...reports, ...notMovedTo(missing, reports)];
  const order = pages.map((p, i) => [p, i] as const).sort((a, b) => byLanguageAndPath(a[0], b[0]));
  const sorted = order.map(([p]) => p);
  const counts = await counting;
  for (const { report, count } of built.measure) setLines(report, counts[count] ?? null);
  const languages = folders.langs.map((l) => l.lang);
  progress({ phase: "done", done: 1, total: 1 });
  return {
    repo,
    details: order.map(([, i]) => built.details[i] ?? emptyDetail()),
    result: {
      schemaVersion: 1,
      head: head.hash,
      headDate: head.date,
      shallow: repo.shallow,
      source: folders.source,
      content: folders.content,
      languages,
      pages: sorted,
      summary: summarize(languages, sorted),
      warnings: [
        ...(repo.shallow ? [SHALLOW_WARNING] : []),
        ...folders.skipped,
        ...translations.skipped,
      ],
    },
  };
}

/**
 * The English source at raw_commit for pages whose raw_commit is on another branch: the path
 * index only knows HEAD's history, so git is asked (one process for all of them).
 */
async function blobsOutsideHistory(
  repo: Repo,
  pages: readonly Translation[],
  rawOf: Map<Translation, RawState>,
  history: HistoryModel,
  folders: ScanFolders,
): Promise<Map<Translation, string | null>> {
  const outside: Array<[Translation, string]> = [];
  for (const t of pages) {
    const raw = rawOf.get(t);
    if (raw?.kind !== "ok") continue;
    const idx = history.table.index.get(raw.hash);
    if (idx !== undefined && history.fromHead[idx] === 1) continue;
    outside.push([t, `${raw.hash}:${folders.sourceRel}/${t.sourceRel}`]);
  }
  const found = await lookupObjects(
    repo,
    outside.map(([, name]) => name),
  );
  const out = new Map<Translation, string | null>();
  outside.forEach(([t], i) => {
    const l = found[i];
    out.set(t, l && "oid" in l && l.type === "blob" ? l.oid : null);
  });
  return out;
}
