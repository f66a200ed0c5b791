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

/** Column widths for a terminal `width` wide; the status name is dropped when space is short. */
export function columns(width: number, kinds = false): Columns {
  const status = width >= 72 ? 16 : 2;
  const kind = kinds ? 6 : 0;
  const behind = 6;
  const lines = 11;
  const age = 5;
  // marker (2) + one space between each of the five columns (and after the kind's)
  const path = Math.max(8, width - 2 - status - behind - lines - age - 4 - (kind ? kind + 1 : 0));
  return { status, kind, path, behind, lines, age };
}

export function ColumnHeader({ width, kinds = false }: { width: number; kinds?: boolean }) {
  const ui = useUi();
  const c = columns(width, kinds);
  const kind = c.kind ? `${cell("KIND", c.kind)} ` : "";
  const text = `  ${cell(c.status > 2 ? "STATUS" : "", c.status)} ${kind}${cell("PATH", c.path)} ${cell("BEHIND", c.behind, "right")} ${cell("+/- LINES", c.lines, "right")} ${cell("AGE", c.age, "right")}`;
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
  const rest = ` ${cell(about(formatCount(n.commitsBehind)), c.behind, "right")} ${cell(about(formatLines(n.linesAdded, n.linesRemoved)), c.lines, "right")} ${cell(formatAge(pageAge(page, now)?.days ?? null), c.age, "right")}`;
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
