// Full-screen overlays: every key (`?`), the scan's warnings (`w`) and the open page's metadata
// and English commits in full (`I`); each scrolls when long, and a line too long for the width
// wraps instead of being cut.

import { Text } from "ink";
import { STATUS_FACTS } from "../core/statuses.js";
import { STATUSES } from "../core/types.js";
import { fitParts, type Part } from "./fit-parts.js";
import { type InfoLine, LABEL_WIDTH, labelText } from "./info.js";
import { KEY_HELP } from "./keys.js";
import { cell, fitEnd, safe, textWidth, wrapAfter } from "./text.js";
import { STATUS_SYMBOL, tint, useUi } from "./theme.js";

export interface OverlayLine {
  text: string;
  title?: boolean;
  tone?: "warning";
}

export function helpLines(width: number): OverlayLine[] {
  const lines: OverlayLine[] = [];
  const keyWidth = Math.max(...KEY_HELP.flatMap((g) => g.keys.map((k) => k.keys.length)));
  for (const group of KEY_HELP) {
    lines.push({ text: group.title, title: true });
    for (const k of group.keys) {
      for (const text of wrapAfter(`  ${cell(k.keys, keyWidth)} `, k.what, width))
        lines.push({ text });
    }
  }
  lines.push({ text: "Statuses", title: true });
  for (const s of STATUSES) {
    const prefix = `  ${STATUS_SYMBOL[s]} ${cell(s, 15)} `;
    for (const text of wrapAfter(prefix, STATUS_FACTS[s].meaning, width)) lines.push({ text });
  }
  return lines;
}

export function warningLines(warnings: readonly string[], width: number): OverlayLine[] {
  return warnings.flatMap((w) =>
    wrapAfter("⚠ ", safe(w), width).map((text): OverlayLine => ({ text, tone: "warning" })),
  );
}

/** The open page's metadata block (pageInfo with every warning), each line whole, wrapped. */
export function detailLines(info: readonly InfoLine[], width: number): OverlayLine[] {
  return info.flatMap((line) =>
    wrapAfter(cell(labelText(line), LABEL_WIDTH), safe(line.text), width).map(
      (text): OverlayLine => (line.tone === "warning" ? { text, tone: "warning" } : { text }),
    ),
  );
}

/** A title row, then `height - 1` rows of `lines` from `scroll`. */
export function Overlay({
  title,
  closeKey,
  lines,
  scroll,
  height,
  width,
}: {
  /** What the overlay shows (OVERLAYS' title); the row adds how to close it. */
  title: string;
  /** The overlay's own key (OVERLAYS' key), which closes it as Esc does. */
  closeKey: string;
  lines: readonly OverlayLine[];
  scroll: number;
  height: number;
  width: number;
}) {
  const ui = useUi();
  const body = Math.max(0, height - 1);
  const shown = lines.slice(scroll, scroll + body);
  // Where the window is stays in sight at any width: its wordings give way first, then how to
  // close the overlay; what it is takes what is left.
  const at = `${scroll + 1}-${scroll + shown.length}`;
  const parts: Part[] = [
    { text: title, priority: Infinity },
    { text: `  ·  Esc or ${closeKey} closes`, priority: 3 },
    lines.length <= body
      ? { text: "", priority: Infinity }
      : {
          text: `  (${at} of ${lines.length}, ↑↓ scroll)`,
          priority: 1,
          shorter: {
            text: `  (${at} of ${lines.length})`,
            priority: 2,
            shorter: { text: `  ${at}/${lines.length}`, priority: Infinity },
          },
        },
  ];
  const rest = fitParts(parts, width)
    .filter((p) => p.index > 0)
    .map((p) => p.text)
    .join("");
  return (
    <>
      <Text bold={ui.color} wrap="truncate-end">
        {fitEnd(`${fitEnd(title, width - textWidth(rest))}${rest}`, width)}
      </Text>
      {shown.map((l, i) => (
        <Text
          // biome-ignore lint/suspicious/noArrayIndexKey: overlay rows, in order
          key={i}
          wrap="truncate-end"
          bold={Boolean(l.title) && ui.color}
          color={l.title ? tint(ui, "cyan") : l.tone === "warning" ? tint(ui, "yellow") : undefined}
        >
          {l.text}
        </Text>
      ))}
      {Array.from({ length: Math.max(0, body - shown.length) }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: blank filler rows
        <Text key={`b${i}`}> </Text>
      ))}
    </>
  );
}
