// A path index as plain data, for comparing two ways of reading one history.
import type { PathIndex } from "../../src/core/pathindex.js";

/** The index as plain data, with the lists that merely follow the logs' arrival (several parts,
 * or commits read again) in a fixed order: no reader depends on it. A path's touches must come
 * in commit order, as they are. */
export function comparable(index: PathIndex) {
  const touches = [...index.paths()].sort().map((p) => [
    p,
    [...index.touchesOf(p)].map((t) => ({
      commit: index.commitOf(t),
      oldBlob: index.oldBlob(t),
      newBlob: index.newBlob(t),
      newMode: index.newMode(t),
      gone: index.isGone(t),
    })),
  ]);
  return {
    touches,
    mergeTouches: [...index.mergeTouches.entries()]
      .map(([p, list]) => [p, [...list].sort((a, b) => a - b)] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    mergeDiffs: [...index.mergeDiffs.entries()]
      .map(([m, diff]) => [m, [...diff.entries()].sort()] as const)
      .sort((a, b) => a[0] - b[0]),
    merges: [...index.merges].sort((a, b) => a - b),
    renames: index.renames.map((r) => JSON.stringify(r)).sort(),
  };
}
