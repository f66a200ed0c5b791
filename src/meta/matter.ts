// Front matter blocks parsed as data, never run: YAML with the `yaml` package's failsafe schema
// (every scalar stays the string the page wrote, so a hash like 1234e56 is never a number and
// nothing is a date), TOML with smol-toml. The block itself is found by frontmatter.ts; a block
// marked as another language (`---js`) is refused there, before any parser sees it.

import { createRequire } from "node:module";
import type * as smolToml from "smol-toml";
import type * as yamlLib from "yaml";
import { parseSimpleYaml } from "./simple-yaml.js";
import { pageText } from "./warning.js";

// Loaded on first use: most pages (all of them on sites that keep the commit in a shortcode, and
// the simple YAML most others write; see simple-yaml.ts) never need them.
const require = createRequire(import.meta.url);
let loaded: { yaml: typeof yamlLib; toml: typeof smolToml } | null = null;

function libs() {
  loaded ??= { yaml: require("yaml"), toml: require("smol-toml") };
  return loaded;
}

export type FrontMatterFormat = "yaml" | "toml";

export type ParsedBlock = { ok: true; data: unknown } | { ok: false; reason: string };

/** Aliases a document may expand: a "billion laughs" block is refused, not expanded. */
const MAX_ALIASES = 100;

/** The block's text between its delimiter lines (the opening line may name a language). */
function inner(block: string): string {
  const open = block.indexOf("\n");
  if (open === -1) return "";
  const close = block.lastIndexOf("\n", block.length - 4);
  const text = close > open ? block.slice(open + 1, close) : "";
  // With CRLF line endings the last line's "\r" is before the closing line's "\n".
  return text.endsWith("\r") ? text.slice(0, -1) : text;
}

/** A YAML block's data, read by the full parser (the simple reader's reference). */
export function parseYaml(source: string): unknown {
  const { yaml } = libs();
  const doc = yaml.parseDocument(source, {
    schema: "failsafe",
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
    // The library's own warnings (a key that is a collection, stringified by toJS) would go to
    // stderr through process.emitWarning, quoting the page's text outside any output of ours.
    logLevel: "error",
  });
  // A warning (an unknown tag, say) means the page is not read as written: refused too.
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) throw problem;
  return doc.toJS({ maxAliasCount: MAX_ALIASES }) ?? {};
}

/** The 1-based line of `offset` in `text`. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

function describe(
  error: unknown,
  format: FrontMatterFormat,
  firstLine: number,
  source: string,
): string {
  const label = format === "yaml" ? "YAML" : "TOML";
  const { yaml, toml } = libs();
  // `source` starts on the line after the opening delimiter (`firstLine`).
  if (error instanceof yaml.YAMLError) {
    const at = Array.isArray(error.pos) ? `line ${firstLine + lineAt(source, error.pos[0])}: ` : "";
    const message = (error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
    return `not valid ${label} (${at}${pageText(message, 80)})`;
  }
  if (error instanceof toml.TomlError) {
    const message = (error.message.split("\n")[0] ?? "").replace(/^Invalid TOML document: /, "");
    return `not valid ${label} (line ${firstLine + error.line}: ${pageText(message, 80)})`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `unreadable (${pageText(message.split("\n")[0] ?? "", 80)})`;
}

/**
 * Parses a front matter block (opening delimiter through closing delimiter): simple YAML
 * directly (see simple-yaml.ts), anything else with the YAML or TOML parser.
 * `firstLine` is the file line of the opening delimiter, for error positions.
 */
export function parseBlock(block: string, format: FrontMatterFormat, firstLine = 1): ParsedBlock {
  const source = inner(block);
  if (format === "yaml") {
    const data = parseSimpleYaml(`\n${source}`);
    if (data !== null) return { ok: true, data };
  }
  try {
    const data =
      format === "yaml"
        ? parseYaml(source)
        : libs().toml.parse(source, { unsafeKeyBehaviour: "drop" });
    return { ok: true, data };
  } catch (error) {
    return { ok: false, reason: describe(error, format, firstLine, source) };
  }
}
