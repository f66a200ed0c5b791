// Full-screen overlays: every key (`?`) and the scan's warnings (`w`); both scroll when long.

import { Text } from "ink";
import { STATUS_FACTS } from "../core/statuses.js";
import { STATUSES } from "../core/types.js";
import { KEY_HELP } from "./keys.js";
import { cell, fitEnd, safe } from "./text.js";
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
    for (const k of group.keys)
      lines.push({ text: fitEnd(`  ${cell(k.keys, keyWidth)} ${k.what}`, width) });
  }
  lines.push({ text: "Statuses", title: true });
  for (const s of STATUSES) {
    lines.push({
      text: fitEnd(`  ${STATUS_SYMBOL[s]} ${cell(s, 15)} ${STATUS_FACTS[s].meaning}`, width),
    });
  }
  return lines;
}

export function warningLines(warnings: readonly string[], width: number): OverlayLine[] {
  return warnings.map((w) => ({ text: fitEnd(`⚠ ${safe(w)}`, width), tone: "warning" }));
}

/** A title row, then `height - 1` rows of `lines` from `scroll`. */
export function Overlay({
  title,
  lines,
  scroll,
  height,
  width,
}: {
  title: string;
  lines: readonly OverlayLine[];
  scroll: number;
  height: number;
  width: number;
}) {
  const ui = useUi();
  const body = Math.max(0, height - 1);
  const shown = lines.slice(scroll, scroll + body);
  const more =
    lines.length > body
      ? `  (${scroll + 1}-${scroll + shown.length} of ${lines.length}, ↑↓ scroll)`
      : "";
  return (
    <>
      <Text bold={ui.color} wrap="truncate-end">
        {fitEnd(`${title}${more}`, width)}
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
