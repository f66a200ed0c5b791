// The bottom row: the search prompt while searching, the y/n question before a page is marked,
// the outcome of the last action, or otherwise the keys that matter here.
import { Text } from "ink";
import { fitPartsText } from "./fit-parts.js";
import { confirmPrompt, type StatusLine } from "./mark.js";
import { overlayHint } from "./overlay-keys.js";
import { fitEnd, safe, textWidth, wrapVariants } from "./text.js";
import { tint, useUi } from "./theme.js";

const HELP = overlayHint("help");
const DETAILS = overlayHint("details");

/** The list's hints, roomiest first: the first that fits the width is shown. */
export const LIST_HINTS: readonly string[] = [
  `↑↓ move  ⏎ open  Tab language  s sort  f filter  / search  u mark updated  e edit  ${HELP}  q quit`,
  `↑↓ move  ⏎ open  Tab language  / search  u mark updated  e edit  ${HELP}  q quit`,
  `↑↓ move  ⏎ open  Tab language  u mark updated  ${HELP}  q quit`,
  // Narrow: whole hints are dropped from the end, so the most useful come first.
  `↑↓ move  ⏎ open  u mark updated  ${HELP}  Tab language  q quit`,
];
export const DETAIL_HINTS: readonly string[] = [
  `↑↓ scroll  c whole/commit  ] [ step  i info  W wrap  J K page  u mark updated  U up to commit  e edit  Esc back  ${HELP}  q quit`,
  `↑↓ scroll  c by commit  ] [ step  W wrap  u mark updated  U up to commit  e edit  Esc back  ${HELP}`,
  `↑↓ scroll  c by commit  W wrap  u mark  U up to commit  e edit  Esc back  ${HELP}`,
  `↑↓ scroll  c whole/commit  u mark updated  Esc back  ${HELP}  q quit`,
  // Narrow: the details overlay is how to read what the page view shortens.
  `↑↓ scroll  c by commit  ${DETAILS}  u mark  Esc back  ${HELP}`,
  `↑↓ scroll  ${DETAILS}  Esc back  ${HELP}`,
];

const HINT_SEP = "  ";
const HINT_SEP_RE = / {2,}/;

/**
 * Hints ("k what", two spaces apart), roomiest set first: the first that fits the width, else the
 * last one's hints from the first on, as many whole ones as fit (its most useful come first).
 */
export function fitHints(hints: readonly string[], width: number): string {
  const found = hints.find((h) => textWidth(h) <= width);
  if (found !== undefined) return found;
  const last = (hints[hints.length - 1] ?? "").split(HINT_SEP_RE);
  return fitPartsText(
    last.map((text, i) => ({ text, priority: -i })),
    width,
    HINT_SEP,
  );
}

export function Footer({ hints, width }: { hints: readonly string[]; width: number }) {
  const ui = useUi();
  return (
    <Text wrap="truncate-end" dimColor={ui.color}>
      {fitHints(hints, width)}
    </Text>
  );
}

const TONE_COLOR: Record<StatusLine["tone"], string> = {
  ok: "green",
  error: "red",
  info: "yellow",
};

/** The rows a transient line takes at this width, with at most `maxRows`. */
export function statusRows(line: StatusLine, width: number, maxRows: number): string[] {
  return wrapVariants(line.variants, width, maxRows);
}

/** A transient line: what marking a page came to, or why it was not marked; wrapped, not cut. */
export function StatusFooter({
  rows,
  tone,
}: {
  rows: readonly string[];
  tone: StatusLine["tone"];
}) {
  const ui = useUi();
  return (
    <>
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows of one text, in order
        <Text key={i} wrap="truncate-end" color={tint(ui, TONE_COLOR[tone])}>
          {row}
        </Text>
      ))}
    </>
  );
}

/** The y/n question before a page is marked as updated. */
export function ConfirmPrompt({
  path,
  commit,
  upTo,
  width,
}: {
  path: string;
  /** The commit the page is to record. */
  commit: string;
  /** The commit is older than HEAD: the page covers the changes up to it. */
  upTo: boolean;
  width: number;
}) {
  const ui = useUi();
  return (
    <Text wrap="truncate-end" bold={ui.color} color={tint(ui, "yellow")}>
      {confirmPrompt(path, commit, width, upTo)}
    </Text>
  );
}

export function SearchPrompt({ query, width }: { query: string; width: number }) {
  const ui = useUi();
  const hint = "  ⏎ keep  Esc cancel";
  const q = safe(query, 200);
  return (
    <Text wrap="truncate-end">
      <Text color={tint(ui, "cyan")}>/</Text>
      {fitEnd(q, Math.max(4, width - hint.length - 3))}
      <Text inverse={ui.color}>{ui.color ? " " : "█"}</Text>
      <Text dimColor={ui.color}>{hint}</Text>
    </Text>
  );
}
