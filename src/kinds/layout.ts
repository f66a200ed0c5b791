// A page's layout, read line by line: its words, and the blocks they fall in (a list item, a
// heading, a quote, a table row, a paragraph after a blank line). Two texts with the same layout
// differ only in whitespace no reader sees: line endings (LF or CRLF), trailing whitespace, runs
// of blank lines, blank lines beside a heading or a code block, prose re-wrapped within its
// blocks. Words moved into another block, or a blank line that parts a paragraph, change it.
// A code block's and the front matter's lines come with their indentation as a word (masks.ts),
// so indenting one of them is a change; a blank line among them is not.

import {
  CODE_MARK,
  FRONT_MATTER_MARK,
  INDENT_MARK,
  lineWithIndent,
  sameWords,
  VERBATIM_TAGS,
  words,
} from "./masks.js";

export interface Layout {
  words: string[];
  /** Each block's mark, in order: a list item's, heading's, quote's or table row's with its
   * indent (which nests a list), "p" for any other block, "" for blank lines between two. */
  marks: string[];
  /** Where each block starts: how many words come before it. */
  starts: number[];
}

/** A list item's or a quote's mark: a block that holds other blocks, a fence among them. */
const CONTAINER_MARK = String.raw`[-*+>]|\d{1,9}[.)]`;
/** A line's block mark (a container's, a heading's or a table row's), with its indent; none for
 * a line that continues a block. Lines may end in CR (a CRLF page). */
const BLOCK_MARK = new RegExp(String.raw`^([ \t]*)(${CONTAINER_MARK}|#{1,6}|\|)(?=[ \t\r]|$)`);

/** A line's block mark and its indent; null for a line that continues a block. The one rule
 * of where a block starts, for the layout and for the typo rule's sentences (sentences.ts). */
export function blockMark(line: string): { indent: string; mark: string } | null {
  const m = BLOCK_MARK.exec(line);
  return m ? { indent: m[1] as string, mark: m[2] as string } : null;
}

/** Whether a block mark is a heading's: a block of one line. */
export function isHeadingMark(mark: string): boolean {
  return mark.startsWith("#");
}

export function layout(text: string): Layout {
  return layoutOfLines(text.split("\n"));
}

function layoutOfLines(lines: readonly string[]): Layout {
  const out: Layout = { words: [], marks: [], starts: [] };
  const push = (mark: string) => {
    out.marks.push(mark);
    out.starts.push(out.words.length);
  };
  // Blank lines part blocks only between two that a blank line can join or part: not at the
  // page's start or end, nor beside a line that is a block of its own.
  let blank = true;
  let alone = true;
  for (const line of lines) {
    const lineWords = words(line);
    const first = lineWords[0];
    if (first === undefined) {
      blank = true;
      continue;
    }
    const m = blockMark(line);
    const own = (m !== null && isHeadingMark(m.mark)) || isReadAsLines(first);
    if (blank && !alone && !own && out.marks.length > 0) push("");
    if (m) push(`${m.indent.replace(/\t/g, "    ").length}${m.mark}`);
    else if (blank || alone || own) push("p");
    for (const w of lineWords) out.words.push(w);
    blank = false;
    alone = own;
  }
  return out;
}

/** Whether a line's first word starts a code block's or the front matter's line, read as lines
 * or masked (see masks.ts): a block of its own. */
export function isReadAsLines(word: string): boolean {
  return (
    word.startsWith(INDENT_MARK) || word.startsWith(CODE_MARK) || word.startsWith(FRONT_MATTER_MARK)
  );
}

/** Whether two layouts are the same: the same words in the same blocks. */
export function sameLayout(a: Layout, b: Layout): boolean {
  return (
    sameBlocks(a, b) && sameWords(a.words, b.words) && a.starts.every((s, i) => s === b.starts[i])
  );
}

/** Whether two layouts have the same blocks, whatever words are in them. */
export function sameBlocks(a: Layout, b: Layout): boolean {
  return sameWords(a.marks, b.marks);
}

/** Start and end a line kept whole in a raw layout; a block of its own only where a parse
 * says so. */
const RAW_LINE_MARK = "\u0000i";
const RAW_LINE_END = "\u0000j";

/**
 * The layout of a page's text as it is, before any parse: a cheap first look that says "only
 * whitespace" only where a parse would. Each line that may be code or front matter, or may make
 * a block of what is around it, keeps its indentation and its line breaks as words (see
 * lineWithIndent): a line in a fence or the front matter, one indented 4 columns or more (an
 * indented code block, or code in a list item), one in a block quote, and one whose place shapes
 * the blocks (see shapesBlocks). A line that may start a block, after a blank line or a line
 * kept whole, keeps its indentation, which says which list item it is in. A change it cannot
 * tell from whitespace is left to the parser.
 */
export function rawLayout(text: string): Layout {
  const lines = text.split("\n");
  const inRegion = regions(lines);
  let opens = false;
  return layoutOfLines(
    lines.map((line, i) => {
      if (!/\S/.test(line)) {
        opens = true;
        return line;
      }
      const whole = inRegion[i] === 1 || mayBeCode(line) || shapesBlocks(line);
      const indented = opens && (line[0] === " " || line[0] === "\t");
      opens = whole;
      if (whole) return `${lineWithIndent(RAW_LINE_MARK, line)} ${RAW_LINE_END}`;
      return indented ? lineWithIndent(RAW_LINE_MARK, line) : line;
    }),
  );
}

/** Indented 4 columns or more, or in a block quote. */
function mayBeCode(line: string): boolean {
  let column = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32) column++;
    else if (c === 9) column += 4 - (column % 4);
    else return column >= 4 || c === 62; /* > */
    if (column >= 4) return true;
  }
  return false;
}

/** The indent and the list and quote marks that open a line before its block (`- `, `1. `,
 * `> `, a fence may start a list item). Each mark is a character (or digits and one), then
 * whitespace: linear. */
const LINE_OPENING = String.raw`^[ \t]*(?:(?:${CONTAINER_MARK})[ \t]+)*`;
const OPENING = new RegExp(LINE_OPENING);

/** A fence's run of backticks or tildes, after a line's opening. Read generously: a line taken
 * for a fence that is none only makes the first look more careful. */
const FENCE = new RegExp(`${LINE_OPENING}(\`{3,}|~{3,})`);

/** An HTML block that keeps its line breaks (see VERBATIM_TAGS), and the line that ends it.
 * Indented less than four columns, before and after the list and quote marks, as CommonMark
 * reads an HTML block: deeper, `<pre>` is the text of an indented code block, and taking it for
 * an unclosed block would hold the rest of the page as one region. */
const VERBATIM_OPEN = new RegExp(
  `^ {0,3}(?:(?:${CONTAINER_MARK}) {1,4})*<(?:${VERBATIM_TAGS})(?=[\\s>]|$)`,
  "i",
);
const VERBATIM_CLOSE = new RegExp(`</(?:${VERBATIM_TAGS})>`, "i");

/** A thematic break or a setext heading's underline: nothing but these marks and spaces. */
const RULE = /^[-*_=\s]*$/;

/**
 * Whether a line's place decides the blocks around it, so that a re-wrap moving its start or
 * end can make or unmake a block: a setext heading's underline or a thematic break, an HTML
 * block, a heading (in a list item or quote too, where the next line is no lazy part of it), a
 * link reference definition, a table row with or without its outer pipes (tables are read with
 * GFM: see classify.ts). Read generously, as the fence is.
 */
function shapesBlocks(line: string): boolean {
  if (line.includes("|")) return true;
  const rest = line.slice(OPENING.exec(line)?.[0].length ?? 0);
  const c = rest[0];
  return RULE.test(rest) || c === "<" || c === "#" || (c === "[" && rest.includes("]:"));
}

/**
 * Per line: whether it is inside a code fence, the front matter or an HTML block that keeps its
 * line breaks (`<pre>`), or opens or closes one. Lines may end in CR.
 */
export function regions(lines: readonly string[]): Uint8Array {
  const out = new Uint8Array(lines.length);
  let fence: string | null = null;
  let verbatim = false;
  let i = 0;
  // After a byte order mark too, as micromark reads it.
  const first = lines[0]?.replace(/^\uFEFF/, "").trimEnd();
  if (first === "---" || first === "+++") {
    out[0] = 1;
    for (i = 1; i < lines.length; i++) {
      out[i] = 1;
      if (lines[i]?.trimEnd() === first) {
        i++;
        break;
      }
    }
  }
  for (; i < lines.length; i++) {
    const line = lines[i] as string;
    if (fence === null && (verbatim || VERBATIM_OPEN.test(line))) {
      out[i] = 1;
      verbatim = !VERBATIM_CLOSE.test(line);
      continue;
    }
    const m = FENCE.exec(line);
    if (!m) {
      if (fence !== null) out[i] = 1;
      continue;
    }
    const run = m[1] as string;
    const rest = line.slice(m[0].length);
    if (fence === null) {
      // A backtick fence's info string holds no backtick: ```a``` is inline code.
      if (run[0] === "~" || !rest.includes("`")) {
        fence = run;
        out[i] = 1;
      }
    } else {
      out[i] = 1;
      if (run[0] === fence[0] && run.length >= fence.length && rest.trim() === "") fence = null;
    }
  }
  return out;
}
