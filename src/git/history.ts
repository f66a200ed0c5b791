// Reading the whole history at once: one `git log` for the commit graph and what every commit
// changed below the English folder, plus one `git diff-tree --stdin` for merges' other parents.
// The scan's cost therefore does not depend on how many pages there are or how many raw_commits
// they name.
import type { Change } from "../core/pathindex.js";
import { AppError } from "../errors.js";
import { settleLater } from "../settle.js";
import { isFullHash } from "./revision.js";
import type { Repo } from "./run.js";
import { InputFeed, NulSplitter, runGit } from "./run.js";

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
/** One commit as FIELDS NUL-separated fields: hash, parents, author date, author, subject. */
const LOG_FLAGS = [
  "--no-mailmap",
  "--no-show-signature",
  "-z",
  "--format=%H%x00%P%x00%aI%x00%an%x00%s",
];

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
  await runGit(repo, ["log", ...LOG_FLAGS, "--stdin", "--"], {
    input: `${input}\n`,
    onStdout: (chunk) => splitter.push(chunk),
    buffered: true,
  });
  splitter.end();
  if (fields.length !== 0 && !(fields.length === 1 && fields[0] === "")) {
    throw new AppError(2, "unexpected output from git log");
  }
  addCommits(table, raw);
}

/** Adds commits read by LOG_FLAGS to the table; parents already in it are linked too. */
function addCommits(table: CommitTable, raw: readonly string[][]): void {
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

/** What HEAD's history changed below a folder: `changes[i]` belongs to `pairs[i]`. */
export interface HeadChanges {
  /** (commit, parent) index pairs, parents in git's order; -1 as parent for a root commit. */
  pairs: Array<[number, number]>;
  changes: Change[][];
}

/**
 * HEAD's whole history in one `git log`: every commit, with what it changed below `folder`
 * against its first parent. A merge's other parents are diffed by a `git diff-tree --stdin`
 * that runs alongside, fed while the log streams past, so nothing waits for the whole log.
 * `--full-history --sparse` keeps every commit in the walk and leaves parents unrewritten.
 */
export async function readHeadHistory(
  repo: Repo,
  table: CommitTable,
  head: string,
  folder: string,
): Promise<HeadChanges> {
  if (!isFullHash(head)) throw new AppError(2, "internal: unvalidated revision");
  const logged: Array<{ fields: string[]; changes: Change[] }> = [];
  const feed = new InputFeed();
  const asked: string[] = [];
  let mergeDiffs: Promise<Map<string, Change[]>> | null = null;
  let fields: string[] = [];
  let current: Change[] | null = null;
  const entries = new RawEntries((change) => current?.push(change));
  const splitter = new NulSplitter((record) => {
    if (entries.takes(record)) return;
    if (fields.length > 0) {
      fields.push(record);
      if (fields.length < FIELDS) return;
      const parents = (fields[1] ?? "").split(" ");
      current = [];
      logged.push({ fields, changes: current });
      fields = [];
      const hash = logged[logged.length - 1]?.fields[0] ?? "";
      for (let k = 1; k < parents.length; k++) {
        const pair = `${hash} ${parents[k]}`;
        if (!isFullHash(parents[k] ?? "")) throw new AppError(2, "unexpected output from git log");
        mergeDiffs ??= settleLater(readMergeDiffs(repo, feed, asked, folder));
        asked.push(pair);
        feed.write(`${pair}\n`);
      }
      return;
    }
    // After a commit's header: its changes (the first one after a newline), or the next commit.
    if (current && entries.starts(record.charCodeAt(0) === 10 ? record.slice(1) : record)) return;
    if (!isFullHash(record)) throw new AppError(2, "unexpected output from git log");
    fields = [record];
  });
  try {
    await runGit(
      repo,
      [
        "log",
        ...LOG_FLAGS,
        "--raw",
        "-M",
        "--root",
        "--diff-merges=first-parent",
        "--no-abbrev",
        "--no-relative",
        "--no-textconv",
        "--no-ext-diff",
        "--full-history",
        "--sparse",
        "--stdin",
        "--",
        `${folder}/`,
      ],
      { input: `${head}\n`, onStdout: (chunk) => splitter.push(chunk), buffered: true },
    );
  } finally {
    feed.end();
  }
  splitter.end();
  if (fields.length !== 0 || entries.pending()) {
    throw new AppError(2, "unexpected output from git log");
  }
  const others = mergeDiffs ? await mergeDiffs : new Map<string, Change[]>();
  addCommits(
    table,
    logged.map((l) => l.fields),
  );
  const out: HeadChanges = { pairs: [], changes: [] };
  for (const { fields, changes } of logged) {
    const [hash = "", parents = ""] = fields;
    const c = table.index.get(hash) as number;
    let linked = 0;
    parents.split(" ").forEach((p, k) => {
      const id = p === "" ? undefined : table.index.get(p);
      if (id === undefined) return;
      const diff = k === 0 ? changes : others.get(`${hash} ${p}`);
      if (!diff) throw new AppError(2, "unexpected output from git diff-tree");
      out.pairs.push([c, id]);
      out.changes.push(diff);
      linked++;
    });
    if (linked === 0) {
      out.pairs.push([c, -1]);
      out.changes.push(changes);
    }
  }
  return out;
}

/** A merge's changes against each parent after the first, keyed "merge parent". */
async function readMergeDiffs(
  repo: Repo,
  feed: InputFeed,
  asked: readonly string[],
  folder: string,
): Promise<Map<string, Change[]>> {
  const out = new Map<string, Change[]>();
  let current: Change[] | null = null;
  const entries = new RawEntries((change) => current?.push(change));
  const splitter = new NulSplitter((record) => {
    if (entries.takes(record) || (current && entries.starts(record))) return;
    if (!isFullHash(record)) throw new AppError(2, "unexpected output from git diff-tree");
    const key = asked[out.size];
    if (key === undefined) throw new AppError(2, "unexpected output from git diff-tree");
    current = [];
    out.set(key, current);
  });
  await runGit(
    repo,
    [
      "diff-tree",
      "--stdin",
      "-z",
      "-r",
      "--raw",
      "-M",
      "--always",
      "--no-abbrev",
      "--no-textconv",
      "--no-ext-diff",
      "--",
      `${folder}/`,
    ],
    { input: feed, onStdout: (chunk) => splitter.push(chunk), buffered: true },
  );
  splitter.end();
  if (entries.pending() || out.size !== asked.length) {
    throw new AppError(2, "unexpected output from git diff-tree");
  }
  return out;
}

/**
 * git's raw diff entries in -z form: ":modes blobs status" then one path, or two for a rename
 * or copy. `starts` takes an entry's first record, `takes` the paths that follow it.
 */
class RawEntries {
  private header: string[] | null = null;
  private pathsLeft = 0;
  constructor(private readonly onChange: (change: Change) => void) {}

  starts(record: string): boolean {
    if (record.charCodeAt(0) !== 58) return false;
    const status = record.split(" ")[4] ?? "";
    this.header = [record];
    this.pathsLeft = status.startsWith("R") || status.startsWith("C") ? 2 : 1;
    return true;
  }

  takes(record: string): boolean {
    if (!this.header) return false;
    this.header.push(record);
    if (--this.pathsLeft === 0) {
      this.onChange(toChange(this.header));
      this.header = null;
    }
    return true;
  }

  pending(): boolean {
    return this.header !== null;
  }
}

function toChange(parts: string[]): Change {
  const [head = "", first = "", second] = parts;
  const [, , oldBlob = "", newBlob = "", status = ""] = head.slice(1).split(" ");
  const letter = status.charAt(0);
  if (second !== undefined) return { status: letter, path: second, from: first, oldBlob, newBlob };
  return { status: letter, path: first, from: null, oldBlob, newBlob };
}
