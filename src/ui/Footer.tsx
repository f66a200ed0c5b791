// The bottom row: the search prompt while searching, otherwise the keys that matter here.
import { Text } from "ink";
import { fitEnd, safe } from "./text.js";
import { tint, useUi } from "./theme.js";

export const LIST_HINTS =
  "↑↓ move  ⏎ open  Tab language  s sort  f filter  / search  ? help  q quit";
export const DETAIL_HINTS =
  "↑↓ scroll  c whole/commit  ] [ step  i info  J K page  Esc back  ? help  q quit";

export function Footer({ hints, width }: { hints: string; width: number }) {
  const ui = useUi();
  return (
    <Text wrap="truncate-end" dimColor={ui.color}>
      {fitEnd(hints, width)}
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
