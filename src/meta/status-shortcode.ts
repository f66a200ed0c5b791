// The translation-status shortcode: Mastodon's documentation ends each translated page with one,
// named per language (translation-status-zh-cn), recording the English commit it follows.

import type { PageMeta } from "../core/types.js";
import {
  COMMIT_ATTRIBUTE,
  LINK_ATTRIBUTE,
  MISSPELLED_TIME_KEY,
  SHORTCODE_ATTRIBUTES,
  TIME_KEY,
  TITLE_ATTRIBUTE,
} from "./keys.js";
import type { Shortcode } from "./shortcode.js";

const NAME = "translation-status";
const KNOWN: readonly string[] = [...SHORTCODE_ATTRIBUTES, MISSPELLED_TIME_KEY];

/** "translation-status", or that name with a language suffix of letters, digits, "-" or "_". */
export function isTranslationStatusName(name: string): boolean {
  if (name === NAME) return true;
  return name.startsWith(`${NAME}-`) && /^[A-Za-z0-9_-]+$/.test(name.slice(NAME.length + 1));
}

function param(shortcode: Shortcode, key: string): string | null {
  const value = shortcode.params.get(key);
  return value === undefined ? null : value.trim();
}

export interface StatusResult {
  meta: PageMeta | null;
  warnings: string[];
}

/** The shortcode a page's metadata is read from: the last translation-status one with a
 * raw_commit. Reader and writers both choose through this. */
export function chosenShortcode(shortcodes: readonly Shortcode[]): Shortcode | null {
  for (let i = shortcodes.length - 1; i >= 0; i--) {
    const s = shortcodes[i] as Shortcode;
    if (isTranslationStatusName(s.name) && s.params.has(COMMIT_ATTRIBUTE)) return s;
  }
  return null;
}

/** The metadata of the last translation-status shortcode that has a raw_commit. */
export function metaFromShortcodes(shortcodes: readonly Shortcode[]): StatusResult {
  const warnings: string[] = [];
  const named = shortcodes.filter((s) => isTranslationStatusName(s.name));
  const live = named.filter((s) => s.params.has(COMMIT_ATTRIBUTE));
  const withoutCommit = named.filter((s) => !s.params.has(COMMIT_ATTRIBUTE));
  const firstWithout = withoutCommit[0];
  if (firstWithout) {
    warnings.push(
      withoutCommit.length === 1
        ? `ignored the translation-status shortcode on line ${firstWithout.line}: it has no raw_commit`
        : `ignored ${withoutCommit.length} translation-status shortcodes without raw_commit (first on line ${firstWithout.line})`,
    );
  }
  const chosen = chosenShortcode(live);
  if (!chosen) return { meta: null, warnings };
  // More than one live shortcode, and a misspelled date attribute, are findings of the rules in
  // lint/page-rules.ts, which the scan's warnings are made of.
  for (const key of chosen.repeated) {
    if (KNOWN.includes(key)) {
      warnings.push(`attribute "${key}" is given more than once; using the last value`);
    }
  }
  const time = param(chosen, TIME_KEY) ?? param(chosen, MISSPELLED_TIME_KEY);
  return {
    meta: {
      kind: "shortcode",
      rawCommit: param(chosen, COMMIT_ATTRIBUTE) ?? "",
      rawTitle: param(chosen, TITLE_ATTRIBUTE),
      rawLink: param(chosen, LINK_ATTRIBUTE),
      lastTranslationTime: time,
      line: chosen.commitLine ?? chosen.line,
    },
    warnings,
  };
}
