// Finding the repository once, so that every later git call names it explicitly.
import { createHash } from "node:crypto";
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
  /** What else decides which files git's diffs take as binary (numstat's "-"), as a hash:
   * core.bigFileThreshold and the attributes files outside the work tree (see binaryRules).
   * The cache is kept apart by it. */
  binaryRules: string;
  /** The repository has a grafts file (`info/grafts`, which git still follows): its history
   * can change under the same HEAD, as a shallow clone's can. */
  grafted: boolean;
}

/** `found` is findRepo(dir) when the caller has started it already. */
export async function openRepo(
  dir: string,
  found: Promise<FoundRepo> = findRepo(dir),
): Promise<OpenedRepo> {
  const { head: _head, ...repo } = await found;
  return repo;
}

/**
 * openRepo, with HEAD's hash from the git call that finds the repository (null for a repository
 * without commits), so the history log can start while the rest is read: HEAD's date, and the
 * commits it reaches listed up to `countTo` (see readHeadSpan), both left for the caller
 * to await. HEAD's failure is left for the caller too, after its own checks.
 */
export async function openRepoAtHead(
  dir: string,
  countTo = 1,
  early: Promise<FoundRepo> = findRepo(dir),
): Promise<{ repo: OpenedRepo; headHash: string | null; head: Promise<HeadSpan> }> {
  const { head: headHash, ...repo } = await early;
  const head = settleLater(
    headHash === null
      ? Promise.reject(new AppError(2, NO_COMMITS))
      : readHeadSpan(repo, headHash, countTo),
  );
  return { repo, headHash, head };
}

/** A repository as found, with HEAD's hash. */
export type FoundRepo = OpenedRepo & { head: string | null };

/**
 * The work tree and git folder, with what the scan needs to know about the clone and HEAD's
 * hash, in one step: the rev-parse that finds the repository and the config call run side by
 * side, both finding it from `dir` as git does. The entry point starts this before it loads
 * the scan (see cli/main.ts).
 */
export async function findRepo(dir: string): Promise<FoundRepo> {
  const abs = path.resolve(dir);
  const info = await stat(abs).catch(() => null);
  if (!info?.isDirectory()) throw new AppError(2, `no such directory: ${dir}`);
  // Awaited after rev-parse, whose failure (no repository, an unsafe one) is the one to report.
  const config = settleLater(readConfig(abs));
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
        "--git-path",
        "info/attributes",
        "--git-path",
        "info/grafts",
        // Last, so that a repository without commits (exit 1, nothing printed for it) still
        // prints everything before it.
        "--verify",
        "-q",
        "HEAD",
      ],
      { cwd: abs, okCodes: [1] },
    );
    out = res.stdout.toString("utf8");
  } catch (err) {
    if (err instanceof GitFailure) throw new AppError(2, cannotOpen(dir, err.detail));
    throw err;
  }
  const [top, gitDir, shallow, shallowFile, objectDir, infoAttributes, grafts, head = ""] =
    out.split("\n");
  if (!top || !gitDir || !objectDir || !infoAttributes || !grafts) {
    throw new AppError(2, `not a git work tree: ${dir}`);
  }
  const repo: Repo = { workTree: await realpath(top), gitDir };
  const shallowRoots = shallow === "true" && shallowFile ? await readShallowRoots(shallowFile) : [];
  return {
    ...repo,
    shallow: shallow === "true",
    shallowRoots,
    objectDir,
    grafted: (await stat(grafts).catch(() => null)) !== null,
    ...(await withBinaryRules(await config, infoAttributes, top)),
    head: isFullHash(head) ? head : null,
  };
}

/**
 * The config with binaryRules: core.bigFileThreshold (a larger file is binary to git's diff)
 * and the contents of the attributes files git reads whatever the work tree holds (a `-diff`
 * there makes a page binary): the repository's info/attributes, core.attributesFile (or its
 * default, the XDG one), and the system file at /etc/gitattributes, where Linux distributions'
 * git reads it.
 */
async function withBinaryRules(
  config: RawConfig,
  infoAttributes: string,
  workTree: string,
): Promise<RepoConfig> {
  const { bigFileThreshold, attributesFile, ...rest } = config;
  const home = process.env.HOME ?? "";
  const xdg = process.env.XDG_CONFIG_HOME || path.join(home, ".config");
  const global =
    attributesFile === null
      ? path.join(xdg, "git", "attributes")
      : attributesFile.startsWith("~/")
        ? path.join(home, attributesFile.slice(2))
        : // git opens a relative one from the top of the work tree, where it runs.
          path.resolve(workTree, attributesFile);
  const files = [infoAttributes, global, "/etc/gitattributes"];
  const texts = await Promise.all(files.map((f) => readFile(f, "utf8").catch(() => null)));
  const rules = JSON.stringify([bigFileThreshold, ...files.map((f, i) => [f, texts[i]])]);
  return { ...rest, binaryRules: createHash("sha256").update(rules).digest("hex") };
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
type RepoConfig = Pick<OpenedRepo, "partial" | "diffAlgorithm" | "renameLimit" | "binaryRules">;

/** The config as read, before the files it names are. */
type RawConfig = Omit<RepoConfig, "binaryRules"> & {
  bigFileThreshold: string | null;
  attributesFile: string | null;
};

async function readConfig(cwd: string): Promise<RawConfig> {
  const res = await runGit(
    null,
    [
      "config",
      "-z",
      "--get-regexp",
      "^(extensions\\.partialclone|remote\\..*\\.promisor|diff\\.algorithm|diff\\.renamelimit|core\\.bigfilethreshold|core\\.attributesfile)$",
    ],
    { cwd, okCodes: [1] },
  );
  const found: RawConfig = {
    partial: false,
    diffAlgorithm: null,
    renameLimit: null,
    bigFileThreshold: null,
    attributesFile: null,
  };
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
    if (key === "core.bigfilethreshold") found.bigFileThreshold = value;
    // A path, as written (not lowercased).
    if (key === "core.attributesfile" && nl >= 0) found.attributesFile = record.slice(nl + 1);
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
  if (res.code !== 0 || !hash || !date) throw new AppError(2, NO_COMMITS);
  return { hash, date };
}

const NO_COMMITS = "the repository has no commits yet";

export interface HeadSpan extends Head {
  /** The commits HEAD reaches, in the order of git's log, listed no further than the reader was
   * asked to. */
  order: string[];
}

/**
 * The commit `hash` (HEAD, as the repository was opened) with its committer date, and the commits
 * it reaches up to `countTo` in the order of git's log: one walk that diffs nothing, which tells
 * the history log how to split its work (see git/history.ts).
 */
export async function readHeadSpan(repo: Repo, hash: string, countTo: number): Promise<HeadSpan> {
  if (!isFullHash(hash)) throw new AppError(2, "internal: unvalidated revision");
  if (!Number.isInteger(countTo) || countTo < 1 || countTo > 2 ** 30) {
    throw new AppError(2, "internal: bad commit count");
  }
  const res = await runGit(
    repo,
    ["log", "--no-mailmap", "--format=%H %cI", `--max-count=${countTo}`, "--stdin", "--"],
    { input: `${hash}\n`, buffered: true },
  );
  const lines = res.stdout.toString("latin1").split("\n");
  const first = lines[0] ?? "";
  const date = first.slice(first.indexOf(" ") + 1);
  if (lines.pop() !== "" || date === "" || !first.startsWith(`${hash} `)) {
    throw new AppError(2, "unexpected output from git log");
  }
  const order = lines.map((line) => line.slice(0, line.indexOf(" ")));
  if (!order.every(isFullHash)) throw new AppError(2, "unexpected output from git log");
  return { hash, date, order };
}
