// The first frame, shown at once: a spinner and how far the scan has got; then, as soon as every
// page's status is known, the list screen's header with its figures above the spinner, while git
// still counts lines. The list then takes the screen below the same header.
import { Box, Text } from "ink";
import type { Progress } from "../scan/scan.js";
import type { Figures } from "./App.js";
import { ListHeader, listLayoutOf } from "./Header.js";
import type { RememberedView } from "./remembered.js";
import { openingIndex } from "./state.js";
import type { TerminalSize } from "./terminal.js";
import { fitEnd, safe } from "./text.js";
import { tint, useUi } from "./theme.js";

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

const PHASE: Record<Progress["phase"], string> = {
  pages: "Reading the translated pages",
  history: "Reading the English history",
  measure: "Measuring what changed",
  done: "Preparing the dashboard",
};

export function progressText(progress: Progress | null): string {
  if (!progress) return "Opening the repository";
  const count =
    progress.phase === "pages" || progress.phase === "measure"
      ? `  ${progress.done}/${progress.total}`
      : "";
  return `${PHASE[progress.phase]}…${count}`;
}

export function ScanScreen({
  repoName,
  progress,
  frame,
  figures,
  size,
  initialLang,
  initialView,
}: {
  repoName: string;
  progress: Progress | null;
  /** The spinner's frame: the caller ticks it. */
  frame: number;
  figures: Figures | null;
  size: TerminalSize;
  initialLang?: string;
  /** The list will open on its language when no other is named, so the figures do too. */
  initialView?: RememberedView | null;
}) {
  const ui = useUi();
  const width = size.columns;
  let header: React.ReactNode;
  if (figures) {
    const { result } = figures;
    const layout = listLayoutOf(result, size);
    header = (
      <ListHeader
        repoName={figures.repoName}
        result={result}
        current={openingIndex(result, initialLang, initialView)}
        layout={layout}
        width={width}
      />
    );
  } else {
    header = (
      <>
        <Text bold={ui.color} wrap="truncate-end">
          {fitEnd(`translation-status · ${safe(repoName, 80)}`, width)}
        </Text>
        <Text> </Text>
      </>
    );
  }
  return (
    <>
      {header}
      <Text wrap="truncate-end">
        <Text color={tint(ui, "cyan")}>{FRAMES[frame % FRAMES.length]}</Text>{" "}
        {fitEnd(progressText(progress), width - 2)}
      </Text>
      <Box flexGrow={1} />
      <Text dimColor={ui.color}>q quit</Text>
    </>
  );
}
