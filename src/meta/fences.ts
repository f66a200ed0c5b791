// CommonMark fenced code blocks. Translators paste shortcodes into fences to show their syntax;
// those copies are examples, not the page's metadata.

const SPACE = 32;
const TAB = 9;
const CR = 13;
const BACKTICK = 96;
const TILDE = 126;

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf("\n", from);
  return nl === -1 ? text.length : nl;
}

/** Offset of the fence character after up to 3 spaces of indentation, or -1. */
function fenceCharAt(text: string, lineStart: number, end: number): number {
  let i = lineStart;
  while (i < end && i - lineStart < 4 && text.charCodeAt(i) === SPACE) i++;
  if (i - lineStart > 3) return -1;
  const c = text.charCodeAt(i);
  return c === BACKTICK || c === TILDE ? i : -1;
}

function runLength(text: string, from: number, end: number, char: number): number {
  let i = from;
  while (i < end && text.charCodeAt(i) === char) i++;
  return i - from;
}

function closes(text: string, lineStart: number, char: number, minLength: number): boolean {
  const end = lineEnd(text, lineStart);
  const at = fenceCharAt(text, lineStart, end);
  if (at === -1 || text.charCodeAt(at) !== char) return false;
  const length = runLength(text, at, end, char);
  if (length < minLength) return false;
  for (let i = at + length; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB && c !== CR) return false;
  }
  return true;
}

/**
 * When a fenced code block opens on the line starting at `lineStart`, the offset just past its
 * closing fence line (the end of the text when it never closes, as CommonMark says); else -1.
 */
export function fencedBlockEnd(text: string, lineStart: number): number {
  const end = lineEnd(text, lineStart);
  const at = fenceCharAt(text, lineStart, end);
  if (at === -1) return -1;
  const char = text.charCodeAt(at);
  const length = runLength(text, at, end, char);
  if (length < 3) return -1;
  if (char === BACKTICK) {
    for (let i = at + length; i < end; i++) {
      if (text.charCodeAt(i) === BACKTICK) return -1;
    }
  }
  let line = end + 1;
  while (line < text.length) {
    const next = lineEnd(text, line);
    if (closes(text, line, char, length)) return Math.min(next + 1, text.length);
    line = next + 1;
  }
  return text.length;
}
