// Where a site keeps its English pages and their translations: the one place that maps an
// English path to a translation's path and back. Every other module asks here instead of
// building `content/<lang>/<rel>` itself.
//
// A layout is a list of folder pairs: an English folder and, for each language, the folder that
// holds its translations, with the same relative paths below both. Hugo's `content/en` and
// `content/zh-cn` are one pair; a site whose translations sit elsewhere (Docusaurus's
// `i18n/<lang>/...`, Hugo's per-language contentDir) is more pairs of the same kind.

export interface FolderPair {
  /** Repo-relative English folder, without a trailing `/`. */
  source: string;
  /** The translations' folder with `{lang}` where the language goes: `content/{lang}`. */
  pattern: string;
  /** Folders named language by language (Hugo's per-language contentDir), over `pattern`. */
  dirs?: Readonly<Record<string, string>>;
  /** Repo-relative folder of a language's translations of `source`. */
  translation: (lang: string) => string;
  /** The files the site leaves out (Hugo mounts' includeFiles and excludeFiles); absent when it
   * builds every file. */
  files?: FileFilter;
}

/** Which files below a pair's folders the site builds. */
export interface FileFilter {
  /** Whether the site leaves out the file at `rel` below the English folder (`lang` null) or a
   * language's. */
  leftOut: (lang: string | null, rel: string) => boolean;
  /** What `leftOut` follows from, as data (each folder's globs, by language, "" for English):
   * a scan's inputs are named by it (see scan/inputs-key.ts), the function being no data. */
  by: Readonly<Record<string, unknown>>;
}

export type LayoutKind = "content" | "docusaurus" | "hugo" | "pattern" | "mdn";

/** How the layout is chosen: found from the site (auto), one kind named, or the site's own
 * patterns. */
export const LAYOUT_CHOICES = ["auto", "content", "hugo", "docusaurus", "pattern"] as const;
export type LayoutChoice = (typeof LAYOUT_CHOICES)[number];

export interface Layout {
  kind: LayoutKind;
  /** The source language's name, as folders and reports use it. */
  sourceLang: string;
  /** The folder whose subfolders are the languages. */
  languagesIn: string;
  /** The languages the site declares (Hugo's config), when they are not its folders' names. */
  languages?: readonly string[];
  /** Folders beside the source that are no language of the site: those of the languages Hugo's
   * config leaves out (`disabled`), whatever their case. */
  disabled?: readonly string[];
  pairs: readonly FolderPair[];
  /** The folder the site is in (where its config is), relative to the repository's top, when
   * it is not the top: `site` for kueue's `site/hugo.toml` (see layoutIn). */
  root?: string;
}

/** The folder the site is in, relative to the repository's top: "" at the top. */
export function siteRoot(layout: Layout): string {
  return layout.root ?? "";
}

/** What a scan result says of its layout, when it is not `<content>/<lang>/`: JSON data. */
export interface LayoutDescription {
  kind: LayoutKind;
  pairs: Array<{ source: string; translation: string; languages?: Record<string, string> }>;
}

export function folderPair(
  source: string,
  pattern: string,
  dirs?: Readonly<Record<string, string>>,
  files?: FileFilter,
): FolderPair {
  const byPattern = (lang: string) => pattern.replaceAll("{lang}", lang);
  const filtered = files ? { files } : {};
  if (!dirs) return { source, pattern, translation: byPattern, ...filtered };
  return {
    source,
    pattern,
    dirs,
    translation: (lang) => (Object.hasOwn(dirs, lang) ? (dirs[lang] as string) : byPattern(lang)),
    ...filtered,
  };
}

/** Hugo's default: `<content>/<source>/<rel>` translated as `<content>/<lang>/<rel>`. */
export function contentLayout(content: string, sourceLang: string): Layout {
  return {
    kind: "content",
    sourceLang,
    languagesIn: content,
    pairs: [folderPair(`${content}/${sourceLang}`, `${content}/{lang}`)],
  };
}

/**
 * MDN: the English pages in one repository (`files/en-us/<slug>/index.md`), each locale's in
 * another (`files/<locale>/<slug>/index.md`). Paths are the same in both repositories, so this
 * is `<content>/<lang>/` with the source folder read from the other repository's history.
 */
export const MDN_CONTENT = "files";
export const MDN_SOURCE = "en-us";

/** MDN's locale folders: lower-case, `ja`, `zh-cn`, `pt-br`; not `jsondata` or `sidebars`. */
const MDN_LOCALE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/;

/**
 * Why the folder `name` beside MDN's source is no locale, or null when it is one. `named`: it is
 * a locale spelt in capitals (`zh-CN`, as MDN writes locales but never names their folders),
 * which a warning names; other folders (`jsondata`) are passed over in silence.
 */
export function mdnNotLocale(name: string): { why: string; named: boolean } | null {
  if (MDN_LOCALE.test(name)) return null;
  const lower = name.toLowerCase();
  if (MDN_LOCALE.test(lower)) {
    return {
      why: `MDN's locale folders are lower-case, ${lower}; --lang ${name} reads it`,
      named: true,
    };
  }
  return { why: "not an MDN locale folder", named: false };
}

/** Its languages are the locale folders beside the source, found as any layout's are (see
 * mdnNotLocale for the names that are none). */
export function mdnLayout(): Layout {
  return { ...contentLayout(MDN_CONTENT, MDN_SOURCE), kind: "mdn" };
}

export function describeLayout(layout: Layout): LayoutDescription {
  return {
    kind: layout.kind,
    pairs: layout.pairs.map((p) => ({
      source: p.source,
      translation: p.pattern,
      ...(p.dirs ? { languages: { ...p.dirs } } : {}),
    })),
  };
}

/** Every folder the layout reads: the English ones and the part of each translation folder
 * above its language (`content`, `i18n`), for git to look below. */
export function layoutFolders(layout: Layout): string[] {
  const out = new Set<string>();
  for (const pair of layout.pairs) {
    out.add(pair.source);
    for (const dir of Object.values(pair.dirs ?? {})) out.add(dir);
    const at = pair.pattern.indexOf("{lang}");
    const above = at === -1 ? pair.pattern : pair.pattern.slice(0, at).replace(/\/+$/, "");
    if (above !== "") out.add(above);
  }
  return [...out];
}

/** The layout a scan result was made with. */
export function layoutOfResult(result: {
  content: string;
  source: string;
  languages?: readonly string[];
  layout?: LayoutDescription;
}): Layout {
  if (!result.layout) return contentLayout(result.content, result.source);
  return {
    kind: result.layout.kind,
    sourceLang: result.source,
    languagesIn: "",
    // Where one folder holds another's (VitePress's `docs/zh/` in `docs/`), the languages tell
    // which subfolders are translations.
    ...(result.languages ? { languages: [...result.languages] } : {}),
    pairs: result.layout.pairs.map((p) => folderPair(p.source, p.translation, p.languages)),
  };
}

/** `rel` below `folder`, or null when `path` is not inside it. */
function below(folder: string, path: string): string | null {
  return path.startsWith(`${folder}/`) && path.length > folder.length + 1
    ? path.slice(folder.length + 1)
    : null;
}

/**
 * The layout's folder that holds `path` most closely, and what it is: an English folder (`lang`
 * null) or a language's translation folder. The deepest folder wins, so a folder of one pair
 * inside another's (VitePress's `docs/zh/` inside the English `docs/`, a Hugo mount's
 * `content/ja/docs/specs/` inside `content/ja/`) has its own pages. Languages are `langs`, else
 * those the layout declares, else any single folder name where the pattern has `{lang}`.
 */
function ownerOf(
  layout: Layout,
  path: string,
  langs: readonly string[] | null,
): { pair: FolderPair; lang: string | null; folder: string } | null {
  let best: { pair: FolderPair; lang: string | null; folder: string } | null = null;
  const consider = (pair: FolderPair, lang: string | null, folder: string) => {
    if (below(folder, path) !== null && (best === null || folder.length > best.folder.length)) {
      best = { pair, lang, folder };
    }
  };
  for (const pair of layout.pairs) {
    consider(pair, null, pair.source);
    for (const lang of langs ?? layout.languages ?? guessLanguages(pair, path)) {
      if (lang !== layout.sourceLang) consider(pair, lang, pair.translation(lang));
    }
  }
  return best;
}

/** Where the translation of the English page `sourcePath` into `lang` belongs, or null. */
export function translationPath(layout: Layout, lang: string, sourcePath: string): string | null {
  const owner = ownerOf(layout, sourcePath, []);
  if (owner === null) return null;
  return `${owner.pair.translation(lang)}/${sourcePath.slice(owner.folder.length + 1)}`;
}

export interface TranslationPlace {
  lang: string;
  /** The English page it translates (which may not exist). */
  sourcePath: string;
  /** The path below the language's folder, as the dashboard shows it. */
  rel: string;
}

/**
 * What the file `path` is a translation of, in one of `langs` (or any language when `langs` is
 * null: see ownerOf); null when it is not in a translation folder. English pages are never
 * translations.
 */
export function translationPlace(
  layout: Layout,
  path: string,
  langs: readonly string[] | null,
): TranslationPlace | null {
  // An English folder inside a translation folder (or the other way round) takes its own pages,
  // whichever languages were asked for: so the owner is found among all of them, then checked.
  const owner = ownerOf(
    layout,
    path,
    langs === null ? null : [...langs, ...(layout.languages ?? [])],
  );
  if (owner === null || owner.lang === null) return null;
  if (langs !== null && !langs.includes(owner.lang)) return null;
  const rel = path.slice(owner.folder.length + 1);
  return { lang: owner.lang, sourcePath: `${owner.pair.source}/${rel}`, rel };
}

/** The language names that could put `path` in this pair's translation folder. */
function guessLanguages(pair: FolderPair, path: string): string[] {
  if (pair.dirs) {
    return Object.entries(pair.dirs)
      .filter(([, dir]) => path.startsWith(`${dir}/`))
      .map(([lang]) => lang);
  }
  // The language is the folder name where the pattern has it.
  const at = pair.pattern.indexOf("{lang}");
  if (at === -1 || !path.startsWith(pair.pattern.slice(0, at))) return [];
  const rest = path.slice(at);
  const end = rest.indexOf("/");
  return end > 0 ? [rest.slice(0, end)] : [];
}

/** Whether `path` is one of the layout's English pages' paths (by folder): its deepest folder is
 * an English one, among the folders of `langs` (null: see ownerOf). */
export function isSourcePath(
  layout: Layout,
  path: string,
  langs: readonly string[] | null = null,
): boolean {
  const owner = ownerOf(layout, path, langs);
  return owner !== null && owner.lang === null;
}

/**
 * The layout's folders that lie inside `folder`, relative to it: a walk of `folder` leaves them
 * to their own pairs. Empty for nearly every site, whose folders are side by side.
 */
export function foldersInside(
  layout: Layout,
  languages: readonly string[],
  folder: string,
): string[] {
  const all = new Set<string>();
  for (const pair of layout.pairs) {
    all.add(pair.source);
    for (const lang of languages) if (lang !== layout.sourceLang) all.add(pair.translation(lang));
  }
  return [...all].flatMap((f) => {
    const rel = below(folder, f);
    return rel === null ? [] : [rel];
  });
}

/**
 * A translation's path as the dashboard lists it: below its language's outermost folder where
 * the language has one (`content/ja/`, with a mount's folder inside it), else as the English
 * page's path (`docs/intro.md` and `versioned_docs/version-1.0/intro.md` must not both read
 * `intro.md`); the whole path when it is in no translation folder.
 */
export function pathInLanguage(layout: Layout, lang: string, path: string): string {
  const folders = layout.pairs.map((pair) => ({ pair, folder: pair.translation(lang) }));
  const outermost = folders.filter(
    (f) => !folders.some((o) => o.folder !== f.folder && below(o.folder, f.folder) !== null),
  );
  const owner = ownerOf(layout, path, [lang]);
  if (owner === null || owner.lang === null) return path;
  if (outermost.length === 1) {
    const top = outermost[0] as (typeof outermost)[number];
    const rel = below(top.folder, path);
    if (rel !== null) return rel;
  }
  return `${owner.pair.source}/${path.slice(owner.folder.length + 1)}`;
}

/**
 * A layout found with `folder` (a subfolder of the repository: a site in `site/`) as its top,
 * its folders made relative to the repository's top. A language without a folder of a pair
 * ("") keeps none.
 */
export function layoutIn(folder: string, layout: Layout): Layout {
  const at = (rel: string) => (rel === "" ? "" : `${folder}/${rel}`);
  return {
    ...layout,
    root: at(siteRoot(layout)) || folder,
    languagesIn: at(layout.languagesIn),
    pairs: layout.pairs.map((p) =>
      folderPair(
        at(p.source),
        at(p.pattern),
        p.dirs && Object.fromEntries(Object.entries(p.dirs).map(([lang, dir]) => [lang, at(dir)])),
        p.files,
      ),
    ),
  };
}
