// The JSON report: the versioned schema CI jobs parse (documented in the README).
import type { ScanResult } from "../core/types.js";
import { toJson } from "../sanitize/json.js";

export function renderJson(result: ScanResult, extra: Record<string, unknown> = {}): string {
  const { schemaVersion, head, shallow, pages, summary, ...rest } = result;
  return `${toJson({ schemaVersion, head, shallow, pages, summary, ...rest, ...extra }, 2)}\n`;
}
