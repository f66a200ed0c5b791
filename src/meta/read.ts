// Which English commit a translated page says it was translated from.

import type { PageMeta } from "../core/types.js";
import {
  type FrontMatter,
  NON_ASCII,
  readFrontMatter,
  readFrontMatterLatin1,
} from "./frontmatter.js";
import { findShortcodes, type Shortcode } from "./shortcode.js";
import {
  chosenShortcode,
  isTranslationStatusName,
  metaFromShortcodes,
} from "./status-shortcode.js";

export interface MetaResult {
  meta: PageMeta | null;
  warnings: string[];
  /** What the rules (lint/page-rules.ts) look at besides the metadata: where the body starts,
   * and the page's translation-status shortcodes. */
  bodyStart: number;
  shortcodes: Shortcode[];
  /** The line of metadata in front matter, when the page has a shortcode's too. */
  frontMatterLine: number | null;
  /** Why front matter holding metadata keys could not be read; null when it could. */
  frontMatterInvalid: string | null;
}

/** Reads a page's translation metadata. Never throws; anything odd becomes a warning. */
export function readMeta(text: string): MetaResult {
  const frontMatter = readFrontMatter(text);
  // Hugo does not expand shortcodes inside front matter, so the scan starts at the body.
  const shortcodes = findShortcodes(text, frontMatter.bodyStart).filter((s) =>
    isTranslationStatusName(s.name),
  );
  return combine(frontMatter, shortcodes);
}

/**
 * The metadata of a page that could not be read (`why`: larger than the limit, not a regular
 * file, an error of the file system): whether and where it records an English commit is
 * unknown, which is never taken for "records none" (`untracked`, which `check` lets pass by
 * default). Its commit counts as unknown, as broken front matter's does; line 1 is where
 * metadata is looked for first.
 */
export function unreadPageMeta(why: string): PageMeta {
  return {
    kind: "front-matter",
    rawCommit: "",
    rawTitle: null,
    rawLink: null,
    lastTranslationTime: null,
    line: 1,
    unreadable: `${why}, so its English commit is unknown`,
  };
}

/** The shortcode whose metadata readMeta reports, with where each of its values is written. */
export function metaShortcode(text: string): Shortcode | null {
  const { bodyStart } = readFrontMatter(text);
  return chosenShortcode(findShortcodes(text, bodyStart, true));
}

/** The shortcode wins over front matter (a page with both is a finding of lint/page-rules.ts). */
function combine(frontMatter: FrontMatter, shortcodes: Shortcode[]): MetaResult {
  const fromShortcode = metaFromShortcodes(shortcodes);
  return {
    meta: fromShortcode.meta ?? frontMatter.meta,
    warnings: [...frontMatter.warnings, ...fromShortcode.warnings],
    bodyStart: frontMatter.bodyStart,
    shortcodes,
    frontMatterLine: fromShortcode.meta && frontMatter.meta ? frontMatter.meta.line : null,
    frontMatterInvalid: frontMatter.invalid ?? null,
  };
}

/**
 * readMeta for a page given byte for byte as a Latin-1 string, or null when the page needs the
 * ordinary path. Decoding every page as UTF-8 was a quarter of the scan's page reading; the
 * syntax this tool looks for is ASCII, which UTF-8 never uses inside a multi-byte character, so
 * it is found in the Latin-1 copy (a plain byte copy) and only shortcode values and front
 * matter that holds metadata are decoded. Unusual front matter (see readFrontMatterLatin1) and
 * a byte order mark (three characters here) take the ordinary path.
 */
export function readMetaLatin1(latin1: string): MetaResult | null {
  if (latin1.startsWith(LATIN1_BOM)) return null;
  const frontMatter = readFrontMatterLatin1(latin1);
  if (frontMatter === null) return null;
  return combine(
    frontMatter,
    // Only translation-status shortcodes matter, and their names are ASCII in both forms.
    findShortcodes(latin1, frontMatter.bodyStart)
      .filter((s) => isTranslationStatusName(s.name))
      .map(asUtf8),
  );
}

const LATIN1_BOM = "\u00ef\u00bb\u00bf";

function fromLatin1(text: string): string {
  return NON_ASCII.test(text) ? Buffer.from(text, "latin1").toString("utf8") : text;
}

function asUtf8(shortcode: Shortcode): Shortcode {
  const params = new Map<string, string>();
  for (const [key, value] of shortcode.params) params.set(fromLatin1(key), fromLatin1(value));
  return {
    ...shortcode,
    name: fromLatin1(shortcode.name),
    params,
    repeated: shortcode.repeated.map(fromLatin1),
  };
}
