// The kind of one change to an English page: pure, over the two texts. Each check is cheaper
// than the next, and the parser runs only when the words themselves changed, and then only on
// the blocks that changed.
import { changedKeys } from "./front-matter-keys.js";
import type { Classified } from "./kinds.js";
import { Level, masked, sameWords, words } from "./masks.js";
import { PageText } from "./page-text.js";
import { MAX_PARSED_CHARS } from "./parse.js";
import { sameBlocks, typoOnly } from "./sentences.js";
import { structureChanges } from "./structure.js";
import { changedWindows } from "./window.js";

type Version = string | PageText | null;

/** Pages longer than this are not cut into windows: 8 times the parser's cap. */
const MAX_WINDOWED_CHARS = 8 * MAX_PARSED_CHARS;

const asPage = (v: string | PageText) => (typeof v === "string" ? new PageText(v) : v);

/**
 * The first kind that fits the change from `before` to `after` (null: the page did not exist
 * on that side, which is new or removed prose). With `structure`, also what the change did to
 * the page's structure (see structure.ts), read from the same parse.
 */
export function classifyChange(
  beforeVersion: Version,
  afterVersion: Version,
  structure = false,
): Classified {
  if (beforeVersion === null || afterVersion === null) return { kind: "prose" };
  const before = asPage(beforeVersion);
  const after = asPage(afterVersion);
  if (before.text === after.text) return { kind: "whitespace" };
  // The same words on other lines is a rewrap only where the blocks stay the same: words moved
  // into list items, or a blank line taken out between paragraphs, change the page.
  const rewrapped = sameWords(before.words, after.words);
  if (rewrapped && sameBlocks(before.text, after.text)) return { kind: "whitespace" };
  // Only the blocks that changed are parsed (see window.ts); a page many times longer than any
  // parsed one is not looked into at all.
  if (before.text.length > MAX_WINDOWED_CHARS || after.text.length > MAX_WINDOWED_CHARS) {
    return { kind: "prose" };
  }
  const window = changedWindows(before.text, after.text);
  const wb = new PageText(window.before, structure);
  const wa = new PageText(window.after, structure);
  const kind: Classified = rewrapped ? { kind: "prose" } : classifyWindows(wb, wa);
  if (!structure) return kind;
  const sb = wb.structure;
  const sa = wa.structure;
  const changes = sb && sa ? structureChanges(sb, sa) : [];
  return changes.length > 0 ? { ...kind, structureChanges: changes } : kind;
}

/** The kind of a change, from the changed blocks of its two sides. */
function classifyWindows(wb: PageText, wa: PageText): Classified {
  const a = wb.parsed;
  const b = wa.parsed;
  // Too long or too deep to parse: a change, and more than whitespace.
  if (!a || !b) return { kind: "prose" };
  const sameUpTo = (level: (typeof Level)[keyof typeof Level]) =>
    sameWords(words(masked(wb.text, a.masks, level)), words(masked(wa.text, b.masks, level)));
  if (sameUpTo(Level.FRONT_MATTER)) {
    return { kind: "front-matter", changedKeys: changedKeys(a.frontMatter, b.frontMatter) };
  }
  if (sameUpTo(Level.LINKS)) return { kind: "links" };
  if (sameUpTo(Level.CODE)) return { kind: "code" };
  const typo = typoOnly(masked(wb.text, a.masks, Level.ATOM), masked(wa.text, b.masks, Level.ATOM));
  return { kind: typo ? "typo" : "prose" };
}
