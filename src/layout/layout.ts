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
}

export type LayoutKind = "content" | "docusaurus" | "hugo" | "mdn";

export interface Layout {
  kind: LayoutKind;
  /** The source language's name, as folders and reports use it. */
  sourceLang: string;
  /** The folder whose subfolders are the languages. */
  languagesIn: string;
  /** The languages the site declares (Hugo's config), when they are not its folders' names. */
  languages?: readonly string[];
  pairs: readonly FolderPair[];
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
): FolderPair {
  const byPattern = (lang: string) => pattern.replaceAll("{lang}", lang);
  if (!dirs) return { source, pattern, translation: byPattern };
  return {
    source,
    pattern,
    dirs,
    translation: (lang) => (Object.hasOwn(dirs, lang) ? (dirs[lang] as string) : byPattern(lang)),
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

export function mdnLayout(locales: readonly string[]): Layout {
  return {
    ...contentLayout(MDN_CONTENT, MDN_SOURCE),
    kind: "mdn",
    languages: [...locales],
  };
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
  layout?: LayoutDescription;
}): Layout {
  if (!result.layout) return contentLayout(result.content, result.source);
  return {
    kind: result.layout.kind,
    sourceLang: result.source,
    languagesIn: "",
    pairs: result.layout.pairs.map((p) => folderPair(p.source, p.translation, p.languages)),
  };
}

/** `rel` below `folder`, or null when `path` is not inside it. */
function below(folder: string, path: string): string | null {
  return path.startsWith(`${folder}/`) && path.length > folder.length + 1
    ? path.slice(folder.length + 1)
    : null;
}

/** Where the translation of the English page `sourcePath` into `lang` belongs, or null. */
export function translationPath(layout: Layout, lang: string, sourcePath: string): string | null {
  for (const pair of layout.pairs) {
    const rel = below(pair.source, sourcePath);
    if (rel !== null) return `${pair.translation(lang)}/${rel}`;
  }
  return null;
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
 * null: a language is then any single folder name that is not the source's); null when it is
 * not in a translation folder. English pages are never translations.
 */
export function translationPlace(
  layout: Layout,
  path: string,
  langs: readonly string[] | null,
): TranslationPlace | null {
  for (const pair of layout.pairs) {
    if (below(pair.source, path) !== null) return null;
  }
  for (const pair of layout.pairs) {
    const candidates = langs ?? guessLanguages(pair, path);
    for (const lang of candidates) {
      if (lang === layout.sourceLang) continue;
      const rel = below(pair.translation(lang), path);
      if (rel !== null) return { lang, sourcePath: `${pair.source}/${rel}`, rel };
    }
  }
  return null;
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

/** Whether `path` is one of the layout's English pages' paths (by folder). */
export function isSourcePath(layout: Layout, path: string): boolean {
  return layout.pairs.some((pair) => below(pair.source, path) !== null);
}

/**
 * A translation's path as the dashboard lists it: below its language folder where the layout
 * has one folder per language, else as the English page's path (`docs/intro.md` and
 * `versioned_docs/version-1.0/intro.md` must not both read `intro.md`); the whole path when it
 * is in no translation folder.
 */
export function pathInLanguage(layout: Layout, lang: string, path: string): string {
  for (const pair of layout.pairs) {
    const rel = below(pair.translation(lang), path);
    if (rel !== null) return layout.pairs.length === 1 ? rel : `${pair.source}/${rel}`;
  }
  return path;
}
