// Warnings end up in terminals, CI annotations and HTML reports; page text inside them must not
// be able to break lines, move the cursor, reorder text or flood the output, nor hide what the
// page holds: each such character is shown as its escape (sanitize/terminal.ts), as every sink
// shows it, so two values that differ only in one never look the same.
import { visibleLine } from "../sanitize/terminal.js";

/** Most page-provided characters a single quoted piece may contribute to a warning. */
export const MAX_QUOTED = 200;

/** Page text made safe to quote in a one-line warning: control and invisible characters made
 * visible as escapes (`\u200b`, `\x1b`), long text cut (`…`). */
export function pageText(raw: string, max = 80): string {
  return visibleLine(raw, Math.min(max, MAX_QUOTED) + 1);
}
