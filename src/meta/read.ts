// Which English commit a translated page says it was translated from.

import type { PageMeta } from "../core/types.js";
import { readFrontMatter } from "./frontmatter.js";
import { findShortcodes } from "./shortcode.js";
import { metaFromShortcodes } from "./status-shortcode.js";

export interface MetaResult {
  meta: PageMeta | null;
  warnings: string[];
}

/** Reads a page's translation metadata. Never throws; anything odd becomes a warning. */
export function readMeta(text: string): MetaResult {
  const frontMatter = readFrontMatter(text);
  // Hugo does not expand shortcodes inside front matter, so the scan starts at the body.
  const fromShortcode = metaFromShortcodes(findShortcodes(text, frontMatter.bodyStart));
  const warnings = [...frontMatter.warnings, ...fromShortcode.warnings];
  if (fromShortcode.meta && frontMatter.meta) {
    warnings.push(
      `page has metadata in both front matter (line ${frontMatter.meta.line}) and a shortcode (line ${fromShortcode.meta.line}); using the shortcode`,
    );
  }
  return { meta: fromShortcode.meta ?? frontMatter.meta, warnings };
}
