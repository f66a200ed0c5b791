// The translations' files, found before any is read: with a cache, each with its file's
// signature, by which a page read by an earlier run is known (see cache/page-reads.ts).
import { fileWarningText } from "../core/file-warning.js";
import { fileSignature, findPages, isPageFile } from "../site/files.js";
import type { LangFolder } from "./folders.js";

/** A page file found in a language folder. */
export interface PageFile {
  folder: LangFolder;
  /** Path below the folder, with `/`. */
  rel: string;
  /** What its file's metadata says of its bytes (see `fileSignature`); null when unknown or not
   * yet to be trusted. Only listings made for a cache have them. */
  signature: string | null;
}

/** A listed page's path in the repository: its folder's, then its own below it. The same path
 * as `pagePath` gives the page once read. */
export const listedPath = (f: Pick<PageFile, "folder" | "rel">): string =>
  `${f.folder.rel}/${f.rel}`;

/** Every page file of the language folders, with the problems of those that are not pages. */
export interface PageListing {
  files: PageFile[];
  skipped: string[];
  /** For a listing with signatures, every folder listed (absolute), with its signature. */
  folders: Array<[string, string | null]>;
}

/**
 * The translations' files. With `signed`, each file's signature too: a scan with a cache knows
 * from them, before reading a page, whether it was read before (see cache/page-reads.ts).
 */
export async function listTranslations(
  langFolders: readonly LangFolder[],
  excluded: ((rel: string) => boolean) | null = null,
  isPage: (name: string) => boolean = isPageFile,
  signed: { now: number } | null = null,
): Promise<PageListing> {
  const files: PageFile[] = [];
  const skipped: string[] = [];
  const folders: Array<[string, string | null]> = [];
  for (const folder of langFolders) {
    if (folder.abs === null) continue;
    const found = await findPages(folder.abs, isPage, folder.inside, signed?.now ?? null);
    for (const f of found.folders) {
      folders.push([f.rel === "" ? folder.abs : `${folder.abs}/${f.rel}`, f.signature]);
    }
    for (const s of found.skipped) skipped.push(fileWarningText(`${folder.rel}/${s.rel}`, s.why));
    for (const f of found.files) {
      if (excluded?.(f.rel) || folder.pair.files?.leftOut(folder.lang, f.rel)) continue;
      // The folder is absolute and normalized, and names never hold "/", "." or "..": no
      // path.join.
      const signature = signed ? fileSignature(`${folder.abs}/${f.rel}`, signed.now) : null;
      files.push({ folder, rel: f.rel, signature });
    }
  }
  return { files, skipped, folders };
}
