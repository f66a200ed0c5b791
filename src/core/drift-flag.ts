// OpenTelemetry's pages record their drift in front matter (`drifted_from_default: true`, or
// `file not found` when the English page is gone), kept by its own scripts; the measured status
// tells when that record is stale.
import type { Status } from "./types.js";

/** What the recorded drift says is wrong with the page, when the measured status disagrees. */
export function driftFlagProblem(flag: string, status: Status): string | null {
  const says = `front matter says drifted_from_default: ${flag}`;
  const value = flag.trim().toLowerCase();
  if (value === "true") {
    return status === "up-to-date" ? `${says}, but the page is up to date` : null;
  }
  if (value === "file not found") {
    return status === "source-missing" || status === "moved"
      ? null
      : `${says}, but the English page exists (the page is ${status})`;
  }
  if (value === "false") {
    return status === "outdated" || status === "moved" || status === "source-missing"
      ? `${says}, but the page is ${status}`
      : null;
  }
  return `${says}, which is neither true, false nor "file not found"`;
}
