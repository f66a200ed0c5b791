// Sink: HTML (the static status page). Untrusted text must come out as the same visible text in
// an element's content or a quoted attribute value: never markup, never script. Every markup
// character is an entity; controls, bidi and invisible characters are made visible first, as in
// every other sink (terminal.ts decides which those are).
import { breakRunnerCommands } from "./github.js";
import { visible } from "./terminal.js";

const ENTITY: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;",
};

/** Text for an element's content or a double-quoted attribute value; as an entity, the `[` of
 * `##[` and a leading `:` of `::`, which the Actions runner acts on when the page is printed to a
 * job's log (`report --format html` without `--output`). */
export function htmlText(s: string): string {
  const text = visible(s).replace(/[&<>"'`]/g, (c) => ENTITY[c] ?? c);
  return breakRunnerCommands(text, { bracket: "&#91;", colon: "&#58;" });
}

/**
 * A URL for an href. Only the links this tool builds itself are ever given (https://github.com/
 * with percent-encoded paths, see git/remote.ts); anything else is refused, so no caller can
 * slip a `javascript:` URL into the page.
 */
export function htmlUrl(url: string): string {
  // encodeURIComponent leaves ' ( ) ! * in paths; htmlText makes them entities like any text.
  if (!/^https:\/\/github\.com\/\S*$/.test(url)) {
    throw new RangeError(`not a GitHub URL this tool builds: ${JSON.stringify(url.slice(0, 80))}`);
  }
  return htmlText(url);
}
