// Only the part of a page that changed is parsed: micromark costs about 2 µs a character, and a
// commit to a 60 KiB reference page usually changes a few lines of it. The window is the lines
// between the texts' common beginning and end, widened to whole top-level blocks: it starts and
// ends at a blank line, outside any code fence or front matter, before a line that is not
// indented (a new block, not a list item's continuation). A change inside the front matter
// widens the window to the top. The two versions agree outside the window, so what the
// classifier says of the windows it says of the pages.

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

export function changedWindows(before: string, after: string): Windows {
  const a = before.split("\n");
  const b = after.split("\n");
  let prefix = 0;
  const most = Math.min(a.length, b.length);
  while (prefix < most && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < most - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const inA = enclosed(a);
  const inB = enclosed(b);
  // The start: a line after a blank one, both in the common beginning (so alike in both texts).
  let start = prefix;
  while (start > 0 && !(blank(a[start - 1]) && !inA[start - 1] && flush(a[start]))) {
    start--;
  }
  // The end: a blank line in the common end, outside fences in both texts.
  let endA = a.length;
  let endB = b.length;
  for (let t = 0; t < suffix; t++) {
    const i = a.length - suffix + t;
    const j = b.length - suffix + t;
    if (blank(a[i]) && !inA[i] && !inB[j] && flush(a[i + 1])) {
      endA = i;
      endB = j;
      break;
    }
  }
  return { before: a.slice(start, endA).join("\n"), after: b.slice(start, endB).join("\n") };
}
