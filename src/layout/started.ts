// Whether a folder found beside the source, with no config naming it, is a language: one that
// holds no file in any of the layout's translation folders (an empty `content/fr/`, a Docusaurus
// `i18n/fr/` holding only `code.json`, an MDN `files/ko/`) is a leftover on one disk, which git
// and so CI never see, and no language. The one rule for every layout (scan/folders.ts and
// layout/detect.ts's MDN).
import { type FolderLookup, holdsFile } from "../site/files.js";
import type { Layout } from "./layout.js";

/** Whether one of the language's translation folders in the layout holds a file. */
export function startedLanguage(folderAt: FolderLookup, layout: Layout, lang: string): boolean {
  return layout.pairs.some((pair) => {
    const abs = folderAt(pair.translation(lang));
    return abs !== null && holdsFile(abs);
  });
}
