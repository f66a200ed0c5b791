// The first step of a scan, in a module of its own: it needs little of the tool's code, so the
// entry point can set git to work on the history (the scan's longest job) before it has loaded
// the rest.
import { AppError } from "../errors.js";
import { type Head, type OpenedRepo, openRepoAtHead } from "../git/repo.js";
import { readIgnoreRevs } from "../options/ignore-revs.js";
import { settleLater } from "../settle.js";
import { resolveFolders, type ScanFolders } from "./folders.js";
import { type HeadHistory, loadHeadHistory } from "./history-model.js";

export interface ScanStart {
  repo: OpenedRepo;
  head: Head;
  /** The folder options, checked against the work tree before git starts on the history. */
  folders: ScanFolders;
  /** HEAD's history, still being read. */
  headHistory: Promise<HeadHistory>;
  /** Commits that estimates skip (the ignore-revs file), checked before git starts. */
  ignoreRevs: ReadonlySet<string>;
}

const PARTIAL_CLONE =
  "this is a partial clone (git clone --filter): the scan reads English files from history and never downloads missing objects; use a full clone (in actions/checkout, leave `filter` unset)";

export async function startScan(opts: {
  repo: string;
  source: string;
  content: string;
  langs: readonly string[];
  exclude?: readonly string[];
  /** See readIgnoreRevs; null or absent for the default file. */
  ignoreRevsFile?: string | null;
}): Promise<ScanStart> {
  const opened = await openRepoAtHead(opts.repo);
  const { repo } = opened;
  if (repo.partial) throw new AppError(2, PARTIAL_CLONE);
  // Checked before the history log starts: a wrong --lang must not wait for a log nobody reads.
  const folders = resolveFolders(repo.workTree, opts);
  // Read whether or not a page will need it, so that a bad file is an error on every run.
  const ignoreRevs = readIgnoreRevs(repo.workTree, opts.ignoreRevsFile ?? null);
  const head = await opened.head;
  return {
    repo,
    head,
    folders,
    headHistory: settleLater(loadHeadHistory(repo, head.hash, folders.sourceFolders)),
    ignoreRevs,
  };
}
