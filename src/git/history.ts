// Reading the whole history in two processes: one `git log` for the commit graph, one
// `git diff-tree --stdin` for what every commit changed below the English folder. The scan's
// cost therefore does not depend on how many pages there are or how many raw_commits they name.
import type { Change } from "../core/pathindex.js";
import { AppError } from "../errors.js";
import { isFullHash } from "./revision.js";
import type { Repo } from "./run.js";
import { NulSplitter, runGit } from "./run.js";

/** Untrusted text from commits is cut to this many characters when read. */
const MAX_FIELD = 1000;

export interface CommitTable {
  hashes: string[];
  index: Map<string, number>;
  /** Parent indexes, in git's order (first parent first). */
  parents: number[][];
  dates: string[];
  authors: string[];
  subjects: string[];
}

const FIELDS = 5;

export function emptyTable(): CommitTable {
  return { hashes: [], index: new Map(), parents: [], dates: [], authors: [], subjects: [] };
}

/**
 * Adds to `table` every commit reachable from `tips` but not from `exclude` (validated full
 * hashes), with parents and what the UI shows. Parents already in the table are linked too.
 */
export async function readCommits(
  repo: Repo,
  table: CommitTable,
  tips: readonly string[],
  exclude: readonly string[] = [],
): Promise<void> {
  for (const rev of [...tips, ...exclude]) {
    if (!isFullHash(rev)) throw new AppError(2, "internal: unvalidated revision");
  }
  if (tips.length === 0) return;
  const raw: string[][] = [];
  let fields: string[] = [];
  const splitter = new NulSplitter((record) => {
    fields.push(record);
    if (fields.length === FIELDS) {
      raw.push(fields);
      fields = [];
    }
  });
  const input = [...tips, ...exclude.map((e) => `^${e}`)].join("\n");
  await runGit(
    repo,
    [
      "log",
      "--no-mailmap",
      "--no-show-signature",
      "-z",
      "--format=%H%x00%P%x00%aI%x00%an%x00%s",
      "--stdin",
      "--",
    ],
    { input: `${input}\n`, onStdout: (chunk) => splitter.push(chunk) },
  );
  splitter.end();
  if (fields.length !== 0 && !(fields.length === 1 && fields[0] === "")) {
    throw new AppError(2, "unexpected output from git log");
  }
  const first = table.hashes.length;
  for (const [hash = "", , date = "", author = "", subject = ""] of raw) {
    // A commit message cannot forge a record: every record must start with a real hash.
    if (!isFullHash(hash)) throw new AppError(2, "unexpected output from git log");
    if (table.index.has(hash)) continue;
    table.index.set(hash, table.hashes.length);
    table.hashes.push(hash);
    table.dates.push(date);
    table.authors.push(author.slice(0, MAX_FIELD));
    table.subjects.push(subject.slice(0, MAX_FIELD));
  }
  for (const rec of raw) {
    if ((table.index.get(rec[0] ?? "") ?? -1) < first) continue;
    const ids: number[] = [];
    for (const p of (rec[1] ?? "").split(" ")) {
      const id = p === "" ? undefined : table.index.get(p);
      // A parent outside the table only happens at a shallow boundary; git hides those too.
      if (id !== undefined) ids.push(id);
    }
    table.parents.push(ids);
  }
}

/**
 * What each (commit, parent) pair changed below `folder`, with renames detected. `pairs` lists
 * commit indexes with a parent index (or -1 for a root commit); the answer is in the same order.
 */
export async function readChanges(
  repo: Repo,
  table: CommitTable,
  pairs: ReadonlyArray<readonly [number, number]>,
  folder: string,
): Promise<Change[][]> {
  const lines: string[] = [];
  for (const [c, p] of pairs) {
    const hash = table.hashes[c] ?? "";
    lines.push(p < 0 ? hash : `${hash} ${table.hashes[p] ?? ""}`);
  }
  const result: Change[][] = [];
  let current: Change[] | null = null;
  let pendingHeader: string[] | null = null;
  let pathsLeft = 0;
  const splitter = new NulSplitter((record) => {
    const text = record;
    if (pendingHeader) {
      pendingHeader.push(text);
      pathsLeft -= 1;
      if (pathsLeft === 0 && current) {
        current.push(toChange(pendingHeader));
        pendingHeader = null;
      }
      return;
    }
    if (text.startsWith(":")) {
      const status = text.split(" ")[4] ?? "";
      pendingHeader = [text];
      pathsLeft = status.startsWith("R") || status.startsWith("C") ? 2 : 1;
      return;
    }
    if (!isFullHash(text)) throw new AppError(2, "unexpected output from git diff-tree");
    current = [];
    result.push(current);
  });
  if (lines.length > 0) {
    await runGit(
      repo,
      [
        "diff-tree",
        "--stdin",
        "-z",
        "-r",
        "--raw",
        "-M",
        "--root",
        "--always",
        "--no-abbrev",
        "--no-textconv",
        "--no-ext-diff",
        "--",
        `${folder}/`,
      ],
      { input: `${lines.join("\n")}\n`, onStdout: (chunk) => splitter.push(chunk) },
    );
  }
  splitter.end();
  if (result.length !== pairs.length) throw new AppError(2, "unexpected output from git diff-tree");
  return result;
}

function toChange(parts: string[]): Change {
  const [head = "", first = "", second] = parts;
  const [, , oldBlob = "", newBlob = "", status = ""] = head.slice(1).split(" ");
  const letter = status.charAt(0);
  if (second !== undefined) return { status: letter, path: second, from: first, oldBlob, newBlob };
  return { status: letter, path: first, from: null, oldBlob, newBlob };
}
