// Sink: the GitHub Actions log, which the runner scans line by line for workflow commands.
// Facts about actions/runner (src/Runner.Common/ActionCommand.cs) that shape this file:
// - `::cmd k=v,k=v::data` is a command when the line, after TrimStart(), starts with `::`;
//   properties end at the first `::`, split on `,`, and a value is unescaped %0D %0A %3A %2C %25;
//   data is unescaped %0D %0A %25. Nothing else can be escaped.
// - The legacy form `##[cmd k=v;]data` is recognised ANYWHERE in a line (IndexOf), and the web log
//   viewer styles lines starting `##[error]`, `##[group]`, ... So `##[` is broken up wherever it is.
// - `::stop-commands::TOKEN` ignores every command until `::TOKEN::`.
import { randomBytes } from "node:crypto";
import { visible } from "./terminal.js";

/**
 * `s` with every form the runner reads a command in broken up: the `[` of each `##[` written as
 * `bracket`, and the first `:` of a `::` that starts a line (after white space) as `colon`. The
 * one home of those forms: each output that may reach a CI log (the log lines here, JSON,
 * Markdown, HTML) calls it with its own way of writing the character so that it reads the same;
 * `colon` is null for an output none of whose lines can start with untrusted text (JSON).
 */
export function breakRunnerCommands(
  s: string,
  escapes: { bracket: string; colon: string | null },
): string {
  const broken = s.replaceAll("##[", `##${escapes.bracket}`);
  // JS \s covers every character .NET's TrimStart() removes once `visible` has escaped U+0085.
  return escapes.colon === null ? broken : broken.replace(/^(\s*)::/gm, `$1${escapes.colon}:`);
}

/** Whether `s` holds a form the runner reads a command in (see breakRunnerCommands). */
export function hasRunnerCommand(s: string): boolean {
  return /^\s*::/m.test(s) || s.includes("##[");
}

/** A log line that cannot be a workflow command: `visible`, leading `::` and every `##[` defused. */
export function inertLine(s: string): string {
  return breakRunnerCommands(visible(s), { bracket: "\\[", colon: "\\:" });
}

function percent(s: string, extra: boolean): string {
  const out = s.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
  return extra ? out.replaceAll(":", "%3A").replaceAll(",", "%2C") : out;
}

/**
 * Command data (the message). Each line is made inert; by default line breaks are shown as `\n`
 * and the message stays one line. With `multiline`, CRLF, CR and LF become `%0A` (the runner turns
 * it back into a line break) so no raw CR ever reaches the log.
 */
export function escapeData(s: string, opts: { multiline?: boolean } = {}): string {
  const text = opts.multiline
    ? s
        .split(/\r\n|\r|\n/)
        .map(inertLine)
        .join("\n")
    : inertLine(s);
  return percent(text, false);
}

/** A property value (file, title, ...): `visible`, then %-escaped including `:` and `,`. */
export function escapeProperty(s: string): string {
  return percent(visible(s), true);
}

/** The workflow commands that make an annotation. */
export const ANNOTATION_LEVELS = ["error", "warning", "notice"] as const;
export type AnnotationLevel = (typeof ANNOTATION_LEVELS)[number];
const LEVELS: ReadonlySet<string> = new Set(ANNOTATION_LEVELS);

/**
 * One `::level k=v,...::message` line (no trailing newline). `undefined` and `""` properties are
 * left out; keys are ours, never data, so anything but a plain identifier throws.
 */
export function workflowCommand(
  command: AnnotationLevel,
  props: Record<string, string | number | undefined>,
  message: string,
  opts: { multiline?: boolean } = {},
): string {
  if (!LEVELS.has(command)) throw new Error(`not an annotation command: ${command}`);
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(props)) {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(key)) throw new Error(`bad property name: ${key}`);
    if (value === undefined || value === "") continue;
    if (typeof value === "number" && !Number.isFinite(value)) {
      throw new RangeError(`property ${key} is not a finite number`);
    }
    pairs.push(`${key}=${escapeProperty(String(value))}`);
  }
  const head = pairs.length > 0 ? `${command} ${pairs.join(",")}` : command;
  return `::${head}::${escapeData(message, opts)}`;
}

/** A fresh, unguessable token for `::stop-commands::` (32 lowercase hex digits). */
export function stopCommandsToken(): string {
  return randomBytes(16).toString("hex");
}

/**
 * `lines` wrapped so the runner executes none of them, as one string ending in a newline. The
 * stop only disables parsing, so each line is still made inert (the log viewer styles `##[...`);
 * a line break inside an item is shown as `\n`, keeping one output line per item.
 */
export function withStoppedCommands(token: string, lines: Iterable<string>): string {
  // A guessable or oddly shaped token would let the untrusted lines resume command processing.
  if (!/^[0-9a-f]{32,}$/.test(token)) throw new Error("stop token must be >= 32 lowercase hex");
  const out = [`::stop-commands::${token}`];
  for (const line of lines) out.push(inertLine(line));
  out.push(`::${token}::`);
  return `${out.join("\n")}\n`;
}
