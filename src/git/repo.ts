// Finding the repository once, so that every later git call names it explicitly.
import { readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../errors.js";
import { settleLater } from "../settle.js";
import { isFullHash } from "./revision.js";
import { GitFailure, type Repo, runGit } from "./run.js";

export interface OpenedRepo extends Repo {
  shallow: boolean;
  /** Commits whose parents a shallow clone cut off (git shows them without parents). */
  shallowRoots: string[];
  /** A partial clone (`--filter`): objects from history may be absent and are never fetched. */
  partial: boolean;
  /** Absolute path of the object store (shared by linked worktrees). */
  objectDir: string;
  /** diff.algorithm from the config, lowercased; null when unset. */
  diffAlgorithm: string | null;
  /** diff.renameLimit from the config as written; null when unset. It changes which renames
   * the history log finds, so a cached log is kept apart by it. */
  renameLimit: string | null;
}

export async function openRepo(dir: string): Promise<OpenedRepo> {
  const found = await findRepo(dir);
  return withConfig(found, await readConfig(found));
}

/**
 * openRepo, and HEAD read alongside the repository's settings (two git processes at once
 * instead of one after the other, where the scan has nothing else to do yet). HEAD's failure
 * (a repository without commits) is left for the caller to await, after its own checks.
 */
export async function openRepoAtHead(
  dir: string,
): Promise<{ repo: OpenedRepo; head: Promise<Head> }> {
  const found = await findRepo(dir);
  const head = settleLater(readHead(found));
  return { repo: withConfig(found, await readConfig(found)), head };
}

type FoundRepo = Repo & { shallow: boolean; shallowRoots: string[]; objectDir: string };

function withConfig(found: FoundRepo, config: RepoConfig): OpenedRepo {
  return { ...found, ...config };
}

/** The work tree and git folder, with what the scan needs to know about the clone. */
async function findRepo(dir: string): Promise<FoundRepo> {
  const abs = path.resolve(dir);
  const info = await stat(abs).catch(() => null);
  if (!info?.isDirectory()) throw new AppError(2, `no such directory: ${dir}`);
  let out: string;
  try {
    const res = await runGit(
      null,
      [
        "rev-parse",
        "--show-toplevel",
        "--absolute-git-dir",
        "--is-shallow-repository",
        "--path-format=absolute",
        "--git-path",
        "shallow",
        "--git-path",
        "objects",
      ],
      { cwd: abs },
    );
    out = res.stdout.toString("utf8");
  } catch (err) {
    if (err instanceof GitFailure) throw new AppError(2, cannotOpen(dir, err.detail));
    throw err;
  }
  const [top, gitDir, shallow, shallowFile, objectDir] = out.split("\n");
  if (!top || !gitDir || !objectDir) throw new AppError(2, `not a git work tree: ${dir}`);
  const repo: Repo = { workTree: await realpath(top), gitDir };
  const shallowRoots = shallow === "true" && shallowFile ? await readShallowRoots(shallowFile) : [];
  return { ...repo, shallow: shallow === "true", shallowRoots, objectDir };
}

/** The `shallow` file git keeps: one cut-off commit per line. */
async function readShallowRoots(file: string): Promise<string[]> {
  const text = await readFile(file, "utf8").catch(() => "");
  return text.split("\n").filter((line) => isFullHash(line));
}

/**
 * The settings the scan needs, in one git call. `partial`: objects may be missing because the
 * clone was made with `--filter`. Lazy fetching is off (GIT_NO_LAZY_FETCH, protocol.allow=never),
 * so git would answer "missing" for a blob that exists upstream, and the scan would take that as
 * a file that did not exist.
 */
type RepoConfig = Pick<OpenedRepo, "partial" | "diffAlgorithm" | "renameLimit">;

async function readConfig(repo: Repo): Promise<RepoConfig> {
  const res = await runGit(
    repo,
    [
      "config",
      "-z",
      "--get-regexp",
      "^(extensions\\.partialclone|remote\\..*\\.promisor|diff\\.algorithm|diff\\.renamelimit)$",
    ],
    { okCodes: [1] },
  );
  const found: RepoConfig = { partial: false, diffAlgorithm: null, renameLimit: null };
  if (res.code !== 0) return found;
  for (const record of res.stdout.toString("utf8").split("\0")) {
    const nl = record.indexOf("\n");
    const key = nl < 0 ? record : record.slice(0, nl);
    const value =
      nl < 0
        ? "true"
        : record
            .slice(nl + 1)
            .trim()
            .toLowerCase();
    if (key === "extensions.partialclone" && value !== "") found.partial = true;
    if (key.endsWith(".promisor") && ["true", "yes", "on", "1"].includes(value)) {
      found.partial = true;
    }
    // The last one wins, as in git.
    if (key === "diff.algorithm") found.diffAlgorithm = value;
    if (key === "diff.renamelimit") found.renameLimit = value;
  }
  return found;
}

/** git's own reason when it is more than "no repository here" (a refused bare repository
 * layout, a broken config, an unsafe owner), so the user is not told something untrue. */
function cannotOpen(dir: string, detail: string): string {
  if (detail === "" || detail.startsWith("not a git repository"))
    return `not a git work tree: ${dir}`;
  return `cannot open a git work tree at ${dir}: ${detail}`;
}

export interface Head {
  hash: string;
  date: string;
}

/** HEAD as a commit hash and its committer date; an error for a repository without commits. */
export async function readHead(repo: Repo): Promise<Head> {
  const res = await runGit(
    repo,
    ["log", "-1", "--no-mailmap", "--format=%H%x00%cI", "HEAD", "--"],
    {
      okCodes: [128],
    },
  );
  const [hash, date] = res.stdout.toString("utf8").trim().split("\0");
  if (res.code !== 0 || !hash || !date) throw new AppError(2, "the repository has no commits yet");
  return { hash, date };
}
