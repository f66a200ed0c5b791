// The JSON report: the versioned schema CI jobs parse (documented in the README). It is built
// page by page, so a 10,000-page report never exists as one giant object graph being stringified.
import type { ScanResult } from "../core/types.js";
import { toJson, toJsonBytes } from "../sanitize/json.js";

/** Pages per JSON.stringify call: one call per page costs a third more, and a block whose text
 * outgrows V8's ordinary objects (128 KiB; pages with CJK titles take two bytes a character)
 * is allocated on pages of its own, which the system must map and zero each time. */
const BLOCK = 64;

/** A piece of the document, or a stop before pages[0..end) are written. */
type Step = string | Buffer | { pagesUpTo: number };

/** The report as pieces of text or UTF-8, in order; together they are the whole JSON document. */
export function* jsonChunks(
  result: ScanResult,
  extra: Record<string, unknown> = {},
): Generator<string | Buffer> {
  for (const step of steps(result, extra)) if (!isStop(step)) yield step;
}

/**
 * jsonChunks for a report still being completed: before each stretch of pages is written,
 * `ready(end)` must settle, once pages[0..end) are final (see StagedScan).
 */
export async function* jsonChunksWhenReady(
  result: ScanResult,
  ready: (end: number) => Promise<void>,
): AsyncGenerator<string | Buffer> {
  for (const step of steps(result, {})) {
    if (isStop(step)) await ready(step.pagesUpTo);
    else yield step;
  }
}

function isStop(step: Step): step is { pagesUpTo: number } {
  return typeof step === "object" && !Buffer.isBuffer(step);
}

function* steps(result: ScanResult, extra: Record<string, unknown>): Generator<Step> {
  const { schemaVersion, head, shallow, pages, summary, ...rest } = result;
  const top: Record<string, unknown> = {
    schemaVersion,
    head,
    shallow,
    pages,
    summary,
    ...rest,
    ...extra,
  };
  const keys = Object.keys(top).filter((k) => top[k] !== undefined);
  yield "{\n";
  for (const [i, key] of keys.entries()) {
    const comma = i < keys.length - 1 ? "," : "";
    const value = top[key];
    if (Array.isArray(value) && value.length > 0) {
      yield `  ${toJson(key)}: [\n`;
      // Items are stringified a block at a time (one call per item costs a third more), inside
      // an object so they come out at the report's own indentation, which is then cut away.
      // They stay UTF-8 from there on: encoding them is the one pass over them that is needed.
      for (let j = 0; j < value.length; j += BLOCK) {
        if (value === pages) yield { pagesUpTo: j + BLOCK };
        const wrapped = toJsonBytes({ [key]: value.slice(j, j + BLOCK) }, 2);
        yield wrapped.subarray(wrapped.indexOf(0x5b) + 2, wrapped.lastIndexOf(0x5d) - 3);
        yield j + BLOCK < value.length ? ",\n" : "\n";
      }
      yield `  ]${comma}\n`;
    } else {
      yield `  ${toJson(key)}: ${indent(toJson(value, 2), "  ").trimStart()}${comma}\n`;
    }
    if (value === pages) yield { pagesUpTo: pages.length };
  }
  yield "}\n";
}

export function renderJson(result: ScanResult, extra: Record<string, unknown> = {}): string {
  const pieces = [...jsonChunks(result, extra)].map((c) =>
    typeof c === "string" ? Buffer.from(c) : c,
  );
  return Buffer.concat(pieces).toString("utf8");
}

function indent(text: string, by: string): string {
  return by + text.replaceAll("\n", `\n${by}`);
}
