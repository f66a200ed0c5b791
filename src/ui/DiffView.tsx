// The English diff: only the rows in the window are built and rendered, whatever the diff's length.
import { Text } from "ink";
import { rowSegments } from "../detail/diff.js";
import type { DiffModel, DiffRow } from "../detail/types.js";
import { safeCode, slicePieces, textWidth } from "./text.js";
import { tint, type UiOptions, useUi } from "./theme.js";

interface Piece {
  text: string;
  changed: boolean;
}

const gutters = new WeakMap<DiffModel, number>();
/** Ends a diff line cut at the right edge. */
export const CUT_MARK = "…";

/** Width of the line-number gutter for this diff (computed once per diff). */
export function gutterWidth(model: DiffModel): number {
  const known = gutters.get(model);
  if (known !== undefined) return known;
  let max = 0;
  for (const r of model.rows) {
    if (r.kind === "context" || r.kind === "add") max = Math.max(max, r.newNo);
    if (r.kind === "del") max = Math.max(max, r.oldNo);
  }
  const width = Math.max(3, String(max).length);
  gutters.set(model, width);
  return width;
}

/** The pieces of a row's text; without colour, changed words are marked like `git diff --word-diff`. */
export function rowPieces(model: DiffModel, index: number, ui: UiOptions, limit: number): Piece[] {
  const row = model.rows[index] as DiffRow;
  const segs = rowSegments(model, index);
  if (!segs) return [{ text: safeCode(row.text.slice(0, limit)), changed: false }];
  const [open, close] = row.kind === "del" ? ["[-", "-]"] : ["{+", "+}"];
  let budget = limit;
  const out: Piece[] = [];
  for (const s of segs) {
    if (budget <= 0) break;
    const text = safeCode(s.text.slice(0, budget));
    budget -= s.text.length;
    out.push({
      text: s.changed && !ui.color ? `${open}${text}${close}` : text,
      changed: s.changed,
    });
  }
  return out;
}

function DiffLine({
  model,
  index,
  width,
  hscroll,
  gutter,
}: {
  model: DiffModel;
  index: number;
  width: number;
  hscroll: number;
  gutter: number;
}) {
  const ui = useUi();
  const row = model.rows[index] as DiffRow;
  if (row.kind === "hunk") {
    return (
      <Text wrap="truncate-end" color={tint(ui, "cyan")}>
        {row.text}
      </Text>
    );
  }
  if (row.kind === "note") {
    return (
      <Text wrap="truncate-end" dimColor={ui.color}>
        {safeCode(row.text.slice(0, width * 2))}
      </Text>
    );
  }
  const no = row.kind === "del" ? row.oldNo : row.newNo;
  const mark = row.kind === "del" ? "-" : row.kind === "add" ? "+" : " ";
  const color = row.kind === "del" ? "red" : row.kind === "add" ? "green" : undefined;
  const room = Math.max(1, width - gutter - 3);
  const all = rowPieces(model, index, ui, hscroll + room * 2 + 16);
  // A line that goes on past the right edge ends in a marker, so a change out of sight is not
  // taken for the end of the line (h and l scroll sideways).
  const cut = all.reduce((n, p) => n + textWidth(p.text), 0) > hscroll + room;
  const pieces = slicePieces(all, hscroll, cut ? Math.max(1, room - 1) : room);
  return (
    <Text wrap="truncate-end">
      <Text dimColor={ui.color}>{String(no).padStart(gutter)} </Text>
      <Text color={color && tint(ui, color)}>
        {mark}{" "}
        {pieces.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: pieces of one line, in order
          <Text key={i} inverse={p.changed && ui.color} bold={p.changed && ui.color}>
            {p.text}
          </Text>
        ))}
        {cut ? <Text dimColor={ui.color}>{CUT_MARK}</Text> : null}
      </Text>
    </Text>
  );
}

export interface DiffViewProps {
  model: DiffModel | null;
  error: string | null;
  scroll: number;
  hscroll: number;
  height: number;
  width: number;
}

/** The diff pane, exactly `height` rows: a notice line when there is one, then the window of rows. */
export function DiffView({ model, error, scroll, hscroll, height, width }: DiffViewProps) {
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
    if (model.notice) {
      lines.push(
        <Text key="notice" wrap="truncate-end" color={tint(ui, "yellow")}>
          {model.notice}
        </Text>,
      );
    }
    const gutter = gutterWidth(model);
    const rowsHeight = height - lines.length;
    for (let i = scroll; i < Math.min(model.rows.length, scroll + rowsHeight); i++) {
      lines.push(
        <DiffLine
          key={`r${i}`}
          model={model}
          index={i}
          width={width}
          hscroll={hscroll}
          gutter={gutter}
        />,
      );
    }
  }
  while (lines.length < height) lines.push(<Text key={`blank-${lines.length}`}> </Text>);
  return <>{lines.slice(0, height)}</>;
}

/** Rows of the pane left for diff lines once the notice (if any) is shown. */
export function diffRowsHeight(model: DiffModel | null, height: number): number {
  return Math.max(1, height - (model?.notice ? 1 : 0));
}
