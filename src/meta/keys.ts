// The names metadata is written under, for every reader and writer of it.

import { nearest } from "../core/nearest.js";

/** The English commit, in OpenTelemetry's and Helm's front matter. */
export const COMMIT_KEY = "default_lang_commit";
/** MDN's front matter table, and its key of the English commit (`l10n.sourceCommit`). */
export const MDN_TABLE = "l10n";
export const MDN_COMMIT_KEY = "sourceCommit";
/** The English commit, as a translation-status shortcode's attribute. */
export const COMMIT_ATTRIBUTE = "raw_commit";
/** The English page's title and URL at that commit, as the shortcode's attributes. */
export const TITLE_ATTRIBUTE = "raw_title";
export const LINK_ATTRIBUTE = "raw_link";
/** The date of the translation, as Hugo templates read it. */
export const TIME_KEY = "last_translation_time";
/** The misspelling Mastodon's pages carry; read, flagged, and stamped like the right one. */
export const MISSPELLED_TIME_KEY = "last_tranlation_time";
/** Both, the right one first: a writer updates each the page has. */
export const TIME_KEYS = [TIME_KEY, MISSPELLED_TIME_KEY] as const;
/** OpenTelemetry's record of a page's drift (`true`, or `file not found`), kept beside the
 * commit; its own scripts remove it once the page is in sync. */
export const DRIFT_KEY = "drifted_from_default";
/** The attributes a translation-status shortcode takes (the misspelling is not one). */
export const SHORTCODE_ATTRIBUTES = [
  COMMIT_ATTRIBUTE,
  TITLE_ATTRIBUTE,
  LINK_ATTRIBUTE,
  TIME_KEY,
] as const;
/** One of them. */
export type ShortcodeAttribute = (typeof SHORTCODE_ATTRIBUTES)[number];

/**
 * The shortcode attribute a page's `key` stands for: itself when known, the right spelling of a
 * misspelt one (as lint names it), null for one no attribute is near. `stamp --init` writes a
 * site's parameters under these names, and lint renames misspellings to them.
 */
export function shortcodeAttribute(key: string): string | null {
  if ((SHORTCODE_ATTRIBUTES as readonly string[]).includes(key)) return key;
  return key === MISSPELLED_TIME_KEY ? TIME_KEY : nearest(key, SHORTCODE_ATTRIBUTES, 3);
}
