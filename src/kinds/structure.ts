// Structure that survives translation: a translated page keeps the English page's headings,
// code blocks, lists, tables, images and shortcodes, whatever its words. Comparing them catches
// a page stamped up to date after a partial update. Pure: over the two texts.
import { diffArrays } from "diff";
import type { Nodes, Root } from "mdast";
import { findShortcodes } from "../meta/shortcode.js";
import { isTranslationStatusName } from "../meta/status-shortcode.js";
import { LINK_SHORTCODES } from "./masks.js";
import { parseMarkdown } from "./parse.js";

export interface Structure {
  /** Each heading: its level and its text (for naming a missing English section). */
  headings: Array<{ depth: number; text: string }>;
  /** Each fenced or indented code block's language ("" when none). */
  code: string[];
  /** Items of each list, in document order (nested lists included). */
  lists: number[];
  /** Each table's rows (header included) and columns. */
  tables: Array<[number, number]>;
  images: number;
  /** Hugo shortcode names, in order (closing tags and the translation-status one left out). */
  shortcodes: string[];
}

/** Differences named at most in one warning. */
const MAX_NAMED = 4;
/** Headings named at most per difference, and characters of each. */
const MAX_HEADINGS = 3;
const MAX_HEADING_CHARS = 60;

/**
 * Whether a line of the text could be a table's delimiter row (`| --- | :-: |`), which only
 * GFM's parser reads: a line of nothing but pipes, dashes, colons, spaces and the marks that
 * open a block quote or list item, with a pipe and a dash. Without one there is no table, and
 * the cheaper CommonMark parse gives the same structure. Linear: one pass over the text.
 */
export function mayHoldTable(text: string): boolean {
  let pipe = false;
  let dash = false;
  let other = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i === text.length ? 10 : text.charCodeAt(i);
    if (c === 10) {
      if (pipe && dash && !other) return true;
      pipe = false;
      dash = false;
      other = false;
    } else if (c === 0x7c) pipe = true;
    else if (c === 0x2d) dash = true;
    else if (!other && !TABLE_ROW_CHARS.has(c)) other = true;
  }
  return false;
}

/** Space, tab, CR, `:`, `>`, `*`, `+`, `.`, `)` and digits: what else a delimiter row's line
 * may hold. */
const TABLE_ROW_CHARS = new Set([..." \t\r:>*+.)0123456789"].map((ch) => ch.charCodeAt(0)));

/** The page's structure, or null when it is too long or deep to parse. */
export function structureOf(text: string): Structure | null {
  const tree = parseMarkdown(text, mayHoldTable(text));
  return tree && structureOfTree(tree, text);
}

/** The structure of a parsed page; `tree` is `text`'s, parsed with GFM if it may hold a
 * table (see mayHoldTable). */
export function structureOfTree(tree: Root, text: string): Structure {
  const out: Structure = {
    headings: [],
    code: [],
    lists: [],
    tables: [],
    images: 0,
    shortcodes: [],
  };
  // Depth-first in document order: children pushed in reverse onto the stack.
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    switch (node.type) {
      case "heading":
        out.headings.push({ depth: node.depth, text: plainText(node) });
        break;
      case "code":
        out.code.push((node.lang ?? "").toLowerCase());
        continue;
      case "list":
        out.lists.push(node.children.length);
        break;
      case "table":
        out.tables.push([node.children.length, node.children[0]?.children.length ?? 0]);
        break;
      case "image":
        out.images++;
        break;
    }
    if ("children" in node) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
    }
  }
  out.shortcodes = shortcodeNames(text);
  return out;
}

function plainText(node: Nodes): string {
  const parts: string[] = [];
  const stack: Nodes[] = [node];
  for (let n = stack.pop(); n; n = stack.pop()) {
    if ("value" in n && typeof n.value === "string") parts.push(n.value);
    if ("children" in n)
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as Nodes);
  }
  const text = withoutHeadingId(parts.join("").replace(/\s+/g, " ").trim());
  return text.length > MAX_HEADING_CHARS ? `${text.slice(0, MAX_HEADING_CHARS - 1)}…` : text;
}

/** A heading's text without the id Hugo reads from its end (`Limits {#limits}`): the name
 * a reader knows it by. */
function withoutHeadingId(text: string): string {
  const open = text.lastIndexOf("{#");
  if (open <= 0 || !text.endsWith("}") || text.indexOf("}", open) !== text.length - 1) return text;
  return text.slice(0, open).trimEnd();
}

/** The page's shortcodes by name, as the scan reads them: its own metadata and the link
 * shortcodes left out (link targets are no structure; translations localize them). */
function shortcodeNames(text: string): string[] {
  return findShortcodes(text)
    .map((s) => s.name)
    .filter((name) => !isTranslationStatusName(name) && !LINK_SHORTCODES.has(name));
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const hashes = (depth: number) => "#".repeat(depth);
const lang = (l: string) => `\`${l || "no language"}\``;
const named = (texts: readonly string[]) =>
  texts.slice(0, MAX_HEADINGS).join(", ") + (texts.length > MAX_HEADINGS ? ", …" : "");
/** `2 \`##\` sections`, or with `more` before the noun: `2 more \`##\` sections`. */
const sections = (n: number, depth: number, more = "") =>
  plural(n, `${more}\`${hashes(depth)}\` section`, `${more}\`${hashes(depth)}\` sections`);

/** How the differences between two structures, `a` and `b`, are said. */
interface Wording {
  /** `a` has `a - b` more of a thing than `b`, or fewer. */
  count(a: number, b: number, one: string, many: string): string;
  /** Sections of this level `a` has and `b` lacks (named), and the other way. */
  sectionsOnlyInA(depth: number, texts: readonly string[]): string;
  sectionsOnlyInB(depth: number, texts: readonly string[]): string;
  /** The i-th (from 0) code block's language, table's size, list's items, in each. */
  codeLanguage(i: number, a: string, b: string): string;
  table(i: number, a: readonly [number, number], b: readonly [number, number]): string;
  list(i: number, a: number, b: number): string;
  shortcode(name: string, a: number, b: number): string;
  more(n: number): string;
  /** Whether headings match by their text as well as their level: not across languages. */
  headingsByText: boolean;
}

/** An English page (`a`) against its translation (`b`). */
const AGAINST_TRANSLATION: Wording = {
  count: (a, b, one, many) =>
    a > b
      ? `English has ${plural(a - b, `more ${one}`, `more ${many}`)} (${a}, translation ${b})`
      : `translation has ${plural(b - a, `more ${one}`, `more ${many}`)} (${b}, English ${a})`,
  sectionsOnlyInA: (depth, texts) =>
    `English has ${sections(texts.length, depth, "more ")}: ${named(texts)}`,
  sectionsOnlyInB: (depth, texts) => `translation has ${sections(texts.length, depth, "more ")}`,
  codeLanguage: (i, a, b) => `code block ${i + 1}: English ${lang(a)}, translation ${lang(b)}`,
  table: (i, [rows, cols], [r, c]) =>
    `table ${i + 1}: English ${rows} rows × ${cols} columns, translation ${r} × ${c}`,
  list: (i, a, b) => `list ${i + 1}: English ${a} items, translation ${b}`,
  shortcode: (name, a, b) => `shortcode \`${name}\`: English ${a}, translation ${b}`,
  more: (n) => plural(n, "more difference", "more differences"),
  headingsByText: false,
};

/**
 * An English page now (`a`) against itself before (`b`): what the English changed. The two
 * are the changed blocks only (see window.ts), so nothing is counted or numbered in the page.
 */
const ENGLISH_CHANGES: Wording = {
  count: (a, b, one, many) =>
    a > b ? `${plural(a - b, one, many)} added` : `${plural(b - a, one, many)} removed`,
  sectionsOnlyInA: (depth, texts) => `added ${sections(texts.length, depth)}: ${named(texts)}`,
  sectionsOnlyInB: (depth, texts) => `removed ${sections(texts.length, depth)}: ${named(texts)}`,
  codeLanguage: (_i, a, b) => `a code block's language: ${lang(b)} → ${lang(a)}`,
  table: (_i, [rows, cols], [r, c]) => `a table: ${r} × ${c} → ${rows} rows × ${cols} columns`,
  list: (_i, a, b) => `a list: ${b} → ${plural(a, "item", "items")}`,
  shortcode: (name, a, b) =>
    a > b
      ? `shortcode \`${name}\` added${a - b > 1 ? ` ${a - b} times` : ""}`
      : `shortcode \`${name}\` removed${b - a > 1 ? ` ${b - a} times` : ""}`,
  more: (n) => plural(n, "more change", "more changes"),
  headingsByText: true,
};

/** What the translation lacks or has more of than the English, as short phrases (empty when
 * they agree). */
export function structureDifferences(english: Structure, translation: Structure): string[] {
  return differences(english, translation, AGAINST_TRANSLATION);
}

/** What the English changed in its structure from `before` to `after` (both the changed
 * blocks of a page, see window.ts), as short phrases; empty when nothing structural changed. */
export function structureChanges(before: Structure, after: Structure): string[] {
  return differences(after, before, ENGLISH_CHANGES);
}

function differences(a: Structure, b: Structure, say: Wording): string[] {
  const out: string[] = [];
  out.push(...headingDifferences(a, b, say));
  if (a.code.length !== b.code.length) {
    out.push(say.count(a.code.length, b.code.length, "code block", "code blocks"));
  } else {
    a.code.forEach((l, i) => {
      const other = b.code[i] ?? "";
      if (l !== other) out.push(say.codeLanguage(i, l, other));
    });
  }
  if (a.tables.length !== b.tables.length) {
    out.push(say.count(a.tables.length, b.tables.length, "table", "tables"));
  } else {
    a.tables.forEach(([rows, cols], i) => {
      const [r, c] = b.tables[i] ?? [0, 0];
      if (rows !== r || cols !== c) out.push(say.table(i, [rows, cols], [r, c]));
    });
  }
  if (a.lists.length !== b.lists.length) {
    out.push(say.count(a.lists.length, b.lists.length, "list", "lists"));
  } else {
    a.lists.forEach((items, i) => {
      const other = b.lists[i] ?? 0;
      if (items !== other) out.push(say.list(i, items, other));
    });
  }
  if (a.images !== b.images) out.push(say.count(a.images, b.images, "image", "images"));
  out.push(...shortcodeDifferences(a.shortcodes, b.shortcodes, say));
  if (out.length <= MAX_NAMED) return out;
  return [...out.slice(0, MAX_NAMED), say.more(out.length - MAX_NAMED)];
}

/** Headings `a` has and `b` lacks (or the other way), by level, aligned on the sequence of
 * levels so the missing ones can be named. */
function headingDifferences(a: Structure, b: Structure, say: Wording): string[] {
  const key = (h: { depth: number; text: string }) =>
    say.headingsByText ? `${h.depth} ${h.text}` : String(h.depth);
  const da = a.headings.map(key);
  const db = b.headings.map(key);
  if (da.length === db.length && da.every((d, i) => d === db[i])) return [];
  // Bounded: heading lists are short, and a page with wildly different headings is given up
  // on with counts alone.
  const changes =
    da.length + db.length <= 2000 ? diffArrays(da, db, { maxEditLength: 200 }) : undefined;
  if (!changes) return [say.count(da.length, db.length, "heading", "headings")];
  const onlyA = new Map<number, string[]>();
  const onlyB = new Map<number, string[]>();
  let atA = 0;
  let atB = 0;
  const add = (m: Map<number, string[]>, h: { depth: number; text: string }) =>
    m.set(h.depth, [...(m.get(h.depth) ?? []), h.text]);
  for (const c of changes) {
    if (c.removed) {
      for (let i = 0; i < c.count; i++) add(onlyA, a.headings[atA + i] as Structure["headings"][0]);
    } else if (c.added) {
      for (let i = 0; i < c.count; i++) add(onlyB, b.headings[atB + i] as Structure["headings"][0]);
    }
    if (!c.added) atA += c.count;
    if (!c.removed) atB += c.count;
  }
  const byDepth = (m: Map<number, string[]>) => [...m].sort((x, y) => x[0] - y[0]);
  return [
    ...byDepth(onlyA).map(([depth, texts]) => say.sectionsOnlyInA(depth, texts)),
    ...byDepth(onlyB).map(([depth, texts]) => say.sectionsOnlyInB(depth, texts)),
  ];
}

function shortcodeDifferences(a: readonly string[], b: readonly string[], say: Wording): string[] {
  const count = (names: readonly string[]) => {
    const m = new Map<string, number>();
    for (const n of names) m.set(n, (m.get(n) ?? 0) + 1);
    return m;
  };
  const ca = count(a);
  const cb = count(b);
  const out: string[] = [];
  for (const name of new Set([...ca.keys(), ...cb.keys()])) {
    const x = ca.get(name) ?? 0;
    const y = cb.get(name) ?? 0;
    if (x !== y) out.push(say.shortcode(name.slice(0, 64), x, y));
  }
  return out;
}

/** The `structure` warning for a translation and its English, or null when they agree (or a
 * page is too long to parse). */
export function structureWarning(englishText: string, translationText: string): string | null {
  const english = structureOf(englishText);
  const translation = structureOf(translationText);
  if (!english || !translation) return null;
  const diffs = structureDifferences(english, translation);
  return diffs.length === 0 ? null : `structure differs from the English: ${diffs.join("; ")}`;
}
