// Whether a page can be marked as updated from the dashboard, as a pure check shared by the
// loader (which refuses) and the UI (which explains). Nothing here touches git or the disk.

import type { PageReport } from "../core/types.js";
import { type Layout, translationPath } from "../layout/layout.js";

/** Why a page cannot be marked as updated; null when it can. */
export type MarkBlocker =
  /** Not translated yet: there is no page to write. */
  | "missing"
  /** The page records no raw_commit (untracked, or an unknown commit without metadata). */
  | "no-metadata"
  /** The English page was deleted: the translation should go too, not be marked. */
  | "source-missing"
  /** The English page moved: the translation has to move too, which marking would not do. */
  | "moved"
  /** The page already records HEAD. */
  | "at-head";

/**
 * Pages that record a raw_commit can be marked (outdated, unknown-commit, and up-to-date ones
 * whose raw_commit is not HEAD itself), and untracked ones, whose metadata marking adds;
 * `rawHash` is what raw_commit resolved to. `upTo` when an older commit than HEAD is to be
 * recorded (U): whether the English page was there at that commit is then the stamp's dry run
 * to tell (stamp --commit's one rule), as a page deleted or moved since may well have had it.
 * At HEAD a deleted or moved English page is not there, which stamp refuses too: here it is
 * said at once, with what to do instead.
 */
export function markBlocker(
  page: PageReport,
  rawHash: string | null,
  head: string,
  upTo = false,
): MarkBlocker | null {
  switch (page.status) {
    case "missing":
      return "missing";
    case "untracked":
      // Marking brings it under tracking: metadata is added in the site's style (stamp --init);
      // not at HEAD where the English page moved since the estimate, as for a moved page. Up to
      // an older commit the English page may still have been at its old path, as stamp --init
      // --commit's dry run tells.
      return page.movedFrom && !upTo ? "moved" : null;
    case "source-missing":
      // Without metadata nothing says the English page was ever there, let alone deleted.
      if (page.rawCommit === null) return "no-metadata";
      return upTo ? null : "source-missing";
    case "moved":
      return upTo ? null : "moved";
    default:
      if (page.rawCommit === null) return "no-metadata";
      if (page.status === "up-to-date" && rawHash === head) return "at-head";
      return null;
  }
}

/** The loader's answer when asked to mark a page it cannot. */
export const MARK_REFUSAL: Record<MarkBlocker, string> = {
  missing: "the page is not translated yet",
  "no-metadata": "the page records no raw_commit to update",
  "source-missing": "the English page was deleted since the translation",
  moved:
    "the English page moved: the translation must move to the new path too, which marking would not do",
  "at-head": "the page already records HEAD",
};

/**
 * Where the translation of a moved page belongs: the translation of the English page's new path
 * (null when the layout has no place for it).
 */
export function movedTranslationPath(page: PageReport, layout: Layout): string | null {
  return translationPath(layout, page.lang, page.sourcePath);
}
