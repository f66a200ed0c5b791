// The kind of one change to an English page: pure, over the two texts. Each check is cheaper
// than the next, and the parser runs only when a first look line by line cannot tell the change
// from whitespace, and then only on the blocks that changed.
import { changedKeys } from "./front-matter-keys.js";
import type { Classified } from "./kinds.js";
import { layout, sameLayout } from "./layout.js";
import { Level, type LevelValue, masked } from "./masks.js";
import { PageText, type Parsed } from "./page-text.js";
import { typoOnly } from "./sentences.js";
import { mayHoldTable, structureChanges } from "./structure.js";
import { changedWindows } from "./window.js";
import type { Work } from "./work.js";

type Version = string | PageText | null;

const asPage = (v: string | PageText) => (typeof v === "string" ? new PageText(v) : v);

/**
 * The first kind that fits the change from `before` to `after` (null: the page did not exist
 * on that side, which is new or removed prose). With `structure`, also what the change did to
 * the page's structure (see structure.ts), read from the same parse. `work`, when given, counts
 * what it did (see work.ts).
 */
export function classifyChange(
  beforeVersion: Version,
  afterVersion: Version,
  structure = false,
  work?: Work,
): Classified {
  if (beforeVersion === null || afterVersion === null) return { kind: "prose" };
  const before = asPage(beforeVersion);
  const after = asPage(afterVersion);
  if (before.text === after.text) return { kind: "whitespace" };
  // Line endings, trailing spaces, blank lines between blocks, prose re-wrapped: no parse needed.
  if (sameLayout(before.layout, after.layout)) return { kind: "whitespace" };
  // Only the blocks that changed are parsed (see window.ts), each side at most MAX_PARSED_CHARS:
  // the work is bounded whatever the page's length (the English blobs read are at most 4 MiB).
  const window = changedWindows(before.text, after.text, work);
  // Both sides are read alike: with GFM where either may hold a table, whose rows and cells are
  // blocks a re-wrap must keep (see blocks.ts).
  const tables = mayHoldTable(window.before) || mayHoldTable(window.after);
  const wb = new PageText(window.before, structure, work, tables);
  const wa = new PageText(window.after, structure, work, tables);
  const kind = classifyWindows(wb, wa);
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
  // Too long or too deep to parse: a change the first look did not find to be whitespace.
  if (!a || !b) return { kind: "prose" };
  const sameUpTo = (level: LevelValue) =>
    sameLayout(layoutAt(wb.text, a, level), layoutAt(wa.text, b, level));
  // Whitespace the first look could not be sure of: blank lines added in code or the front
  // matter, prose re-wrapped in lines it took for code (a nested list item's).
  if (sameUpTo(Level.NONE)) return { kind: "whitespace" };
  if (sameUpTo(Level.FRONT_MATTER)) {
    return { kind: "front-matter", changedKeys: changedKeys(a.frontMatter, b.frontMatter) };
  }
  if (sameUpTo(Level.LINKS)) return { kind: "links" };
  if (sameUpTo(Level.CODE)) return { kind: "code" };
  const typo = typoOnly(masked(wb.text, a.masks, Level.ATOM), masked(wa.text, b.masks, Level.ATOM));
  return { kind: typo ? "typo" : "prose" };
}

function layoutAt(text: string, parsed: Parsed, level: LevelValue) {
  return layout(masked(text, parsed.masks, level));
}
