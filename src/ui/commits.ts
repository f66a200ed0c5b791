// The English commits of an opened page as text: the list's title and rows, fitted to the width
// (a row never runs past the screen's edge: its columns give way and its subject ends in `…`),
// and the whole of each, wrapped, for the `I` overlay.
import type { CommitInfo, PageReport } from "../core/types.js";
import { commitKindText, KIND_SHORT, kindText } from "../kinds/kinds.js";
import { formatDate, shortHash } from "./format.js";
import { cell, fitVariants, safe, textWidth, wrapAfter } from "./text.js";

/** The mark of a commit that changed the translation as well, and what it means. */
export const BOTH_MARK = "⇄";
export const WITH_TRANSLATION = `${BOTH_MARK} changed the translation too`;

/** The columns a subject keeps before the others give way: the author first, then the kind,
 * then the date. */
const MIN_SUBJECT = 16;
const DATE_WIDTH = 10;
const KIND_WIDTH = 12;
/** A short kind (KIND_SHORT) and the mark. */
const SHORT_KIND_WIDTH = 7;
const AUTHOR_WIDTH = { least: 6, most: 24 };

/** One commit's row, each cell fitted; a column left out is absent. */
export interface CommitCells {
  hash: string;
  date?: string;
  subject: string;
  kind?: string;
  author?: string;
}

/**
 * A commit's row at `width` columns, laid out as `› hash date subject kind author` with a space
 * between cells, never wider than `width` (at least 2 + the hash + 1 + MIN_SUBJECT). The
 * subject keeps MIN_SUBJECT columns: the author gives way first (narrowed to a third of the
 * room left, then left out), then the kind (its short name, then left out), then the date; a
 * subject longer than its room ends in `…`. `I` shows every commit whole.
 */
export function commitCells(commit: CommitInfo, width: number): CommitCells {
  const hash = shortHash(safe(commit.hash, 64));
  let room = width - 2 - textWidth(hash) - 1;
  const fits = (w: number, subject = MIN_SUBJECT) => room - (w + 1) >= subject;
  const out: CommitCells = { hash, subject: "" };
  if (fits(DATE_WIDTH)) {
    out.date = cell(formatDate(safe(commit.date, 64)), DATE_WIDTH);
    room -= DATE_WIDTH + 1;
  }
  const mark = commit.withTranslation ? ` ${BOTH_MARK}` : "";
  const full = kindText({ changeKind: commit.changeKind });
  if (full !== "") {
    const short = commit.changeKind ? KIND_SHORT[commit.changeKind] : full;
    // The full kind (with a front-matter change's keys) only where the subject keeps twice
    // its least.
    const kind = [
      { text: `${full}${mark}`, width: KIND_WIDTH, subject: 2 * MIN_SUBJECT },
      { text: `${short}${mark}`, width: SHORT_KIND_WIDTH, subject: MIN_SUBJECT },
    ].find((k) => fits(k.width, k.subject));
    if (kind) {
      out.kind = cell(safe(kind.text), kind.width);
      room -= kind.width + 1;
    }
  }
  const author = safe(commit.author, 200);
  // At most a third of what is left: the subject is what says what changed.
  const authorWidth = Math.min(
    AUTHOR_WIDTH.most,
    Math.max(AUTHOR_WIDTH.least, textWidth(author)),
    Math.floor(room / 3),
    room - 1 - MIN_SUBJECT,
  );
  if (authorWidth >= AUTHOR_WIDTH.least) {
    out.author = cell(author, authorWidth);
    room -= authorWidth + 1;
  }
  out.subject = cell(safe(commit.subject), Math.max(0, room));
  return out;
}

/** What the commits are counted since: the translation, or an untracked page's estimate. */
function since(page: PageReport, short: boolean): string {
  if (!page.estimate) return "since the translation";
  return short ? "since the estimate" : "since the estimate (estimated)";
}

/** The title's variants when no commit is listed, longest first. */
function noneTitles(page: PageReport): string[] {
  const est = page.estimate;
  if (est && est.commitsBehind !== null) {
    return [
      `No English commits ${since(page, false)}.`,
      `No English commits ${since(page, true)}.`,
      `No commits ${since(page, true)}.`,
    ];
  }
  if (page.rawCommit === null || page.commitsBehind === null) {
    return [
      "English commits: none to list (no known raw_commit)",
      "English commits: none (no known raw_commit)",
      "No commits listed: no known raw_commit",
      "No commits: no raw_commit",
    ];
  }
  return [
    "No English commits since the translation.",
    "No English commits since the translation",
    "No commits since the translation.",
  ];
}

/** How many commits the page is behind (its estimate's when untracked), listed or not. */
function behindCount(page: PageReport): number {
  return page.commitsBehind ?? page.estimate?.commitsBehind ?? page.commits.length;
}

/**
 * The commit list's title at `width`: how many commits, where the window is (`top` commits
 * above it, `more` below) and, when a commit is marked, what the mark means; shorter wordings
 * at narrow widths, never cut unless even `Commits: 3 ↓1` does not fit.
 */
export function commitsTitle(page: PageReport, top: number, more: number, width: number): string {
  if (page.commits.length === 0) return fitVariants(noneTitles(page), width);
  const behind = behindCount(page);
  const listed = page.commits.length;
  const partial = behind > listed;
  const long = `${partial ? ` (newest ${listed} listed)` : ""}${top > 0 ? `  ↑${top}` : ""}${more > 0 ? `  ↓${more} more` : ""}`;
  const short = `${partial ? ` (${listed} listed)` : ""}${top > 0 ? ` ↑${top}` : ""}${more > 0 ? ` ↓${more}` : ""}`;
  const both = page.commits.some((c) => c.withTranslation) ? `  ${WITH_TRANSLATION}` : "";
  return fitVariants(
    [
      `English commits ${since(page, false)}: ${behind}${long}${both}`,
      `English commits ${since(page, false)}: ${behind}${long}`,
      `English commits ${since(page, true)}: ${behind}${short}`,
      `Commits ${since(page, true)}: ${behind}${short}`,
      `Commits: ${behind}${short}`,
    ],
    width,
  );
}

export interface CommitLine {
  text: string;
  title?: boolean;
}

/**
 * Every listed commit whole, for the `I` overlay: the title, then for each commit its hash,
 * date and author, its subject and its kind, each wrapped within `width`.
 */
export function commitLines(page: PageReport, width: number): CommitLine[] {
  const titles =
    page.commits.length === 0
      ? noneTitles(page)
      : [
          `English commits ${since(page, false)}: ${behindCount(page)}${behindCount(page) > page.commits.length ? ` (newest ${page.commits.length} listed)` : ""}`,
        ];
  const lines: CommitLine[] = wrapAfter("", titles[0] ?? "", width).map((text) => ({
    text,
    title: true,
  }));
  for (const c of page.commits) {
    const head = `  ${shortHash(safe(c.hash, 64))} `;
    const indent = " ".repeat(textWidth(head));
    const about = `${formatDate(safe(c.date, 64))}  ${safe(c.author, 200)}`;
    const kind = commitKindText(c);
    for (const text of [
      ...wrapAfter(head, about, width),
      ...wrapAfter(indent, safe(c.subject), width),
      ...(kind === "" ? [] : wrapAfter(indent, safe(`kind: ${kind}`), width)),
    ])
      lines.push({ text });
  }
  return lines;
}
