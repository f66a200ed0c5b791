// The JSON report: the versioned schema CI jobs parse (documented in the README). It is built
// page by page, so a 10,000-page report never exists as one giant object graph being stringified.
import type { PageReport, ScanResult } from "../core/types.js";
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

/**
 * A report's pages as they were written in an earlier report's text: `count` pages, their text
 * as the report joins them (see pageSpans). For a report made from a kept one.
 */
interface WrittenPages {
  count: number;
  text: readonly Buffer[];
}

/** The report with its pages taken from `written` (result.pages is not looked at). */
function* jsonChunksWithWritten(
  result: ScanResult,
  written: WrittenPages,
): Generator<string | Buffer> {
  for (const step of steps(result, {}, written)) if (!isStop(step)) yield step;
}

function* steps(
  result: ScanResult,
  extra: Record<string, unknown>,
  written: WrittenPages | null = null,
): Generator<Step> {
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
    if (value === pages && written && written.count > 0) {
      yield `  ${toJson(key)}: [\n`;
      yield* written.text;
      yield `\n  ]${comma}\n`;
    } else if (Array.isArray(value) && value.length > 0) {
      yield `  ${toJson(key)}: [\n`;
      // Items are stringified a block at a time (one call per item costs a third more).
      // They stay UTF-8 from there on: encoding them is the one pass over them that is needed.
      for (let j = 0; j < value.length; j += BLOCK) {
        if (value === pages) yield { pagesUpTo: j + BLOCK };
        yield itemsText(value.slice(j, j + BLOCK));
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

/**
 * Items of a top-level list as the report writes them, joined by ",\n": stringified inside an
 * object so they come out at the report's own indentation, which is then cut away.
 */
function itemsText(items: readonly unknown[]): Buffer {
  const wrapped = toJsonBytes({ items }, 2);
  return wrapped.subarray(wrapped.indexOf(0x5b) + 2, wrapped.lastIndexOf(0x5d) - 3);
}

/** One page as a report writes it among the others (see WrittenPages). */
export function pageText(page: PageReport): Buffer {
  return itemsText([page]);
}

/** Where the report says "pages", and where each page starts and ends. */
export interface PageSpans {
  /** [start, end) of each page's text, in order. */
  starts: number[];
  ends: number[];
}

const PAGES_OPEN = Buffer.from('\n  "pages": [\n    {');
const ITEM_END = Buffer.from("\n    }");
const PAGE_START = Buffer.from("    {");
const LIST_CLOSE = Buffer.from("\n  ],");
/** Between two pages of the list. */
const SEPARATOR = Buffer.from(",\n");
const COMMA = 0x2c;
const NEWLINE = 0x0a;
const SPACE = 0x20;
const OPEN = 0x7b;
const CLOSE = 0x5d;

/**
 * The pages of a JSON report this module wrote, found in its text; null for any other text.
 * A page is an object at the fourth column and everything inside it is deeper, and JSON
 * strings hold no line breaks: so a line of four spaces and "}" ends one page, and nothing
 * else.
 */
export function pageSpans(text: Buffer): PageSpans | null {
  const open = text.indexOf(PAGES_OPEN);
  if (open === -1) return null;
  const starts: number[] = [];
  const ends: number[] = [];
  let at = open + PAGES_OPEN.length - 5;
  for (;;) {
    const end = text.indexOf(ITEM_END, at);
    if (end === -1) return null;
    const after = end + ITEM_END.length;
    starts.push(at);
    ends.push(after);
    // Then ",\n    {" and the next page, or "\n  ]" and the end of the list.
    if (
      text[after] === COMMA &&
      text[after + 1] === NEWLINE &&
      isIndentThen(text, after + 2, 4, OPEN)
    ) {
      at = after + 2;
    } else if (text[after] === NEWLINE && isIndentThen(text, after + 1, 2, CLOSE)) {
      return { starts, ends };
    } else {
      return null;
    }
  }
}

/** Whether `text` has `spaces` spaces at `at`, then `byte`. */
function isIndentThen(text: Buffer, at: number, spaces: number, byte: number): boolean {
  for (let i = 0; i < spaces; i++) if (text[at + i] !== SPACE) return false;
  return text[at + spaces] === byte;
}

/** Whether `spans` says where page `at` of `text` is: its text opens and closes as a page. */
export function pageAt(text: Buffer, spans: PageSpans, at: number): boolean {
  const start = spans.starts[at] ?? -1;
  const end = spans.ends[at] ?? -1;
  return (
    start >= 0 &&
    end <= text.length &&
    start + PAGE_START.length <= end - ITEM_END.length &&
    text.compare(PAGE_START, 0, PAGE_START.length, start, start + PAGE_START.length) === 0 &&
    text.compare(ITEM_END, 0, ITEM_END.length, end - ITEM_END.length, end) === 0
  );
}

/** How a listed commit's hash is written in a page's text. */
export function listedHash(hash: string): string {
  return `"hash": ${JSON.stringify(hash)}`;
}

/** The pages (by number, in order) whose text holds one of `needles`. */
export function pagesHolding(text: Buffer, spans: PageSpans, needles: readonly string[]): number[] {
  const found = new Set<number>();
  for (const needle of needles) {
    const bytes = Buffer.from(needle, "utf8");
    for (let at = text.indexOf(bytes); at !== -1; at = text.indexOf(bytes, at + 1)) {
      // The last page starting at or before the match, if the match is inside it.
      let lo = 0;
      let hi = spans.starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((spans.starts[mid] as number) <= at) lo = mid;
        else hi = mid - 1;
      }
      if ((spans.starts[lo] as number) <= at && at < (spans.ends[lo] as number)) found.add(lo);
    }
  }
  return [...found].sort((a, b) => a - b);
}

/** A report's fields before and after its pages (at `spans`, checked with pageAt). */
export function fieldsAround(
  text: Buffer,
  spans: PageSpans,
): {
  top: Pick<ScanResult, "schemaVersion" | "head" | "shallow">;
  summary: ScanResult["summary"];
  rest: Omit<ScanResult, "schemaVersion" | "head" | "shallow" | "pages" | "summary">;
} | null {
  const first = spans.starts[0] as number;
  const last = spans.ends[spans.ends.length - 1] as number;
  // `{ "schemaVersion": …, "head": …, "shallow": …,` then the pages, then `], "summary": … }`.
  if (text.compare(LIST_CLOSE, 0, LIST_CLOSE.length, last, last + LIST_CLOSE.length) !== 0) {
    return null;
  }
  try {
    const top = JSON.parse(`${text.toString("utf8", 0, text.lastIndexOf(",", first))}}`);
    const closing = text.toString("utf8", last + LIST_CLOSE.length);
    const { summary, ...rest } = JSON.parse(`{${closing}`);
    if (typeof top !== "object" || typeof summary !== "object" || summary === null) return null;
    return { top, summary, rest };
  } catch {
    return null;
  }
}

/**
 * `result`'s report with the pages of a kept report's `text` (at `spans`), and `replaced`'s
 * texts (pageText) in place of some; and where each page is in the new report.
 */
export function withPagesReplaced(
  result: ScanResult,
  text: Buffer,
  spans: PageSpans,
  replaced: ReadonlyMap<number, Buffer>,
): { report: Buffer[]; spans: PageSpans } {
  const n = spans.starts.length;
  const pages: Buffer[] = [];
  const first = spans.starts[0] as number;
  let from = first;
  for (const [at, page] of [...replaced].sort((a, b) => a[0] - b[0])) {
    const start = spans.starts[at] as number;
    if (start > from) pages.push(text.subarray(from, start));
    pages.push(page);
    from = spans.ends[at] as number;
    if (at + 1 < n) {
      pages.push(SEPARATOR);
      from = spans.starts[at + 1] as number;
    }
  }
  const last = spans.ends[n - 1] as number;
  if (last > from) pages.push(text.subarray(from, last));
  const report: Buffer[] = [];
  let size = 0;
  let pagesAt = -1;
  for (const piece of jsonChunksWithWritten(result, { count: n, text: pages })) {
    const bytes = typeof piece === "string" ? Buffer.from(piece) : piece;
    if (pagesAt === -1 && bytes === pages[0]) pagesAt = size;
    report.push(bytes);
    size += bytes.length;
  }
  // Each page moves by where the pages now start and by how much the pages before it grew.
  const starts = new Array<number>(n);
  const ends = new Array<number>(n);
  let shift = pagesAt - first;
  for (let at = 0; at < n; at++) {
    const start = spans.starts[at] as number;
    const end = spans.ends[at] as number;
    starts[at] = start + shift;
    const page = replaced.get(at);
    if (page) shift += page.length - (end - start);
    ends[at] = end + shift;
  }
  return { report, spans: { starts, ends } };
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
