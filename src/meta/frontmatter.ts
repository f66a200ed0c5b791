// Metadata kept in front matter: MDN's `l10n.sourceCommit`, OpenTelemetry's and Helm's
// `default_lang_commit`. Only the delimiters are found here; matter.ts does the parsing.

import { isUtf8 } from "node:buffer";
import type { PageMeta } from "../core/types.js";
import {
  confirmSpan,
  type KeySpot,
  keySpots,
  MAX_SPOTS,
  type Span,
  scalarText,
  valueAt,
} from "./key-spans.js";
import {
  COMMIT_KEY,
  DRIFT_KEY,
  MDN_COMMIT_KEY,
  MDN_TABLE,
  MISSPELLED_TIME_KEY,
  TIME_KEY,
  TIME_KEYS,
} from "./keys.js";
import { type FrontMatterFormat, parseBlock } from "./matter.js";
import { pageText } from "./warning.js";

export interface FrontMatter {
  meta: PageMeta | null;
  /** Offset where the body starts: after the closing delimiter, or 0 without front matter. */
  bodyStart: number;
  warnings: string[];
  /** Why front matter holding metadata keys could not be read (also among the warnings). */
  invalid?: string;
}

const READABLE: Record<FrontMatterFormat, readonly string[]> = {
  yaml: ["", "yaml", "yml"],
  toml: ["", "toml"],
};

const METADATA_KEYS = [MDN_COMMIT_KEY, COMMIT_KEY, ...TIME_KEYS];

const EXECUTABLE = new Set(["js", "javascript", "coffee", "coffeescript", "cson"]);

type Data = Record<string, unknown>;

/** Parsed front matter that holds keys (not a list or a single value). */
export function isData(value: unknown): value is Data {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function own(data: Data, key: string): unknown {
  return Object.hasOwn(data, key) ? data[key] : undefined;
}

function countLines(text: string, from: number, to: number): number {
  let lines = 0;
  for (let i = text.indexOf("\n", from); i !== -1 && i < to; i = text.indexOf("\n", i + 1)) {
    lines++;
  }
  return lines;
}

interface Value {
  text: string | null;
  /** The value is a table, list or other type that no page should use here. */
  odd: boolean;
}

/** The block's text and how to read it: what the scan parsed, and what writers check against. */
interface Block {
  text: string;
  /** Offset of `text` in the page. */
  offset: number;
  format: FrontMatterFormat;
  /** Where keys may be written: after the opening line, before the closing delimiter. */
  keysFrom: number;
  keysTo: number;
}

function parseData(block: Block) {
  return (text: string): unknown => {
    const parsed = parseBlock(text, block.format, 1);
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.data;
  };
}

/**
 * Where the value read at `path` is written, in page offsets. With one candidate whose text is
 * the value read, that is it; otherwise (or when `confirm` is set, as for any write) the
 * parser decides which candidate it read, and null means none or several.
 */
function spotOf(
  page: string,
  block: Block,
  data: unknown,
  path: readonly string[],
  confirm: boolean,
): KeySpot | null {
  const key = path[path.length - 1] as string;
  const read = scalarText(valueAt(data, path));
  const reads = (s: KeySpot) => {
    const written = page.slice(s.value.start, s.value.end);
    return read !== null && (written === read || written.trim() === read.trim());
  };
  const spots = keySpots(page, block.keysFrom, block.keysTo, key, confirm ? MAX_SPOTS : Infinity);
  if (!confirm) {
    const matching = spots.filter(reads);
    if (matching.length === 1) return matching[0] as KeySpot;
    if (spots.length > MAX_SPOTS) return matching[0] ?? spots[0] ?? null;
  }
  // Too many look-alikes to ask the parser about each: a writer refuses.
  if (spots.length > MAX_SPOTS) return null;
  const by = (span: Span, d: number) => ({ start: span.start + d, end: span.end + d });
  const shifted = spots.map((s) => ({
    ...s,
    keyAt: s.keyAt - block.offset,
    value: by(s.value, -block.offset),
    writtenEnd: s.writtenEnd - block.offset,
    ...(s.withProperties ? { withProperties: by(s.withProperties, -block.offset) } : {}),
  }));
  const date = key !== MDN_COMMIT_KEY && key !== COMMIT_KEY;
  const found = confirmSpan(block.text, shifted, path, parseData(block), data, {
    date,
    syntax: block.format,
  });
  if (!found) return null;
  return {
    ...found,
    keyAt: found.keyAt + block.offset,
    value: by(found.value, block.offset),
    writtenEnd: found.writtenEnd + block.offset,
  };
}

/** A front matter value as the page wrote it. TOML numbers and dates are read back from the text. */
function asWritten(value: unknown, written: string | null): Value {
  if (value === undefined) return { text: null, odd: false };
  if (value === null) return { text: "", odd: false };
  if (typeof value === "string") return { text: value.trim(), odd: false };
  if (typeof value === "object" && !(value instanceof Date)) return { text: "", odd: true };
  const text = written?.trim() ?? "";
  return { text: text === "" ? String(value) : text, odd: true };
}

/** Which keys hold the metadata in parsed front matter, or null when none does. */
interface Keys {
  commit: readonly string[];
  /** The date key the page is read from, if any. */
  time: readonly string[] | null;
  /** Every date key present at the top level (a writer updates each). */
  times: ReadonlyArray<readonly string[]>;
}

const MDN_COMMIT = [MDN_TABLE, MDN_COMMIT_KEY] as const;
const DEFAULT_COMMIT = [COMMIT_KEY] as const;
const TIME = [TIME_KEY] as const;
const MISSPELLED_TIME = [MISSPELLED_TIME_KEY] as const;

function keysOf(data: Data): Keys | null {
  const l10n = own(data, MDN_TABLE);
  const fromMdn = isData(l10n) ? own(l10n, MDN_COMMIT_KEY) : undefined;
  if (fromMdn === undefined && own(data, COMMIT_KEY) === undefined) return null;
  const times = [TIME, MISSPELLED_TIME].filter((k) => own(data, k[0]) !== undefined);
  return {
    commit: fromMdn !== undefined ? MDN_COMMIT : DEFAULT_COMMIT,
    time: times[0] ?? null,
    times,
  };
}

function metaFrom(page: string, block: Block, data: Data, warnings: string[]) {
  const keys = keysOf(data);
  if (!keys) return null;
  if (keys.commit === MDN_COMMIT && own(data, "default_lang_commit") !== undefined) {
    warnings.push(
      'front matter has both "l10n.sourceCommit" and "default_lang_commit"; using "l10n.sourceCommit"',
    );
  }
  const key = keys.commit[keys.commit.length - 1] as string;
  const commitValue = valueAt(data, keys.commit);
  const simple = typeof commitValue === "string" || commitValue === null;
  // The line is needed for every page; the parser is asked only when the text is ambiguous.
  const spot = spotOf(page, block, data, keys.commit, false);
  const written = (s: KeySpot | null) => (s ? page.slice(s.value.start, s.value.end) : null);
  const commit = asWritten(commitValue, simple ? null : written(spot));
  if (commit.odd) warnings.push(`front matter "${key}" is not a string`);

  const timeValue = keys.time ? valueAt(data, keys.time) : undefined;
  const timeSpot =
    keys.time && typeof timeValue !== "string" && timeValue !== null && timeValue !== undefined
      ? spotOf(page, block, data, keys.time, false)
      : null;
  const time = asWritten(timeValue, written(timeSpot));
  const title = own(data, "title");
  const meta: PageMeta = {
    kind: "front-matter",
    rawCommit: commit.text ?? "",
    // `title:` with nothing after it is no title (the YAML parser reads it as "").
    rawTitle: typeof title === "string" && title.trim() !== "" ? title.trim() : null,
    rawLink: null,
    lastTranslationTime: time.odd && time.text === "" ? null : time.text,
    line: spot ? 1 + countLines(page, 0, spot.keyAt) : 1,
  };
  const drifted = own(data, DRIFT_KEY);
  if (typeof drifted === "string" || typeof drifted === "boolean") meta.drifted = String(drifted);
  return meta;
}

/** Where a writer edits front matter metadata: spans the parser confirmed, in page offsets. */
export interface FrontMatterPlaces {
  format: FrontMatterFormat;
  /** Where keys are written: after the opening line, before the closing delimiter. */
  keys: { from: number; to: number };
  commit: { path: readonly string[]; spot: KeySpot };
  dates: Array<{ path: readonly string[]; spot: KeySpot }>;
  /** The parsed front matter before any edit. */
  data: unknown;
}

/**
 * The confirmed places of the commit and every date key in the page's front matter; an error
 * when the parser's values cannot each be tied to exactly one place in the text.
 */
export function frontMatterPlaces(page: string): FrontMatterPlaces | { error: string } {
  const block = blockOf(page);
  if (!block) return { error: "the page has no readable front matter" };
  const parsed = parseBlock(block.text, block.format, 1);
  if (!parsed.ok || !isData(parsed.data))
    return { error: "the page's front matter is not readable" };
  const keys = keysOf(parsed.data);
  if (!keys) return { error: "the page's front matter records no English commit" };
  const where = (path: readonly string[]) => {
    const spot = spotOf(page, block, parsed.data, path, true);
    return spot ? { path, spot } : null;
  };
  const commit = where(keys.commit);
  if (!commit) {
    return { error: `could not tell where the front matter writes "${keys.commit.join(".")}"` };
  }
  const dates = [];
  for (const path of keys.times) {
    const found = where(path);
    if (!found) return { error: `could not tell where the front matter writes "${path[0]}"` };
    dates.push(found);
  }
  return {
    format: block.format,
    keys: { from: block.keysFrom, to: block.keysTo },
    commit,
    dates,
    data: parsed.data,
  };
}

/** Where a writer adds keys to a page's front matter: the start of its closing delimiter's
 * line, with the block's format and line ending; null when the page has none; an error when
 * it has one no writer should touch. */
export function frontMatterEnd(
  page: string,
):
  | { format: FrontMatterFormat; at: number; eol: string; data: unknown }
  | null
  | { error: string } {
  const found = locate(page);
  if (found.kind === "none") return null;
  if (found.kind === "unclosed") return { error: "the page's front matter is never closed" };
  if (!READABLE[found.format].includes(found.language)) {
    return { error: "the page's front matter is of a kind this tool does not write" };
  }
  const parsed = parseBlock(page.slice(found.start, found.bodyStart), found.format, 1);
  if (!parsed.ok) return { error: `the page's front matter is ${parsed.reason}` };
  const eol = page.charAt(found.close - 1) === "\r" ? "\r\n" : "\n";
  return { format: found.format, at: found.close + 1, eol, data: parsed.data };
}

/** The parsed front matter of a page, or null: what a writer compares before and after. */
export function frontMatterData(page: string): unknown {
  const block = blockOf(page);
  if (!block) return null;
  const parsed = parseBlock(block.text, block.format, 1);
  return parsed.ok ? parsed.data : null;
}

function blockOf(page: string): Block | null {
  const found = locate(page);
  if (found.kind !== "block" || !READABLE[found.format].includes(found.language)) return null;
  return blockAt(page, found);
}

/** The block `locate` found, with where its keys may be written. */
function blockAt(page: string, found: Extract<Located, { kind: "block" }>): Block {
  return {
    text: page.slice(found.start, found.bodyStart),
    offset: found.start,
    format: found.format,
    keysFrom: found.openLineEnd,
    keysTo: found.close,
  };
}

/** Any character outside ASCII: in a Latin-1 copy of UTF-8 bytes, any byte of a multi-byte
 * character or an invalid one. */
export const NON_ASCII = /[\u0080-\uffff]/;

type Located =
  | { kind: "none" }
  | { kind: "unclosed"; delimiter: string }
  | {
      kind: "block";
      format: FrontMatterFormat;
      start: number;
      close: number;
      openLineEnd: number;
      bodyStart: number;
      language: string;
    };

/** Finds the front matter block's delimiters; only ASCII characters decide anything here. */
function locate(text: string): Located {
  const start = bomLength(text);
  const delimiter = text.slice(start, start + 3);
  const format: FrontMatterFormat | null =
    delimiter === "---" ? "yaml" : delimiter === "+++" ? "toml" : null;
  // Hugo ignores a longer run such as "----" (a Markdown rule), as other front matter readers do.
  if (format === null || text.charAt(start + 3) === delimiter.charAt(0)) return { kind: "none" };
  const close = text.indexOf(`\n${delimiter}`, start + 3);
  if (close === -1) return { kind: "unclosed", delimiter };
  const openLineEnd = text.indexOf("\n", start + 3);
  const language = text
    .slice(start + 3, openLineEnd)
    .trim()
    .toLowerCase();
  return { kind: "block", format, start, close, openLineEnd, bodyStart: close + 4, language };
}

/**
 * Why front matter cannot be added at the top of a page that `locate` finds none in, or null:
 * the page opens with front matter of a kind Hugo reads and this tool does not (JSON, Org
 * mode), or with a block after blank space. A block put in front of it would turn it into text.
 */
export function unreadFrontMatter(text: string): string | null {
  return unreadOpening(text)?.why ?? null;
}

/** Characters a page that `unreadOpening` may refuse starts with (after a byte order mark). */
const UNREAD_OPENING = /^[ \t\r\n{#]/;

/**
 * unreadFrontMatter's answer, with where the keys of that front matter are written (to the
 * line that closes it, or the page's end): a commit key written there is plainly one Hugo
 * reads, and this tool cannot.
 */
function unreadOpening(text: string): { why: string; from: number; to: number } | null {
  const start = bomLength(text);
  if (!UNREAD_OPENING.test(text.slice(start, start + 1))) return null;
  // Hugo skips spaces, tabs and line breaks before front matter.
  const first = /[^ \t\r\n]/.exec(text.slice(start, start + 4096));
  if (!first) return null;
  const from = start + first.index;
  const opening = text.slice(from, from + 256);
  const until = (closing: string, after: number) => {
    const at = text.indexOf(closing, after);
    return at === -1 ? text.length : at;
  };
  // A JSON object's first key is quoted; "{{" (a shortcode), "{/*" (an MDX comment) and "{%"
  // are not front matter.
  if (/^\{[ \t\r\n]*["}]/.test(opening)) {
    return {
      why: "the page has JSON front matter, which this tool neither reads nor writes: convert it to YAML (---) or TOML (+++) first",
      from,
      to: until("\n}", from),
    };
  }
  if (opening.startsWith("#+")) {
    // Org mode writes `#+key: value`, which no commit key is looked for as.
    return {
      why: "the page has Org mode front matter, which this tool neither reads nor writes: convert it to YAML (---) or TOML (+++) first",
      from,
      to: from,
    };
  }
  if (from > start && /^(?:---(?!-)|\+\+\+(?!\+))/.test(opening)) {
    return {
      why: "the page's front matter does not start on its first line: remove what comes before it first",
      from: from + 3,
      to: until(`\n${opening.slice(0, 3)}`, from + 3),
    };
  }
  return null;
}

/**
 * readFrontMatter for a page given byte for byte as Latin-1 (as the scan reads it), or null when
 * the page needs the ordinary path: front matter that is unclosed, of a kind not read, with a
 * non-ASCII byte on its opening line, or not valid UTF-8. Front matter that holds one of the
 * keys is decoded on its own: it is the start of the decoded page, so it reads the same.
 */
export function readFrontMatterLatin1(latin1: string): FrontMatter | null {
  const found = locate(latin1);
  if (found.kind === "none") return unreadOpening(latin1) ? null : NONE;
  if (found.kind === "unclosed" || !READABLE[found.format].includes(found.language)) return null;
  // trim() would take a Latin-1 no-break space (a byte of some UTF-8 character, or a stray
  // invalid one) for white space: any such byte on the opening line takes the ordinary path.
  if (NON_ASCII.test(latin1.slice(found.start + 3, found.openLineEnd))) return null;
  const block = latin1.slice(found.start, found.bodyStart);
  if (!METADATA_KEYS.some((key) => block.includes(key))) {
    return { meta: null, bodyStart: found.bodyStart, warnings: [] };
  }
  const bytes = Buffer.from(latin1.slice(0, found.bodyStart), "latin1");
  if (!isUtf8(bytes)) return null;
  return { ...readFrontMatter(bytes.toString("utf8")), bodyStart: found.bodyStart };
}

/** Reads the front matter block at the top of a page, if there is one. Never throws. */
export function readFrontMatter(text: string): FrontMatter {
  const found = locate(text);
  if (found.kind === "none") {
    const opening = unreadOpening(text);
    if (!opening) return NONE;
    // Front matter Hugo reads and this tool does not: said only of a page it leaves unknown.
    const meta = unreadable(text, opening.from, opening.to);
    return meta ? { meta, bodyStart: 0, warnings: [opening.why], invalid: opening.why } : NONE;
  }
  if (found.kind === "unclosed") {
    const why = `front matter opened with "${found.delimiter}" on line 1 is never closed`;
    const meta = unreadable(text, 3, text.length);
    return { meta, bodyStart: 0, warnings: [why], ...(meta ? { invalid: why } : {}) };
  }
  const { format, close, openLineEnd, bodyStart, language } = found;
  if (!READABLE[format].includes(language)) {
    const refused = EXECUTABLE.has(language)
      ? "executable front matter is refused"
      : "not supported";
    const why = `front matter marked "${pageText(language, 40)}" is not read: ${refused}`;
    // Never run, nor parsed: a commit key it plainly writes leaves the commit unknown.
    const meta = unreadable(text, openLineEnd, close);
    return { meta, bodyStart, warnings: [why], ...(meta ? { invalid: why } : {}) };
  }
  const block = blockAt(text, found);
  // Most front matter holds only titles and menus: without one of the keys this tool reads
  // there is nothing to find, and skipping the parse makes a 10,000-page scan much faster.
  if (!METADATA_KEYS.some((key) => block.text.includes(key)))
    return { meta: null, bodyStart, warnings: [] };
  const parsed = parseBlock(block.text, format, 1);
  if (!parsed.ok) {
    const meta = unreadable(text, openLineEnd, close);
    const why = `front matter is ${parsed.reason}${meta ? "" : "; it is ignored"}`;
    return { meta, bodyStart, warnings: [why], invalid: why };
  }
  if (!isData(parsed.data)) {
    // A list or a single value (a block scalar) that writes a commit key holds it as text.
    const meta = unreadable(text, openLineEnd, close);
    if (!meta) return { meta: null, bodyStart, warnings: [] };
    const why = "front matter is a list or a single value, not keys and values";
    return { meta, bodyStart, warnings: [why], invalid: why };
  }
  const warnings: string[] = [];
  const meta = metaFrom(text, block, parsed.data, warnings);
  return { meta, bodyStart, warnings };
}

const NONE: FrontMatter = Object.freeze({ meta: null, bodyStart: 0, warnings: [] });

/**
 * Front matter that could not be read but plainly records an English commit: the page is
 * tracked, and its commit unknown (never "untracked", which `check` lets pass by default).
 * The value is the one-line scalar keySpots finds when there is one, else what follows the key
 * on its line, however it is broken (an unclosed quote or bracket).
 */
function unreadable(text: string, from: number, to: number): PageMeta | null {
  const spot = COMMIT_KEYS.flatMap((key) => keySpots(text, from, to, key)).sort(
    (a, b) => a.keyAt - b.keyAt,
  )[0];
  const written = spot
    ? { keyAt: spot.keyAt, value: text.slice(spot.value.start, spot.value.end).trim() }
    : writtenKey(text, from, to);
  if (!written) return null;
  return {
    kind: "front-matter",
    rawCommit: written.value,
    rawTitle: null,
    rawLink: null,
    lastTranslationTime: null,
    line: 1 + countLines(text, 0, written.keyAt),
    unreadable:
      "the English commit in the front matter cannot be read until the front matter is fixed",
  };
}

const COMMIT_KEYS = [MDN_COMMIT_KEY, COMMIT_KEY];

/**
 * A commit key written as a key, quoted or not, whatever its value: at the start of a line
 * (after indentation), in a flow mapping, or as the last part of a dotted TOML key; then ":" or
 * "=", and the rest of the line. A comment (`# default_lang_commit: x`) is not one.
 */
const WRITTEN_KEY = new RegExp(
  `(?:^|[\\n{,.])[ \\t]*(["']?)(${COMMIT_KEYS.join("|")})\\1[ \\t]*[:=]([^\\n]*)`,
  "dg",
);

/** The first place in text[from, to) that writes a commit key, with its value's text without
 * the quotes around it (or the quote that opens it and is never closed). */
function writtenKey(
  text: string,
  from: number,
  to: number,
): { keyAt: number; value: string } | null {
  WRITTEN_KEY.lastIndex = 0;
  const match = WRITTEN_KEY.exec(text.slice(from, to));
  const keyAt = match?.indices?.[2]?.[0];
  if (!match || keyAt === undefined) return null;
  const rest = (match[3] ?? "").trim();
  const quote = rest.charAt(0);
  if (quote !== '"' && quote !== "'") return { keyAt: from + keyAt, value: rest };
  const close = rest.indexOf(quote, 1);
  return {
    keyAt: from + keyAt,
    value: close === -1 ? rest.slice(1).trim() : rest.slice(1, close),
  };
}

/** How long the byte order mark that opens `text` is (0 or 1): it stays first, before anything. */
export function bomLength(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}
