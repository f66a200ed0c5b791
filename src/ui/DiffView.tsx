// The English diff: only the screen lines in the window are built and rendered, whatever the
// diff's length. Each line shows its old and new line numbers; long lines wrap (or, with
// wrapping off, are cut at the right edge with a mark and scroll sideways).
import { Text } from "ink";
import type { DiffModel, DiffRow } from "../detail/types.js";
import {
  CUT_MARK,
  type DiffLayout,
  diffLayout,
  type Gutter,
  gutterOf,
  gutterText,
  type Piece,
  roomBeforeMark,
  rowAt,
  rowLines,
  rowPieces,
  textRoom,
} from "./diff-lines.js";
import { fitEnd, safe, safeCode, slicePieces, textWidth, wrapWords } from "./text.js";
import { tint, useUi } from "./theme.js";

const MARK: Record<"context" | "add" | "del", string> = { context: " ", add: "+", del: "-" };
const COLOR: Record<"context" | "add" | "del", string | undefined> = {
  context: undefined,
  add: "green",
  del: "red",
};

function Pieces({ pieces }: { pieces: readonly Piece[] }) {
  const ui = useUi();
  return (
    <>
      {pieces.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: pieces of one line, in order
        <Text key={i} inverse={p.changed && ui.color} bold={p.changed && ui.color}>
          {p.text}
        </Text>
      ))}
    </>
  );
}

/** One screen line of a changed or context row: its numbers on the row's first line only. */
function CodeLine({
  row,
  gutter,
  first,
  pieces,
  cut,
}: {
  row: Extract<DiffRow, { kind: "context" | "add" | "del" }>;
  gutter: Gutter;
  first: boolean;
  pieces: readonly Piece[];
  cut: boolean;
}) {
  const ui = useUi();
  const color = COLOR[row.kind];
  const numbers = first ? gutterText(row, gutter) : " ".repeat(gutter.old + gutter.new + 2);
  return (
    <Text wrap="truncate-end">
      <Text dimColor={ui.color}>{numbers}</Text>
      <Text color={color && tint(ui, color)}>
        {MARK[row.kind]} <Pieces pieces={pieces} />
        {cut ? <Text dimColor={ui.color}>{CUT_MARK}</Text> : null}
      </Text>
    </Text>
  );
}

function OtherLine({
  row,
  width,
}: {
  row: Extract<DiffRow, { kind: "hunk" | "note" }>;
  width: number;
}) {
  const ui = useUi();
  if (row.kind === "hunk") {
    return (
      <Text wrap="truncate-end" color={tint(ui, "cyan")}>
        {row.text}
      </Text>
    );
  }
  return (
    <Text wrap="truncate-end" dimColor={ui.color}>
      {safeCode(row.text.slice(0, width * 2))}
    </Text>
  );
}

/** Row `index` cut at the right edge after `hscroll` columns, marked when it goes on. */
function cutLine(
  model: DiffModel,
  index: number,
  room: number,
  hscroll: number,
  color: boolean,
): { pieces: Piece[]; cut: boolean } {
  const all = rowPieces(model, index, color, hscroll + room * 2 + 16);
  // A line that goes on past the right edge ends in a marker, so a change out of sight is not
  // taken for the end of the line (h and l scroll sideways).
  const cut = all.reduce((n, p) => n + textWidth(p.text), 0) > hscroll + room;
  return { pieces: slicePieces(all, hscroll, cut ? roomBeforeMark(room) : room), cut };
}

export interface DiffViewProps {
  model: DiffModel | null;
  error: string | null;
  /** The notice's rows the pane shows (see diffPane). */
  notice: readonly string[];
  /** The first screen line shown (see diffLayout). */
  scroll: number;
  hscroll: number;
  /** Long lines wrap onto the next screen lines; otherwise they are cut at the right edge. */
  wrap: boolean;
  height: number;
  width: number;
}

/** The diff pane, exactly `height` rows: the notice's rows when there is one, then the window of
 * lines. */
export function DiffView({
  model,
  error,
  notice,
  scroll,
  hscroll,
  wrap,
  height,
  width,
}: DiffViewProps) {
  const ui = useUi();
  const lines: React.ReactNode[] = [];
  if (error) {
    lines.push(
      <Text key="error" wrap="truncate-end" color={tint(ui, "red")}>
        {`Could not read the diff: ${safeCode(error.slice(0, 500))}`}
      </Text>,
    );
  } else if (!model) {
    lines.push(
      <Text key="loading" dimColor={ui.color}>
        Reading the English versions…
      </Text>,
    );
  } else {
    notice.forEach((text, i) => {
      lines.push(
        // biome-ignore lint/suspicious/noArrayIndexKey: the notice's rows, in order
        <Text key={`notice${i}`} wrap="truncate-end" color={tint(ui, "yellow")}>
          {text}
        </Text>,
      );
    });
    const layout = diffLayout(model, width, wrap, ui.color);
    const gutter = gutterOf(model);
    const room = textRoom(model, width);
    let { row, part } = rowAt(layout, scroll);
    while (lines.length < height && row < model.rows.length) {
      const r = model.rows[row] as DiffRow;
      if (r.kind === "hunk" || r.kind === "note") {
        lines.push(<OtherLine key={`r${row}`} row={r} width={width} />);
      } else if (layout.wrap) {
        const { lines: parts, cut } = rowLines(model, row, room, ui.color);
        for (let k = part; k < parts.length && lines.length < height; k++) {
          lines.push(
            <CodeLine
              key={`r${row}.${k}`}
              row={r}
              gutter={gutter}
              first={k === 0}
              pieces={parts[k] as Piece[]}
              cut={cut && k === parts.length - 1}
            />,
          );
        }
      } else {
        const { pieces, cut } = cutLine(model, row, room, hscroll, ui.color);
        lines.push(
          <CodeLine key={`r${row}`} row={r} gutter={gutter} first pieces={pieces} cut={cut} />,
        );
      }
      row++;
      part = 0;
    }
  }
  while (lines.length < height) lines.push(<Text key={`blank-${lines.length}`}> </Text>);
  return <>{lines.slice(0, height)}</>;
}

/**
 * The notice's rows at `width`, as many as it needs (none without one). It may name a raw_commit
 * from the page: made safe. Computed once a frame (see diffPane): the pane's height, its
 * scrolling and its drawing all follow from these rows.
 */
export function noticeLines(model: DiffModel | null, width: number): string[] {
  return model?.notice ? wrapWords(safe(model.notice), width) : [];
}

/** What a pane `height` rows high shows of the notice, and the rows left for the diff's lines. */
export interface DiffPane {
  /** The notice's rows shown: cut short, the last ends in `…`. */
  notice: readonly string[];
  /** Rows for the diff's lines: what scrolling pages by (at least one). */
  rows: number;
}

export function diffPane(notice: readonly string[], height: number, width: number): DiffPane {
  let shown = notice;
  if (notice.length > height) {
    const kept = notice.slice(0, Math.max(1, height));
    kept[kept.length - 1] = fitEnd(`${kept[kept.length - 1]} …`, width);
    shown = kept;
  }
  return { notice: shown, rows: Math.max(1, height - shown.length) };
}

/** The diff's rows (1-based, first and last) on screen from line `scroll`, for the title. */
export function shownRows(
  layout: DiffLayout,
  scroll: number,
  height: number,
): { first: number; last: number } {
  if (layout.total === 0) return { first: 0, last: 0 };
  const first = rowAt(layout, scroll).row + 1;
  const last = rowAt(layout, Math.min(layout.total, scroll + height) - 1).row + 1;
  return { first, last };
}
