// The terminal the dashboard runs in: its size (following resizes) and what escapes it accepts.
import { useStdout } from "ink";
import { useEffect, useState } from "react";

export interface TerminalSize {
  columns: number;
  rows: number;
}

function sizeOf(stdout: NodeJS.WriteStream): TerminalSize {
  return { columns: Math.max(20, stdout.columns || 80), rows: Math.max(8, stdout.rows || 24) };
}

/**
 * The terminal size, updated on every `resize` of stdout. With `redraw`, the screen is cleared
 * first so that a terminal that reflowed the old frame shows no leftovers.
 */
export function useTerminalSize(redraw: boolean): TerminalSize {
  const { stdout, write } = useStdout();
  const [size, setSize] = useState(() => sizeOf(stdout));
  useEffect(() => {
    const onResize = () => {
      if (redraw) write("\x1b[2J\x1b[H");
      setSize(sizeOf(stdout));
    };
    stdout.on("resize", onResize);
    return () => {
      stdout.off("resize", onResize);
    };
  }, [stdout, write, redraw]);
  return size;
}

/**
 * Whether to emit OSC 8 hyperlinks: only when escapes are welcome at all (colour is on, the
 * terminal is not "dumb") and the output is a terminal. Terminals without OSC 8 ignore it.
 */
export function supportsHyperlinks(
  env: NodeJS.ProcessEnv,
  color: boolean,
  isTTY: boolean,
): boolean {
  if (!color || !isTTY) return false;
  if ((env.TERM ?? "") === "dumb") return false;
  if (env.FORCE_HYPERLINK === "0") return false;
  return true;
}

/** An OSC 8 hyperlink around `text`; the URL must already be free of control characters. */
export function hyperlink(url: string, text: string): string {
  return `\x1b]8;;${url}\x1b\\${text}\x1b]8;;\x1b\\`;
}
