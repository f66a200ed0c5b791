// An opened page: its metadata and warnings, the English commits since the translation, and the
// English diff (whole, or one commit at a time).

import { Text } from "ink";
import type { CommitInfo, PageReport } from "../core/types.js";
import { shownCountsIfOther } from "../detail/shown-counts.js";
import type { DiffModel } from "../detail/types.js";
import { kindText } from "../kinds/kinds.js";
import type { Layout } from "../layout/layout.js";
import { DiffView, diffRowsHeight, shownRows } from "./DiffView.js";
import type { DiffLayout } from "./diff-lines.js";
import { formatDate, formatLines, shortHash } from "./format.js";
import { type InfoRow, LABEL_WIDTH, labelText } from "./info.js";
import { shownPath } from "./rows.js";
import type { DetailState } from "./state.js";
import { hyperlink } from "./terminal.js";
import { cell, fitPath, safe, textWidth } from "./text.js";
import { STATUS_COLOR, STATUS_SYMBOL, tint, useUi } from "./theme.js";
import { follow } from "./viewport.js";

export function DetailTitle({
  page,
  layout,
  width,
}: {
  page: PageReport;
  layout: Layout;
  width: number;
}) {
  const ui = useUi();
  const status = `${STATUS_SYMBOL[page.status]} ${page.status}`;
  const lang = safe(page.lang, 40);
  const left = `‹ ${lang} · `;
  const path = fitPath(
    shownPath(page, layout),
    Math.max(8, width - textWidth(left) - status.length - 2),
  );
  return (
    <Text wrap="truncate-end">
      <Text dimColor={ui.color}>{left}</Text>
      <Text bold={ui.color}>{path}</Text>
      {"  "}
      <Text color={tint(ui, STATUS_COLOR[page.status])}>{status}</Text>
    </Text>
  );
}

export function PageInfo({ rows }: { rows: readonly InfoRow[] }) {
  const ui = useUi();
  return (
    <>
      {rows.map((r, i) => {
        const body = r.url && ui.hyperlinks ? hyperlink(r.url, r.text) : r.text;
        const color = r.tone === "warning" ? "yellow" : r.tone === "link" ? "blue" : undefined;
        const dim = r.tone === "more" && ui.color;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the block's rows, in order
          <Text key={i} wrap="truncate-end" dimColor={dim}>
            {r.full ? "" : <Text dimColor={ui.color}>{cell(labelText(r), LABEL_WIDTH)}</Text>}
            <Text color={color && tint(ui, color)} underline={r.tone === "link" && ui.color}>
              {body}
            </Text>
          </Text>
        );
      })}
    </>
  );
}

export interface CommitListProps {
  page: PageReport;
  state: DetailState;
  height: number;
  width: number;
}

/** The English commits since the translation, newest first; the current one marked in commit mode. */
export function CommitList({ page, state, height, width }: CommitListProps) {
  const ui = useUi();
  const commits = page.commits;
  const est = page.estimate;
  const behind = page.commitsBehind ?? est?.commitsBehind ?? commits.length;
  // An untracked page lists the commits since its estimated baseline, and says so.
  const since = est ? "since the estimate (estimated)" : "since the translation";
  if (commits.length === 0) {
    return (
      <>
        <Text wrap="truncate-end" bold={ui.color}>
          {est && est.commitsBehind !== null
            ? `No English commits ${since}.`
            : page.rawCommit === null || page.commitsBehind === null
              ? "English commits: none to list (no known raw_commit)"
              : "No English commits since the translation."}
        </Text>
        {Array.from({ length: Math.max(0, height) }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: blank filler rows
          <Text key={i}> </Text>
        ))}
      </>
    );
  }
  const current = state.mode === "commit" ? state.commit : -1;
  const top = follow(Math.max(0, current), 0, height, commits.length);
  const shown = commits.slice(top, top + height);
  const more = commits.length - (top + shown.length);
  // With --kinds, commits that changed the translation too are marked, and the mark explained.
  const both = commits.some((c) => c.withTranslation) ? `  ${WITH_TRANSLATION}` : "";
  const title = `English commits ${since}: ${behind}${behind > commits.length ? ` (newest ${commits.length} listed)` : ""}${top > 0 ? `  ↑${top}` : ""}${more > 0 ? `  ↓${more} more` : ""}${both}`;
  return (
    <>
      <Text wrap="truncate-end" bold={ui.color}>
        {title}
      </Text>
      {shown.map((c, i) => (
        <CommitRow key={c.hash} commit={c} current={top + i === current} width={width} />
      ))}
      {Array.from({ length: Math.max(0, height - shown.length) }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: blank filler rows
        <Text key={`b${i}`}> </Text>
      ))}
    </>
  );
}

/** The mark of a commit that changed the translation as well, and what it means. */
const BOTH_MARK = "⇄";
const WITH_TRANSLATION = `${BOTH_MARK} changed the translation too`;

function CommitRow({
  commit,
  current,
  width,
}: {
  commit: CommitInfo;
  current: boolean;
  width: number;
}) {
  const ui = useUi();
  const author = safe(commit.author, 200);
  const authorWidth = Math.min(24, Math.max(6, textWidth(author)));
  // With --kinds, the kind of the commit's change to this page, after its subject.
  const kind = `${kindText({ changeKind: commit.changeKind })}${commit.withTranslation ? ` ${BOTH_MARK}` : ""}`;
  const kindWidth = kind === "" ? 0 : 13;
  const subjectWidth = Math.max(8, width - 2 - 8 - 1 - 10 - 1 - 1 - authorWidth - 1 - kindWidth);
  return (
    <Text wrap="truncate-end" inverse={current && ui.color}>
      {current ? "› " : "  "}
      <Text color={tint(ui, "yellow")}>{shortHash(safe(commit.hash, 64))}</Text>{" "}
      {cell(formatDate(safe(commit.date, 64)), 10)} {cell(safe(commit.subject), subjectWidth)}{" "}
      {kindWidth > 0 ? (
        <Text bold={ui.color && commit.changeKind === "prose"}>{cell(kind, kindWidth - 1)} </Text>
      ) : null}
      <Text dimColor={ui.color}>{cell(author, authorWidth)}</Text>
    </Text>
  );
}

export interface DiffTitleProps {
  page: PageReport;
  state: DetailState;
  rawHash: string | null;
  head: string;
  model: DiffModel | null;
  /** The diff's screen lines (see diffLayout). */
  lines: DiffLayout;
  height: number;
  width: number;
}

export function DiffTitle({
  page,
  state,
  rawHash,
  head,
  model,
  lines,
  height,
  width,
}: DiffTitleProps) {
  const ui = useUi();
  const n = page.commits.length;
  const commit = page.commits[state.commit];
  const oneCommit = state.mode === "commit" && commit !== undefined;
  const what = oneCommit
    ? `Commit ${state.commit + 1} of ${n}  ${shortHash(safe(commit.hash, 64))}`
    : `English diff  ${rawHash ? shortHash(rawHash) : "?"} → ${shortHash(head)} (HEAD)${page.estimate ? "  estimated" : ""}`;
  const counts = model && model.rows.length > 0 ? `  ${diffCounts(page, oneCommit, model)}` : "";
  const rowsH = diffRowsHeight(model, height);
  const total = model?.rows.length ?? 0;
  const shown = shownRows(lines, state.scroll, rowsH);
  const where =
    total === 0
      ? ""
      : `  lines ${shown.first}-${shown.last} of ${total}${state.wrap ? "" : `  unwrapped${state.hscroll > 0 ? ` →${state.hscroll}` : ""}`}`;
  const left = `${what}${counts}${where}`;
  const hints =
    state.mode === "commit"
      ? ["] older  [ newer  c whole diff", "] [ step  c whole"]
      : ["c one commit at a time", "c by commit"];
  const hint =
    n === 0 ? "" : (hints.find((h) => textWidth(left) + 2 + textWidth(h) <= width) ?? "");
  const gap = Math.max(2, width - textWidth(left) - textWidth(hint));
  return (
    <Text wrap="truncate-end">
      <Text bold={ui.color}>{what}</Text>
      <Text color={tint(ui, "green")}>{counts}</Text>
      <Text dimColor={ui.color}>{where}</Text>
      {" ".repeat(gap)}
      <Text dimColor={ui.color}>{hint}</Text>
    </Text>
  );
}

/**
 * The diff's counts for its title. One commit's diff has only its own. The whole diff's are the
 * report's (git's, as on the Behind line); where the diff shown counts otherwise, both are
 * given, each named.
 */
function diffCounts(page: PageReport, oneCommit: boolean, model: DiffModel): string {
  const own = formatLines(model.added, model.removed);
  if (oneCommit || !shownCountsIfOther(page, model)) return own;
  const n = page.estimate ?? page;
  const git = formatLines(n.linesAdded, n.linesRemoved);
  return git === "" ? `shown ${own}` : `git ${git}, shown ${own}`;
}

export { DiffView };
