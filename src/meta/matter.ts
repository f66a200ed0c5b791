// gray-matter, configured for untrusted pages. Its defaults are unsafe here: it `eval`s ---js
// front matter (version 4 ignores its documented `eval` option), reads YAML with a schema that
// turns hashes like 1234e56 into numbers, and caches every page parsed without options.

import { createRequire } from "node:module";
import type grayMatter from "gray-matter";
import type jsYaml from "js-yaml";
import type * as smolToml from "smol-toml";
import { parseSimpleYaml } from "./simple-yaml.js";
import { pageText } from "./warning.js";

// Loaded on first use: together they take longer to load than the rest of the scan's code,
// and most pages (all of them on sites that keep the commit in a shortcode) never need them.
const require = createRequire(import.meta.url);
let loaded: { matter: typeof grayMatter; yaml: typeof jsYaml; toml: typeof smolToml } | null = null;

function libs() {
  loaded ??= {
    matter: require("gray-matter"),
    yaml: require("js-yaml"),
    toml: require("smol-toml"),
  };
  return loaded;
}

export type FrontMatterFormat = "yaml" | "toml";

export type ParsedBlock = { ok: true; data: unknown } | { ok: false; reason: string };

function refuse(): never {
  throw new Error("executable front matter is refused");
}

// gray-matter cuts the block at "\n---", so with CRLF line endings the text it hands on ends in
// the "\r" of the last line; TOML refuses a lone "\r". Every reader gets the same text for LF,
// CRLF and a byte order mark.
function withoutCutLineEnd(source: string): string {
  return source.endsWith("\r") ? source.slice(0, -1) : source;
}

function parseYaml(source: string): object {
  // FAILSAFE: every scalar stays the string the page wrote; no numbers, dates or booleans.
  const { yaml } = libs();
  return yaml.load(withoutCutLineEnd(source), { schema: yaml.FAILSAFE_SCHEMA }) as object;
}

function parseTomlBlock(source: string): object {
  return libs().toml.parse(withoutCutLineEnd(source), { unsafeKeyBehaviour: "drop" });
}

/** Options for every gray-matter call: never undefined, so gray-matter's global cache stays empty. */
export function matterOptions(format: FrontMatterFormat) {
  return {
    language: format,
    delimiters: format === "yaml" ? "---" : "+++",
    excerpt: false,
    engines: {
      yaml: parseYaml,
      toml: parseTomlBlock,
      javascript: refuse,
      js: refuse,
      coffee: refuse,
      coffeescript: refuse,
      cson: refuse,
    },
  } as const;
}

// Before parsing, gray-matter strips comments with /^\s*#[^\n]+/gm, which retries every line
// start inside a run of blank lines: a few thousand blank lines cost seconds. This is that cost.
function commentStripCost(source: string): number {
  let cost = 0;
  let i = 0;
  while (i < source.length) {
    if (!isRegExpSpace(source.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let lineStarts = 1;
    for (; i < source.length && isRegExpSpace(source.charCodeAt(i)); i++) {
      const c = source.charCodeAt(i);
      if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) lineStarts++;
    }
    cost += lineStarts * (i - start);
  }
  return cost;
}

/** What /\s/ matches (ECMAScript WhiteSpace and LineTerminator), without a regex per character. */
export function isRegExpSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** About 10 ms of gray-matter's comment stripping; real front matter is orders of magnitude below. */
export const MAX_COMMENT_STRIP_COST = 20_000_000;

function describe(error: unknown, format: FrontMatterFormat, firstLine: number): string {
  const label = format === "yaml" ? "YAML" : "TOML";
  const { yaml, toml } = libs();
  if (error instanceof yaml.YAMLException) {
    const e = error as jsYaml.YAMLException & { reason?: string; mark?: { line?: number } };
    const at = typeof e.mark?.line === "number" ? `line ${firstLine + e.mark.line}: ` : "";
    return `not valid ${label} (${at}${pageText(e.reason ?? "parse error", 80)})`;
  }
  if (error instanceof toml.TomlError) {
    const message = (error.message.split("\n")[0] ?? "").replace(/^Invalid TOML document: /, "");
    return `not valid ${label} (line ${firstLine - 1 + error.line}: ${pageText(message, 80)})`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `unreadable (${pageText(message.split("\n")[0] ?? "", 80)})`;
}

/** What gray-matter hands its YAML engine: the text after the opening delimiter and its
 * language name, if any, up to the closing delimiter. */
function yamlSource(block: string): string {
  let text = block.slice(3);
  const language = text.slice(0, text.search(/\r?\n/));
  if (language.trim() !== "") text = text.slice(language.length);
  const close = text.indexOf("\n---");
  return close === -1 ? text : text.slice(0, close);
}

/**
 * Parses a front matter block (opening delimiter through closing delimiter): simple YAML
 * directly (see simple-yaml.ts), anything else with gray-matter.
 * `firstLine` is the file line of the opening delimiter, for error positions.
 */
export function parseBlock(block: string, format: FrontMatterFormat, firstLine = 1): ParsedBlock {
  if (commentStripCost(block) > MAX_COMMENT_STRIP_COST) {
    return { ok: false, reason: "too large to parse safely (too many blank lines in a row)" };
  }
  if (format === "yaml") {
    const data = parseSimpleYaml(yamlSource(block));
    if (data !== null) return { ok: true, data };
  }
  try {
    return { ok: true, data: libs().matter(block, matterOptions(format)).data };
  } catch (error) {
    return { ok: false, reason: describe(error, format, firstLine) };
  }
}
