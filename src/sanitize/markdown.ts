// Sink: GitHub-flavoured Markdown (job summary, PR comment, issue). Untrusted text must come out as
// the same visible text: no HTML, no formatting, no links, no table breakage, no notifications.
import { breakRunnerCommands, hasRunnerCommand } from "./github.js";
import { shownName, visible } from "./terminal.js";

// An HTML entity, not a raw U+200B, so the output itself stays free of invisible characters. It
// goes after `@` and `#`: GitHub finds @mentions and #123 / owner/repo#123 references in the
// *rendered* text, where `&#64;` or `\#` are already plain `@` and `#` again, so only a real
// character in between stops the notification / cross-reference (what Renovate and Dependabot do).
const ZWSP = "&#8203;";

const REPLACE: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  "@": `@${ZWSP}`,
  "#": `#${ZWSP}`,
};

// Backslash-escaped: `\` first of all, then inline syntax, table pipes and `$` (GitHub math).
// `://` and `www.` (GFM extended autolinks; e-mail autolinks need an `@`) get a ZWSP inside, and
// so does `GH-` before a digit, which GitHub links to that issue as it does `#5`.
const SPECIAL = /[\\`*_~[\]()!|$&<>@#]|:\/\/|www\.|gh-(?=\d)/gi;

/** Inline text or a table cell: one line of Markdown that renders exactly as `visible(s)`. */
export function mdText(s: string): string {
  // Table rows are single lines, so line breaks become spaces; other controls become visible.
  const text = visible(s.replace(/\r\n|\r|\n/g, " ")).replace(SPECIAL, (m) => {
    if (m.length === 1) return REPLACE[m] ?? `\\${m}`;
    if (m === "://") return `:${ZWSP}//`;
    // `www.` and `GH-`: the ZWSP before the last character splits each.
    return `${m.slice(0, -1)}${ZWSP}${m.slice(-1)}`;
  });
  // At the start of a line these would open a list or a setext heading underline; and `::`
  // there is a workflow command when the report is printed to an Actions log (`#` is escaped
  // above, so `##[` is already broken up).
  const safe = breakRunnerCommands(text, { bracket: "\\[", colon: "\\:" });
  return safe.replace(/^([-+=])/, "\\$1").replace(/^(\d+)([.)])/, "$1\\$2");
}

/**
 * Inline code. The fence is one backtick longer than any run inside, padded with spaces when the
 * content would otherwise lose or merge characters. GFM splits table cells on `|` even inside code
 * spans, so text with a pipe falls back to `<code>` around escaped text.
 */
export function mdCode(s: string): string {
  const text = visible(s); // no line breaks left either
  // A code span shows its text as it is, so text the Actions runner would act on (a page named
  // `##[error]x.md`, printed to a job's log) is escaped text in <code> instead.
  if (text === "" || text.includes("|") || hasRunnerCommand(text)) {
    return `<code>${mdText(s)}</code>`;
  }
  return codeSpan(text);
}

/**
 * A page name as inline code, which renders as the name printed (shownName) and, copied, reads
 * back as that page: never mdCode's `<code>` fallback, whose escapes (a zero-width space after
 * `#` and `@`) would be copied with it. shownName leaves nothing the Actions runner acts on, and
 * a name is never in a table cell, so a `|` in it splits nothing.
 */
export function mdName(name: string): string {
  return codeSpan(shownName(name));
}

/** `text` (visible, not empty) as a code span. */
function codeSpan(text: string): string {
  const longest = (text.match(/`+/g) ?? []).reduce((n, run) => Math.max(n, run.length), 0);
  const fence = "`".repeat(longest + 1);
  // CommonMark strips one space each side when both are there and the content is not all spaces.
  const pad =
    text.startsWith("`") ||
    text.endsWith("`") ||
    (text.startsWith(" ") && text.endsWith(" ") && !/^ +$/.test(text));
  return pad ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

/**
 * Text whose backquoted spans are inline code, as the structure lines write a heading's marks
 * (`##`) or a code block's language: each part escaped on its own. Unbalanced backquotes (a
 * title holding one) leave it all as text.
 */
export function mdTextWithCode(s: string): string {
  const parts = s.split("`");
  if (parts.length % 2 === 0) return mdText(s);
  return parts.map((p, i) => (i % 2 === 1 ? mdCode(p) : mdText(p))).join("");
}

/**
 * `[text](url)` when `url` is a plain https URL (no user:password), else just `mdText(text)`.
 * Empty text shows the URL itself.
 */
export function mdLink(text: string, url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return mdText(text);
  }
  if (parsed.protocol !== "https:" || parsed.username !== "" || parsed.password !== "") {
    return mdText(text);
  }
  // href is already %-encoded (no spaces, quotes, controls); the rest would end the destination
  // `(` `)`, split a table `|`, decode as an entity `&`, escape `\`, or pair into a code span `.
  const dest = breakRunnerCommands(parsed.href.replace(/[\\()&|<>`]/g, "\\$&"), {
    bracket: "%5B",
    colon: null,
  });
  return `[${mdText(text === "" ? parsed.href : text)}](${dest})`;
}
