// The Markdown parser, set up once. Pages are untrusted, so the text it is given is capped, and
// a page it cannot parse (a crafted one that nests past the stack) is told as no tree, not
// thrown.
import type { Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { frontmatterFromMarkdown } from "mdast-util-frontmatter";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { frontmatter } from "micromark-extension-frontmatter";
import { gfm } from "micromark-extension-gfm";
import type { Work } from "./work.js";

/**
 * Longer texts are not parsed (for kinds, a text is a page's changed blocks; see window.ts).
 * micromark takes about 2 µs a character on ordinary pages and up to 20 on crafted syntax (a
 * page of links or table rows), so this caps one text at a few seconds at worst; documentation
 * pages are far shorter (Mastodon's longest is 60 KiB).
 */
export const MAX_PARSED_CHARS = 128 * 1024;

const FRONT_MATTER = ["yaml", "toml"] as const;
/** For change kinds: CommonMark and front matter. GFM's literal autolinks cost a walk over
 * every text node, which recurses as deep as the page nests, and kinds need nothing else of it
 * but its tables (where a table may be: see mayHoldTable). */
const plain = {
  extensions: [frontmatter([...FRONT_MATTER])],
  mdastExtensions: [frontmatterFromMarkdown([...FRONT_MATTER])],
};
/** For structure, and change kinds where a table may be: tables too. */
const withGfm = {
  extensions: [gfm(), frontmatter([...FRONT_MATTER])],
  mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown([...FRONT_MATTER])],
};

/** Block quotes and list items opened on one line, at most. micromark's work on a line grows
 * with the square of its nesting: 20,000 `> ` on one line take seconds, 20,000 `* ` forever. */
export const MAX_NESTING = 32;

/** The page's syntax tree, or null when it is too long or too deep to parse. `work`, when
 * given, records the text handed to the parser. */
export function parseMarkdown(text: string, gfmToo = false, work?: Work): Root | null {
  if (text.length > MAX_PARSED_CHARS || nestsTooDeep(text)) return null;
  work?.parsed.push(text);
  try {
    return fromMarkdown(text, gfmToo ? withGfm : plain);
  } catch (err) {
    if (err instanceof RangeError) return null;
    throw err;
  }
}

/** Whether a line opens more than MAX_NESTING containers: `>`, or a list marker (`*`, `-`, `+`,
 * `1.`, `1)`) followed by a space. Looks at each line's opening only, so it is linear. */
export function nestsTooDeep(text: string): boolean {
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      depth = 0;
      i++;
    } else if (c === 32 || c === 9) i++;
    else if (c === 62 /* > */) {
      depth++;
      i++;
    } else if ((c === 42 || c === 45 || c === 43) && isBlank(text.charCodeAt(i + 1))) {
      depth++;
      i += 2;
    } else if (c >= 48 && c <= 57) {
      let j = i;
      while (j < text.length && j - i < 10 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57)
        j++;
      const mark = text.charCodeAt(j);
      if ((mark === 46 || mark === 41) && isBlank(text.charCodeAt(j + 1))) {
        depth++;
        i = j + 2;
      } else i = skipLine(text, j);
    } else i = skipLine(text, i);
    if (depth > MAX_NESTING) return true;
  }
  return false;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** The offset of the end of the line holding `i` (its newline, or the text's end). */
function skipLine(text: string, i: number): number {
  const nl = text.indexOf("\n", i);
  return nl < 0 ? text.length : nl;
}
