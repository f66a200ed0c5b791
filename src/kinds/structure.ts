// Structure that survives translation: a translated page keeps the English page's headings,
// code blocks, lists, tables, images and shortcodes, whatever its words. Comparing them catches
// a page stamped up to date after a partial update. Pure: over the two texts.
import { diffArrays } from "diff";
import type { Nodes } from "mdast";
import { findShortcodes } from "../meta/shortcode.js";
import { isTranslationStatusName } from "../meta/status-shortcode.js";
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

/** The page's structure, or null when it is too long or deep to parse. */
export function structureOf(text: string): Structure | null {
  const tree = parseMarkdown(text, true);
  if (!tree) return null;
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
  const text = parts.join("").replace(/\s+/g, " ").trim();
  return text.length > MAX_HEADING_CHARS ? `${text.slice(0, MAX_HEADING_CHARS - 1)}…` : text;
}

/** The page's shortcodes by name, as the scan reads them (its own metadata left out). */
function shortcodeNames(text: string): string[] {
  return findShortcodes(text)
    .map((s) => s.name)
    .filter((name) => !isTranslationStatusName(name));
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const hashes = (depth: number) => "#".repeat(depth);

/** What the translation lacks or has more of than the English, as short phrases (empty when
 * they agree). */
export function structureDifferences(english: Structure, translation: Structure): string[] {
  const out: string[] = [];
  out.push(...headingDifferences(english, translation));
  if (english.code.length !== translation.code.length) {
    out.push(
      countPhrase(english.code.length, translation.code.length, "code block", "code blocks"),
    );
  } else {
    english.code.forEach((lang, i) => {
      const other = translation.code[i] ?? "";
      if (lang !== other) {
        out.push(
          `code block ${i + 1}: English \`${lang || "no language"}\`, translation \`${other || "no language"}\``,
        );
      }
    });
  }
  if (english.tables.length !== translation.tables.length) {
    out.push(countPhrase(english.tables.length, translation.tables.length, "table", "tables"));
  } else {
    english.tables.forEach(([rows, cols], i) => {
      const [r, c] = translation.tables[i] ?? [0, 0];
      if (rows !== r || cols !== c) {
        out.push(`table ${i + 1}: English ${rows} rows × ${cols} columns, translation ${r} × ${c}`);
      }
    });
  }
  if (english.lists.length !== translation.lists.length) {
    out.push(countPhrase(english.lists.length, translation.lists.length, "list", "lists"));
  } else {
    english.lists.forEach((items, i) => {
      const other = translation.lists[i] ?? 0;
      if (items !== other) out.push(`list ${i + 1}: English ${items} items, translation ${other}`);
    });
  }
  if (english.images !== translation.images) {
    out.push(countPhrase(english.images, translation.images, "image", "images"));
  }
  out.push(...shortcodeDifferences(english.shortcodes, translation.shortcodes));
  if (out.length <= MAX_NAMED) return out;
  return [...out.slice(0, MAX_NAMED), `${out.length - MAX_NAMED} more differences`];
}

function countPhrase(english: number, translation: number, one: string, many: string): string {
  return english > translation
    ? `English has ${plural(english - translation, `more ${one}`, `more ${many}`)} (${english}, translation ${translation})`
    : `translation has ${plural(translation - english, `more ${one}`, `more ${many}`)} (${translation}, English ${english})`;
}

/** Headings the English has and the translation lacks (or the other way), by level, aligned
 * on the sequence of levels so the missing ones can be named. */
function headingDifferences(english: Structure, translation: Structure): string[] {
  const a = english.headings.map((h) => h.depth);
  const b = translation.headings.map((h) => h.depth);
  if (a.length === b.length && a.every((d, i) => d === b[i])) return [];
  // Bounded: heading lists are short, and a page with wildly different headings is given up
  // on with counts alone.
  const changes =
    a.length + b.length <= 2000 ? diffArrays(a, b, { maxEditLength: 200 }) : undefined;
  if (!changes) return [countPhrase(a.length, b.length, "heading", "headings")];
  const missing = new Map<number, string[]>();
  const extra = new Map<number, number>();
  let at = 0;
  for (const c of changes) {
    if (c.removed) {
      for (let i = 0; i < c.count; i++) {
        const h = english.headings[at + i] as { depth: number; text: string };
        missing.set(h.depth, [...(missing.get(h.depth) ?? []), h.text]);
      }
    } else if (c.added) {
      for (const d of c.value) extra.set(d, (extra.get(d) ?? 0) + 1);
    }
    if (!c.added) at += c.count;
  }
  const out: string[] = [];
  for (const [depth, texts] of [...missing].sort((x, y) => x[0] - y[0])) {
    const named =
      texts.slice(0, MAX_HEADINGS).join(", ") + (texts.length > MAX_HEADINGS ? ", …" : "");
    out.push(
      `English has ${plural(texts.length, `more \`${hashes(depth)}\` section`, `more \`${hashes(depth)}\` sections`)}: ${named}`,
    );
  }
  for (const [depth, n] of [...extra].sort((x, y) => x[0] - y[0])) {
    out.push(
      `translation has ${plural(n, `more \`${hashes(depth)}\` section`, `more \`${hashes(depth)}\` sections`)}`,
    );
  }
  return out;
}

function shortcodeDifferences(
  english: readonly string[],
  translation: readonly string[],
): string[] {
  const count = (names: readonly string[]) => {
    const m = new Map<string, number>();
    for (const n of names) m.set(n, (m.get(n) ?? 0) + 1);
    return m;
  };
  const a = count(english);
  const b = count(translation);
  const out: string[] = [];
  for (const name of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(name) ?? 0;
    const y = b.get(name) ?? 0;
    if (x !== y) out.push(`shortcode \`${name.slice(0, 64)}\`: English ${x}, translation ${y}`);
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
