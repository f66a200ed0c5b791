// Indexes what each commit changed by path, so a page's history is a lookup, not a git call.
//
// A large history holds tens of thousands of changes, all alive until the scan ends. An object
// per change (and a string per blob name) made the garbage collector copy each of them as the
// log streamed in: about a third of the time spent reading the log. So a change is a number
// here: its commit and mode sit in typed arrays, and git's own raw-diff header line is kept
// whole, with the blob names cut out of it only when someone asks for them.

/** A file as a commit has it: the blob and the mode git compares when it simplifies merges. */
export interface FileState {
  blob: string;
  mode: number;
}

export interface Rename {
  commit: number;
  from: string;
  to: string;
}

/** git's name for "no file" in a raw diff, in SHA-1 or SHA-256 length. */
const ZERO = /^0+$/;

/** ZERO.test, without running the pattern for the fifteen in sixteen names that start
 * with another digit. */
export function isZero(oid: string): boolean {
  return oid.charCodeAt(0) === 48 && ZERO.test(oid);
}

/**
 * The old and new blob names of a raw-diff header ":<old mode> <new mode> <old> <new> <status>".
 * The modes have a fixed width (git/history.ts checks them), so the names start at 15.
 */
function headerBlob(header: string, which: "old" | "new"): string {
  const oldEnd = header.indexOf(" ", 15);
  if (which === "old") return header.slice(15, oldEnd);
  return header.slice(oldEnd + 1, header.indexOf(" ", oldEnd + 1));
}

const NO_TOUCHES = new Int32Array(0);

/**
 * What HEAD's history changed, by path. A "touch" is one ordinary (non-merge) commit's change to
 * one path, named by a number; both sides of a rename count, the old name as a touch that
 * leaves the path gone. Merges are kept apart: their diffs against the first parent, by path.
 */
export class PathIndex {
  constructor(
    private readonly commits: Int32Array,
    private readonly modes: Int32Array,
    private readonly gones: Uint8Array,
    private readonly headers: readonly string[],
    /** Path → its number; path n's touches are order[starts[n]..starts[n + 1]). */
    private readonly ids: ReadonlyMap<string, number>,
    private readonly order: Int32Array,
    private readonly starts: Int32Array,
    /** Merges whose diff against their first parent includes the path. */
    readonly mergeTouches: Map<string, number[]>,
    /** For each merge: the paths that differ against its first parent, with the merge's own
     * version of the file (null when the merge does not have it). Other parents are compared
     * through the index itself (see fileAt), so git never has to diff them. */
    readonly mergeDiffs: Map<number, Map<string, FileState | null>>,
    /** Every merge, in commit-number order. */
    readonly merges: readonly number[],
    readonly renames: readonly Rename[],
  ) {}

  /** The touches of `path`, in commit-number order (git's log order). */
  touchesOf(path: string): Int32Array {
    const id = this.ids.get(path);
    if (id === undefined) return NO_TOUCHES;
    return this.order.subarray(this.starts[id], this.starts[id + 1]);
  }

  /** Every path that ordinary commits touched. */
  paths(): IterableIterator<string> {
    return this.ids.keys();
  }

  commitOf(touch: number): number {
    return this.commits[touch] as number;
  }

  /** The path was renamed away by this touch: it no longer exists after it. */
  isGone(touch: number): boolean {
    return this.gones[touch] === 1;
  }

  /** The file's mode after the touch (0 for a path renamed away). */
  newMode(touch: number): number {
    return this.modes[touch] as number;
  }

  /** The touch changed the file where it was (git's status M or T): not an addition, a
   * deletion, a rename or a copy. */
  editedInPlace(touch: number): boolean {
    const status = this.status(touch);
    return status === 77 || status === 84; // M, T
  }

  /** The touch changed the file's content or mode, not its kind (git's status M): a file
   * stays a file, a link a link. */
  modified(touch: number): boolean {
    return this.status(touch) === 77;
  }

  private status(touch: number): number {
    const header = this.headers[touch] as string;
    return header.charCodeAt(header.lastIndexOf(" ") + 1);
  }

  /** Blob before the touch (all zeros when the file was added). */
  oldBlob(touch: number): string {
    return headerBlob(this.headers[touch] as string, "old");
  }

  /** Blob after the touch (all zeros when the file was deleted). */
  newBlob(touch: number): string {
    return headerBlob(this.headers[touch] as string, "new");
  }
}

/**
 * Builds the index as git's log streams in. `commit` announces each commit and how many parents
 * it has; `change` gives one entry of its raw diff against its first parent (against nothing for
 * a root commit). The parts of a split log arrive interleaved, so touches are put in commit
 * order only by `finish`.
 */
export class PathIndexBuilder {
  private count = 0;
  private commits = new Int32Array(1024);
  private modes = new Int32Array(1024);
  private gones = new Uint8Array(1024);
  private pathIds = new Int32Array(1024);
  private readonly headers: string[] = [];
  private readonly ids = new Map<string, number>();
  private maxCommit = -1;
  private readonly mergeTouches = new Map<string, number[]>();
  private readonly mergeDiffs = new Map<number, Map<string, FileState | null>>();
  private readonly merges: number[] = [];
  private readonly renames: Rename[] = [];

  commit(commit: number, parents: number): void {
    if (commit > this.maxCommit) this.maxCommit = commit;
    if (parents > 1) {
      this.merges.push(commit);
      this.mergeDiffs.set(commit, new Map());
    }
  }

  /**
   * One entry of `commit`'s raw diff: git's header ":<modes> <blobs> <status>", the path, the
   * path before it for a rename or copy, and the new mode read from the header.
   */
  change(commit: number, header: string, path: string, from: string | null, newMode: number) {
    const merge = this.mergeDiffs.get(commit);
    if (merge) {
      const blob = headerBlob(header, "new");
      this.mergeChange(merge, commit, path, isZero(blob) ? null : { blob, mode: newMode });
      if (from !== null) this.mergeChange(merge, commit, from, null);
      return;
    }
    this.touch(commit, header, path, newMode, 0);
    if (from !== null) {
      this.touch(commit, header, from, 0, 1);
      this.renames.push({ commit, from, to: path });
    }
  }

  /** The index, with every path's touches in commit order. */
  finish(): PathIndex {
    const n = this.count;
    // Two counting sorts: by commit, then (stably) by path, give each path's touches in commit
    // order as one run of `order`, and where each path's run starts.
    const byCommit = countingSort(n, this.maxCommit + 1, (t) => this.commits[t] as number, null);
    const byPath = countingSort(n, this.ids.size, (t) => this.pathIds[t] as number, byCommit.order);
    this.merges.sort((a, b) => a - b);
    this.renames.sort((a, b) => a.commit - b.commit);
    return new PathIndex(
      this.commits.subarray(0, n),
      this.modes.subarray(0, n),
      this.gones.subarray(0, n),
      this.headers,
      this.ids,
      byPath.order,
      byPath.starts,
      this.mergeTouches,
      this.mergeDiffs,
      this.merges,
      this.renames,
    );
  }

  private mergeChange(
    diff: Map<string, FileState | null>,
    commit: number,
    path: string,
    state: FileState | null,
  ): void {
    if (!diff.has(path)) {
      const list = this.mergeTouches.get(path);
      if (list) list.push(commit);
      else this.mergeTouches.set(path, [commit]);
    }
    diff.set(path, state);
  }

  private touch(commit: number, header: string, path: string, mode: number, gone: number): void {
    if (this.count === this.commits.length) this.grow();
    let id = this.ids.get(path);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(path, id);
    }
    const t = this.count++;
    this.commits[t] = commit;
    this.modes[t] = mode;
    this.gones[t] = gone;
    this.pathIds[t] = id;
    this.headers.push(header);
  }

  private grow(): void {
    const size = this.commits.length * 2;
    const bigger = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.commits = bigger(this.commits, (s) => new Int32Array(s));
    this.modes = bigger(this.modes, (s) => new Int32Array(s));
    this.pathIds = bigger(this.pathIds, (s) => new Int32Array(s));
    this.gones = bigger(this.gones, (s) => new Uint8Array(s));
  }
}

/**
 * The numbers 0..n-1 (or `input`'s order of them), stably sorted by key(t) in 0..keys-1, and
 * where each key's run starts in that order (`starts[keys]` is n).
 */
function countingSort(
  n: number,
  keys: number,
  key: (t: number) => number,
  input: Int32Array | null,
): { order: Int32Array; starts: Int32Array } {
  const starts = new Int32Array(keys + 1);
  for (let t = 0; t < n; t++) {
    const k = key(t) + 1;
    starts[k] = (starts[k] ?? 0) + 1;
  }
  for (let k = 1; k <= keys; k++) starts[k] = (starts[k] ?? 0) + (starts[k - 1] ?? 0);
  const next = starts.slice(0, keys);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const t = input ? (input[i] ?? 0) : i;
    const k = key(t);
    const at = next[k] ?? 0;
    order[at] = t;
    next[k] = at + 1;
  }
  return { order, starts };
}
