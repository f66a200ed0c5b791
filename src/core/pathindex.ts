// Indexes what each commit changed by path, so a page's history is a lookup, not a git call.

/** One file changed by a commit against one parent, as git's raw diff reports it. */
export interface Change {
  path: string;
  /** For renames: the path before. */
  from: string | null;
  oldBlob: string;
  newBlob: string;
  /** The file's mode after the change, as a number (0o100644 for an ordinary file). */
  newMode: number;
}

export interface Touch {
  commit: number;
  /** Blob before and after this commit (all zeros when the file was added or deleted). */
  oldBlob: string;
  newBlob: string;
  newMode: number;
  /** The path was renamed away in this commit: it no longer exists after it. */
  gone: boolean;
}

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

export interface PathIndex {
  /** Non-merge commits that changed a path (both sides of a rename count). */
  touches: Map<string, Touch[]>;
  /** Merges whose diff against their first parent includes the path. */
  mergeTouches: Map<string, number[]>;
  /** For each merge: the paths that differ against its first parent, with the merge's own
   * version of the file (null when the merge does not have it). Other parents are compared
   * through the index itself (see fileAt), so git never has to diff them. */
  mergeDiffs: Map<number, Map<string, FileState | null>>;
  merges: number[];
  renames: Rename[];
}

/**
 * Builds the index as changes arrive: `add(commit, parents, changes)` is what the commit changed
 * against its first parent (against nothing for a root commit). Merges (more than one parent)
 * are kept apart from other commits' touches.
 */
export class PathIndexBuilder {
  readonly index: PathIndex = {
    touches: new Map(),
    mergeTouches: new Map(),
    mergeDiffs: new Map(),
    merges: [],
    renames: [],
  };

  add(commit: number, parents: number, changes: readonly Change[]): void {
    const index = this.index;
    if (parents <= 1) {
      for (const ch of changes) {
        addTouch(index.touches, ch.path, {
          commit,
          oldBlob: ch.oldBlob,
          newBlob: ch.newBlob,
          newMode: ch.newMode,
          gone: false,
        });
        if (ch.from !== null) {
          addTouch(index.touches, ch.from, {
            commit,
            oldBlob: ch.oldBlob,
            newBlob: ch.newBlob,
            newMode: 0,
            gone: true,
          });
          index.renames.push({ commit, from: ch.from, to: ch.path });
        }
      }
      return;
    }
    const paths = new Map<string, FileState | null>();
    for (const ch of changes) {
      paths.set(ch.path, isZero(ch.newBlob) ? null : { blob: ch.newBlob, mode: ch.newMode });
      if (ch.from !== null) paths.set(ch.from, null);
    }
    index.mergeDiffs.set(commit, paths);
    index.merges.push(commit);
    for (const p of paths.keys()) {
      const arr = index.mergeTouches.get(p);
      if (arr) arr.push(commit);
      else index.mergeTouches.set(p, [commit]);
    }
  }
}

function addTouch(map: Map<string, Touch[]>, path: string, touch: Touch): void {
  const arr = map.get(path);
  if (arr) arr.push(touch);
  else map.set(path, [touch]);
}
