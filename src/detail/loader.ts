// The one place the dashboard asks for data after the scan: a page's English diffs, read and
// computed when the page is opened (never up front), then cached; and the one place it writes,
// when a translator marks a page as updated.
import path from "node:path";
import { translatesNothing, unknownCommitText, wasNotRead } from "../core/status.js";
import type { PageReport, ScanResult } from "../core/types.js";
import { readGitHubRemote } from "../git/remote.js";
import { isFullHash } from "../git/revision.js";
import type { Repo } from "../git/run.js";
import { layoutOfResult } from "../layout/layout.js";
import type { MetadataChoice } from "../options/defaults.js";
import { DEFAULTS } from "../options/defaults.js";
import type { RescanPage } from "../scan/rescan.js";
import type { PageDetail } from "../scan/scan.js";
import { stampPages, today } from "../stamp/stamp-pages.js";
import { gitBlobReader, type ReadTexts } from "./blobs.js";
import { computeDiff, DEFAULT_LIMITS, type DiffLimits } from "./diff.js";
import { NO_LINKS, pageLinks } from "./links.js";
import { MARK_REFUSAL, markBlocker } from "./mark.js";
import type { BlobText, DetailSource, DiffModel, MarkOutcome, PageLinks } from "./types.js";

/**
 * Records `commit` (and `date`, where the page has a translation date) in the page's metadata;
 * resolves to why it could not, or null once written.
 */
export type WritePage = (page: PageReport, commit: string, date: string) => Promise<string | null>;

export interface DetailSourceOptions {
  result: ScanResult;
  /** Same order as result.pages. */
  details: readonly PageDetail[];
  read: ReadTexts;
  /** Links of a page as it is now (its raw_commit changes when it is marked as updated). */
  links?: (page: PageReport, detail: PageDetail | undefined) => PageLinks;
  limits?: DiffLimits;
  /** Without it (or without `rescan`, which reads a written page again), pages cannot be marked
   * as updated. */
  write?: WritePage;
  /** `write` as a dry run: why it would refuse, known before the translator is asked (the same
   * stamp run with --dry-run, so the two can never disagree). Without it, only the checks that
   * need no reading are made before asking. */
  check?: WritePage;
  /** The translation date a marked page records (YYYY-MM-DD); today's by default. */
  date?: () => string;
  /** The page as a new scan would report it, read again from the disk; null when it is gone.
   * Without it, pages cannot be read again, nor marked as updated. */
  rescan?: (page: PageReport) => Promise<{ report: PageReport; detail: PageDetail } | null>;
}

export interface DetailLoaderOptions {
  /** The translation date a marked page records (YYYY-MM-DD); today's by default. */
  date?: () => string;
  /** What page files end with, as the scan was told (its default otherwise). */
  extensions?: readonly string[];
  /** How metadata is added to an untracked page marked as updated (stamp --init's style). */
  metadata?: MetadataChoice;
  /** Write pages whose permissions say read-only too (dashboard --force, as stamp --force). */
  force?: boolean;
}

/** Marking a page in the translations' work tree as `translation-status stamp` does (adding
 * metadata to an untracked page as stamp --init does). */
export function pageWriter(
  { repo, sourceRepo }: { repo: Repo; sourceRepo: Repo },
  result: ScanResult,
  options: Omit<DetailLoaderOptions, "date"> = {},
  dryRun = false,
): WritePage {
  const twoRepos = sourceRepo !== repo;
  return async (page, commit, date) => {
    const { outcomes } = await stampPages({
      repo: repo.workTree,
      sourceRepo: twoRepos ? sourceRepo.workTree : null,
      content: result.content,
      source: result.source,
      knownLayout: layoutOfResult(result),
      // The scan's languages, which may be ones only --lang reads (a language Hugo leaves out).
      langs: result.languages,
      init:
        page.status === "untracked" ? { metadata: options.metadata ?? DEFAULTS.metadata } : null,
      ...(options.extensions ? { extensions: options.extensions } : {}),
      pages: [path.join(repo.workTree, ...page.path.split("/"))],
      commit,
      date,
      cwd: repo.workTree,
      force: options.force ?? false,
      dryRun,
    });
    return outcomes[0]?.error ?? null;
  };
}

/**
 * Diffs of the English source backed by the source repository, with GitHub links when its origin
 * is on GitHub; marking a page rewrites its metadata in the translations' work tree as
 * `translation-status stamp` does. `repo` and `sourceRepo` are the scan's (the same with one
 * repository).
 */
export async function createDetailLoader(
  { repo, sourceRepo, rescan }: { repo: Repo; sourceRepo: Repo; rescan?: RescanPage },
  result: ScanResult,
  details: readonly PageDetail[],
  options: DetailLoaderOptions = {},
): Promise<DetailSource> {
  const twoRepos = sourceRepo !== repo;
  // The links are to English commits and files. With two repositories, a missing origin must not
  // fall back to GITHUB_REPOSITORY, which names the translations' repository.
  const gh = await readGitHubRemote(sourceRepo, twoRepos ? {} : process.env).catch(() => null);
  return createDetailSource({
    result,
    details,
    read: gitBlobReader(sourceRepo),
    links: (page, detail) => pageLinks(gh, result.head, page, detail),
    write: pageWriter({ repo, sourceRepo }, result, options),
    check: pageWriter({ repo, sourceRepo }, result, options, true),
    ...(options.date ? { date: options.date } : {}),
    ...(rescan ? { rescan: (page: PageReport) => rescan(page.path) } : {}),
  });
}

/** A DetailSource over any blob reader (git in the CLI, a map in tests). */
export function createDetailSource(opts: DetailSourceOptions): DetailSource {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const head = opts.result.head;
  // The pages as they are now: marking one replaces its entries (the scan's arrays stay as they were).
  const pages = [...opts.result.pages];
  const details = [...opts.details];
  const marking = new Set<number>();
  const diffs = new Map<string, Promise<DiffModel>>();
  /** Drops a page's cached diffs (whole and per commit). */
  const forget = (i: number) => {
    for (const key of [...diffs.keys()]) {
      if (key === `${i}` || key.startsWith(`${i}:`)) diffs.delete(key);
    }
  };
  const cached = (key: string, make: () => Promise<DiffModel>): Promise<DiffModel> => {
    let p = diffs.get(key);
    if (!p) {
      p = make();
      // A failed read may succeed later (e.g. after a fetch); do not keep the failure.
      p.catch(() => diffs.delete(key));
      if (diffs.size > 200) diffs.delete(diffs.keys().next().value as string);
      diffs.set(key, p);
    }
    return p;
  };
  const diffOf = async (before: string | null, after: string | null): Promise<DiffModel> => {
    const oids = [before, after].filter((o): o is string => o !== null);
    const texts = await opts.read(oids);
    const side = (oid: string | null): BlobText =>
      oid === null ? { kind: "absent" } : (texts.get(oid) ?? { kind: "unreadable" });
    return computeDiff(side(before), side(after), limits);
  };
  /** The page read and measured again, in place of what was known of it. */
  const readAgain = async (i: number, page: PageReport): Promise<MarkOutcome> => {
    if (!opts.rescan) return { ok: false, error: "this dashboard cannot read pages again" };
    let again: Awaited<ReturnType<NonNullable<DetailSourceOptions["rescan"]>>>;
    try {
      again = await opts.rescan(page);
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
    if (!again) return { ok: false, error: "the page is no longer there" };
    const updated = withListedEstimate(again.report, again.detail);
    pages[i] = updated;
    details[i] = again.detail;
    forget(i);
    return { ok: true, page: updated };
  };
  /** Why page `i` cannot be marked (up to `commit`), as far as known without reading it. */
  const refusal = (i: number, commit: string | undefined): string | null => {
    const page = pages[i];
    if (!page) return "no such page";
    const blocked = markBlocker(page, details[i]?.rawHash ?? null, head, commit !== undefined);
    if (blocked) return MARK_REFUSAL[blocked];
    // Only a commit the page lists: one of raw..HEAD by ancestry, so the page's drift can only
    // shrink; never a name from anywhere else.
    if (
      commit !== undefined &&
      (!isFullHash(commit) || !page.commits.some((c) => c.hash === commit))
    ) {
      return "the commit is not one of the page's English commits";
    }
    // A page it writes is read again, or the dashboard would show a page that is not there.
    if (!opts.write || !opts.rescan) return "this dashboard cannot change pages";
    return null;
  };
  return {
    wholeDiff(i) {
      return cached(`${i}`, async () => {
        const page = pages[i];
        const detail = details[i];
        if (!page || !detail) return notice("No such page.");
        if (detail.rawHash === null) return notice(noBaseReason(page));
        const base = page.estimate ? "the estimated commit" : "raw_commit";
        if (detail.fromBlob !== null && detail.fromBlob === detail.toBlob) {
          return notice(`No change: the English page at HEAD is the same as at ${base}.`);
        }
        if (detail.rawHash === head) {
          return notice(
            page.estimate
              ? "No change: the translation was last changed at HEAD (the estimated commit)."
              : "No change: the translation records HEAD as its English commit.",
          );
        }
        return diffOf(detail.fromBlob, detail.toBlob);
      });
    },
    commitDiff(i, hash) {
      return cached(`${i}:${hash}`, async () => {
        const blobs = details[i]?.commitBlobs.get(hash);
        if (!blobs) {
          return notice(
            "No change of its own to this page: a merge, whose change is in the commits it merged.",
          );
        }
        if (blobs.before !== null && blobs.before === blobs.after) {
          return notice("This commit did not change the page's text (a rename or move only).");
        }
        return diffOf(blobs.before, blobs.after);
      });
    },
    links(i) {
      const page = pages[i];
      return page && opts.links ? opts.links(page, details[i]) : NO_LINKS;
    },
    rawHash(i) {
      return details[i]?.rawHash ?? null;
    },
    async checkMark(i, commit): Promise<string | null> {
      const page = pages[i];
      const refused = refusal(i, commit);
      if (refused !== null || !page || !opts.check) return refused;
      try {
        return await opts.check(page, commit ?? head, (opts.date ?? today)());
      } catch (err) {
        return err instanceof Error ? err.message : String(err);
      }
    },
    async markUpdated(i, commit): Promise<MarkOutcome> {
      const page = pages[i];
      const refused = refusal(i, commit);
      if (refused !== null || !page || !opts.write) {
        return { ok: false, error: refused ?? "this dashboard cannot change pages" };
      }
      const target = commit ?? head;
      if (marking.has(i)) return { ok: false, error: "the page is being marked already" };
      marking.add(i);
      try {
        const date = (opts.date ?? today)();
        let error: string | null;
        try {
          error = await opts.write(page, target, date);
        } catch (err) {
          error = err instanceof Error ? err.message : String(err);
        }
        if (error !== null) return { ok: false, error };
        // The page is shown as a new scan reads it, not as marking should leave it: the page may
        // have been edited since the scan, and its warnings, metadata line and title (which an
        // untracked page only now records) are the scan's to tell.
        return await readAgain(i, page);
      } finally {
        marking.delete(i);
      }
    },
    async rescan(i): Promise<MarkOutcome> {
      const page = pages[i];
      if (!page) return { ok: false, error: "no such page" };
      if (marking.has(i)) return { ok: false, error: "the page is being marked" };
      return readAgain(i, page);
    },
  };
}

/**
 * The scan's result as the dashboard lists it: a page without metadata lists the English commits
 * since its estimate (which the JSON leaves out, as the estimate is only a guess); the UI marks
 * them as estimated wherever the page has an `estimate`.
 */
export function withEstimatedCommits(
  result: ScanResult,
  details: readonly PageDetail[],
): ScanResult {
  if (!details.some((d) => d.estimatedCommits !== undefined)) return result;
  const pages = result.pages.map((page, i) => withListedEstimate(page, details[i]));
  return { ...result, pages };
}

/** One page as withEstimatedCommits lists it. */
function withListedEstimate(page: PageReport, detail: PageDetail | undefined): PageReport {
  const commits = detail?.estimatedCommits;
  return page.estimate && commits ? { ...page, commits } : page;
}

function noBaseReason(page: PageReport): string {
  switch (page.status) {
    case "missing":
      return "Not translated yet: there is no translation to compare with the English page.";
    case "untracked":
      return "The translation does not record the English commit it was made from (no raw_commit), so there is nothing to compare.";
    case "unknown-commit":
      // A page that could not be read has no raw_commit: its warning is the whole reason.
      return wasNotRead(page)
        ? `Nothing to compare: ${unknownCommitText(page)}.`
        : `The translation's ${unknownCommitText(page)}, so there is nothing to compare.`;
    case "source-missing":
      if (translatesNothing(page)) {
        return "No English page has this translation's path, so there is nothing to compare.";
      }
      return "There is no English commit to compare with.";
    default:
      return "There is no English commit to compare with.";
  }
}

function notice(text: string): DiffModel {
  return { rows: [], added: 0, removed: 0, notice: text, truncated: false };
}
