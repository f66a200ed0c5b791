// The top of the list screen: where we are (repository, HEAD) and how each language stands.
import { Text } from "ink";
import { type ScanResult, STATUSES, type Status } from "../core/types.js";
import { fitParts, type Part } from "./fit-parts.js";
import { barParts, formatDate, percent, shortHash } from "./format.js";
import { type ListLayout, listLayout } from "./layout.js";
import { OVERLAYS } from "./overlay-keys.js";
import type { TerminalSize } from "./terminal.js";
import { fitEnd, fitMiddle, padEnd, safe, textWidth } from "./text.js";
import { STATUS_COLOR, STATUS_SYMBOL, tint, useUi } from "./theme.js";

/** A shortened repository name keeps at least this many columns before the date is dropped. */
const NAME_ROOM = 16;

/**
 * The title line's parts at this width. HEAD's hash always stays; the rest gives way in turn (the
 * English folder, the date, "clone", the warnings' wording) while the name stays whole, then
 * again while it is shortened in the middle to no less than 16 columns, then the name takes what
 * is left. Sanitized.
 */
export function titleParts(
  repoName: string,
  result: ScanResult,
  width: number,
): { name: string; rest: string; warn: string } {
  const name = safe(repoName, 60);
  const n = result.warnings.length;
  // In the row's order, each with when it gives way (lowest first), as said above.
  const parts: Part[] = [
    { text: `  HEAD ${shortHash(result.head)}`, priority: Infinity },
    { text: result.headDate ? ` ${formatDate(result.headDate)}` : "", priority: 2 },
    { text: `  English: ${safe(result.source, 40)}`, priority: 1 },
    {
      text: result.shallow ? "  shallow clone" : "",
      priority: 3,
      shorter: { text: result.shallow ? "  shallow" : "", priority: 5 },
    },
    {
      text: n > 0 ? `  ⚠ ${n} warning${n === 1 ? "" : "s"} (${OVERLAYS.warnings.key})` : "",
      priority: 4,
      shorter: { text: n > 0 ? `  ⚠${n} (${OVERLAYS.warnings.key})` : "", priority: Infinity },
    },
  ];
  const warnAt = parts.length - 1;
  const fitted = (room: number) => {
    const kept = fitParts(parts, room);
    const text = (warn: boolean) =>
      kept
        .filter((p) => (p.index === warnAt) === warn)
        .map((p) => p.text)
        .join("");
    return { rest: text(false), warn: text(true) };
  };
  const room = (c: { rest: string; warn: string }) => width - textWidth(c.rest) - textWidth(c.warn);
  const whole = fitted(width - textWidth(name));
  if (room(whole) >= textWidth(name)) return { name, ...whole };
  const found = fitted(width - Math.min(textWidth(name), NAME_ROOM));
  return { name: fitMiddle(name, Math.max(1, room(found))), ...found };
}

export function TitleLine({
  repoName,
  result,
  width,
}: {
  repoName: string;
  result: ScanResult;
  width: number;
}) {
  const ui = useUi();
  const { name, rest, warn } = titleParts(repoName, result, width);
  return (
    <Text wrap="truncate-end">
      <Text bold={ui.color}>{name}</Text>
      {rest}
      <Text color={tint(ui, "yellow")}>{warn}</Text>
    </Text>
  );
}

type Counts = Record<Status | "total", number>;

interface LineParts {
  segments: Array<{ status: Status; text: string }>;
  barWidth: number;
  /** Spaces before each count. */
  sep: number;
}

/** Count formats from roomiest to tightest: "! 3 27%", "!3 27%", "!3". */
export type CountStyle = 0 | 1 | 2;

function segmentText(status: Status, counts: Counts, style: CountStyle): string {
  const sym = STATUS_SYMBOL[status];
  const pct = percent(counts[status], counts.total);
  if (style === 0) return `${sym} ${counts[status]} ${pct}`;
  if (style === 1) return `${sym}${counts[status]} ${pct}`;
  return `${sym}${counts[status]}`;
}

/** The roomiest count style that leaves a bar of at least 8 cells on a line `width` wide. */
export function countStyle(counts: Counts, width: number, langWidth: number): CountStyle {
  for (const style of [0, 1] as const) {
    if (planLanguageLine(counts, width, langWidth, style).barWidth >= 8) return style;
  }
  return 2;
}

/** Fits a language line into `width` with the given count style; the bar takes what is left. */
export function planLanguageLine(
  counts: Counts,
  width: number,
  langWidth: number,
  style: CountStyle,
): LineParts {
  const fixed = 2 + langWidth + 1 + 2 + 5; // marker, name, space, bar ends, total
  const segments = STATUSES.filter((s) => counts[s] > 0).map((s) => ({
    status: s,
    text: segmentText(s, counts, style),
  }));
  const segWidth = segments.reduce((sum, seg) => sum + textWidth(seg.text) + 2, 0);
  const barWidth = Math.max(0, Math.min(30, width - fixed - segWidth));
  if (barWidth > 0 || width - fixed + 2 >= segWidth) return { segments, barWidth, sep: 2 };
  // No room for a bar, nor for the counts two spaces apart: one space, then whole counts from the
  // last (the rarer statuses) give way rather than one be cut.
  const kept = fitParts(
    segments.map((seg, i) => ({ text: ` ${seg.text}`, priority: -i })),
    width - fixed + 2,
  );
  return {
    segments: kept.map((k) => segments[k.index] as LineParts["segments"][number]),
    barWidth: 0,
    sep: 1,
  };
}

function LanguageLine({
  lang,
  counts,
  current,
  width,
  langWidth,
  barWidth,
  style,
}: {
  lang: string;
  counts: Counts;
  current: boolean;
  width: number;
  langWidth: number;
  barWidth: number;
  style: CountStyle;
}) {
  const ui = useUi();
  const plan = planLanguageLine(counts, width, langWidth, style);
  const bar = barParts(counts, barWidth);
  return (
    <Text wrap="truncate-end">
      <Text bold={current && ui.color}>
        {current ? "› " : "  "}
        {padEnd(safe(lang, 40), langWidth)}{" "}
      </Text>
      {barWidth > 0 ? "▕" : ""}
      {bar.map((p) => (
        <Text key={p.status} color={tint(ui, STATUS_COLOR[p.status])}>
          {(ui.color ? "█" : STATUS_SYMBOL[p.status]).repeat(p.width)}
        </Text>
      ))}
      {barWidth > 0 ? "▏" : ""}
      {String(counts.total).padStart(5)}
      {plan.segments.map((s) => (
        <Text key={s.status}>
          {" ".repeat(plan.sep)}
          <Text color={tint(ui, STATUS_COLOR[s.status])}>{s.text}</Text>
        </Text>
      ))}
    </Text>
  );
}

/**
 * One line per language; with more languages than lines, a window around the current one and
 * a last line that says how many are above and below it, so none is hidden without a word.
 */
export function LanguageSummary({
  result,
  current,
  lines,
  width,
}: {
  result: ScanResult;
  current: number;
  lines: number;
  width: number;
}) {
  const ui = useUi();
  const langs = result.languages;
  const marked = langs.length > lines && lines >= 2;
  const room = marked ? lines - 1 : lines;
  const start = Math.max(0, Math.min(current - Math.floor(room / 2), langs.length - room));
  const shown = langs.slice(start, start + room);
  const above = start;
  const below = Math.max(0, langs.length - start - shown.length);
  const langWidth = Math.min(16, Math.max(5, ...langs.map((l) => textWidth(safe(l, 40)))));
  const empty = { total: 0 } as Counts;
  for (const s of STATUSES) empty[s] = 0;
  // One count style and one bar width for all, so that languages compare at a glance.
  const counts = (l: string) => result.summary[l] ?? empty;
  const style = Math.max(
    ...shown.map((l) => countStyle(counts(l), width, langWidth)),
  ) as CountStyle;
  const barWidth = Math.min(
    ...shown.map((l) => planLanguageLine(counts(l), width, langWidth, style).barWidth),
  );
  return (
    <>
      {shown.map((lang, i) => (
        <LanguageLine
          key={lang}
          lang={lang}
          counts={result.summary[lang] ?? empty}
          current={start + i === current}
          width={width}
          langWidth={langWidth}
          barWidth={barWidth}
          style={style}
        />
      ))}
      {marked ? <Text dimColor={ui.color}>{fitEnd(moreLine(above, below), width)}</Text> : null}
    </>
  );
}

/** "  ↑ 2 more · ↓ 9 more languages (Tab, Shift+Tab)". */
function moreLine(above: number, below: number): string {
  const parts = [above > 0 ? `↑ ${above} more` : "", below > 0 ? `↓ ${below} more` : ""];
  return `  ${parts.filter(Boolean).join(" · ")} languages (Tab, Shift+Tab)`;
}

export function legendText(result: ScanResult): string {
  const present = STATUSES.filter((s) =>
    result.languages.some((l) => (result.summary[l]?.[s] ?? 0) > 0),
  );
  return present.map((s) => `${STATUS_SYMBOL[s]} ${s}`).join("  ");
}

export function Legend({ result }: { result: ScanResult }) {
  const ui = useUi();
  const present = STATUSES.filter((s) =>
    result.languages.some((l) => (result.summary[l]?.[s] ?? 0) > 0),
  );
  return (
    <Text wrap="truncate-end" dimColor={ui.color}>
      {present.map((s, i) => (
        <Text key={s}>
          {i > 0 ? "  " : ""}
          <Text color={tint(ui, STATUS_COLOR[s])}>{STATUS_SYMBOL[s]}</Text> {s}
        </Text>
      ))}
    </Text>
  );
}

/** How the list screen's rows are shared out for this result at this size. */
export function listLayoutOf(result: ScanResult, size: TerminalSize): ListLayout {
  const legendFits = textWidth(legendText(result)) <= size.columns;
  return listLayout(size.rows, result.languages.length, legendFits);
}

/**
 * The list screen's top: title, the languages' figures and the legend. Drawn alike while git
 * still counts lines and once the list is below it, so the figures stay where they appeared.
 */
export function ListHeader({
  repoName,
  result,
  current,
  layout,
  width,
}: {
  repoName: string;
  result: ScanResult;
  current: number;
  layout: ListLayout;
  width: number;
}) {
  return (
    <>
      <TitleLine repoName={repoName} result={result} width={width} />
      <LanguageSummary result={result} current={current} lines={layout.langLines} width={width} />
      {layout.legend ? <Legend result={result} /> : null}
    </>
  );
}
