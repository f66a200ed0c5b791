// Only the parts of a page that changed are parsed: micromark costs about 2 µs a character, and
// a commit to a 60 KiB reference page usually changes a few lines of it. Each run of changed
// lines is widened to whole top-level blocks: it starts and ends at a blank line, outside any
// code fence or front matter, before a line that is not indented (a new block, not a list
// item's continuation). A change inside the front matter widens to the top. The two versions
// agree outside these windows, so what the classifier says of the windows it says of the pages.
// A link reference (`[text][label]`) is a link only where its definition is in the text, so the
// definitions left out are carried after the windows.

import { diffArrays } from "diff";
import { regions } from "./layout.js";
import type { Work } from "./work.js";

export interface Windows {
  before: string;
  after: string;
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
export function changedWindows(before: string, after: string, work?: Work): Windows {
  const a = before.split("\n");
  const b = after.split("\n");
  const segments = lineSegments(a, b, work);
  const inA = regions(a);
  const inB = regions(b);
  // A blank line outside fences and front matter in both texts, before a block of its own.
  const isBreak = (i: number, j: number) =>
    blank(a[i]) && !inA[i] && !inB[j] && flush(a[i + 1]) && flush(b[j + 1]);
  const partsA: string[] = [];
  const partsB: string[] = [];
  // Definitions in the lines left out (the same in both texts).
  const definitions: string[] = [];
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
    const leaveOut = (from: number, to: number) => {
      for (let t = from; t < to; t++) {
        const line = a[seg.a + t] as string;
        if (!inA[seg.a + t] && isDefinition(line)) definitions.push(line);
      }
    };
    if (first === undefined || last === undefined) {
      // No block ends here: the lines belong with the changes around them.
      if (open || after) keep(0, seg.aLen);
      else leaveOut(0, seg.aLen);
      return;
    }
    if (open) keep(0, first);
    else leaveOut(0, first);
    leaveOut(first, last + 1);
    if (after) {
      if (open) {
        partsA.push("");
        partsB.push("");
      }
      keep(last + 1, seg.aLen);
    } else leaveOut(last + 1, seg.aLen);
    open = after;
  });
  if (definitions.length > 0) {
    partsA.push("", ...definitions);
    partsB.push("", ...definitions);
  }
  return { before: partsA.join("\n"), after: partsB.join("\n") };
}

/** A link reference definition's first line (`[label]: target`), at most 3 columns in. Checked
 * before the pattern by its first characters, so most lines cost nothing. */
function isDefinition(line: string): boolean {
  const i = line.length - line.trimStart().length;
  return i <= 3 && line[i] === "[" && /^ {0,3}\[(?:[^\\\]]|\\.){1,999}\]:/.test(line);
}

/** The texts as runs of equal and changed lines, in order. */
function lineSegments(a: readonly string[], b: readonly string[], work?: Work): Segment[] {
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
      ? diffArrays(midA, midB, {
          maxEditLength: MAX_LINE_EDITS,
          ...(work && {
            comparator: (x: string, y: string) => {
              work.lineComparisons++;
              return x === y;
            },
          }),
        })
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
