// The bottom row: the search prompt while searching, the y/n question before a page is marked,
// the outcome of the last action, or otherwise the keys that matter here.
import { Text } from "ink";
import { confirmPrompt, type StatusLine } from "./mark.js";
import { fitEnd, fitVariants, safe, textWidth } from "./text.js";
import { tint, useUi } from "./theme.js";

/** The list's hints, roomiest first: the first that fits the width is shown. */
export const LIST_HINTS: readonly string[] = [
  "↑↓ move  ⏎ open  Tab language  s sort  f filter  / search  u mark updated  e edit  ? help  q quit",
  "↑↓ move  ⏎ open  Tab language  / search  u mark updated  e edit  ? help  q quit",
  "↑↓ move  ⏎ open  Tab language  u mark updated  ? help  q quit",
];
export const DETAIL_HINTS: readonly string[] = [
  "↑↓ scroll  c whole/commit  ] [ step  i info  W wrap  J K page  u mark updated  U up to commit  e edit  Esc back  ? help  q quit",
  "↑↓ scroll  c by commit  ] [ step  W wrap  u mark updated  U up to commit  e edit  Esc back  ? help",
  "↑↓ scroll  c by commit  W wrap  u mark  U up to commit  e edit  Esc back  ? help",
  "↑↓ scroll  c whole/commit  u mark updated  Esc back  ? help  q quit",
  // Narrow: I is how to read what the page view shortens.
  "↑↓ scroll  c by commit  I details  u mark  Esc back  ? help",
  "↑↓ scroll  I details  Esc back  ? help",
];

/** The first of `hints` that fits, else the last one cut to fit. */
export function fitHints(hints: readonly string[], width: number): string {
  return hints.find((h) => textWidth(h) <= width) ?? fitEnd(hints[hints.length - 1] ?? "", width);
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

/** A transient line: what marking a page came to, or why it was not marked. */
export function StatusFooter({ line, width }: { line: StatusLine; width: number }) {
  const ui = useUi();
  return (
    <Text wrap="truncate-end" color={tint(ui, TONE_COLOR[line.tone])}>
      {fitVariants(line.variants, width)}
    </Text>
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
