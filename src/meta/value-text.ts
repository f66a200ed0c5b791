// How a value is written where a writer puts it: the one place that knows how each syntax
// quotes. stamp, stamp --init and lint --fix all write through here, so what they write reads
// back as the value meant (to this tool's readers and to Hugo) or is not written at all.

/** Where a value goes: YAML or TOML front matter, or a shortcode's parameter. */
export type ValueSyntax = "yaml" | "toml" | "shortcode";
/** The quote a value is written in; "" for a bare value. */
export type Quote = '"' | "'" | "`" | "";

/** Line breaks and other controls: no writer here writes a value on more than one line. */
const CONTROL = /\p{Cc}/u;

/**
 * What reads as `value` at a place of `syntax` written in `quote`: the text between the quotes,
 * which stay; for a bare place, the value itself, or in quotes where the syntax would read it
 * bare as something else (a number, a date, a boolean) or could not hold it. Null when it cannot
 * be written there.
 */
export function valueText(syntax: ValueSyntax, quote: Quote, value: string): string | null {
  if (CONTROL.test(value)) return null;
  if (syntax === "shortcode") return shortcodeText(quote, value);
  if (quote === "`") return null;
  if (quote === '"') return value.replaceAll("\\", "\\\\").replaceAll('"', '\\"');
  if (quote === "'") {
    // YAML writes a single quote inside single quotes as two; a TOML literal string holds none.
    if (syntax === "yaml") return value.replaceAll("'", "''");
    return value.includes("'") ? null : value;
  }
  const bare = syntax === "yaml" ? yamlPlain(value) : TOML_DATE.test(value);
  return bare ? value : `"${valueText(syntax, '"', value)}"`;
}

/** A TOML local date, which TOML reads bare (as a date, the type a date key already has). */
const TOML_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether YAML reads `value` written bare as that string: no indicator, and nothing YAML 1.1 or
 * 1.2 (Hugo's readers) takes for a number, a boolean or null (`0123456` is a number there, and
 * so is `1234e56`, an abbreviated hash).
 */
function yamlPlain(value: string): boolean {
  if (!/^[A-Za-z0-9_][A-Za-z0-9_./+-]*$/.test(value)) return false;
  if (/^[-+]?(\.[0-9_]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$/.test(value)) return false;
  if (/^0[xob]/i.test(value)) return false;
  return !/^(y|yes|n|no|true|false|on|off|null|~)$/i.test(value);
}

/**
 * A shortcode's parameter. Inside `"` or `'` only a backslash before that quote escapes it
 * (Hugo's reading and this tool's), so a value with a backslash before a quote, or at its end,
 * cannot be written in them; Hugo refuses a backslash before a backquote. A backquoted value is
 * read as it is, and can hold no backquote.
 */
function shortcodeText(quote: Quote, value: string): string | null {
  if (quote === "`") return value.includes("`") ? null : value;
  if (quote === '"' || quote === "'") {
    if (value.endsWith("\\") || value.includes(`\\${quote}`) || value.includes("\\`")) return null;
    return value.replaceAll(quote, `\\${quote}`);
  }
  if (/^[^\s"'`{}<>=\\]+$/.test(value)) return value;
  return quotedShortcodeValue(value);
}

/**
 * A shortcode's parameter in quotes of the writer's choosing: double quotes, or backquotes for a
 * value that has a double quote or backslash (Hugo reads those as written); null when neither
 * can hold it.
 */
export function quotedShortcodeValue(value: string): string | null {
  if (CONTROL.test(value)) return null;
  if (!/["\\]/.test(value)) return `"${value}"`;
  if (!value.includes("`")) return `\`${value}\``;
  const escaped = shortcodeText('"', value);
  return escaped === null ? null : `"${escaped}"`;
}

/**
 * What to write over a shortcode value the page writes at [start, end) (inside its quotes, if
 * any) so that it reads `value`, in the quotes it already has; null when it cannot be.
 */
export function shortcodeValueAt(
  page: string,
  span: { start: number; end: number },
  value: string,
): string | null {
  const before = page.charAt(span.start - 1);
  const quoted =
    (before === '"' || before === "'" || before === "`") && page.charAt(span.end) === before;
  return valueText("shortcode", quoted ? (before as Quote) : "", value);
}
