// The first frame, shown at once: a spinner and how far the scan has got.
import { Text } from "ink";
import { useEffect, useState } from "react";
import type { Progress } from "../scan/scan.js";
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
  width,
  height,
}: {
  repoName: string;
  progress: Progress | null;
  width: number;
  height: number;
}) {
  const ui = useUi();
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setFrame((f) => (f + 1) % FRAMES.length), 80);
    return () => clearInterval(timer);
  }, []);
  return (
    <>
      <Text bold={ui.color} wrap="truncate-end">
        {fitEnd(`translation-status · ${safe(repoName, 80)}`, width)}
      </Text>
      <Text> </Text>
      <Text wrap="truncate-end">
        <Text color={tint(ui, "cyan")}>{FRAMES[frame]}</Text>{" "}
        {fitEnd(progressText(progress), width - 2)}
      </Text>
      {Array.from({ length: Math.max(0, height - 4) }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: blank filler rows
        <Text key={i}> </Text>
      ))}
      <Text dimColor={ui.color}>q quit</Text>
    </>
  );
}
