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

export interface DetailLayout {
  info: number;
  /** Commit rows shown (not counting the commits title line). */
  commits: number;
  diffHeight: number;
}

/** Title, commits title, diff title and footer take a row each; the diff gets at least 5 when it can. */
export function detailLayout(rows: number, infoLines: number, commitCount: number): DetailLayout {
  const budget = frameHeight(rows) - 4;
  let info = infoLines;
  let commits = Math.min(Math.max(commitCount, 1), Math.max(1, Math.floor(rows / 6)));
  const diff = () => budget - info - commits;
  if (diff() < 5) commits = 1;
  if (diff() < 5) info = Math.max(0, Math.min(info, budget - commits - 5));
  return { info, commits, diffHeight: Math.max(1, diff()) };
}
