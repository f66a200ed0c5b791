// The layout Hugo's site config gives a site (the config is read as data, see hugo-config.ts):
// the languages it declares and the folder each one's content is in (`[languages.X]
// contentDir`, module mounts), less those it disables. A site that gives its languages their
// own content folders this way is laid out by the config, whatever other folders sit beside
// them; one that tells its languages apart by file name (`a.zh.md`) is not read, and says so.
import { type Dirent, readdirSync } from "node:fs";
import path from "node:path";
import { AppError } from "../errors.js";
import { folderName, folderOptionProblem, LANGUAGE_NAME } from "../options/values.js";
import { realFolderInside } from "../site/files.js";
import {
  type ConfigText,
  configTexts,
  type Data,
  get,
  getMap,
  hugoConfig,
  isData,
  isOn,
  mergeConfig,
} from "./hugo-config.js";
import { contentLayout, type FileFilter, folderPair, type Layout } from "./layout.js";
import { mountLeavesOut } from "./mount-files.js";

/** What a config says when it gives languages folders of their own or leaves some out: only
 * such a config changes the layout, so for most Hugo sites no parser is loaded before git can
 * start on the history. */
const SAYS_LANGUAGES = /contentdir|mounts|disabled|disablelanguages/i;

function folder(value: unknown): string | null {
  if (typeof value !== "string") return null;
  // Read as the content option is (options/values.ts).
  return folderOptionProblem(value.trim()) === null ? folderName(value.trim()) : null;
}

/** What Hugo's config says of the site's languages. */
interface Languages {
  /** Each language it declares, by its name as the config spells it, with its settings. */
  declared: ReadonlyMap<string, Data>;
  /** The declared language's spelling of `name`, whatever its case; else `name`. */
  canonical: (name: string) => string;
  /** The languages it leaves out (`disabled`, or listed in `disableLanguages`): Hugo builds
   * none of their pages. */
  off: ReadonlySet<string>;
  /** `defaultContentLanguage`, when it names one. */
  defaultLang: string | null;
}

function languagesOf(config: Data): Languages {
  const declared = new Map<string, Data>();
  for (const [name, settings] of Object.entries(getMap(config, "languages") ?? {})) {
    if (LANGUAGE_NAME.test(name)) declared.set(name, isData(settings) ? settings : {});
  }
  const byLower = new Map([...declared.keys()].map((l) => [l.toLowerCase(), l]));
  const canonical = (name: string) => byLower.get(name.toLowerCase()) ?? name;
  const off = new Set<string>();
  for (const [name, settings] of declared) if (isOn(get(settings, "disabled"))) off.add(name);
  const listed = get(config, "disableLanguages");
  for (const name of Array.isArray(listed) ? listed.slice(0, 1000) : []) {
    if (typeof name === "string" && LANGUAGE_NAME.test(name)) off.add(canonical(name));
  }
  const named = get(config, "defaultContentLanguage");
  const defaultLang =
    typeof named === "string" && LANGUAGE_NAME.test(named) ? canonical(named) : null;
  return { declared, canonical, off, defaultLang };
}

/** The options' folders, as the layout is chosen from them. */
export interface HugoLayoutOptions {
  content: string;
  source: string;
  /** Whether the options set the source language: the config's default language is the source
   * otherwise. One set must be a language the config gives content of its own. */
  sourceChosen: boolean;
}

/**
 * The layout Hugo's config declares: its languages' own content folders (by `contentDir` or by
 * module mounts), or `<content>/<lang>/` without the languages it leaves out. Null when there
 * is no config or it leaves everything to the defaults (the plain content layout). A site whose
 * pages are translated by file name (`a.md` beside `a.zh.md`) is an error that says so.
 */
export function hugoLayout(workTree: string, opts: HugoLayoutOptions): Layout | null {
  const texts = configTexts(workTree);
  if (texts.length === 0) return null;
  const sourceThere = realFolderInside(workTree, `${opts.content}/${opts.source}`) !== null;
  if (sourceThere && !texts.some((t) => SAYS_LANGUAGES.test(t.text))) return null;
  const config = mergeConfig(texts);
  if (!config) return null;
  const langs = languagesOf(config);
  return (
    ownFoldersLayout(workTree, config, langs, opts) ??
    defaultsLayout(workTree, texts, langs, opts, sourceThere)
  );
}

/** The layout of the languages' own content folders, when the config gives them some. */
function ownFoldersLayout(
  workTree: string,
  config: Data,
  langs: Languages,
  opts: HugoLayoutOptions,
): Layout | null {
  const defaultLang = langs.defaultLang ?? opts.source;
  const chosenSource = opts.sourceChosen ? langs.canonical(opts.source) : null;
  const sourceLang = chosenSource ?? defaultLang;
  const on = (lang: string) => lang === sourceLang || !langs.off.has(lang);
  const declared = [...langs.declared.keys()].filter((l) => l !== sourceLang && on(l));
  // A mount without a language is the config's default language's, whichever is the source.
  const mounts = contentMounts(workTree, config, defaultLang, langs.canonical).filter((m) =>
    on(m.lang),
  );
  if (mounts.length > 0) {
    if (!mounts.some((m) => m.lang === sourceLang)) {
      throw noContentOf(sourceLang, [...new Set(mounts.map((m) => m.lang))]);
    }
    return mountsLayout(mounts, sourceLang, declared);
  }
  if (langs.declared.size === 0) return null;
  // Each language's content folder: the top-level contentDir is the default language's unless
  // that language names its own.
  const own: Record<string, string> = {};
  const top = folder(get(config, "contentDir"));
  if (top !== null) own[defaultLang] = top;
  for (const [lang, settings] of langs.declared) {
    const dir = folder(get(settings, "contentDir"));
    if (dir !== null) own[lang] = dir;
  }
  // A language the config leaves out keeps its folder, for --lang to read (it is not reported
  // otherwise).
  const dirs = Object.fromEntries(Object.entries(own).filter(([lang]) => lang !== sourceLang));
  const languages = Object.keys(dirs).filter(on);
  const sourceDir = own[sourceLang];
  if (languages.length === 0) return null;
  if (sourceDir === undefined) {
    if (chosenSource !== null) throw noContentOf(sourceLang, Object.keys(own));
    return null;
  }
  return foldersLayout([{ source: sourceDir, dirs }], sourceLang, languages);
}

/**
 * Hugo's defaults as this tool reads them, `<content>/<lang>/`: null when that is the plain
 * content layout, else it with the folders of the languages the config leaves out. When there
 * is no `<content>/<source>` and the content folder has a page named for a language the config
 * declares, the site is translated by file name, which this tool does not read: that is an error.
 */
function defaultsLayout(
  workTree: string,
  texts: readonly ConfigText[],
  langs: Languages,
  opts: HugoLayoutOptions,
  sourceThere: boolean,
): Layout | null {
  if (!sourceThere) {
    const example = pageNamedByLanguage(workTree, opts.content, [...langs.declared.keys()]);
    if (example !== null) {
      throw new AppError(
        2,
        `this Hugo site translates pages by file name (${example}), which translation-status does not read: ${noFolders(texts, langs)}, and there is no ${opts.content}/${opts.source}; ${foldersRead(opts.content)}`,
      );
    }
  }
  if (langs.off.size === 0 || !realFolderInside(workTree, opts.content)) return null;
  return { ...contentLayout(opts.content, opts.source), disabled: [...langs.off].sort() };
}

/** What Hugo's config gives its languages, for messages. */
function noFolders(texts: readonly ConfigText[], langs: Languages): string {
  const files = texts.map((t) => t.rel).join(", ");
  const names = [...langs.declared.keys()].sort().join(", ");
  return `Hugo's config, ${files}, gives its languages ${names} no content folder each`;
}

/** What this tool reads instead of pages named by language, for messages. */
function foldersRead(content: string): string {
  return `translation-status reads a folder per language: ${content}/<lang>/, or a contentDir or module mount for each language in Hugo's config`;
}

/** Entries of the content folder looked at, at most, for a page named by language. */
const MAX_LOOK = 5000;

/** The first page (breadth first, by name) below `content` whose name ends in `.<lang>.<ext>`
 * for one of `langs`; null when there is none among the first entries. Names only are read. */
function pageNamedByLanguage(
  workTree: string,
  content: string,
  langs: readonly string[],
): string | null {
  const root = realFolderInside(workTree, content);
  if (root === null || langs.length === 0) return null;
  const lower = new Set(langs.map((l) => l.toLowerCase()));
  const queue = [""];
  let looked = 0;
  for (let i = 0; i < queue.length; i++) {
    const rel = queue[i] as string;
    let names: Dirent[];
    try {
      names = readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch {
      continue;
    }
    names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of names) {
      if (++looked > MAX_LOOK) return null;
      if (!LANGUAGE_NAME.test(e.name) || e.isSymbolicLink()) continue;
      const at = rel === "" ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) queue.push(at);
      const parts = e.name.split(".");
      if (e.isFile() && parts.length >= 3 && lower.has(String(parts.at(-2)).toLowerCase())) {
        return `${content}/${at}`;
      }
    }
  }
  return null;
}

/**
 * For a scan that finds no source language folder in HEAD: what Hugo's config says, when it
 * declares languages and gives none a folder of its own (Hugo then reads them all from one
 * content folder and tells them apart by file name). Null when it says nothing of that.
 */
export function hugoLanguagesHint(
  workTree: string,
  content: string,
  source: string,
): string | null {
  const texts = configTexts(workTree);
  const config = mergeConfig(texts);
  if (!config) return null;
  const langs = languagesOf(config);
  const on = [...langs.declared.keys()].filter((l) => !langs.off.has(l));
  const folders = [...langs.declared.values()].some((s) => folder(get(s, "contentDir")) !== null);
  if (on.length < 2 || folders) return null;
  if (contentMounts(workTree, config, on[0] as string, langs.canonical).length > 0) return null;
  const other = on.find((l) => l !== langs.canonical(source)) ?? on[1];
  return `${noFolders(texts, langs)}, so Hugo tells them apart by file name (a.${other}.md); ${foldersRead(content)}; a source language folder named otherwise is set with --source`;
}

/** A source language the options set that Hugo's config gives no content of its own. */
function noContentOf(lang: string, langs: readonly string[]): AppError {
  return new AppError(
    2,
    `source language "${lang}": Hugo's config gives it no content folder (it gives one to ${[...langs].sort().join(", ")}); set the source to one of those, or use --layout content to read <content>/<lang>/`,
  );
}

/** A content mount: a folder of the repository that Hugo shows at `at` below the content root
 * ("" for the root itself), for one language. */
interface Mount {
  source: string;
  at: string;
  lang: string;
  /** The files below `source` Hugo leaves out (includeFiles, excludeFiles), by their path there. */
  files: ReturnType<typeof mountLeavesOut>;
}

/**
 * The module's content mounts (`module.mounts` with a `content` target) of folders in the work
 * tree. A mount names its language by `lang` or by `sites.matrix.languages`; one that names
 * none is the default language's, as Hugo gives files without a language. A file mounted on
 * its own, or a folder the site makes at build time (not in the work tree), is not followed.
 */
function contentMounts(
  workTree: string,
  config: Data,
  defaultLang: string,
  canonical: (lang: string) => string,
): Mount[] {
  const list = get(getMap(config, "module"), "mounts");
  const out: Mount[] = [];
  for (const m of Array.isArray(list) ? list.slice(0, 1000) : []) {
    if (!isData(m)) continue;
    const source = folder(get(m, "source"));
    const target = folder(get(m, "target"));
    if (source === null || target === null) continue;
    if (target !== "content" && !target.startsWith("content/")) continue;
    if (!realFolderInside(workTree, source)) continue;
    const at = target === "content" ? "" : target.slice("content/".length);
    const files = mountLeavesOut(m);
    for (const lang of mountLanguages(m, defaultLang)) {
      out.push({ source, at, lang: canonical(lang), files });
    }
  }
  return out;
}

function mountLanguages(mount: Data, defaultLang: string): string[] {
  const lang = get(mount, "lang");
  if (typeof lang === "string") return LANGUAGE_NAME.test(lang) ? [lang] : [];
  // A language YAML 1.1 read as another type (`lang: no`, Norwegian, is false): some language,
  // never the default one, whose pages it would pass off as English.
  if (lang !== undefined) return [];
  const languages = get(getMap(getMap(mount, "sites"), "matrix"), "languages");
  if (Array.isArray(languages)) {
    return languages.filter((l): l is string => typeof l === "string" && LANGUAGE_NAME.test(l));
  }
  return [defaultLang];
}

/** Whether the virtual path `at` is `outer` or below it. */
function within(outer: string, at: string): boolean {
  return outer === "" || at === outer || at.startsWith(`${outer}/`);
}

/**
 * Folder pairs from the mounts: each English mount with, for each language, the folder that
 * language mounts at the same place (its deepest mount around it, and the path below). A
 * language's mount of an English folder is a fallback (English pages shown in its place when
 * untranslated), not a translation.
 */
function mountsLayout(mounts: Mount[], defaultLang: string, declared: string[]): Layout | null {
  const english = mounts.filter((m) => m.lang === defaultLang);
  const isEnglish = (source: string) =>
    english.some((e) => source === e.source || source.startsWith(`${e.source}/`));
  const translated = mounts.filter((m) => m.lang !== defaultLang && !isEnglish(m.source));
  const candidates = [...new Set([...declared, ...translated.map((m) => m.lang)])];
  const pairs = english.map((e) => {
    const dirs: Record<string, string> = {};
    const filters = new Map<string | null, (rel: string) => boolean>();
    const by: Record<string, unknown> = {};
    if (e.files) {
      filters.set(null, e.files.leftOut);
      by[""] = { include: e.files.include, exclude: e.files.exclude };
    }
    for (const lang of candidates) {
      const around = translated
        .filter((m) => m.lang === lang && within(m.at, e.at))
        .sort((a, b) => b.at.length - a.at.length)[0];
      if (!around) continue;
      const rest = e.at.slice(around.at.length).replace(/^\//, "");
      dirs[lang] = rest === "" ? around.source : `${around.source}/${rest}`;
      // The mount's globs are of paths below its own source, which this folder may be inside.
      const mounted = around.files;
      if (!mounted) continue;
      const out = mounted.leftOut;
      filters.set(lang, rest === "" ? out : (rel) => out(`${rest}/${rel}`));
      by[lang] = { include: mounted.include, exclude: mounted.exclude, below: rest };
    }
    const files: FileFilter | undefined =
      filters.size === 0
        ? undefined
        : { leftOut: (lang, rel) => filters.get(lang)?.(rel) ?? false, by };
    return { source: e.source, dirs, ...(files ? { files } : {}) };
  });
  // A language with no folder of its own anywhere has nothing translated to report.
  const languages = candidates.filter((l) => pairs.some((p) => Object.hasOwn(p.dirs, l)));
  if (languages.length === 0) return null;
  return foldersLayout(pairs, defaultLang, languages);
}

/**
 * The layout of these folders: Hugo's default `content/<lang>` when that is what they are (the
 * languages the config declares, as a folder it does not declare is no language of the site);
 * else a pair per English folder, each language's folder named.
 */
function foldersLayout(
  pairs: ReadonlyArray<{
    source: string;
    dirs: Record<string, string>;
    files?: FileFilter;
  }>,
  defaultLang: string,
  languageList: readonly string[],
): Layout {
  const languages = [...new Set(languageList)].sort();
  const only = pairs.length === 1 ? pairs[0] : undefined;
  if (only) {
    const base = path.posix.dirname(only.source);
    if (
      base !== "." &&
      only.source === `${base}/${defaultLang}` &&
      Object.entries(only.dirs).every(([l, dir]) => dir === `${base}/${l}`)
    ) {
      const layout = contentLayout(base, defaultLang);
      const pairs = layout.pairs.map((p) => folderPair(p.source, p.pattern, undefined, only.files));
      return { ...layout, pairs, languages };
    }
  }
  return {
    kind: "hugo",
    sourceLang: defaultLang,
    languagesIn: "",
    languages,
    pairs: pairs.map((p) => folderPair(p.source, "", p.dirs, p.files)),
  };
}

/** How Hugo makes a page's URL from its path, as far as it can be known from the config. */
export interface HugoUrls {
  /** Paths are lowercased (unless `disablePathToLower`). */
  lower: boolean;
}

/**
 * Hugo's URL settings, or null when a page's URL cannot be known from its path: no Hugo config,
 * one that does not parse, or settings that move URLs: `permalinks`, `uglyURLs`,
 * `defaultContentLanguageInSubdir`, a baseURL with a path.
 * Hugo's keys are case-insensitive.
 */
export function hugoUrls(workTree: string): HugoUrls | null {
  const data = hugoConfig(workTree);
  if (!data) return null;
  const key = (name: string) => get(data, name);
  // Each of these moves the English pages' URLs in ways a path alone does not tell (a language
  // prefix, a base path, rewritten permalinks, `.html` pages): raw_link is then not judged.
  const base = key("baseURL");
  const basePath =
    typeof base === "string" ? base.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "") : "";
  if (
    key("permalinks") !== undefined ||
    isOn(key("uglyURLs")) ||
    isOn(key("defaultContentLanguageInSubdir")) ||
    basePath.replace(/\/+$/, "") !== ""
  ) {
    return null;
  }
  return { lower: !isOn(key("disablePathToLower")) };
}
