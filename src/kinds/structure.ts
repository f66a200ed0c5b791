// Structure that survives translation: a translated page keeps the English page's headings,
// code blocks, lists, tables, images and shortcodes, whatever its words. Comparing them catches
// a page stamped up to date after a partial update. Pure: over the two texts.
import type { Nodes, Root } from "mdast";
import { findShortcodes } from "../meta/shortcode.js";
import { isTranslationStatusName } from "../meta/status-shortcode.js";
import { LINK_SHORTCODES } from "./masks.js";
import { parseMarkdown } from "./parse.js";
import type { Work } from "./work.js";

export interface Structure {
  /** Each heading: its level, its text (for naming a missing English section), and its
   * anchor: the id it gives itself (`{#id}`, null when none) and the one Hugo would make. */
  headings: Heading[];
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

interface Heading {
  depth: number;
  text: string;
  id: string | null;
  slug: string;
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
export function structureOf(text: string, work?: Work): Structure | null {
  const tree = parseMarkdown(text, mayHoldTable(text), work);
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
        out.headings.push({ depth: node.depth, ...headingText(node) });
        break;
      case "code":
        out.code.push(codeLanguage(node.lang));
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

function headingText(node: Nodes): Omit<Heading, "depth"> {
  const parts: string[] = [];
  const stack: Nodes[] = [node];
  for (let n = stack.pop(); n; n = stack.pop()) {
    if ("value" in n && typeof n.value === "string") parts.push(n.value);
    if ("children" in n)
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as Nodes);
  }
  const [text, id] = withoutHeadingId(parts.join("").replace(/\s+/g, " ").trim());
  return {
    text: text.length > MAX_HEADING_CHARS ? `${text.slice(0, MAX_HEADING_CHARS - 1)}…` : text,
    id,
    slug: slug(text),
  };
}

/** The anchor Hugo makes of a heading's text by default (GitHub's style). */
function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_\- ]/gu, "")
    .replaceAll(" ", "-");
}

/** Names of one highlighting language (`javascript` and `js`), and of none (`text`): a
 * translation that writes the other name has the same code block. */
const LANGUAGE_ALIASES: Readonly<Record<string, string>> = {
  javascript: "js",
  typescript: "ts",
  shell: "sh",
  bash: "sh",
  zsh: "sh",
  yml: "yaml",
  py: "python",
  golang: "go",
  rb: "ruby",
  md: "markdown",
  text: "",
  txt: "",
  plaintext: "",
  plain: "",
};

function codeLanguage(lang: string | null | undefined): string {
  const name = (lang ?? "").toLowerCase();
  return LANGUAGE_ALIASES[name] ?? name;
}

/** A heading's text without the id Hugo reads from its end (`Limits {#limits}`): the name
 * a reader knows it by. */
function withoutHeadingId(text: string): [string, string | null] {
  const open = text.lastIndexOf("{#");
  if (open <= 0 || !text.endsWith("}") || text.indexOf("}", open) !== text.length - 1) {
    return [text, null];
  }
  return [text.slice(0, open).trimEnd(), text.slice(open + 2, -1).trim()];
}

/** The page's shortcodes by name, as the scan reads them: its own metadata and the link
 * shortcodes left out (link targets are no structure; translations localize them). */
function shortcodeNames(text: string): string[] {
  const out: string[] = [];
  // Hugo's `comment` shortcode hides what it holds: nothing inside it is structure.
  let hiddenUntil = -1;
  for (const s of findShortcodes(text)) {
    if (s.start < hiddenUntil) continue;
    if (s.name === "comment") {
      hiddenUntil = commentEnd(text, s.end);
      continue;
    }
    if (!isTranslationStatusName(s.name) && !LINK_SHORTCODES.has(s.name)) out.push(s.name);
  }
  return out;
}

/** Where the `comment` shortcode opened before `from` closes (`{{% /comment %}}`); the end of
 * the text when it never does. */
function commentEnd(text: string, from: number): number {
  const close = /\{\{[<%][ \t]*\/comment[ \t]*[>%]\}\}/g;
  close.lastIndex = from;
  const m = close.exec(text);
  return m ? m.index + m[0].length : text.length;
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
  sectionsOnlyInB: (depth, texts) =>
    `translation has ${sections(texts.length, depth, "more ")}: ${named(texts)}`,
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
  const key = (h: Heading) => (say.headingsByText ? `${h.depth} ${h.text}` : String(h.depth));
  const ka = a.headings.map(key);
  const kb = b.headings.map(key);
  if (ka.length === kb.length && ka.every((k, i) => k === kb[i])) return [];
  // Bounded: a page with wildly many headings is given up on with counts alone.
  if (ka.length * kb.length > MAX_ALIGNED) {
    return [say.count(ka.length, kb.length, "heading", "headings")];
  }
  const [onlyInA, onlyInB] = align(a.headings, b.headings, ka, kb);
  const byDepth = (list: readonly Heading[]) => {
    const m = new Map<number, string[]>();
    for (const h of list) m.set(h.depth, [...(m.get(h.depth) ?? []), h.text]);
    return [...m].sort((x, y) => x[0] - y[0]);
  };
  return [
    ...byDepth(onlyInA).map(([depth, texts]) => say.sectionsOnlyInA(depth, texts)),
    ...byDepth(onlyInB).map(([depth, texts]) => say.sectionsOnlyInB(depth, texts)),
  ];
}

/** Heading pairs compared at most when aligning two pages' headings. */
const MAX_ALIGNED = 1_000_000;

/**
 * The headings of `a` and of `b` left unmatched by the alignment that matches the most of them
 * by key (their level), and among those, the most by anchor: which of two `##` the translation
 * lacks is ambiguous by level alone, and a translation that keeps the English anchors
 * (`## 简介 {#introduction}`) tells.
 */
function align(
  a: readonly Heading[],
  b: readonly Heading[],
  ka: readonly string[],
  kb: readonly string[],
): [Heading[], Heading[]] {
  const n = a.length;
  const m = b.length;
  // A match by key outweighs every anchor bonus together.
  const MATCH = m + n + 1;
  const anchored = (x: Heading, y: Heading) => y.id !== null && y.id === (x.id ?? x.slug);
  // score[i * (m + 1) + j]: the best alignment of a[i..] with b[j..].
  const score = new Float64Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => score[i * (m + 1) + j] as number;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      let best = Math.max(at(i + 1, j), at(i, j + 1));
      if (ka[i] === kb[j]) {
        const bonus = anchored(a[i] as Heading, b[j] as Heading) ? 1 : 0;
        best = Math.max(best, MATCH + bonus + at(i + 1, j + 1));
      }
      score[i * (m + 1) + j] = best;
    }
  }
  const onlyA: Heading[] = [];
  const onlyB: Heading[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const x = a[i] as Heading;
    const y = b[j] as Heading;
    if (ka[i] === kb[j] && at(i, j) === MATCH + (anchored(x, y) ? 1 : 0) + at(i + 1, j + 1)) {
      i++;
      j++;
    } else if (at(i, j) === at(i + 1, j)) {
      onlyA.push(x);
      i++;
    } else {
      onlyB.push(y);
      j++;
    }
  }
  return [onlyA.concat(a.slice(i)), onlyB.concat(b.slice(j))];
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

/** The `structure` warning for a translation and its English (as text, or its structure when
 * known already), or null when they agree (or a page is too long to parse). */
export function structureWarning(
  englishPage: string | Structure | null,
  translationText: string,
): string | null {
  const english = typeof englishPage === "string" ? structureOf(englishPage) : englishPage;
  if (!english) return null;
  const translation = structureOf(translationText);
  if (!translation) return null;
  const diffs = structureDifferences(english, translation);
  return diffs.length === 0 ? null : `structure differs from the English: ${diffs.join("; ")}`;
}
