// How the screen's rows are shared out, as pure arithmetic, so keys and views agree on heights.

/** The last terminal row stays empty: Ink then redraws in place instead of clearing the screen. */
export function frameHeight(rows: number): number {
  return Math.max(1, rows - 1);
}

export interface ListLayout {
  /** Language summary lines shown (a window around the current language when there are more). */
  langLines: number;
  legend: boolean;
  listHeight: number;
}

/** Title, controls, column header and footer take a row each; the list takes what is left. */
export function listLayout(rows: number, languages: number, legendFits: boolean): ListLayout {
  const budget = frameHeight(rows) - 4;
  const langLines = Math.max(1, Math.min(languages, Math.floor(budget / 3)));
  const legend = legendFits && budget - langLines - 1 >= 8;
  return { langLines, legend, listHeight: Math.max(1, budget - langLines - (legend ? 1 : 0)) };
}

/** The diff's rows kept on screen when the page's metadata is long, if the diff has as many. */
const MIN_DIFF_ROWS = 5;

export interface DetailLayout {
  info: number;
  /** Commit rows shown (not counting the commits title line). */
  commits: number;
  diffHeight: number;
}

/**
 * Title, commits title, diff title and footer take a row each; the diff gets at least 5 when it
 * can, or the rows it has when fewer (`diffRows`, once loaded). The metadata keeps a row while
 * the diff keeps one, to say what of it is left out.
 */
export function detailLayout(
  rows: number,
  infoLines: number,
  commitCount: number,
  diffRows = MIN_DIFF_ROWS,
): DetailLayout {
  const budget = frameHeight(rows) - 4;
  const least = Math.max(1, Math.min(diffRows, MIN_DIFF_ROWS));
  let info = infoLines;
  // No commits to list: their title, a fixed row, says so.
  let commits = Math.min(commitCount, Math.max(1, Math.floor(rows / 6)));
  const diff = () => budget - info - commits;
  if (diff() < least) commits = Math.min(commitCount, 1);
  if (diff() < least) {
    const one = Math.min(info, 1, Math.max(0, budget - commits - 1));
    info = Math.max(one, Math.min(info, budget - commits - least));
  }
  return { info, commits, diffHeight: Math.max(1, diff()) };
}
