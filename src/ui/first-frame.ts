// The dashboard's first frame, written before Ink and React are loaded: importing them takes a
// few hundred milliseconds, and a translator should see the tool answer at once. Ink's own first
// frame draws the same lines over it from the top-left corner. No Ink import here on purpose.
import path from "node:path";
import { visibleLine } from "../sanitize/terminal.js";

const ENTER = "\x1b[?1049h\x1b[H\x1b[2J";
const LEAVE = "\x1b[?1049l\x1b[?25h";

export function writeFirstFrame(out: NodeJS.WriteStream, repo: string): void {
  const width = Math.max(20, out.columns ?? 80);
  const height = Math.max(4, out.rows ?? 24);
  const title = visibleLine(`translation-status · ${path.basename(path.resolve(repo))}`, width);
  const lines = [title, "", visibleLine("⠋ Opening the repository", width)];
  while (lines.length < height - 1) lines.push("");
  lines.push("q quit");
  out.write(`${ENTER}${lines.join("\n")}\x1b[H`);
}

/** Gives the user's screen back when the dashboard never started. */
export function leaveFirstFrame(out: NodeJS.WriteStream): void {
  out.write(LEAVE);
}

/** The signals that end the dashboard: the screen is given back before the process ends. */
export const ENDING_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * Until the dashboard takes over (which takes a few hundred milliseconds of loading), Ctrl-C and
 * the other ending signals give the user's screen back first, then end the process as the
 * signal would have. Returns the call that hands the signals on to the dashboard.
 */
export function guardFirstFrame(out: NodeJS.WriteStream): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    release();
    leaveFirstFrame(out);
    process.kill(process.pid, signal);
  };
  const release = () => {
    for (const s of ENDING_SIGNALS) process.off(s, onSignal);
  };
  for (const s of ENDING_SIGNALS) process.once(s, onSignal);
  return release;
}
