// Which version of a file a commit has, from the path index alone. Along a first-parent chain a
// file only changes at commits that differ from their first parent for it: ordinary commits
// that touched it, and merges whose diff against their first parent lists it. So the version
// at a commit is the one left by the nearest such commit on its first-parent chain.
import { type Graph, onFirstParentChain } from "./graph.js";
import type { PathIndex } from "./pathindex.js";

const ZERO = /^0+$/;

/** The blob of `path` at `commit`, or null when the file does not exist there. */
export function blobAt(
  graph: Graph,
  index: PathIndex,
  commit: number,
  path: string,
): string | null {
  const depthOf = (c: number) => graph.depth[c] ?? 0;
  const limit = depthOf(commit);
  let best = -1;
  let blob: string | null = null;
  for (const t of index.touches.get(path) ?? []) {
    const d = depthOf(t.commit);
    if (d <= limit && d > best && onFirstParentChain(graph, t.commit, commit)) {
      best = d;
      blob = t.gone || ZERO.test(t.newBlob) ? null : t.newBlob;
    }
  }
  for (const m of index.mergeTouches.get(path) ?? []) {
    const d = depthOf(m);
    if (d <= limit && d > best && onFirstParentChain(graph, m, commit)) {
      best = d;
      const after = index.mergeDiffs.get(m)?.[0]?.get(path) ?? "";
      blob = after === "" || ZERO.test(after) ? null : after;
    }
  }
  return blob;
}
