// How a site records metadata, learned from its own translated pages: `stamp --init` writes a
// new page's metadata the way the others have it (Mastodon's shortcode at the end of the page,
// OpenTelemetry's `default_lang_commit` in front matter, MDN's `l10n.sourceCommit`).
import { readdirSync } from "node:fs";
import path from "node:path";
import type { Layout } from "../layout/layout.js";
import { type MetaStyle, styleOfPage } from "../meta/init.js";
import { decodePage, findPages, readPageBytes, realFolderInside } from "../site/files.js";

/** Pages read at most while looking for one that records metadata: a site that has any
 * usually has it on most pages, and one that has none is not read whole for nothing. */
const MAX_READ = 400;

/** The folders in `folder` (Hugo's `content`): the languages of a layout that does not list
 * them. */
function languageFolders(workTree: string, folder: string): string[] {
  const abs = folder === "" ? null : realFolderInside(workTree, folder);
  if (!abs) return [];
  return readdirSync(abs, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.isSymbolicLink())
    .map((e) => e.name)
    .sort();
}

/**
 * The style of the first page found with metadata: in `lang`'s folders first, then in the
 * other languages'. Null when none of the pages read has any.
 */
export async function siteStyle(
  workTree: string,
  layout: Layout,
  lang: string,
  isPage: (name: string) => boolean,
): Promise<MetaStyle | null> {
  const others = (layout.languages ?? languageFolders(workTree, layout.languagesIn)).filter(
    (l) => l !== lang && l !== layout.sourceLang,
  );
  let read = 0;
  for (const l of [lang, ...others]) {
    for (const pair of layout.pairs) {
      const folder = pair.translation(l);
      const abs = folder === "" ? null : realFolderInside(workTree, folder);
      if (!abs) continue;
      const { files } = await findPages(abs, isPage);
      for (const f of files) {
        if (read++ >= MAX_READ) return null;
        const got = readPageBytes(path.join(abs, f.rel));
        if ("error" in got) continue;
        const style = styleOfPage(decodePage(got.bytes).text, l);
        if (style) return style;
      }
    }
  }
  return null;
}
