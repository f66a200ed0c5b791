// Marking a page as updated, the parts that are plain data: what the dashboard says before, during
// and after (texts are raw until fitted, and fitted texts are sanitized), and the scan result with
// the marked page in place of the old one.

import { withPages } from "../core/counts.js";
import { translatesNothing } from "../core/status.js";
import type { PageReport, ScanResult } from "../core/types.js";
import { type MarkBlocker, movedTranslationPath } from "../detail/mark.js";
import type { Layout } from "../layout/layout.js";
import { shownName } from "../sanitize/terminal.js";
import { shortHash } from "./format.js";
import { fitEnd, fitPath, safe, textWidth } from "./text.js";

/** One transient line for the bottom row: the same news from roomiest to tightest wording. */
export interface StatusLine {
  tone: "ok" | "error" | "info";
  /** Raw (untrusted) texts; the first that fits is shown. */
  variants: readonly string[];
}

/**
 * The y/n question, shortening the path (keeping its file name) if nothing else fits. `upTo` when the page
 * is to record an older commit than HEAD: the changes after it remain to translate.
 */
export function confirmPrompt(path: string, commit: string, width: number, upTo = false): string {
  const p = safe(shownName(path));
  const short = shortHash(commit);
  const suffixes = upTo
    ? [
        ` as translated up to English ${short} (newer changes still to do)? y/n`,
        ` as translated up to ${short}? y/n`,
        ` up to ${short}? y/n`,
      ]
    : [
        ` as translated from English ${short}? y/n`,
        ` as translated from ${short}? y/n`,
        " as updated? y/n",
      ];
  for (const suffix of suffixes) {
    const text = `Mark ${p}${suffix}`;
    if (textWidth(text) <= width) return text;
  }
  const suffix = suffixes[suffixes.length - 1] as string;
  const room = Math.max(4, width - textWidth("Mark ") - textWidth(suffix));
  return fitEnd(`Mark ${fitPath(p, room)}${suffix}`, width);
}

/** Why the page under the cursor cannot be marked, said so that the translator knows what to do. */
export function blockedLine(
  blocker: MarkBlocker,
  page: PageReport,
  head: string,
  layout: Layout,
): StatusLine {
  const path = shownName(page.path);
  switch (blocker) {
    case "missing":
      return {
        tone: "info",
        variants: [`Not marked: ${path} is not translated yet`, "Not marked: not translated yet"],
      };
    case "no-metadata":
      if (translatesNothing(page)) {
        return {
          tone: "info",
          variants: [
            `Not marked: no English page ${shownName(page.sourcePath)} exists; remove or move the translation instead`,
            "Not marked: there is no English page to translate",
          ],
        };
      }
      return {
        tone: "info",
        variants: [
          `Not marked: ${path} records no raw_commit; add the translation metadata by hand first`,
          "Not marked: the page records no raw_commit; add the metadata by hand first",
          "Not marked: the page records no raw_commit",
        ],
      };
    case "source-missing":
      return {
        tone: "info",
        variants: [
          `Not marked: the English page ${shownName(page.sourcePath)} was deleted; remove or replace the translation instead`,
          "Not marked: the English page was deleted; remove or replace the translation instead",
          "Not marked: the English page was deleted",
        ],
      };
    case "moved": {
      const target = movedTranslationPath(page, layout) ?? page.sourcePath;
      return {
        tone: "info",
        variants: [
          `Not marked: the English page moved to ${shownName(page.sourcePath)}; move the translation to ${shownName(target)} too (marking alone would not fix it)`,
          `Not marked: the English page moved; move the translation to ${shownName(target)} too`,
          `Not marked: moved in English; move it to ${shownName(target)} too`,
          "Not marked: the English page moved; move the translation too",
        ],
      };
    }
    case "at-head":
      return {
        tone: "info",
        variants: [
          `${path} already records HEAD ${shortHash(head)}: nothing to mark`,
          `Already translated from HEAD ${shortHash(head)}`,
        ],
      };
  }
}

/** While the dry run of the write says whether the page can be marked, before asking. */
export function checkingLine(page: PageReport): StatusLine {
  return {
    tone: "info",
    variants: [`Checking ${shownName(page.path)} can be marked…`, "Checking…"],
  };
}

export function markingLine(page: PageReport): StatusLine {
  return { tone: "info", variants: [`Marking ${shownName(page.path)}…`, "Marking…"] };
}

export function stillMarkingLine(page: PageReport): StatusLine {
  return { tone: "info", variants: [`Still marking ${shownName(page.path)}…`, "Still marking…"] };
}

export function markedLine(page: PageReport, commit: string): StatusLine {
  const short = shortHash(commit);
  return {
    tone: "ok",
    variants: [
      `Marked ${shownName(page.path)} as translated from ${short}`,
      `Marked as translated from ${short}`,
    ],
  };
}

export function failedLine(page: PageReport, error: string): StatusLine {
  return {
    tone: "error",
    variants: [`Could not mark ${shownName(page.path)}: ${error}`, `Not marked: ${error}`],
  };
}

export function editingLine(page: PageReport): StatusLine {
  return { tone: "info", variants: [`Editing ${shownName(page.path)}…`, "Editing…"] };
}

/** After the editor: the page as read again (the list shows it too), or what went wrong. */
export function editedLine(page: PageReport, error: string | null): StatusLine {
  if (error !== null) {
    return { tone: "error", variants: [`${shownName(page.path)}: ${error}`, error] };
  }
  const behind = page.commitsBehind === null ? "" : `, ${page.commitsBehind} behind`;
  return {
    tone: "ok",
    variants: [
      `Read ${shownName(page.path)} again: ${page.status}${behind}`,
      `Read again: ${page.status}${behind}`,
    ],
  };
}

/** `w` with no warning about the scan as a whole: a page's own warnings are in its view. */
export const NO_SCAN_WARNINGS_LINE: StatusLine = {
  tone: "info",
  variants: [
    "No warnings about the scan as a whole; a page's own show in its view, and I lists them all",
    "No scan warnings; a page's own are in its view (I)",
    "No scan warnings",
  ],
};

export const NOTHING_TO_EDIT_LINE: StatusLine = {
  tone: "info",
  variants: ["Not translated yet: there is no page to edit", "Nothing to edit"],
};

export const PICK_A_COMMIT_LINE: StatusLine = {
  tone: "info",
  variants: [
    "U marks the page as translated up to one commit: pick it first with c, then ] and [",
    "Pick a commit first: c, then ] [",
  ],
};

export const CANCELLED_LINE: StatusLine = {
  tone: "info",
  variants: ["Not marked: cancelled, nothing was changed", "Cancelled"],
};

/** The scan result with one page replaced, its counts (statuses and kinds) made again. */
export function withPage(result: ScanResult, index: number, page: PageReport): ScanResult {
  if (index < 0 || index >= result.pages.length) return result;
  return withPages(
    result,
    result.pages.map((p, i) => (i === index ? page : p)),
  );
}
