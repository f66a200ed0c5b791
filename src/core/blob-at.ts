// Which version of a file a commit has, from the path index alone. Along a first-parent chain a
// file only changes at commits that differ from their first parent for it: ordinary commits
// that touched it, and merges whose diff against their first parent lists it. So the version
// at a commit is the one left by the nearest such commit on its first-parent chain.
import { type Graph, onFirstParentChain } from "./graph.js";
import { type FileState, isZero, type PathIndex } from "./pathindex.js";

/** The blob and mode of `path` at `commit`, or null when the file does not exist there. */
export function fileAt(
  graph: Graph,
  index: PathIndex,
  commit: number,
  path: string,
): FileState | null {
  const depthOf = (c: number) => graph.depth[c] ?? 0;
  const limit = depthOf(commit);
  let best = -1;
  // The nearest change, found without making an object per candidate: this runs for every page.
  let touch = -1;
  let merge = -1;
  for (const t of index.touchesOf(path)) {
    const c = index.commitOf(t);
    const d = depthOf(c);
    if (d <= limit && d > best && onFirstParentChain(graph, c, commit)) {
      best = d;
      touch = t;
    }
  }
  for (const m of index.mergeTouches.get(path) ?? []) {
    const d = depthOf(m);
    if (d <= limit && d > best && onFirstParentChain(graph, m, commit)) {
      best = d;
      merge = m;
    }
  }
  if (merge !== -1) return index.mergeDiffs.get(merge)?.get(path) ?? null;
  if (touch === -1 || index.isGone(touch)) return null;
  const blob = index.newBlob(touch);
  return isZero(blob) ? null : { blob, mode: index.newMode(touch) };
}

/** The blob of `path` at `commit`, or null when the file does not exist there. */
export function blobAt(
  graph: Graph,
  index: PathIndex,
  commit: number,
  path: string,
): string | null {
  return fileAt(graph, index, commit, path)?.blob ?? null;
}

/** What git's tree comparison sees: the same blob with the same mode, or both absent. */
export function sameFile(a: FileState | null, b: FileState | null): boolean {
  return a === null || b === null ? a === b : a.blob === b.blob && a.mode === b.mode;
}
