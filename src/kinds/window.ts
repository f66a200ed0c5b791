// Only the parts of a page that changed are parsed: micromark costs about 2 µs a character, and
// a commit to a 60 KiB reference page usually changes a few lines of it. Each run of changed
// lines is widened to whole top-level blocks: it starts and ends at a blank line, outside any
// code fence or front matter, before a line that is not indented (a new block, not a list
// item's continuation). A change inside the front matter widens to the top. The two versions
// agree outside these windows, so what the classifier says of the windows it says of the pages
// (but for a link reference whose definition is left out, then read as text).

import { diffArrays } from "diff";

export interface Windows {
  before: string;
  after: string;
}

/** Per line: whether it is inside a code fence or the front matter (or opens or closes one). */
function enclosed(lines: readonly string[]): Uint8Array {
  const out = new Uint8Array(lines.length);
  let fence: string | null = null;
  let i = 0;
  const first = lines[0]?.trimEnd();
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
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence === null) {
      if (m?.[1]) {
        fence = m[1];
        out[i] = 1;
      }
    } else {
      out[i] = 1;
      if (m?.[1] && m[1][0] === fence[0] && m[1].length >= fence.length && line.trim() === m[1]) {
        fence = null;
      }
    }
  }
  return out;
}

const blank = (line: string | undefined) => line !== undefined && line.trim() === "";
/** A line that starts a block of its own after a blank line: not indented. */
const flush = (line: string | undefined) =>
  line === undefined || (line.length > 0 && line[0] !== " " && line[0] !== "\t");

/** Line edits a diff may find before the windows fall back to one, from the first change to
 * the last: bounded work (the diff is O(lines × edits)). */
const MAX_LINE_EDITS = 400;
/** Changed lines (both sides) a diff is tried on at most; beyond, one window. */
const MAX_DIFFED_LINES = 20_000;

interface Segment {
  equal: boolean;
  /** First line in each text, and the lines in each. */
  a: number;
  b: number;
  aLen: number;
  bLen: number;
}

/**
 * The changed blocks of the two versions, each widened to whole top-level blocks (see above),
 * joined by blank lines in the same order in both: the texts with the unchanged blocks between
 * the changes left out. Blocks a change does not touch are the same on both sides, so leaving
 * them out changes no kind.
 */
export function changedWindows(before: string, after: string): Windows {
  const a = before.split("\n");
  const b = after.split("\n");
  const segments = lineSegments(a, b);
  const inA = enclosed(a);
  const inB = enclosed(b);
  // A blank line outside fences and front matter in both texts, before a block of its own.
  const isBreak = (i: number, j: number) =>
    blank(a[i]) && !inA[i] && !inB[j] && flush(a[i + 1]) && flush(b[j + 1]);
  const partsA: string[] = [];
  const partsB: string[] = [];
  let open = false;
  segments.forEach((seg, k) => {
    if (!seg.equal) {
      partsA.push(...a.slice(seg.a, seg.a + seg.aLen));
      partsB.push(...b.slice(seg.b, seg.b + seg.bLen));
      open = true;
      return;
    }
    const breaks: number[] = [];
    for (let t = 0; t < seg.aLen; t++) if (isBreak(seg.a + t, seg.b + t)) breaks.push(t);
    const first = breaks[0];
    const last = breaks[breaks.length - 1];
    const after = k < segments.length - 1;
    const keep = (from: number, to: number) => {
      partsA.push(...a.slice(seg.a + from, seg.a + to));
      partsB.push(...b.slice(seg.b + from, seg.b + to));
    };
    if (first === undefined || last === undefined) {
      // No block ends here: the lines belong with the changes around them.
      if (open || after) keep(0, seg.aLen);
      return;
    }
    if (open) keep(0, first);
    if (after) {
      if (open) {
        partsA.push("");
        partsB.push("");
      }
      keep(last + 1, seg.aLen);
    }
    open = after;
  });
  return { before: partsA.join("\n"), after: partsB.join("\n") };
}

/** The texts as runs of equal and changed lines, in order. */
function lineSegments(a: readonly string[], b: readonly string[]): Segment[] {
  let prefix = 0;
  const most = Math.min(a.length, b.length);
  while (prefix < most && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < most - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const midA = a.slice(prefix, a.length - suffix);
  const midB = b.slice(prefix, b.length - suffix);
  const out: Segment[] = [];
  const push = (equal: boolean, aLen: number, bLen: number) => {
    const last = out[out.length - 1];
    const at = last ? { a: last.a + last.aLen, b: last.b + last.bLen } : { a: 0, b: 0 };
    if (aLen === 0 && bLen === 0) return;
    if (last && last.equal === equal) {
      last.aLen += aLen;
      last.bLen += bLen;
    } else out.push({ equal, a: at.a, b: at.b, aLen, bLen });
  };
  push(true, prefix, prefix);
  const changes =
    midA.length + midB.length <= MAX_DIFFED_LINES
      ? diffArrays(midA, midB, { maxEditLength: MAX_LINE_EDITS })
      : undefined;
  if (!changes) push(false, midA.length, midB.length);
  else {
    for (const c of changes) {
      if (c.added) push(false, 0, c.count);
      else if (c.removed) push(false, c.count, 0);
      else push(true, c.count, c.count);
    }
  }
  push(true, suffix, suffix);
  return out;
}
