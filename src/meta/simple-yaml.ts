// Front matter in the shape nearly every docs site writes: `key: value` lines, and one level of
// nesting such as MDN's `l10n:` / `  sourceCommit: …`. Loading a YAML parser and running it on
// every page cost more than the rest of reading a page; this reads that shape directly, and
// gives up (null) on anything else, which then goes to the parser (meta/matter.ts). What it
// accepts, it reads exactly as the parser's failsafe schema does: test/meta/simple-yaml.test.ts
// holds the two to the same answers on generated documents.

type Data = Record<string, unknown>;

/** A key the parser reads as this same plain string. */
const KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** Characters YAML refuses anywhere (its non-printable set) or treats as line ends in
 * some contexts, plus tabs and byte order marks, whose rules are not worth following here. */
const AVOID =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\x00-\x08\x0B-\x1F\x7F-\x9F\uFEFF\uFFFE\uFFFF\u2028\u2029\t]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
/** A plain scalar may not start with one of YAML's indicators (some may, in some contexts;
 * those are left to the parser). */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;

/**
 * The mapping in `source` (the text between the front matter delimiters), or null when the
 * text is not in the simple shape. Scalars stay the strings written, as in the failsafe schema;
 * an empty value is the empty string.
 */
export function parseSimpleYaml(source: string): Data | null {
  if (AVOID.test(source)) return null;
  const data: Data = Object.create(null);
  // The mapping that indented lines belong to, and their indentation once the first is seen.
  let nested: { data: Data; key: string; indent: number } | null = null;
  // The last top-level key with an empty value: indented lines after it make it a mapping.
  let open: string | null = null;
  for (const line of source.split("\n")) {
    // YAML indents and separates with spaces only (tabs were refused above).
    const indent = spacesAt(line, 0);
    const body = line.slice(indent);
    if (body === "" || body.startsWith("#")) continue;
    const entry = keyValue(body);
    if (entry === null) return null;
    if (indent === 0) {
      if (Object.hasOwn(data, entry.key)) return null;
      // An empty value is the empty string, as the failsafe schema reads it, until indented
      // lines make it a mapping.
      data[entry.key] = entry.value ?? "";
      open = entry.value === null ? entry.key : null;
      nested = null;
      continue;
    }
    if (nested === null) {
      if (open === null) return null;
      nested = { data: Object.create(null), key: open, indent };
      data[open] = nested.data;
      open = null;
    }
    // One level only, at one indentation.
    if (indent !== nested.indent || Object.hasOwn(nested.data, entry.key)) return null;
    nested.data[entry.key] = entry.value ?? "";
  }
  return data;
}

/** `key: value`, `key:`, with a plain, single- or double-quoted one-line value. */
function keyValue(body: string): { key: string; value: string | null } | null {
  const colon = body.indexOf(":");
  if (colon <= 0) return null;
  const key = body.slice(0, colon);
  if (!KEY.test(key)) return null;
  const rest = body.slice(colon + 1);
  if (rest !== "" && !rest.startsWith(" ")) return null;
  const written = rest.slice(spacesAt(rest, 0), rest.length - trailingSpaces(rest));
  if (written === "") return { key, value: null };
  const value = scalar(written);
  return value === null ? null : { key, value };
}

function spacesAt(text: string, from: number): number {
  let i = from;
  while (text.charCodeAt(i) === 32) i++;
  return i - from;
}

function trailingSpaces(text: string): number {
  let n = 0;
  while (n < text.length && text.charCodeAt(text.length - 1 - n) === 32) n++;
  return n;
}

function scalar(written: string): string | null {
  const quote = written.charAt(0);
  if (quote === '"' || quote === "'") {
    // One quoted string and nothing after it; no escapes (a backslash in double quotes, a
    // doubled quote in single quotes), which the parser would rewrite.
    const end = written.indexOf(quote, 1);
    if (end !== written.length - 1) return null;
    const inner = written.slice(1, end);
    return quote === '"' && inner.includes("\\") ? null : inner;
  }
  // ": " would start a mapping and " #" a comment; a trailing ":" is a mapping key too.
  if (INDICATOR.test(written) || written.includes(": ") || written.includes(" #")) return null;
  if (written.endsWith(":")) return null;
  return written;
}
