// The scan: gathers facts from the work tree and from git (a fixed number of git processes,
// however many pages there are), then derives every page's status with pure functions.
import { boundaryMerges, commitsForPath, type RangeContext } from "../core/walk.js";
import { markAncestors } from "../core/graph.js";
import { byLanguageAndPath, decideStatus, type RawState, summarize } from "../core/status.js";
import type { CommitInfo, PageReport, ScanResult } from "../core/types.js";
import { AppError } from "../errors.js";
import { lookupObjects } from "../git/objects.js";
import { openRepo, readHead } from "../git/repo.js";
import { parseRawCommit } from "../git/revision.js";
import { listTree } from "../git/tree.js";
import { isPageFile } from "../site/files.js";
import { type HistoryModel, loadHistory } from "./history-model.js";
import { resolveFolders, type ScanFolders } from "./folders.js";
import { type MeasureJob, measure } from "./measure.js";
import { readTranslations, type Translation } from "./translations.js";
import type { Repo } from "../git/run.js";

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

/** What the dashboard needs to show a page's English diff later, without scanning again. */
export interface PageDetail {
  rawHash: string | null;
  /** English blob at raw_commit and at HEAD (null when absent). */
  fromBlob: string | null;
  toBlob: string | null;
  /** For each listed commit, the source's blob before and after it. */
  commitBlobs: Map<string, { before: string | null; after: string | null }>;
}

export interface ScanOutput {
  result: ScanResult;
  /** Same order as result.pages. */
  details: PageDetail[];
  repo: Repo;
}

/** Commit lists longer than this are cut (newest kept) so reports stay readable and bounded. */
export const MAX_COMMITS_LISTED = 500;
const ZERO = /^0+$/;

export async function scan(opts: ScanOptions): Promise<ScanOutput> {
  const repo = await openRepo(opts.repo);
  const head = await readHead(repo);
  const folders = await resolveFolders(repo.workTree, opts);
  const progress = opts.onProgress ?? (() => {});

  const english = new Map<string, string>();
  for (const e of await listTree(repo, head.hash, folders.sourceRel)) {
    if (e.type !== "blob" || e.mode === "120000") continue;
    const rel = e.path.slice(folders.sourceRel.length + 1);
    if (isPageFile(rel)) english.set(rel, e.oid);
  }
  const byPath = new Map<string, string>();
  for (const [rel, oid] of english) byPath.set(`${folders.sourceRel}/${rel}`, oid);

  const translations = await readTranslations(folders.langs, (done, total) =>
    progress({ phase: "pages", done, total }),
  );

  // Resolve each distinct raw_commit once, in one process.
  const rawOf = new Map<Translation, RawState>();
  const candidates = new Set<string>();
  for (const t of translations.pages) {
    if (!t.meta) continue;
    const parsed = parseRawCommit(t.meta.rawCommit);
    if (parsed) candidates.add(parsed);
  }
  const candidateList = [...candidates];
  const looked = await lookupObjects(repo, candidateList);
  const resolved = new Map<string, RawState>();
  candidateList.forEach((c, i) => resolved.set(c, rawState(looked[i], repo.shallow)));
  for (const t of translations.pages) {
    if (!t.meta) rawOf.set(t, { kind: "none" });
    else {
      const parsed = parseRawCommit(t.meta.rawCommit);
      rawOf.set(t, parsed ? (resolved.get(parsed) ?? { kind: "malformed" }) : { kind: "malformed" });
    }
  }
  const rawHashes = [...new Set([...resolved.values()].flatMap((r) => (r.kind === "ok" ? [r.hash] : [])))];

  progress({ phase: "history", done: 0, total: 1 });
  const history = await loadHistory(repo, head.hash, rawHashes, folders.sourceRel);
  progress({ phase: "history", done: 1, total: 1 });

  // The English source at each page's raw_commit, for every page, in one process.
  const okPages = translations.pages.filter((t) => rawOf.get(t)?.kind === "ok");
  const atRaw = await lookupObjects(
    repo,
    okPages.map((t) => `${(rawOf.get(t) as { hash: string }).hash}:${folders.sourceRel}/${t.rel}`),
  );
  const blobAtRaw = new Map<Translation, string | null>();
  okPages.forEach((t, i) => {
    const l = atRaw[i];
    blobAtRaw.set(t, l && "oid" in l && l.type === "blob" ? l.oid : null);
  });

  const built = buildReports(translations.pages, rawOf, blobAtRaw, english, byPath, history, folders, repo.shallow);

  progress({ phase: "measure", done: 0, total: built.toMeasure.length });
  await measure(repo, head.hash, built.toMeasure);

  const pages = [...built.reports, ...missingPages(english, translations.pages, built.reports, folders)];
  const order = pages.map((p, i) => [p, i] as const).sort((a, b) => byLanguageAndPath(a[0], b[0]));
  const details = order.map(([, i]) => built.details[i] ?? emptyDetail());
  const sorted = order.map(([p]) => p);
  const warnings = [...translations.skipped];
  if (repo.shallow) {
    warnings.unshift(
      "this is a shallow clone: raw_commits outside it cannot be checked; fetch the full history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout)",
    );
  }
  progress({ phase: "done", done: 1, total: 1 });
  return {
    repo,
    details,
    result: {
      schemaVersion: 1,
      head: head.hash,
      headDate: head.date,
      shallow: repo.shallow,
      source: folders.source,
      content: folders.content,
      languages: folders.langs.map((l) => l.lang),
      pages: sorted,
      summary: summarize(
        folders.langs.map((l) => l.lang),
        sorted,
      ),
      warnings,
    },
  };
}

function rawState(l: Awaited<ReturnType<typeof lookupObjects>>[number] | undefined, shallow: boolean): RawState {
  if (!l || "missing" in l) {
    return {
      kind: "unresolved",
      why: shallow
        ? "raw_commit is not in this shallow clone; fetch the full history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout)"
        : "raw_commit is not a commit in this repository",
    };
  }
  if (l.type !== "commit") return { kind: "unresolved", why: `raw_commit names a ${l.type}, not a commit` };
  return { kind: "ok", hash: l.oid };
}

interface Built {
  reports: PageReport[];
  details: PageDetail[];
  toMeasure: MeasureJob[];
}

function buildReports(
  pages: readonly Translation[],
  rawOf: Map<Translation, RawState>,
  blobAtRaw: Map<Translation, string | null>,
  english: Map<string, string>,
  byPath: Map<string, string>,
  history: HistoryModel,
  folders: ScanFolders,
  shallow: boolean,
): Built {
  const out: Built = { reports: [], details: [], toMeasure: [] };
  const marks = new Int32Array(history.table.hashes.length).fill(-1);
  const groups = new Map<string, Translation[]>();
  for (const t of pages) {
    const raw = rawOf.get(t) as RawState;
    if (raw.kind !== "ok") {
      out.reports.push(basicReport(t, raw, folders));
      out.details.push(emptyDetail());
      continue;
    }
    const g = groups.get(raw.hash);
    if (g) g.push(t);
    else groups.set(raw.hash, [t]);
  }
  let stamp = 0;
  for (const [rawHash, group] of groups) {
    const rawIdx = history.table.index.get(rawHash) as number;
    stamp += 1;
    markAncestors(history.graph, rawIdx, marks, stamp);
    const current = stamp;
    const excluded = (c: number) => marks[c] === current;
    const ctx: RangeContext = {
      graph: history.graph,
      index: history.index,
      head: history.head,
      excluded,
      boundary: boundaryMerges(history.graph, history.index.merges, excluded),
    };
    const isAncestor = history.fromHead[rawIdx] === 1;
    for (const t of group) {
      const report = basicReport(t, rawOf.get(t) as RawState, folders);
      const srcPath = `${folders.sourceRel}/${t.rel}`;
      const atHead = english.get(t.rel) ?? null;
      const atRaw = blobAtRaw.get(t) ?? null;
      let lineage = [srcPath];
      let movedTo: string | null = null;
      if (atHead === null) {
        lineage = followRenames(history, excluded, srcPath);
        const last = lineage[lineage.length - 1] as string;
        if (last !== srcPath && byPath.has(last)) movedTo = last;
      }
      report.status = decideStatus({ raw: { kind: "ok", hash: rawHash }, sourceAtHead: atHead, sourceAtRaw: atRaw, movedTo });
      if (!isAncestor) report.warnings.push("raw_commit is not an ancestor of HEAD (it is on another branch)");
      if (shallow) report.warnings.push("shallow clone: commits outside it are not counted");
      if (atRaw === null && report.status !== "source-missing") {
        report.warnings.push("the English source did not exist at raw_commit under this path");
      }
      if (movedTo) {
        report.sourcePath = movedTo;
        report.movedFrom = srcPath;
      }
      const shown = new Set<number>();
      for (const p of lineage) for (const c of commitsForPath(ctx, p)) shown.add(c);
      const ordered = [...shown].sort((a, b) => (history.graph.topo[b] ?? 0) - (history.graph.topo[a] ?? 0));
      report.commitsBehind = ordered.length;
      if (ordered.length > MAX_COMMITS_LISTED) {
        report.warnings.push(`commit list cut to the newest ${MAX_COMMITS_LISTED} of ${ordered.length}`);
      }
      report.commits = ordered.slice(0, MAX_COMMITS_LISTED).map((c) => commitInfo(history, c));
      const headBlob = atHead ?? (movedTo ? (byPath.get(movedTo) ?? null) : null);
      if (report.status === "up-to-date") {
        report.linesAdded = 0;
        report.linesRemoved = 0;
      } else if (headBlob !== null) {
        out.toMeasure.push({ page: report, rawHash, from: report.movedFrom ?? srcPath, to: report.sourcePath });
      }
      out.reports.push(report);
      out.details.push({
        rawHash,
        fromBlob: atRaw,
        toBlob: headBlob,
        commitBlobs: commitBlobs(history, ordered.slice(0, MAX_COMMITS_LISTED), lineage),
      });
    }
  }
  return out;
}

/** The path's successors under renames made in raw..HEAD, oldest rename first. */
function followRenames(history: HistoryModel, excluded: (c: number) => boolean, start: string): string[] {
  const renames = history.index.renames
    .filter((r) => !excluded(r.commit) && history.fromHead[r.commit] === 1)
    .sort((a, b) => (history.graph.topo[a.commit] ?? 0) - (history.graph.topo[b.commit] ?? 0));
  const chain = [start];
  let cur = start;
  for (const r of renames) {
    if (r.from === cur) {
      cur = r.to;
      chain.push(cur);
    }
  }
  return chain;
}

function commitBlobs(history: HistoryModel, commits: readonly number[], lineage: readonly string[]) {
  const map = new Map<string, { before: string | null; after: string | null }>();
  const wanted = new Set(commits);
  for (const p of lineage) {
    for (const t of history.index.touches.get(p) ?? []) {
      if (!wanted.has(t.commit)) continue;
      const hash = history.table.hashes[t.commit] as string;
      if (map.has(hash)) continue;
      map.set(hash, {
        before: ZERO.test(t.oldBlob) ? null : t.oldBlob,
        after: ZERO.test(t.newBlob) ? null : t.newBlob,
      });
    }
  }
  return map;
}

function commitInfo(history: HistoryModel, c: number): CommitInfo {
  const t = history.table;
  return { hash: t.hashes[c] ?? "", date: t.dates[c] ?? "", author: t.authors[c] ?? "", subject: t.subjects[c] ?? "" };
}

function basicReport(t: Translation, raw: RawState, folders: ScanFolders): PageReport {
  const warnings = [...t.warnings];
  if (raw.kind === "malformed") warnings.push("raw_commit is not a commit hash (expected 7 to 64 hex digits)");
  if (raw.kind === "unresolved") warnings.push(raw.why);
  return {
    lang: t.lang,
    path: `${folders.content}/${t.lang}/${t.rel}`,
    sourcePath: `${folders.sourceRel}/${t.rel}`,
    status: raw.kind === "none" ? "untracked" : "unknown-commit",
    rawCommit: t.meta?.rawCommit ?? null,
    lastTranslationTime: t.meta?.lastTranslationTime ?? null,
    commitsBehind: null,
    linesAdded: null,
    linesRemoved: null,
    commits: [],
    movedFrom: null,
    warnings,
    metaLine: t.meta?.line ?? null,
    rawTitle: t.meta?.rawTitle ?? null,
  };
}

function missingPages(
  english: Map<string, string>,
  translations: readonly Translation[],
  reports: readonly PageReport[],
  folders: ScanFolders,
): PageReport[] {
  const out: PageReport[] = [];
  for (const { lang } of folders.langs) {
    const have = new Set(translations.filter((t) => t.lang === lang).map((t) => t.rel.normalize("NFC")));
    // A page that moved in English is reported once, as moved, not again as missing.
    const movedTargets = new Set(reports.filter((r) => r.lang === lang && r.movedFrom).map((r) => r.sourcePath));
    for (const rel of english.keys()) {
      const sourcePath = `${folders.sourceRel}/${rel}`;
      if (have.has(rel.normalize("NFC")) || movedTargets.has(sourcePath)) continue;
      out.push({
        lang,
        path: `${folders.content}/${lang}/${rel}`,
        sourcePath,
        status: "missing",
        rawCommit: null,
        lastTranslationTime: null,
        commitsBehind: null,
        linesAdded: null,
        linesRemoved: null,
        commits: [],
        movedFrom: null,
        warnings: [],
        metaLine: null,
        rawTitle: null,
      });
    }
  }
  return out;
}

function emptyDetail(): PageDetail {
  return { rawHash: null, fromBlob: null, toBlob: null, commitBlobs: new Map() };
}

export { AppError };
