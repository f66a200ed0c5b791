// One page scanned again after the scan, when the dashboard changed it (marked up to a commit,
// or edited in $EDITOR): the page is read from the disk again and measured against the history
// the scan already holds, with the same code as every page of the scan. A few git processes for
// the page (its raw_commit, its line counts), never a new scan of the site.

import { existsSync } from "node:fs";
import { fsPath } from "../core/path-bytes.js";
import type { PageReport } from "../core/types.js";
import { gitBlobReader } from "../detail/blobs.js";
import { BlobLineCounter } from "../git/blob-diff.js";
import { filesChangedBy } from "../git/commit-files.js";
import { commitsOnOtherRefs } from "../git/history.js";
import type { OpenedRepo } from "../git/repo.js";
import type { Repo } from "../git/run.js";
import { estimateCommits, loadTranslationHistory } from "./estimates.js";
import { type ScanFolders, translationFolderOf } from "./folders.js";
import { type HistoryModel, withCommits } from "./history-model.js";
import { blobsOutsideHistory } from "./outside-blobs.js";
import { resolveRawCommits } from "./raw-commits.js";
import { buildReports, type Findings, type PageDetail, pageReports, setLines } from "./reports.js";
import { matchSourceSpelling, readTranslation } from "./translations.js";

/** The page at `path` (as the report names it) as a new scan would report it; null when it is
 * no longer a translation file this scan reads (deleted, or moved away). */
export type RescanPage = (
  path: string,
) => Promise<{ report: PageReport; detail: PageDetail } | null>;

export interface RescanContext {
  repo: Repo;
  sourceRepo: OpenedRepo;
  head: string;
  folders: ScanFolders;
  history: HistoryModel;
  /** English pages at HEAD: repo-relative path → blob. */
  english: Map<string, string>;
  ignoreRevs: ReadonlySet<string>;
  kinds: boolean;
}

export function pageRescanner(ctx: RescanContext): RescanPage {
  const { repo, sourceRepo } = ctx;
  const twoRepos = sourceRepo !== repo;
  // Commits a page names later are added to the model, which later rescans then share.
  let history = ctx.history;
  return async (path) => {
    const folder = translationFolderOf(ctx.folders.langs, path);
    if (!folder?.abs) return null;
    const rel = path.slice(folder.rel.length + 1);
    if (!existsSync(fsPath(`${folder.abs}/${rel}`))) return null;
    const t = readTranslation(folder, rel);
    matchSourceSpelling([t], ctx.english);
    const rawOf = await resolveRawCommits(sourceRepo, sourceRepo.shallow, [t]);
    const raw = rawOf.get(t);
    if (raw?.kind === "ok") history = await withCommits(sourceRepo, history, [raw.hash]);
    const offHead =
      raw?.kind === "ok" && history.fromHead[history.table.index.get(raw.hash) ?? -1] !== 1;
    const onOtherRefs = offHead ? await commitsOnOtherRefs(sourceRepo, ctx.head) : null;
    const estimates =
      raw?.kind === "none" && !twoRepos
        ? estimateCommits(
            history,
            await loadTranslationHistory(repo, ctx.head, [t]),
            [t],
            ctx.ignoreRevs,
            sourceRepo.shallowRoots,
          )
        : undefined;
    // The page's findings are among its warnings, as in the scan; a rescan needs no more of them.
    const findings: Findings = new Map();
    const reports = pageReports([t], rawOf, findings);
    const counter = new BlobLineCounter(sourceRepo, sourceRepo.objectDir, sourceRepo.diffAlgorithm);
    let built: ReturnType<typeof buildReports>;
    try {
      built = buildReports({
        pages: [t],
        reports,
        rawOf,
        outsideBlobs: await blobsOutsideHistory(sourceRepo, [t], rawOf, history),
        english: ctx.english,
        history,
        onSomeRef: (hash) => onOtherRefs?.has(hash) ?? false,
        shallow: sourceRepo.shallow,
        shallowRoots: sourceRepo.shallowRoots,
        countLines: (pair) => counter.add(pair),
        findings,
      });
      built.addUntracked(estimates?.commits, estimates?.beyondShallow);
      await built.listCommits();
    } catch (err) {
      await counter.close();
      throw err;
    }
    const counts = await counter.counts();
    for (const m of built.measure) setLines(m.report, counts[m.count] ?? null);
    const report = reports[0] as PageReport;
    const detail = built.details[0] as PageDetail;
    if (ctx.kinds) {
      // Loaded for --kinds alone, as in the scan.
      const { addChangeKinds, listedCommits, markCommitsWithTranslation } = await import(
        "./kinds.js"
      );
      const { addStructureWarnings } = await import("./structure.js");
      const read = gitBlobReader(sourceRepo);
      await addChangeKinds([report], [detail], read);
      if (!twoRepos) {
        markCommitsWithTranslation(
          [report],
          [detail],
          await filesChangedBy(sourceRepo, listedCommits([report], [detail])),
        );
      }
      if (report.status === "up-to-date" && detail.toBlob) {
        const item = {
          report,
          englishBlob: detail.toBlob,
          translationFile: `${folder.abs}/${rel}`,
        };
        await addStructureWarnings([item], read);
      }
    }
    return { report, detail };
  };
}
