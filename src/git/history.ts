// Reading the whole history at once: `git log` (in parts that run side by side, given the cores)
// for the commit graph and what every commit changed below the English folder against its first
// parent.
// The scan's cost therefore does not depend on how many pages there are or how many raw_commits
// they name.
import { availableParallelism } from "node:os";
import { AppError } from "../errors.js";
import { settleLater } from "../settle.js";
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
/** One commit as FIELDS NUL-separated fields: hash, parents, author date, author, subject. */
const LOG_FLAGS = [
  "--no-mailmap",
  "--no-show-signature",
  "-z",
  "--format=%H%x00%P%x00%aI%x00%an%x00%s",
];

function emptyTable(): CommitTable {
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
  const parents: string[] = [];
  for (const fields of raw) {
    if (addCommit(table, fields) >= first) parents.push(fields[1] ?? "");
  }
  linkParents(table, first, parents);
}

/** Adds one commit (unless known) and returns its number. */
function addCommit(
  table: CommitTable,
  [hash = "", , date = "", author = "", subject = ""]: readonly string[],
): number {
  // A commit message cannot forge a record: every record must start with a real hash.
  if (!isFullHash(hash)) throw new AppError(2, "unexpected output from git log");
  const known = table.index.get(hash);
  return known ?? pushCommit(table, hash, date, author, subject, table.hashes.length);
}

/** Adds a commit the table does not have yet, numbered `c` in the whole history (a log part's
 * table holds only its own commits, numbered from where the part starts). */
function pushCommit(
  table: CommitTable,
  hash: string,
  date: string,
  author: string,
  subject: string,
  c: number,
): number {
  table.index.set(hash, c);
  table.hashes.push(hash);
  table.dates.push(date);
  table.authors.push(author.slice(0, MAX_FIELD));
  table.subjects.push(subject.slice(0, MAX_FIELD));
  return c;
}

/** Parents of the commits numbered from `first` on, given as git's space-separated hashes. */
function linkParents(table: CommitTable, first: number, parents: readonly string[]): void {
  for (let c = first; c < first + parents.length; c++) {
    const ids: number[] = [];
    for (const p of (parents[c - first] as string).split(" ")) {
      const id = p === "" ? undefined : table.index.get(p);
      // A parent outside the table only happens at a shallow boundary; git hides those too.
      if (id !== undefined) ids.push(id);
    }
    table.parents.push(ids);
  }
}

/**
 * Receives HEAD's history as the log streams in: `commit` announces each commit by number with
 * how many parents it has, then `change` gives each entry of what it changed against its first
 * parent (against nothing for a root commit): git's raw-diff header ":<old mode> <new mode>
 * <old blob> <new blob> <status>", whose modes have been checked to have their fixed width, the
 * path, the path before it for a rename or copy, and the new mode as a number.
 */
export interface ChangeSink {
  commit(commit: number, parents: number): void;
  change(commit: number, header: string, path: string, from: string | null, newMode: number): void;
}

/**
 * Commits per part of the history log. The first part is a log of HEAD walking its history
 * (`--max-count=N`), which starts at once; the rest are logs of listed commits
 * (`--no-walk=unsorted`, given git's order of HEAD's commits by a walk that diffs nothing), each
 * at most N long, which run on the other cores meanwhile. A listed commit is diffed against its
 * first parent exactly as the walk diffs it, and costs git less: the walk also diffs every
 * commit below the paths to simplify the history, which `--full-history --sparse` then ignores.
 * (Skipping commits with `--skip` would still pay that for every skipped one.)
 */
export const LOG_PART = 8192;

/** A part size that keeps the log whole: one git process, and no listing of the commits. */
export const WHOLE_LOG = 2 ** 30;

/**
 * The part size the scan uses here. Each part is a git process that needs a core of its own,
 * while the scan's thread keeps one busy reading pages and parsing the log's output: on two
 * cores a second part only takes CPU from the first and from the scan, so the log is split only
 * where cores are left over. Node counts the cores the process may run on, not a container's
 * CPU quota: such a container on a large host splits the log as the host would.
 */
export function logPartSize(cores = availableParallelism()): number {
  return cores > 2 ? LOG_PART : WHOLE_LOG;
}

/**
 * HEAD's whole history as a table: every commit, with what it changed below `folders` against
 * its first parent handed to `sink` as the log streams in. The log is read in parts (see
 * LOG_PART) that are numbered as the single log would number them, after the first only when
 * HEAD has more commits than a part holds, or whole in one (see logPartSize). `order` gives HEAD's
 * commits in git's log order, whole (see readHeadSpan), and is asked only for a split log; they
 * are listed here when it is not given.
 * `--full-history --sparse` keeps every commit in the walk and leaves parents unrewritten. A
 * merge's other parents are not diffed: every commit's version of a file follows from the
 * first-parent changes (see core/blob-at.ts), and diffing long-lived branches against their
 * merges would nearly double git's output.
 */
export async function readHeadHistory(
  repo: Repo,
  head: string,
  folders: readonly string[],
  sink: ChangeSink,
  partSize = logPartSize(),
  order?: () => Promise<readonly string[]>,
): Promise<CommitTable> {
  if (!isFullHash(head)) throw new AppError(2, "internal: unvalidated revision");
  checkPartSize(partSize);
  const below = folders.map((f) => `${f}/`);
  if (partSize === WHOLE_LOG) {
    // One walk: `order` is not needed.
    const table = emptyTable();
    linkParents(table, 0, await readLogPart(repo, head, below, sink, 0, [], table));
    return table;
  }
  // Each part fills a table of its own as its log streams in, numbering its commits from where
  // it starts, and all register their hashes in one index: only the parents are left to link
  // when all have ended.
  const one = emptyTable();
  const first = settleLater(
    readLogPart(repo, head, below, sink, 0, [`--max-count=${partSize}`], one),
  );
  const listed = settleLater(order ? order() : revList(repo, head));
  const rest = settleLater(
    listed.then((hashes) =>
      hashes.length > partSize
        ? readListedParts(repo, hashes, partSize, below, sink, partSize, one.index)
        : [],
    ),
  );
  const [parentsOne, parts] = await Promise.all([first, rest]);
  // The listed parts go on where a full first part ends, in the same walk; anything else is not
  // git's one order (or the history changed meanwhile).
  if (parts.length > 0) {
    const hashes = await listed;
    if (one.hashes.length !== partSize || one.hashes.some((h, i) => hashes[i] !== h)) {
      throw new AppError(2, "unexpected output from git log: the history changed during the scan");
    }
  }
  const tables = [one, ...parts.map((p) => p.table)];
  const table: CommitTable = {
    hashes: tables.flatMap((t) => t.hashes),
    index: one.index,
    parents: [],
    dates: tables.flatMap((t) => t.dates),
    authors: tables.flatMap((t) => t.authors),
    subjects: tables.flatMap((t) => t.subjects),
  };
  linkParents(table, 0, parentsOne.concat(...parts.map((p) => p.parents)));
  return table;
}

/** git reads the part sizes as C ints. */
function checkPartSize(partSize: number): void {
  if (!Number.isInteger(partSize) || partSize < 1 || partSize > 2 ** 30) {
    throw new AppError(2, "internal: bad log part size");
  }
}

/**
 * The logs of `order[from..]` (HEAD's commits in git's order, from git) below `pathspecs`, in
 * parts of at most `partSize` commits of about equal size that run at once; each part's table
 * numbers its commits from where it starts and registers them in `index`. Each part must print
 * exactly the commits it was given, in their order.
 */
async function readListedParts(
  repo: Repo,
  order: readonly string[],
  from: number,
  pathspecs: readonly string[],
  sink: ChangeSink,
  partSize: number,
  index: Map<string, number>,
): Promise<Array<{ table: CommitTable; parents: string[] }>> {
  const count = Math.ceil((order.length - from) / partSize);
  const size = Math.ceil((order.length - from) / count);
  const parts: Array<Promise<{ table: CommitTable; parents: string[] }>> = [];
  for (let start = from; start < order.length; start += size) {
    const given = order.slice(start, start + size);
    for (const hash of given) {
      if (!isFullHash(hash)) throw new AppError(2, "internal: unvalidated revision");
    }
    const table = emptyTable();
    table.index = index;
    parts.push(
      settleLater(
        readLogPart(
          repo,
          given.join("\n"),
          pathspecs,
          sink,
          start,
          ["--no-walk=unsorted"],
          table,
        ).then((parents) => {
          if (table.hashes.length !== given.length || table.hashes.some((h, i) => given[i] !== h)) {
            throw new AppError(2, "unexpected output from git log");
          }
          return { table, parents };
        }),
      ),
    );
  }
  return Promise.all(parts);
}

/**
 * What every commit of HEAD's history changed in `paths` (files, or folders ending in `/`: the
 * translations without metadata, for estimates), handed to `sink` as readHeadHistory hands the
 * English changes, with the same flags.
 * With `--full-history --sparse` the walk, and so the order of the commits, does not depend on the
 * paths: the n-th commit of this log is the n-th of readHeadHistory's, so the numbers match. The
 * hashes are returned, in order, for the caller to check that (both logs run at once). Given
 * `order` (HEAD's commits in git's order, whole), the commits are listed to git in parts of at
 * most `partSize` that run at once, as readHeadHistory lists its later ones, unless the part
 * size keeps the log whole (WHOLE_LOG): then it walks, as without `order`.
 */
export async function readChangesIn(
  repo: Repo,
  head: string,
  paths: readonly string[],
  sink: ChangeSink,
  order?: readonly string[],
  partSize = logPartSize(),
): Promise<string[]> {
  if (!isFullHash(head)) throw new AppError(2, "internal: unvalidated revision");
  checkPartSize(partSize);
  if (order && order.length > 0 && partSize !== WHOLE_LOG) {
    if (order[0] !== head) throw new AppError(2, "internal: the order is not HEAD's");
    const parts = await readListedParts(repo, order, 0, paths, sink, partSize, new Map());
    return parts.flatMap((p) => p.table.hashes);
  }
  const seen = emptyTable();
  await readLogPart(repo, head, paths, sink, 0, [], seen);
  return seen.hashes;
}

/**
 * A log as read, kept so that a later run can be given it without asking git (see cache/):
 * every commit in the log's order, with its parents as git wrote them, what the UI shows, and
 * its changes (those of commit c are entries starts[c]..starts[c + 1]).
 */
export interface LogCapture {
  hashes: string[];
  parents: string[];
  dates: string[];
  authors: string[];
  subjects: string[];
  starts: Int32Array;
  headers: string[];
  paths: string[];
  /** The path before a rename or copy; "" for none (a path is never empty). */
  froms: string[];
}

/**
 * The log of `head`'s commits (those `exclude` does not reach, when given) below `pathspecs`,
 * handed to the recorder's sink as readHeadHistory hands it, with its commit table. One
 * process: the commits a run reads this way are either few (those since a cached HEAD) or the
 * estimates' log.
 */
export async function readLogCapture(
  repo: Repo,
  head: string,
  exclude: string | null,
  pathspecs: readonly string[],
  recorder: LogRecorder,
): Promise<{ table: CommitTable; log: LogCapture }> {
  for (const rev of exclude === null ? [head] : [head, exclude]) {
    if (!isFullHash(rev)) throw new AppError(2, "internal: unvalidated revision");
  }
  const table = emptyTable();
  const input = exclude === null ? head : `${head}\n^${exclude}`;
  const parents = await readLogPart(repo, input, pathspecs, recorder, 0, [], table);
  const log = recorder.capture(table, parents);
  linkParents(table, 0, parents);
  return { table, log };
}

/** Passes a log on to `inner` and keeps its changes, for LogRecorder.capture. */
export class LogRecorder implements ChangeSink {
  private readonly commits: number[] = [];
  private readonly headers: string[] = [];
  private readonly paths: string[] = [];
  private readonly froms: string[] = [];
  constructor(private readonly inner: ChangeSink) {}

  commit(commit: number, parents: number): void {
    this.inner.commit(commit, parents);
  }

  change(commit: number, header: string, path: string, from: string | null, newMode: number) {
    this.inner.change(commit, header, path, from, newMode);
    this.commits.push(commit);
    this.headers.push(header);
    this.paths.push(path);
    this.froms.push(from ?? "");
  }

  /** The log, given the table its commits were read into (the parts of a split log arrive
   * interleaved, so the changes are put in commit order here). `parents` as git wrote them. */
  capture(table: CommitTable, parents?: readonly string[]): LogCapture {
    const n = table.hashes.length;
    const starts = new Int32Array(n + 1);
    for (const c of this.commits) starts[c + 1] = (starts[c + 1] ?? 0) + 1;
    for (let c = 0; c < n; c++) starts[c + 1] = (starts[c + 1] ?? 0) + (starts[c] ?? 0);
    const next = starts.slice(0, n);
    const m = this.commits.length;
    const headers = new Array<string>(m);
    const paths = new Array<string>(m);
    const froms = new Array<string>(m);
    this.commits.forEach((c, i) => {
      const at = next[c] as number;
      next[c] = at + 1;
      headers[at] = this.headers[i] as string;
      paths[at] = this.paths[i] as string;
      froms[at] = this.froms[i] as string;
    });
    // Copies of the first n: the table grows after the log (commits named by pages that the log
    // did not reach are added to it), and the capture is of the log alone.
    return {
      hashes: table.hashes.slice(0, n),
      // Without git's own lists, the table's: every parent is in it outside a shallow clone.
      parents: parents
        ? parents.slice(0, n)
        : table.parents.slice(0, n).map((ps) => ps.map((p) => table.hashes[p]).join(" ")),
      dates: table.dates.slice(0, n),
      authors: table.authors.slice(0, n),
      subjects: table.subjects.slice(0, n),
      starts,
      headers,
      paths,
      froms,
    };
  }
}

/**
 * A captured log given to `sink` as if git were printing it, with the commit table it makes.
 * The capture may come from a file (see cache/): every entry is checked as git's own output is.
 */
export function replayCapture(log: LogCapture, sink: ChangeSink): CommitTable {
  const table = emptyTable();
  const n = log.hashes.length;
  const { starts, headers, paths, froms } = log;
  if (starts.length !== n + 1 || starts[n] !== headers.length) {
    throw new AppError(2, "unexpected log in the cache");
  }
  for (let c = 0; c < n; c++) {
    const parents = log.parents[c] ?? "";
    const ids = parents === "" ? [] : parents.split(" ");
    if (!ids.every(isFullHash)) throw new AppError(2, "unexpected log in the cache");
    const hash = log.hashes[c] ?? "";
    if (table.index.has(hash)) throw new AppError(2, "unexpected log in the cache");
    addCommit(table, [hash, "", log.dates[c] ?? "", log.authors[c] ?? "", log.subjects[c] ?? ""]);
    sink.commit(c, ids.length);
    const end = starts[c + 1] as number;
    for (let i = starts[c] as number; i < end; i++) {
      const header = headers[i] as string;
      const path = paths[i] as string;
      const from = froms[i] as string;
      // As RawEntries reads git's: ":<mode> <mode> <old> <new> <status>", two paths for R or C.
      const status = header.charCodeAt(header.lastIndexOf(" ") + 1);
      if (
        header.charCodeAt(0) !== 58 ||
        header.charCodeAt(7) !== 32 ||
        header.charCodeAt(14) !== 32 ||
        path === "" ||
        (status === 82 || status === 67) !== (from !== "")
      ) {
        throw new AppError(2, "unexpected log in the cache");
      }
      sink.change(c, header, path, from === "" ? null : from, octal(header, 8, 14));
    }
  }
  linkParents(table, 0, log.parents);
  return table;
}

/** Every commit `head` reaches, in the order of git's log (which a path does not change with
 * --full-history --sparse): one `git rev-list`, which diffs nothing. */
export async function revList(repo: Repo, head: string): Promise<string[]> {
  if (!isFullHash(head)) throw new AppError(2, "internal: unvalidated revision");
  const { stdout } = await runGit(repo, ["rev-list", "--stdin", "--"], {
    input: `${head}\n`,
    buffered: true,
  });
  const out = stdout.toString("latin1").split("\n");
  if (out.pop() !== "" || !out.every(isFullHash)) {
    throw new AppError(2, "unexpected output from git rev-list");
  }
  return out;
}

/**
 * One part of the log: adds its commits to `part` (whose index may be shared with other parts)
 * numbered from `base`, hands their changes to the sink, and returns each commit's parents as
 * git wrote them, for linking once every part is in.
 */
async function readLogPart(
  repo: Repo,
  input: string,
  pathspecs: readonly string[],
  sink: ChangeSink,
  base: number,
  range: readonly string[],
  part: CommitTable,
): Promise<string[]> {
  const parentLists: string[] = [];
  // The fields of the commit being read: hash, parents, date, author, then the subject ends it.
  let field = 0;
  let hash = "";
  let parents = "";
  let date = "";
  let author = "";
  let current = -1;
  const entries = new RawEntries((header, path, from, newMode) =>
    sink.change(current, header, path, from, newMode),
  );
  const splitter = new NulSplitter((record) => {
    if (entries.takes(record)) return;
    if (field > 0) {
      if (field === 1) parents = record;
      else if (field === 2) date = record;
      else if (field === 3) author = record;
      if (++field < FIELDS) return;
      field = 0;
      // A commit that came twice (in two parts) would make two numbers for one hash.
      if (part.index.has(hash)) throw new AppError(2, "unexpected output from git log");
      current = pushCommit(part, hash, date, author, record, base + part.hashes.length);
      parentLists.push(parents);
      sink.commit(current, parents === "" ? 0 : parents.split(" ").length);
      return;
    }
    // After a commit's header: its changes (the first one after a newline), or the next commit.
    if (current !== -1 && entries.starts(record.charCodeAt(0) === 10 ? record.slice(1) : record)) {
      return;
    }
    // A commit message cannot forge a record: every commit must start with a real hash.
    if (!isFullHash(record)) throw new AppError(2, "unexpected output from git log");
    hash = record;
    field = 1;
  });
  await runGit(
    repo,
    [
      "log",
      ...LOG_FLAGS,
      ...range,
      "--raw",
      "-M",
      "--root",
      "--diff-merges=first-parent",
      "--no-abbrev",
      "--no-textconv",
      "--no-ext-diff",
      "--full-history",
      "--sparse",
      "--stdin",
      "--",
      ...pathspecs,
    ],
    { input: `${input}\n`, onStdout: (chunk) => splitter.push(chunk), buffered: true },
  );
  splitter.end();
  if (field !== 0 || entries.pending()) {
    throw new AppError(2, "unexpected output from git log");
  }
  return parentLists;
}

/**
 * git's raw diff entries in -z form: ":modes blobs status" then one path, or two for a rename
 * or copy. `starts` takes an entry's first record, `takes` the paths that follow it.
 */
class RawEntries {
  private header: string | null = null;
  private first: string | null = null;
  private pathsLeft = 0;
  constructor(
    private readonly onEntry: (
      header: string,
      path: string,
      from: string | null,
      newMode: number,
    ) => void,
  ) {}

  starts(record: string): boolean {
    if (record.charCodeAt(0) !== 58) return false;
    // ":%06o %06o <old> <new> <status>": the modes have a fixed width.
    if (record.charCodeAt(7) !== 32 || record.charCodeAt(14) !== 32) {
      throw new AppError(2, "unexpected raw diff from git");
    }
    this.header = record;
    const status = record.charCodeAt(record.lastIndexOf(" ") + 1);
    this.pathsLeft = status === 82 || status === 67 ? 2 : 1; // R, C
    return true;
  }

  takes(record: string): boolean {
    const header = this.header;
    if (header === null) return false;
    if (--this.pathsLeft > 0) {
      this.first = record;
      return true;
    }
    const first = this.first;
    this.header = null;
    this.first = null;
    this.onEntry(header, record, first, octal(header, 8, 14));
    return true;
  }

  pending(): boolean {
    return this.header !== null;
  }
}

/** The octal number in text[start..end), read without making a substring. */
function octal(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 7) throw new AppError(2, "unexpected raw diff from git");
    n = n * 8 + digit;
  }
  return n;
}

/**
 * Every commit a branch, remote branch or tag reaches that `head` does not: what tells a
 * raw_commit on another branch from one on none. One `git rev-list`.
 */
export async function commitsOnOtherRefs(repo: Repo, head: string): Promise<Set<string>> {
  if (!isFullHash(head)) throw new AppError(2, "internal: unvalidated revision");
  const { stdout } = await runGit(repo, [
    "rev-list",
    "--branches",
    "--remotes",
    "--tags",
    "--not",
    head,
    "--",
  ]);
  const out = new Set<string>();
  for (const line of stdout.toString("latin1").split("\n")) if (isFullHash(line)) out.add(line);
  return out;
}
