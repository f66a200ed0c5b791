// Indexes what each commit changed by path, so a page's history is a lookup, not a git call.

/** One file changed by a commit against one parent, as git's raw diff reports it. */
export interface Change {
  /** Status letter from git's raw diff: A, D, M, T, R. */
  status: string;
  path: string;
  /** For renames: the path before. */
  from: string | null;
  oldBlob: string;
  newBlob: string;
}

export interface Touch {
  commit: number;
  /** Blob before and after this commit (all zeros when the file was added or deleted). */
  oldBlob: string;
  newBlob: string;
  /** The path was renamed away in this commit: it no longer exists after it. */
  gone: boolean;
}

export interface Rename {
  commit: number;
  from: string;
  to: string;
}

const ZERO_OID = "0".repeat(40);

export interface PathIndex {
  /** Non-merge commits that changed a path (both sides of a rename count). */
  touches: Map<string, Touch[]>;
  /** Merges whose diff against their first parent includes the path. */
  mergeTouches: Map<string, number[]>;
  /** For each merge: the paths that differ against each parent, in parent order, with the
   * merge's own blob for the path (all zeros when the merge does not have it). */
  mergeDiffs: Map<number, Array<Map<string, string>>>;
  merges: number[];
  renames: Rename[];
}

/**
 * Builds the index as changes arrive: `add(commit, slot, parents, changes)` is what the commit
 * changed against its parent number `slot` (0 for a root commit's first and only diff); merges
 * (more than one parent) are kept per parent, other commits as touches.
 */
export class PathIndexBuilder {
  readonly index: PathIndex = {
    touches: new Map(),
    mergeTouches: new Map(),
    mergeDiffs: new Map(),
    merges: [],
    renames: [],
  };

  add(commit: number, slot: number, parents: number, changes: readonly Change[]): void {
    const index = this.index;
    if (parents <= 1) {
      for (const ch of changes) {
        addTouch(index.touches, ch.path, {
          commit,
          oldBlob: ch.oldBlob,
          newBlob: ch.newBlob,
          gone: false,
        });
        if (ch.from !== null) {
          addTouch(index.touches, ch.from, {
            commit,
            oldBlob: ch.oldBlob,
            newBlob: ch.newBlob,
            gone: true,
          });
          index.renames.push({ commit, from: ch.from, to: ch.path });
        }
      }
      return;
    }
    let diffs = index.mergeDiffs.get(commit);
    if (!diffs) {
      diffs = [];
      index.mergeDiffs.set(commit, diffs);
      index.merges.push(commit);
    }
    const paths = new Map<string, string>();
    for (const ch of changes) {
      paths.set(ch.path, ch.newBlob);
      if (ch.from !== null) paths.set(ch.from, ZERO_OID);
    }
    diffs[slot] = paths;
    if (slot === 0) {
      for (const p of paths.keys()) {
        const arr = index.mergeTouches.get(p);
        if (arr) arr.push(commit);
        else index.mergeTouches.set(p, [commit]);
      }
    }
  }
}

function addTouch(map: Map<string, Touch[]>, path: string, touch: Touch): void {
  const arr = map.get(path);
  if (arr) arr.push(touch);
  else map.set(path, [touch]);
}
