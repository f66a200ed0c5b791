// The rules a page's own text decides: attribute names, the shortcode's language, how many live
// metadata blocks there are, metadata that is not live, the translation date's form. Pure: the
// scan's page warnings and `lint` both come from here.

import { translationTimeProblem } from "../core/age.js";
import { nearest } from "../core/nearest.js";
import { ownString } from "../core/own-string.js";
import type { PageMeta } from "../core/types.js";
import { frontMatterData, isData } from "../meta/frontmatter.js";
import { keySpots } from "../meta/key-spans.js";
import {
  COMMIT_ATTRIBUTE,
  COMMIT_KEY,
  DRIFT_KEY,
  LINK_ATTRIBUTE,
  MDN_COMMIT_KEY,
  MDN_TABLE,
  MISSPELLED_TIME_KEY,
  SHORTCODE_ATTRIBUTES,
  shortcodeAttribute,
  TIME_KEY,
  TITLE_ATTRIBUTE,
} from "../meta/keys.js";
import { readMeta } from "../meta/read.js";
import { findShortcodes, type Shortcode } from "../meta/shortcode.js";
import { isTranslationStatusName } from "../meta/status-shortcode.js";
import { pageText } from "../meta/warning.js";
import { type Finding, finding, type MetaChange, type Position, positionAt } from "./finding.js";

/** Top-level front matter keys a misspelling is compared with. */
const FRONT_MATTER_KEYS = [COMMIT_KEY, TIME_KEY, DRIFT_KEY, MDN_TABLE] as const;
/** Front matter keys are the site's own words: a short one a few edits from ours is likely
 * another key of the site (`i18n` is not a misspelt `l10n`), a long one is likely a typo. */
const frontMatterTypoEdits = (name: string) => (name.length <= 4 ? 0 : name.length <= 8 ? 1 : 2);
/** A key's words, whatever separates them and whatever their case: `default.lang.commit`,
 * `defaultLangCommit` and `L10n.sourceCommit` (one key in YAML) are ours written otherwise. */
const words = (key: string) => key.toLowerCase().replace(/[\s._-]+/g, "");
/** MDN's commit key as one name (`l10n.sourceCommit` written as one YAML key), in words. */
const MDN_PATH_WORDS = words(`${MDN_TABLE}${MDN_COMMIT_KEY}`);
/** Whether a top-level key is MDN's `l10n.sourceCommit` written as one key, or misspelt so. */
const isMdnPathKey = (key: string) =>
  key !== MDN_TABLE && nearest(words(key), [MDN_PATH_WORDS], frontMatterTypoEdits) !== null;
const NAME = "translation-status";

/** What the reader found in a page, as rules need it. */
export interface PageParts {
  text: string;
  meta: PageMeta | null;
  /** Where the body starts (after front matter). */
  bodyStart: number;
  /** The page's live translation-status shortcodes; with spans, findings point at the very
   * attribute and carry their repairs. */
  shortcodes: readonly Shortcode[];
  /** The line of metadata in front matter, when the page has a shortcode's too. */
  frontMatterLine: number | null;
  /** Why front matter that holds metadata could not be read (it does not parse, or is never
   * closed); null when it could. */
  frontMatterInvalid: string | null;
}

/** The parts of `text`, read with spans: what lint needs for positions and repairs. */
export function pageParts(text: string): PageParts {
  const read = readMeta(text);
  return {
    ...read,
    text,
    shortcodes: findShortcodes(text, read.bodyStart, true).filter((s) =>
      isTranslationStatusName(s.name),
    ),
  };
}

/**
 * The findings of one page. `lang` is the language of the folder the page is in; `now` says
 * which dates are in the future.
 */
export function pageFindings(parts: PageParts, lang: string, now: number): Finding[] {
  const out: Finding[] = [];
  const { text, meta } = parts;
  // The parts hold translation-status shortcodes only; the last live one is the metadata's
  // (chosenShortcode's choice, without asking each name again: the scan comes here per page).
  const live = parts.shortcodes.filter((s) => s.params.has(COMMIT_ATTRIBUTE));
  const chosen = live[live.length - 1] ?? null;
  const at = (offset: number | undefined, fallback: number): Position =>
    offset === undefined ? { line: fallback, column: 1 } : positionAt(text, offset);
  const first = live[0];
  if (chosen && first && live.length > 1) {
    // One finding however many there are: a page of 10,000 is one thing wrong, not 9,999.
    out.push(
      finding(
        "duplicate-metadata",
        at(first.spans ? first.start : undefined, first.line),
        `found ${live.length} translation-status shortcodes; using the last one, on line ${chosen.line}`,
      ),
    );
  }
  if (chosen && parts.frontMatterLine !== null) {
    const line = parts.frontMatterLine;
    out.push(
      finding(
        "duplicate-metadata",
        { line, column: 1 },
        `page has metadata in both front matter (line ${line}) and a shortcode (line ${chosen.line}); using the shortcode`,
      ),
    );
  }
  if (parts.frontMatterInvalid !== null) {
    out.push(finding("front-matter-invalid", { line: 1, column: 1 }, parts.frontMatterInvalid));
  }
  if (chosen) out.push(...shortcodeFindings(chosen, lang, at));
  else {
    // A page whose commit key is misspelt records no metadata at all: the misspelling is what
    // says why it is untracked.
    for (const s of parts.shortcodes) out.push(...commitAttributeFindings(s, at));
    out.push(...frontMatterKeyFindings(text, parts.bodyStart));
  }
  if (meta) {
    const span = chosen?.spans?.get(TIME_KEY) ?? chosen?.spans?.get(MISSPELLED_TIME_KEY);
    const dated = dateFinding(meta.lastTranslationTime, now, at(span?.start, meta.line));
    if (dated !== null) out.push(dated);
  } else {
    const hidden = hiddenMetadata(text, parts.bodyStart);
    if (hidden !== -1) {
      const where = positionAt(text, hidden);
      out.push(
        finding(
          "hidden-metadata",
          where,
          `the translation-status shortcode on line ${where.line} is not read (inside a code block or a comment, or not closed): the page records no metadata`,
        ),
      );
    }
  }
  return out;
}

/** `date-invalid` or `date-future` for a page's last_translation_time, judged at `now`; null when
 * it is fine or absent. stamp checks the date it writes with this too. */
export function dateFinding(value: string | null, now: number, at: Position): Finding | null {
  const problem = translationTimeProblem(value, now);
  if (problem === null) return null;
  return finding(problem.endsWith("in the future") ? "date-future" : "date-invalid", at, problem);
}

function shortcodeFindings(
  s: Shortcode,
  lang: string,
  at: (offset: number | undefined, fallback: number) => Position,
): Finding[] {
  const out: Finding[] = [];
  const suffix = s.name.length > NAME.length ? s.name.slice(NAME.length + 1) : null;
  if (suffix !== null && lang !== "" && suffix.toLowerCase() !== lang.toLowerCase()) {
    out.push(
      finding(
        "lang-suffix",
        at(s.spans ? s.start : undefined, s.line),
        `the shortcode is "${pageText(s.name, 60)}" in a page of language ${pageText(lang, 40)}: Hugo renders the ${pageText(suffix, 40)} one`,
      ),
    );
  }
  const known: readonly string[] = SHORTCODE_ATTRIBUTES;
  for (const key of s.params.keys()) {
    if (known.includes(key)) continue;
    const right = shortcodeAttribute(key);
    const keySpan = s.keys?.get(key);
    const where = at(keySpan?.start, s.line);
    if (right === null) {
      out.push(
        finding(
          "unknown-attribute",
          where,
          `unknown attribute "${pageText(key, 60)}" (the shortcode takes ${SHORTCODE_ATTRIBUTES.join(", ")})`,
        ),
      );
    } else if (s.params.has(right)) {
      out.push(
        finding(
          "misspelled-attribute",
          where,
          `shortcode has both "${right}" and the misspelled "${pageText(key, 60)}"; using "${right}"`,
        ),
      );
    } else {
      const message =
        key === MISSPELLED_TIME_KEY
          ? `metadata uses the misspelled attribute "${MISSPELLED_TIME_KEY}"; Hugo templates read "${TIME_KEY}"`
          : `attribute "${pageText(key, 60)}" is misspelled; Hugo templates read "${right}"`;
      // The misspelt date is read already; another renamed key is read once renamed.
      const reads = key === MISSPELLED_TIME_KEY ? {} : renamedReads(right, s.params.get(key));
      const fix =
        keySpan && reads
          ? {
              edits: [{ ...keySpan, value: right }],
              says: `renamed "${key}" to "${right}"`,
              reads,
            }
          : undefined;
      out.push(finding("misspelled-attribute", where, message, fix));
    }
  }
  return out;
}

/** A shortcode without raw_commit that writes a misspelling of it (no repair: renaming it
 * would start tracking the page on a guess). */
function commitAttributeFindings(
  s: Shortcode,
  at: (offset: number | undefined, fallback: number) => Position,
): Finding[] {
  const out: Finding[] = [];
  for (const key of s.params.keys()) {
    if (key === COMMIT_ATTRIBUTE || shortcodeAttribute(key) !== COMMIT_ATTRIBUTE) continue;
    out.push(
      finding(
        "misspelled-attribute",
        at(s.keys?.get(key)?.start, s.line),
        `attribute "${pageText(key, 60)}" is misspelled; Hugo templates read "${COMMIT_ATTRIBUTE}" (the page records no metadata until it is renamed)`,
      ),
    );
  }
  return out;
}

/** Metadata values a renamed key makes the page read (see fix.ts), by the right key. */
function renamedReads(right: string, value: unknown): MetaChange | null {
  if (right === TIME_KEY)
    return typeof value === "string" ? { lastTranslationTime: value.trim() } : null;
  if (right === TITLE_ATTRIBUTE)
    return typeof value === "string" ? { rawTitle: value.trim() } : null;
  if (right === LINK_ATTRIBUTE) return typeof value === "string" ? { rawLink: value.trim() } : null;
  if (right === DRIFT_KEY) {
    return typeof value === "string" || typeof value === "boolean"
      ? { drifted: String(value) }
      : null;
  }
  return null;
}

/** Our front matter keys by their words (see `words`), but MDN's table: written otherwise it is
 * mdnCommitFindings's, which knows what it holds. */
const KEY_BY_WORDS = new Map(
  FRONT_MATTER_KEYS.filter((k) => k !== MDN_TABLE).map((k) => [words(k), k] as const),
);

/** The key of ours a top-level front matter key misspells, or null. */
function misspelt(key: string): string | null {
  const known: readonly string[] = FRONT_MATTER_KEYS;
  if (known.includes(key)) return null;
  if (key === MISSPELLED_TIME_KEY) return TIME_KEY;
  return KEY_BY_WORDS.get(words(key)) ?? nearest(key, FRONT_MATTER_KEYS, frontMatterTypoEdits);
}

/** Whether a top-level key is worth parsing the front matter for. */
const suspect = (key: string) => misspelt(key) !== null || isMdnPathKey(key);

/** Whether a line of `head` starts with a key worth parsing the front matter for. A site's pages
 * write the same few keys again and again: each short key's answer is kept, up to a bound, so
 * the comparisons with this tool's keys are made once per key rather than once per page. A
 * longer key (which a page may make as long as it is) is judged each time and never kept. */
function writesSuspectKey(head: string): boolean {
  const keyAtLineStart = /^["']?([\w.-]+)["']?[ \t]*[:=]/gm;
  for (let m = keyAtLineStart.exec(head); m !== null; m = keyAtLineStart.exec(head)) {
    const key = m[1] as string;
    let known = suspectKeys.get(key);
    if (known === undefined) {
      known = suspect(key);
      if (key.length <= MAX_KEPT_KEY_LENGTH) {
        if (suspectKeys.size >= MAX_KEPT_KEYS) suspectKeys.clear();
        // A copy: the key cut from the page would keep the page's whole text alive.
        suspectKeys.set(ownString(key), known);
      }
    }
    if (known) return true;
  }
  return false;
}

const suspectKeys = new Map<string, boolean>();
const MAX_KEPT_KEYS = 4096;
const MAX_KEPT_KEY_LENGTH = 64;

/** A top-level front matter key that is a misspelling of one this tool reads. */
function frontMatterKeyFindings(text: string, bodyStart: number): Finding[] {
  // Every page of a front matter site comes here: the block is parsed again only when a line
  // starts with a key that looks misspelled.
  const head = text.slice(0, bodyStart);
  // MDN's commit is l10n.sourceCommit: a block that writes one of the two names but not l10n
  // holding sourceCommit is read too.
  const nested =
    head.includes(MDN_TABLE) !== head.includes(MDN_COMMIT_KEY) ||
    (head.includes(MDN_COMMIT_KEY) && !/^["']?l10n["']?[ \t]*[:=.]|^\[l10n\]/m.test(head));
  if (!nested && !writesSuspectKey(head)) return [];
  const data = frontMatterData(text);
  if (typeof data !== "object" || data === null) return [];
  const out: Finding[] = mdnCommitFindings(text, bodyStart, data);
  const keys = Object.keys(data);
  for (const key of keys) {
    const right = misspelt(key);
    if (right === null) continue;
    const spots = keySpots(text, 0, bodyStart, key).filter(
      (s) => text.charCodeAt(s.keyAt - 1) === 10 || s.keyAt === 0,
    );
    const spot = spots.length === 1 ? spots[0] : undefined;
    const where = spot ? positionAt(text, spot.keyAt) : { line: 1, column: 1 };
    if (keys.includes(right)) {
      out.push(
        finding(
          "misspelled-attribute",
          where,
          `front matter has both "${right}" and the misspelled "${pageText(key, 60)}"; using "${right}"`,
        ),
      );
      continue;
    }
    const untracked =
      right === COMMIT_KEY && !Object.hasOwn(data, COMMIT_KEY) && !Object.hasOwn(data, MDN_TABLE)
        ? " (the page records no metadata until it is renamed)"
        : "";
    const message =
      key === MISSPELLED_TIME_KEY
        ? `metadata uses the misspelled key "${MISSPELLED_TIME_KEY}"; Hugo templates read "${TIME_KEY}"`
        : `front matter key "${pageText(key, 60)}" is misspelled; this tool and Hugo templates read "${right}"${untracked}`;
    // Only a key written bare at the start of its line is renamed; the repair is checked by
    // parsing the page again (see fix.ts). A misspelt commit key is not: renaming it would
    // start tracking the page on a guess.
    const value = (data as Record<string, unknown>)[key];
    const reads = key === MISSPELLED_TIME_KEY ? {} : renamedReads(right, value);
    const fix =
      spot && reads && text.startsWith(key, spot.keyAt)
        ? {
            edits: [{ start: spot.keyAt, end: spot.keyAt + key.length, value: right }],
            says: `renamed "${key}" to "${right}"`,
            reads,
          }
        : undefined;
    out.push(finding("misspelled-attribute", where, message, fix));
  }
  return out;
}

/** MDN's l10n.sourceCommit misspelt, in a front matter that does not hold it: a key of l10n
 * near sourceCommit, or sourceCommit in a table near l10n (`l10m`; `i18n` is another word). */
function mdnCommitFindings(text: string, bodyStart: number, data: object): Finding[] {
  const table = (value: unknown) => (isData(value) ? value : null);
  const l10n = Object.hasOwn(data, MDN_TABLE)
    ? table((data as Record<string, unknown>)[MDN_TABLE])
    : null;
  if (l10n && Object.hasOwn(l10n, MDN_COMMIT_KEY)) return [];
  const near: Array<[string, string]> = [];
  for (const key of l10n ? Object.keys(l10n) : []) {
    if (nearest(key, [MDN_COMMIT_KEY], frontMatterTypoEdits) !== null) near.push([MDN_TABLE, key]);
  }
  for (const [key, value] of Object.entries(data)) {
    const inner = table(value);
    if (key === MDN_TABLE || !inner || !Object.hasOwn(inner, MDN_COMMIT_KEY)) continue;
    if (nearest(key.toLowerCase(), [MDN_TABLE], 1) !== null) near.push([key, MDN_COMMIT_KEY]);
  }
  const where = (key: string) => {
    const spots = keySpots(text, 0, bodyStart, key);
    const spot = spots.length === 1 ? spots[0] : undefined;
    return spot ? positionAt(text, spot.keyAt) : { line: 1, column: 1 };
  };
  const misspelt = near.map(([outer, inner]) =>
    finding(
      "misspelled-attribute",
      where(outer === MDN_TABLE ? inner : outer),
      `front matter key "${pageText(outer, 30)}.${pageText(inner, 60)}" is misspelled; this tool reads "${MDN_TABLE}.${MDN_COMMIT_KEY}" (the page records no metadata until it is renamed)`,
    ),
  );
  // `l10n.sourceCommit: <hash>` is one key to YAML (and quoted, to TOML), named with a dot.
  const oneKey = Object.keys(data)
    .filter(isMdnPathKey)
    .map((key) =>
      finding(
        "misspelled-attribute",
        where(key),
        `front matter key "${pageText(key, 60)}" is one key, not "${MDN_COMMIT_KEY}" inside "${MDN_TABLE}", which this tool reads (in YAML "${MDN_TABLE}:" with "${MDN_COMMIT_KEY}:" indented below it); the page records no metadata until it is renamed`,
      ),
    );
  return [...misspelt, ...oneKey];
}

/**
 * Offset of a translation-status shortcode written with a raw_commit that is not live (in a
 * fence, a Hugo comment, or never closed), in a page with no live metadata; -1 when none.
 */
function hiddenMetadata(text: string, from: number): number {
  for (let i = text.indexOf(NAME, from); i !== -1; i = text.indexOf(NAME, i + NAME.length)) {
    const open = text.lastIndexOf("{{", i);
    if (open === -1 || i - open > 8) continue;
    const close = text.indexOf("}}", i);
    const end = close === -1 ? Math.min(text.length, i + 2000) : close;
    // A commit written out, not a placeholder such as raw_commit="..." in a how-to.
    if (/raw_commit\s*=\s*["'`]?[0-9a-fA-F]{7,64}\b/.test(text.slice(i, end))) return open;
  }
  return -1;
}
