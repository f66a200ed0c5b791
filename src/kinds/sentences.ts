// The typo rule: a change is a typo fix when the blocks are the same (see layout.ts), every
// sentence is still there, in order, and each changed sentence lost or gained at most a few
// words, fewer than half of it. Sentences are cut from the text with its noise masked (see
// masks.ts), at blank lines, at the start of a block (heading, list item, table row, quote, a
// masked code block) and after a word that ends one.
import { diffArrays } from "diff";
import { LEAF_MARK } from "./blocks.js";
import { blockMark, isHeadingMark, isReadAsLines, layout, sameBlocks } from "./layout.js";
import { LINK_MARK, words } from "./masks.js";

/** Words a typo fix may change in one sentence (a replaced word counts once). */
export const MAX_TYPO_WORDS = 3;

/** A sentence's last word: its end mark, then closing quotes, brackets or emphasis. The test is
 * of the word's last few characters only, so a crafted long word costs nothing more. */
const SENTENCE_END = /[.!?。！？]["'”’)\]*_]*$/;

/** The text's sentences, each as its words. */
export function sentences(text: string): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  const cut = () => {
    if (current.length > 0) out.push(current);
    current = [];
  };
  for (const line of text.split("\n")) {
    const lineWords = words(line);
    if (lineWords.length === 0) {
      cut();
      continue;
    }
    // Where the layout starts a block; a masked code block or front matter is one of its own.
    const mark = blockMark(line);
    if (mark || isReadAsLines(lineWords[0] as string)) cut();
    for (const w of lineWords) {
      current.push(w);
      if (SENTENCE_END.test(w.slice(-8))) cut();
    }
    // A heading is one line: the next line starts a block, blank line or not.
    if (mark && isHeadingMark(mark.mark)) cut();
  }
  cut();
  return out;
}

/** Whether `after` is `before` with typo fixes only (both masked up to the typo level). */
export function typoOnly(before: string, after: string): boolean {
  // No list item, heading, quote, table row or paragraph added, removed or joined.
  if (!sameBlocks(layout(before), layout(after))) return false;
  const a = sentences(before);
  const b = sentences(after);
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as string[];
    const y = b[i] as string[];
    if (x.length === y.length && x.every((w, j) => w === y[j])) continue;
    // Bounded: a sentence with more edits than a typo fix makes is given up on at once.
    const changes = diffArrays(x, y, { maxEditLength: 2 * MAX_TYPO_WORDS });
    if (!changes) return false;
    let removed = 0;
    let added = 0;
    for (const c of changes) {
      if (!c.added && !c.removed) continue;
      // A link's text, a heading's level, a block made or moved (see blocks.ts): never a typo.
      if (c.value.some((w) => w.includes(LINK_MARK) || w.startsWith(LEAF_MARK) || /^#+$/.test(w)))
        return false;
      if (c.added) added += c.count;
      else removed += c.count;
    }
    // Fewer than half the sentence's words, not its marks: a table row's pipes are no words,
    // and a cell filled in an empty row is new text. Half of it is a rewrite, not a typo.
    const edits = Math.max(added, removed);
    if (edits > MAX_TYPO_WORDS || 2 * edits >= Math.max(wordCount(x), wordCount(y))) return false;
  }
  return true;
}

/** How many of `tokens` hold a letter or a digit (the rest are marks: pipes, dashes, the
 * blocks' own). */
function wordCount(tokens: readonly string[]): number {
  let n = 0;
  for (const t of tokens) if (!t.startsWith(LEAF_MARK) && /[\p{L}\p{N}]/u.test(t)) n++;
  return n;
}
