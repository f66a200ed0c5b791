// Metadata kept in front matter: MDN's `l10n.sourceCommit`, OpenTelemetry's and Helm's
// `default_lang_commit`. Only the delimiters are found here; matter.ts does the parsing.

import { isUtf8 } from "node:buffer";
import type { PageMeta } from "../core/types.js";
import { type FrontMatterFormat, parseBlock } from "./matter.js";
import { pageText } from "./warning.js";

export interface FrontMatter {
  meta: PageMeta | null;
  /** Offset where the body starts: after the closing delimiter, or 0 without front matter. */
  bodyStart: number;
  warnings: string[];
}

const READABLE: Record<FrontMatterFormat, readonly string[]> = {
  yaml: ["", "yaml", "yml"],
  toml: ["", "toml"],
};

const METADATA_KEYS = [
  "sourceCommit",
  "default_lang_commit",
  "last_translation_time",
  "last_tranlation_time",
];

const EXECUTABLE = new Set(["js", "javascript", "coffee", "coffeescript", "cson"]);

type Data = Record<string, unknown>;

function isData(value: unknown): value is Data {
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

interface KeySpot {
  line: number;
  /** Text after the key's ":" or "=", up to a comment, comma or brace: how a value was written. */
  written: string;
}

/** Where `key` is written as a key between `from` and `to`: best effort, first match wins. */
function findKey(text: string, from: number, to: number, key: string): KeySpot | null {
  for (let i = text.indexOf(key, from); i !== -1 && i < to; i = text.indexOf(key, i + 1)) {
    if (!/[\s{,."']/.test(text.charAt(i - 1))) continue;
    let k = i + key.length;
    if (text[k] === '"' || text[k] === "'") k++;
    while (text[k] === " " || text[k] === "\t") k++;
    if (text[k] !== ":" && text[k] !== "=") continue;
    const lineEnd = text.indexOf("\n", k);
    const rest = text.slice(k + 1, lineEnd === -1 || lineEnd > to ? to : lineEnd);
    const written = (rest.split(/[#,}\]]/)[0] ?? "").trim();
    return { line: 1 + countLines(text, 0, i), written };
  }
  return null;
}

interface Value {
  text: string | null;
  /** The value is a table, list or other type that no page should use here. */
  odd: boolean;
}

/** A front matter value as the page wrote it. TOML numbers and dates are read back from the text. */
function asWritten(value: unknown, spot: KeySpot | null): Value {
  if (value === undefined) return { text: null, odd: false };
  if (value === null) return { text: "", odd: false };
  if (typeof value === "string") return { text: value.trim(), odd: false };
  if (typeof value === "object" && !(value instanceof Date)) return { text: "", odd: true };
  const written = spot?.written ?? "";
  return { text: written === "" ? String(value) : written, odd: true };
}

function locateKey(text: string, start: number, end: number): (key: string) => KeySpot | null {
  return (key) => findKey(text, start, end, key);
}

function metaFrom(data: Data, find: (key: string) => KeySpot | null, warnings: string[]) {
  const l10n = own(data, "l10n");
  const fromMdn = isData(l10n) ? own(l10n, "sourceCommit") : undefined;
  const fromDefault = own(data, "default_lang_commit");
  if (fromMdn === undefined && fromDefault === undefined) return null;
  if (fromMdn !== undefined && fromDefault !== undefined) {
    warnings.push(
      'front matter has both "l10n.sourceCommit" and "default_lang_commit"; using "l10n.sourceCommit"',
    );
  }
  const key = fromMdn !== undefined ? "sourceCommit" : "default_lang_commit";
  const spot = find(key);
  const commit = asWritten(fromMdn !== undefined ? fromMdn : fromDefault, spot);
  if (commit.odd) warnings.push(`front matter "${key}" is not a string`);

  let timeKey = "last_translation_time";
  if (own(data, timeKey) === undefined && own(data, "last_tranlation_time") !== undefined) {
    timeKey = "last_tranlation_time";
    warnings.push(
      'metadata uses the misspelled key "last_tranlation_time"; Hugo templates read "last_translation_time"',
    );
  }
  const time = asWritten(own(data, timeKey), find(timeKey));
  const title = own(data, "title");
  const meta: PageMeta = {
    kind: "front-matter",
    rawCommit: commit.text ?? "",
    rawTitle: typeof title === "string" ? title.trim() : null,
    rawLink: null,
    lastTranslationTime: time.odd && time.text === "" ? null : time.text,
    line: spot?.line ?? 1,
  };
  return meta;
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
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const delimiter = text.slice(start, start + 3);
  const format: FrontMatterFormat | null =
    delimiter === "---" ? "yaml" : delimiter === "+++" ? "toml" : null;
  // gray-matter and Hugo both ignore a longer run such as "----" (a Markdown rule).
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
 * readFrontMatter for a page given byte for byte as Latin-1 (as the scan reads it), or null when
 * the page needs the ordinary path: front matter that is unclosed, of a kind not read, with a
 * non-ASCII byte on its opening line, or not valid UTF-8. Front matter that holds one of the
 * keys is decoded on its own: it is the start of the decoded page, so it reads the same.
 */
export function readFrontMatterLatin1(latin1: string): FrontMatter | null {
  const found = locate(latin1);
  if (found.kind === "none") return { meta: null, bodyStart: 0, warnings: [] };
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
  if (found.kind === "none") return { meta: null, bodyStart: 0, warnings: [] };
  if (found.kind === "unclosed") {
    return {
      meta: null,
      bodyStart: 0,
      warnings: [`front matter opened with "${found.delimiter}" on line 1 is never closed`],
    };
  }
  const { format, start, close, openLineEnd, bodyStart, language } = found;
  if (!READABLE[format].includes(language)) {
    const why = EXECUTABLE.has(language) ? "executable front matter is refused" : "not supported";
    return {
      meta: null,
      bodyStart,
      warnings: [`front matter marked "${pageText(language, 40)}" is not read: ${why}`],
    };
  }
  const block = text.slice(start, bodyStart);
  // Most front matter holds only titles and menus: without one of the keys this tool reads
  // there is nothing to find, and skipping the parse makes a 10,000-page scan much faster.
  if (!METADATA_KEYS.some((key) => block.includes(key)))
    return { meta: null, bodyStart, warnings: [] };
  const parsed = parseBlock(block, format, 1);
  if (!parsed.ok) {
    return { meta: null, bodyStart, warnings: [`front matter is ${parsed.reason}; it is ignored`] };
  }
  if (!isData(parsed.data)) return { meta: null, bodyStart, warnings: [] };
  const warnings: string[] = [];
  const meta = metaFrom(parsed.data, locateKey(text, openLineEnd, close), warnings);
  return { meta, bodyStart, warnings };
}
