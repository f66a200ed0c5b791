// Change kinds for the reports (--kinds): the shell around the pure classifier in kinds/. The
// English versions are read in batches (two git processes per batch, never one per page), only
// for pages whose English changed: outdated and moved pages, and untracked ones with an estimate.
import type { ChangeKindFields, CommitInfo, PageReport, Status } from "../core/types.js";
import type { ReadTexts } from "../detail/blobs.js";
import { classifyChange } from "../kinds/classify.js";
import type { Classified } from "../kinds/kinds.js";
import { PageText } from "../kinds/page-text.js";
import type { PageDetail } from "./reports.js";

/** Distinct blobs read per batch: enough to keep git's start-up out of the cost, few enough
 * that the texts held at once stay small (a batch of 4 KiB pages is 8 MiB). */
export const BATCH = 2000;

const CHANGED: ReadonlySet<Status> = new Set(["outdated", "moved"]);

/** A page whose English change is classified: where its kind goes, and its commits. */
interface Job {
  target: ChangeKindFields;
  detail: PageDetail;
  commits: readonly CommitInfo[];
  setCommits: (commits: CommitInfo[]) => void;
}

type Pair = readonly [string | null, string | null];

/**
 * Sets `changeKind` (and `changedKeys`) on each changed page, or its estimate, and on each of
 * its listed commits, which become the page's own copies (a commit's kind is its change to this
 * page). `details` follow `pages`.
 */
export async function addChangeKinds(
  pages: readonly PageReport[],
  details: readonly PageDetail[],
  readTexts: ReadTexts,
): Promise<void> {
  const jobs: Job[] = [];
  pages.forEach((report, i) => {
    const detail = details[i] as PageDetail;
    if (CHANGED.has(report.status)) {
      jobs.push({
        target: report,
        detail,
        commits: report.commits,
        setCommits: (c) => {
          report.commits = c;
        },
      });
    } else if (
      report.status === "untracked" &&
      report.estimate &&
      // An estimate whose English reads as at HEAD is the untracked side of `up-to-date`,
      // which gets no kind: there is no change to name.
      detail.fromBlob !== detail.toBlob
    ) {
      jobs.push({
        target: report.estimate,
        detail,
        commits: detail.estimatedCommits ?? [],
        setCommits: (c) => {
          detail.estimatedCommits = c;
        },
      });
    }
  });
  const classified: Classifications = { kinds: new Map(), withStructure: new Set() };
  let batch: Job[] = [];
  let oids = new Set<string>();
  const flush = async () => {
    await classifyBatch(batch, oids, classified, readTexts);
    batch = [];
    oids = new Set();
  };
  for (const job of jobs) {
    for (const [pair, net] of pairsOf(job)) {
      const k = key(pair);
      if (net ? classified.withStructure.has(k) : classified.kinds.has(k)) continue;
      for (const oid of pair) if (oid !== null) oids.add(oid);
    }
    batch.push(job);
    if (oids.size >= BATCH) await flush();
  }
  if (batch.length > 0) await flush();
}

function key(pair: Pair): string {
  return `${pair[0]}:${pair[1]}`;
}

/** The versions a job compares: its net change first (true), then each commit's. */
function* pairsOf(job: Job): Generator<[Pair, boolean]> {
  yield [[job.detail.fromBlob, job.detail.toBlob], true];
  for (const c of job.commits) {
    const change = job.detail.commitBlobs.get(c.hash);
    if (change) yield [[change.before, change.after], false];
  }
}

/** Each pair of versions classified so far, and those whose structural changes are known
 * too (a page's net change). */
interface Classifications {
  kinds: Map<string, Classified | null>;
  withStructure: Set<string>;
}

async function classifyBatch(
  jobs: readonly Job[],
  oids: ReadonlySet<string>,
  { kinds: classified, withStructure }: Classifications,
  readTexts: ReadTexts,
): Promise<void> {
  const texts = await readTexts([...oids]);
  // One PageText per version: a version that is one commit's "after" and the next one's
  // "before" is parsed once.
  const versions = new Map<string, PageText | null>();
  const version = (oid: string) => {
    let v = versions.get(oid);
    if (v === undefined) {
      const t = texts.get(oid);
      v = t?.kind === "text" ? new PageText(t.text) : null;
      versions.set(oid, v);
    }
    return v;
  };
  // A page's net change is asked for its structural changes too; a commit's is not.
  const kindOf = (pair: Pair, structure = false): Classified | null => {
    const k = key(pair);
    let c = classified.get(k);
    if (c === undefined || (structure && c !== null && !withStructure.has(k))) {
      const [before, after] = pair;
      const a = before === null ? null : version(before);
      const b = after === null ? null : version(after);
      // An unreadable, binary or over-large side cannot be told; a missing side is a page
      // added or removed.
      c =
        (before !== null && a === null) ||
        (after !== null && b === null) ||
        (before === null && after === null)
          ? null
          : classifyChange(a, b, structure);
      classified.set(k, c);
      if (structure) withStructure.add(k);
    }
    return c;
  };
  for (const job of jobs) {
    const net = kindOf([job.detail.fromBlob, job.detail.toBlob], true);
    setKind(job.target, net);
    if (net?.structureChanges) job.target.structureChanges = net.structureChanges;
    if (job.commits.length === 0) continue;
    job.setCommits(
      job.commits.map((commit) => {
        const change = job.detail.commitBlobs.get(commit.hash);
        const copy: CommitInfo = { ...commit };
        setKind(copy, change ? kindOf([change.before, change.after]) : null);
        return copy;
      }),
    );
  }
}

function setKind(target: ChangeKindFields, c: Classified | null): void {
  target.changeKind = c?.kind ?? null;
  if (c?.changedKeys) target.changedKeys = c.changedKeys;
}

/**
 * Marks each listed commit that changed the page's translation as well as its English source:
 * a mechanical edit across languages, which the translator has seen already. `files` holds the
 * paths each listed commit changed (see git/commit-files.ts). An untracked page's commits are
 * those since its estimate, in its detail. `details` follow `pages`.
 */
export function markCommitsWithTranslation(
  pages: readonly PageReport[],
  details: readonly PageDetail[],
  files: ReadonlyMap<string, ReadonlySet<string>>,
): void {
  const marked = (path: string, commits: readonly CommitInfo[]): CommitInfo[] | null =>
    commits.some((c) => files.get(c.hash)?.has(path))
      ? commits.map((c) =>
          files.get(c.hash)?.has(path) ? { ...c, withTranslation: true as const } : c,
        )
      : null;
  pages.forEach((page, i) => {
    const own = marked(page.path, page.commits);
    if (own) page.commits = own;
    const detail = details[i];
    const estimated = detail?.estimatedCommits && marked(page.path, detail.estimatedCommits);
    if (detail && estimated) detail.estimatedCommits = estimated;
  });
}

/** The listed commits of every page (an untracked page's since its estimate), once each. */
export function listedCommits(
  pages: readonly PageReport[],
  details: readonly PageDetail[],
): string[] {
  const out = new Set<string>();
  for (const p of pages) for (const c of p.commits) out.add(c.hash);
  for (const d of details) for (const c of d.estimatedCommits ?? []) out.add(c.hash);
  return [...out];
}
