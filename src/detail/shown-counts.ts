// Every output counts a page's lines with git's own diff (its numstat, the report's numbers). The
// diff shown beside them is worked out here, apart from git (detail/diff.ts: the fewest changed
// lines, or whole blocks past its budget), and git's heuristics and diff.algorithm can pair the
// lines otherwise. Where the two counts differ, a count of the shown diff is printed only
// labelled as that diff's, so a reader never sees two unexplained numbers for one change.
import type { PageReport } from "../core/types.js";
import type { DiffModel } from "./types.js";

/**
 * The counts of a page's whole English diff (since its raw_commit, or its estimate's commit)
 * when they are not the report's; null when they are, or when the diff shows no lines.
 */
export function shownCountsIfOther(
  page: PageReport,
  diff: DiffModel,
): Pick<DiffModel, "added" | "removed"> | null {
  if (diff.rows.length === 0) return null;
  const n = page.estimate ?? page;
  if (n.linesAdded === diff.added && (n.linesRemoved ?? 0) === diff.removed) return null;
  return { added: diff.added, removed: diff.removed };
}
