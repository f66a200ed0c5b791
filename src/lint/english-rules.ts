// raw_title and raw_link against the English page they name, as it was at raw_commit. Pure: the
// English text comes from one batched read (see lint.ts). Only a shortcode records them.

import type { HugoUrls } from "../layout/hugo.js";
import { frontMatterEnd } from "../meta/frontmatter.js";
import { oneLine, pageLink } from "../meta/init.js";
import { LINK_ATTRIBUTE, TITLE_ATTRIBUTE } from "../meta/keys.js";
import type { Shortcode } from "../meta/shortcode.js";
import { shortcodeValueAt } from "../meta/value-text.js";
import { pageText } from "../meta/warning.js";
import { type Edit, type Finding, finding, positionAt } from "./finding.js";

/** The English page's front matter, as far as these rules read it. */
function englishData(text: string): Record<string, unknown> | null {
  const found = frontMatterEnd(text);
  if (found === null || "error" in found) return null;
  const data = found.data;
  return typeof data === "object" && data !== null && !Array.isArray(data)
    ? (data as Record<string, unknown>)
    : null;
}

/**
 * The URL Hugo gives the English page at `rel` (below its language's folder): the path without
 * `.md`, `_index` or `index`, in lower case unless the config says otherwise; a front matter
 * `url` as written, a `slug` in place of the file's name. Null when it cannot be known here (a
 * name Hugo would change in other ways than case).
 */
export function hugoUrl(
  rel: string,
  data: Record<string, unknown> | null,
  urls: HugoUrls,
): string | null {
  const url = data?.url;
  if (typeof url === "string" && url.trim() !== "") return url.trim();
  const lower = urls.lower ? rel.toLowerCase() : rel;
  // Hugo changes other characters (spaces, punctuation) in ways not followed here.
  if (!/^[A-Za-z0-9._/-]+$/.test(lower)) return null;
  const link = pageLink(lower);
  const slug = data?.slug;
  if (typeof slug !== "string" || slug.trim() === "") return link;
  const file = lower.split("/").pop() ?? "";
  // A section's slug does not rename the section.
  if (/^_?index\./.test(file)) return link;
  const parts = link.split("/").filter(Boolean);
  parts[parts.length - 1] = urls.lower ? slug.trim().toLowerCase() : slug.trim();
  return `/${parts.join("/")}/`;
}

/** A trailing slash makes no difference to which page a link opens on Hugo's default server. */
function sameLink(a: string, b: string): boolean {
  const strip = (s: string) => (s.length > 1 ? s.replace(/\/+$/, "") : s);
  return strip(a) === strip(b);
}

export interface EnglishPage {
  /** The English page's text at raw_commit. */
  text: string;
  /** Its path below the English folder, and how Hugo makes URLs; null when its URL cannot be
   * known (not Hugo, or URLs the config shapes otherwise). */
  url: { rel: string; urls: HugoUrls } | null;
}

/** raw_title and raw_link of the page's shortcode `s` (read with spans) against `english`. */
export function englishFindings(page: string, s: Shortcode, english: EnglishPage): Finding[] {
  const out: Finding[] = [];
  const data = englishData(english.text);
  const check = (
    key: typeof TITLE_ATTRIBUTE | typeof LINK_ATTRIBUTE,
    want: string | null,
    same: typeof sameLink,
  ) => {
    const written = s.params.get(key);
    const span = s.spans?.get(key);
    if (written === undefined || want === null || same(written.trim(), want)) return;
    const where = span ? positionAt(page, span.start) : { line: s.line, column: 1 };
    const edit = span ? valueEdit(page, span, want) : null;
    out.push(
      finding(
        key === TITLE_ATTRIBUTE ? "raw-title" : "raw-link",
        where,
        `${key} "${pageText(written.trim(), 80)}" is not the English page's ${key === TITLE_ATTRIBUTE ? "title" : "URL"} at raw_commit, "${pageText(want, 80)}"`,
        edit
          ? {
              edits: [edit],
              says: `${key} set to "${want}"`,
              reads: key === TITLE_ATTRIBUTE ? { rawTitle: want } : { rawLink: want },
            }
          : undefined,
      ),
    );
  };
  // Compared as a shortcode holds it (stamp --init writes it so): a tab or line break in the
  // English title is a space there.
  const title = typeof data?.title === "string" ? oneLine(data.title) : "";
  check(TITLE_ATTRIBUTE, title !== "" ? title : null, (a, b) => oneLine(a) === b);
  if (english.url !== null) {
    check(LINK_ATTRIBUTE, hugoUrl(english.url.rel, data, english.url.urls), sameLink);
  }
  return out;
}

/** The edit that makes a shortcode value (at `span`) read `value`, or null when it cannot be
 * written there as it stands. */
function valueEdit(page: string, span: { start: number; end: number }, value: string): Edit | null {
  const written = shortcodeValueAt(page, span, value);
  return written === null ? null : { ...span, value: written };
}
