// An opened page: its metadata and warnings, the English commits since the translation, and the
// English diff (whole, or one commit at a time).

import { Text } from "ink";
import type { CommitInfo, PageReport } from "../core/types.js";
import { shownCountsIfOther } from "../detail/shown-counts.js";
import type { DiffModel } from "../detail/types.js";
import type { Layout } from "../layout/layout.js";
import { commitCells, commitsTitle } from "./commits.js";
import { DiffView, shownRows } from "./DiffView.js";
import type { DiffLayout } from "./diff-lines.js";
import { formatLines, shortHash } from "./format.js";
import { type InfoRow, LABEL_WIDTH, labelText } from "./info.js";
import { shownPath } from "./rows.js";
import type { DetailState } from "./state.js";
import { hyperlink } from "./terminal.js";
import { cell, fitEnd, fitPath, safe, textWidth } from "./text.js";
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
  const current = state.mode === "commit" ? state.commit : -1;
  const top = commits.length === 0 ? 0 : follow(Math.max(0, current), 0, height, commits.length);
  const shown = commits.slice(top, top + height);
  const more = commits.length - (top + shown.length);
  return (
    <>
      <Text wrap="truncate-end" bold={ui.color}>
        {commitsTitle(page, top, more, width)}
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
  const cells = commitCells(commit, width);
  return (
    <Text wrap="truncate-end" inverse={current && ui.color}>
      {current ? "› " : "  "}
      <Text color={tint(ui, "yellow")}>{cells.hash}</Text> {cells.date ? `${cells.date} ` : ""}
      {cells.subject}
      {cells.kind !== undefined ? (
        <Text bold={ui.color && commit.changeKind === "prose"}> {cells.kind}</Text>
      ) : null}
      {cells.author !== undefined ? <Text dimColor={ui.color}> {cells.author}</Text> : null}
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
  /** Rows of the pane that show the diff's lines (see diffPane). */
  rows: number;
  width: number;
}

export function DiffTitle({
  page,
  state,
  rawHash,
  head,
  model,
  lines,
  rows,
  width,
}: DiffTitleProps) {
  const ui = useUi();
  const n = page.commits.length;
  const commit = page.commits[state.commit];
  const oneCommit = state.mode === "commit" && commit !== undefined;
  const hash = oneCommit ? shortHash(safe(commit.hash, 64)) : "";
  const from = rawHash ? shortHash(rawHash) : "?";
  const to = shortHash(head);
  const total = model?.rows.length ?? 0;
  const shown = shownRows(lines, state.scroll, rows);
  const sideways = state.hscroll > 0 ? ` →${state.hscroll}` : "";
  const counts = model && model.rows.length > 0 ? `  ${diffCounts(page, oneCommit, model)}` : "";
  // Shorter wordings, each as much as the width allows: the title is one row and is not cut.
  const variants = [
    {
      what: oneCommit
        ? `Commit ${state.commit + 1} of ${n}  ${hash}`
        : `English diff  ${from} → ${to} (HEAD)${page.estimate ? "  estimated" : ""}`,
      where: `  lines ${shown.first}-${shown.last} of ${total}${state.wrap ? "" : `  unwrapped${sideways}`}`,
    },
    {
      what: oneCommit
        ? `Commit ${state.commit + 1}/${n} ${hash}`
        : `Diff ${from} → ${to}${page.estimate ? " estimated" : ""}`,
      where: `  ${shown.first}-${shown.last}/${total}${state.wrap ? "" : ` cut${sideways}`}`,
    },
    {
      // Narrow: "~" marks an estimate, as the list's figures.
      what: oneCommit
        ? `${state.commit + 1}/${n} ${hash}`
        : `Diff ${from}→${to}${page.estimate ? " ~" : ""}`,
      where: `  ${shown.first}-${shown.last}/${total}${state.wrap ? "" : ` cut${sideways}`}`,
    },
  ].map((v) => ({ what: v.what, counts, where: total === 0 ? "" : v.where }));
  const tightest = variants[variants.length - 1] as (typeof variants)[number];
  // Narrower still: the counts are kept before the lines shown, each where it fits; what the
  // diff is takes what is left.
  variants.push({ ...tightest, where: "" }, { ...tightest, counts: "" });
  const chosen = variants.find((v) => textWidth(`${v.what}${v.counts}${v.where}`) <= width) ?? {
    what: fitEnd(tightest.what, width),
    counts: "",
    where: "",
  };
  const { what, where } = chosen;
  const left = `${what}${chosen.counts}${where}`;
  const hints =
    state.mode === "commit"
      ? ["] older  [ newer  c whole diff", "] [ step  c whole"]
      : ["c one commit at a time", "c by commit"];
  const hint =
    n === 0 ? "" : (hints.find((h) => textWidth(left) + 2 + textWidth(h) <= width) ?? "");
  const gap = hint === "" ? 0 : width - textWidth(left) - textWidth(hint);
  return (
    <Text wrap="truncate-end">
      <Text bold={ui.color}>{what}</Text>
      <Text color={tint(ui, "green")}>{chosen.counts}</Text>
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
