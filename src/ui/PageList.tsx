// The page list: one row per page, only the rows that fit on screen are rendered.

import { Text } from "ink";
import { pageAge } from "../core/age.js";
import type { PageReport } from "../core/types.js";
import { KIND_SHORT } from "../kinds/kinds.js";
import type { Layout } from "../layout/layout.js";
import { fitPartsText, type Part } from "./fit-parts.js";
import { formatAge, formatCount, formatLines } from "./format.js";
import {
  drift,
  FILTER_LABEL,
  type FilterKey,
  type KindFilter,
  pageKind,
  SORT_LABEL,
  type SortKey,
  shownPath,
} from "./rows.js";
import { cell, safe, textWidth } from "./text.js";
import { STATUS_COLOR, STATUS_SYMBOL, tint, useUi } from "./theme.js";

export interface Columns {
  status: number;
  /** The kind of the English change: 0 without --kinds. */
  kind: number;
  path: number;
  behind: number;
  lines: number;
  age: number;
}

/** The path's room below which the columns after it give way, AGE first, then +/- LINES. */
const PATH_ROOM = 20;

/**
 * Column widths for a terminal `width` wide. When space is short the status name goes first;
 * then, while the path would have less than PATH_ROOM columns, AGE and then +/- LINES (0: not
 * shown), so that two pages' names can still be told apart on a narrow terminal.
 */
export function columns(width: number, kinds = false): Columns {
  const status = width >= 72 ? 16 : 2;
  const kind = kinds ? 6 : 0;
  const behind = 6;
  let lines = 11;
  let age = 5;
  // marker (2) + one space before each column after the status (and after the kind's)
  const path = () =>
    width -
    2 -
    status -
    1 -
    (kind ? kind + 1 : 0) -
    (behind + 1) -
    (lines && lines + 1) -
    (age && age + 1);
  if (path() < PATH_ROOM) age = 0;
  if (path() < PATH_ROOM) lines = 0;
  return { status, kind, path: Math.max(8, path()), behind, lines, age };
}

/** The columns after the path, each after a space; those given no width are left out. */
function afterPath(c: Columns, behind: string, lines: string, age: string): string {
  let out = ` ${cell(behind, c.behind, "right")}`;
  if (c.lines) out += ` ${cell(lines, c.lines, "right")}`;
  if (c.age) out += ` ${cell(age, c.age, "right")}`;
  return out;
}

export function ColumnHeader({ width, kinds = false }: { width: number; kinds?: boolean }) {
  const ui = useUi();
  const c = columns(width, kinds);
  const kind = c.kind ? `${cell("KIND", c.kind)} ` : "";
  const text = `  ${cell(c.status > 2 ? "STATUS" : "", c.status)} ${kind}${cell("PATH", c.path)}${afterPath(c, "BEHIND", "+/- LINES", "AGE")}`;
  return (
    <Text wrap="truncate-end" bold={ui.color} dimColor={ui.color}>
      {text}
    </Text>
  );
}

export function PageRow({
  page,
  layout,
  selected,
  width,
  now,
  kinds = false,
}: {
  page: PageReport;
  layout: Layout;
  selected: boolean;
  width: number;
  now: number;
  kinds?: boolean;
}) {
  const ui = useUi();
  const c = columns(width, kinds);
  const status =
    c.status > 2 ? `${STATUS_SYMBOL[page.status]} ${page.status}` : STATUS_SYMBOL[page.status];
  const path = cell(shownPath(page, layout), c.path, "left", "path");
  // An estimate's numbers carry "~": never read as measured from the page's metadata.
  const n = drift(page);
  const about = (text: string) => (page.estimate && text !== "" ? `~${text}` : text);
  const rest = afterPath(
    c,
    about(formatCount(n.commitsBehind)),
    about(formatLines(n.linesAdded, n.linesRemoved)),
    formatAge(pageAge(page, now)?.days ?? null),
  );
  return (
    <Text wrap="truncate-end" inverse={selected && ui.color}>
      {selected ? "› " : "  "}
      <Text color={tint(ui, STATUS_COLOR[page.status])}>{cell(status, c.status)}</Text>{" "}
      {c.kind ? (
        <Text
          bold={ui.color && pageKind(page) === "prose"}
        >{`${cell(kindLabel(page), c.kind)} `}</Text>
      ) : null}
      {path}
      {rest}
    </Text>
  );
}

/** The short kind, "~" before an estimate's, "?" when it could not be told. */
function kindLabel(page: PageReport): string {
  const kind = pageKind(page);
  if (kind === undefined) return "";
  const about = page.estimate ? "~" : "";
  return `${about}${kind === null ? "?" : KIND_SHORT[kind]}`;
}

export interface PageListProps {
  pages: readonly PageReport[];
  rows: readonly number[];
  cursor: number;
  top: number;
  height: number;
  width: number;
  layout: Layout;
  now: number;
  kinds?: boolean;
}

/** The visible window of the list, padded to `height` rows so the screen never jumps. */
export function PageList({
  pages,
  rows,
  cursor,
  top,
  height,
  width,
  layout,
  now,
  kinds = false,
}: PageListProps) {
  const ui = useUi();
  if (rows.length === 0) {
    return (
      <>
        <Text dimColor={ui.color}>
          {`  No pages match. Esc clears the search, 0 shows every status${kinds ? ", t cycles the change kinds" : ""}.`}
        </Text>
        {Array.from({ length: Math.max(0, height - 1) }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: blank filler rows have no identity
          <Text key={i}> </Text>
        ))}
      </>
    );
  }
  const visibleRows = rows.slice(top, top + height);
  return (
    <>
      {visibleRows.map((p, i) => {
        const page = pages[p];
        if (!page) return null;
        return (
          <PageRow
            key={p}
            page={page}
            layout={layout}
            selected={top + i === cursor}
            width={width}
            now={now}
            kinds={kinds}
          />
        );
      })}
      {Array.from({ length: Math.max(0, height - visibleRows.length) }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: blank filler rows have no identity
        <Text key={`blank-${i}`}> </Text>
      ))}
    </>
  );
}

export interface ControlsProps {
  lang: string;
  sort: SortKey;
  reverse: boolean;
  filter: FilterKey;
  kind?: KindFilter;
  search: string;
  shown: number;
  total: number;
  cursor: number;
  width: number;
}

/** What the list is showing: language, order, filter, search, and where the cursor is. */
export function ListControls({
  lang,
  sort,
  reverse,
  filter,
  kind = "any",
  search,
  shown,
  total,
  cursor,
  width,
}: ControlsProps) {
  const ui = useUi();
  const where =
    shown === 0 ? `0 of ${total}` : `${cursor + 1}/${shown}${shown < total ? ` of ${total}` : ""}`;
  // The labels give way first (the sort's last: it names what the order is), then the parts from
  // the last, whole. Where the cursor is always stays.
  const part = (labelled: string, bare: string, labelGivesWay: number, goes: number): Part => ({
    text: ` · ${labelled}`,
    priority: labelGivesWay,
    shorter: { text: ` · ${bare}`, priority: goes },
  });
  const order = `${SORT_LABEL[sort]}${reverse ? " (reversed)" : ""}`;
  const parts = [
    part(`sort: ${order}`, order, 2, 6),
    part(`filter: ${FILTER_LABEL[filter]}`, FILTER_LABEL[filter], 1, 5),
    ...(kind !== "any" ? [part(`change: ${kind}`, kind, 1, 4)] : []),
    ...(search ? [part(`search: ${safe(search, 60)}`, `/${safe(search, 60)}`, 1, 3)] : []),
  ];
  const room = width - textWidth(safe(lang, 40)) - 1 - textWidth(where);
  const kept = fitPartsText(parts, room);
  const left = `${safe(lang, 40)}${kept}`;
  const gap = Math.max(1, width - textWidth(left) - textWidth(where));
  return (
    <Text wrap="truncate-end">
      <Text bold={ui.color} color={tint(ui, "cyan")}>
        {safe(lang, 40)}
      </Text>
      {kept}
      {" ".repeat(gap)}
      <Text dimColor={ui.color}>{where}</Text>
    </Text>
  );
}
