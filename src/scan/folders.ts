// Checks the folder options and finds the language folders, all inside the work tree.

import { readdirSync, realpathSync } from "node:fs";
import path from "node:path";
import { fileWarningText } from "../core/file-warning.js";
import { globMatcher } from "../core/glob.js";
import { decodeBytes, fsPath } from "../core/path-bytes.js";
import { AppError } from "../errors.js";
import type { TreeEntry } from "../git/tree.js";
import { chooseLayout, siteSubfolders } from "../layout/detect.js";
import {
  type FolderPair,
  foldersInside,
  isSourcePath,
  type Layout,
  type LayoutChoice,
  mdnNotLocale,
} from "../layout/layout.js";
import type { PathPattern } from "../layout/pattern.js";
import { startedLanguage } from "../layout/started.js";
import { DEFAULTS } from "../options/defaults.js";
import { type FoldersChosen, NOTHING_CHOSEN } from "../options/resolve.js";
import {
  excludeGlob,
  excludeReason,
  folderName,
  folderOptionProblem,
  LANGUAGE_NAME,
  LANGUAGE_RULE,
  languageValue,
} from "../options/values.js";
import {
  type FolderLookup,
  folderLookup,
  folderProblem,
  pageFileTest,
  realFolderInside,
} from "../site/files.js";

/** What a scan covers: the site's layout and languages, and which files are pages. Options
 * left out take their defaults (options/defaults.ts). */
export interface SiteScope {
  /** The folder the tool was started in (--repo), when it is known: a site in a subfolder is
   * looked for there first, and a folder missing from the top is looked for there. */
  repo?: string;
  source: string;
  content: string;
  /** Which of the two the command line or the config set (see FoldersChosen); neither when
   * absent. */
  chosen?: FoldersChosen;
  langs: readonly string[];
  /** How a message names where `langs` came from: "--lang" (when absent) or the config file and
   * its key. */
  langsFrom?: string;
  /** Globs of files that are not pages (see SiteOptions.exclude). */
  exclude?: readonly string[];
  layout?: LayoutChoice;
  paths?: readonly PathPattern[];
  extensions?: readonly string[];
  /** The repository holding the English pages, when it is not this one (MDN). */
  sourceRepo?: string | null;
  /** The ignore-revs file (see readIgnoreRevs); null or absent for the default. */
  ignoreRevsFile?: string | null;
}

/** A folder of one language's translations, and the English folder it translates. */
export interface LangFolder {
  lang: string;
  /** Repo-relative. */
  rel: string;
  /** Null when the folder does not exist: every English page of the pair is then missing. */
  abs: string | null;
  pair: FolderPair;
  /** Folders below this one that other folder pairs own, relative to it; null when none (as
   * on nearly every site). */
  inside: ReadonlySet<string> | null;
}

/** The deepest translation folder that holds `path` (repo-relative), or null. */
export function translationFolderOf(langs: readonly LangFolder[], path: string): LangFolder | null {
  let best: LangFolder | null = null;
  for (const f of langs) {
    if (path.startsWith(`${f.rel}/`) && (!best || f.rel.length > best.rel.length)) best = f;
  }
  return best;
}

export interface ScanFolders {
  /** The content folder of a `<content>/<lang>/` layout (MDN's `files`); "" for a layout without one. */
  content: string;
  source: string;
  layout: Layout;
  /** The English folders, repo-relative: where the history and HEAD's English pages are read. */
  sourceFolders: string[];
  /** Every translation folder: for each language, one per folder pair of the layout. */
  langs: LangFolder[];
  /** The languages, in the order they are reported. */
  languages: string[];
  /** Whether a file, by its path below its folder, is not a page (--exclude); null without
   * globs, so that the common case costs nothing per page. */
  excluded: ((rel: string) => boolean) | null;
  /** Whether a file name is a page's. */
  isPage: (name: string) => boolean;
  /** Whether an English path belongs to another folder pair inside its English folder (a
   * translation folder there, as VitePress keeps them); null when no folder nests in another. */
  notEnglish: ((path: string) => boolean) | null;
  /** Warnings for folders that look like languages but were not read (symbolic links). */
  skipped: string[];
}

/**
 * The English pages among what HEAD holds below the English folders (`entries`, from
 * git/tree.ts): repo-relative path → blob. Links, files that are not pages, the folders of other
 * pairs nested inside and --exclude's matches are left out.
 */
export function englishPages(
  folders: ScanFolders,
  entries: readonly TreeEntry[],
): Map<string, string> {
  const english = new Map<string, string>();
  // The files a Hugo mount leaves out, by English folder: none on nearly every site.
  const leftOut = new Map(
    folders.layout.pairs.flatMap((p) => (p.files ? [[p.source, p.files.leftOut] as const] : [])),
  );
  for (const e of entries) {
    if (e.type !== "blob" || e.mode === "120000" || !folders.isPage(e.path)) continue;
    if (folders.notEnglish?.(e.path)) continue;
    if (folders.excluded || leftOut.size > 0) {
      const source = ownFolder(folders.sourceFolders, e.path);
      const rel = e.path.slice(source.length + 1);
      if (folders.excluded?.(rel) || leftOut.get(source)?.(null, rel)) continue;
    }
    english.set(e.path, e.oid);
  }
  return english;
}

/** The deepest of `folders` that holds `path`. */
function ownFolder(folders: readonly string[], path: string): string {
  let best = "";
  for (const f of folders) {
    if (f.length > best.length && path.startsWith(`${f}/`)) best = f;
  }
  return best;
}

/** A repo-relative folder option (`what`), checked as the command line and the config check it
 * (they did already; a caller that did not still gets the reason). */
function checkFolderName(value: string, what: string): string {
  const why = folderOptionProblem(value);
  if (why !== null)
    throw new AppError(2, `${what}: ${JSON.stringify(value.slice(0, 200))}: ${why}`);
  return folderName(value);
}

/** A language named as an option (`what`), checked as the command line checks it. */
function checkLanguageName(value: string, what: string): string {
  const verdict = languageValue(value);
  if (!verdict.ok) throw new AppError(2, `${what}: ${verdict.why}`);
  return verdict.value;
}

/** The content and source folder names from the options, checked, and `<content>/<source>`;
 * the folders themselves are not looked at. */
export function sourceFolder(opts: { content: string; source: string }): {
  content: string;
  source: string;
  sourceRel: string;
} {
  const content = checkFolderName(opts.content, "content");
  const source = checkLanguageName(opts.source, "--source");
  return { content, source, sourceRel: `${content}/${source}` };
}

/** The --exclude globs as one test (core/glob.ts: bounded time whatever the glob and the name);
 * null without any. The command line and the config checked them already; a caller that did
 * not still gets the reason rather than a crash. */
function excludeMatcher(globs: readonly string[]): ((rel: string) => boolean) | null {
  if (globs.length === 0) return null;
  const why = excludeReason(globs);
  if (why !== null) throw new AppError(2, `exclude: ${why}`);
  return globMatcher(globs.map(excludeGlob));
}

export function resolveFolders(
  workTree: string,
  opts: SiteScope & { mdnSource?: boolean },
): ScanFolders {
  const { source, sourceRel } = sourceFolder(opts);
  // Each folder is looked up once, though finding the layout, telling languages from leftovers
  // and reading them all ask of it.
  const folderAt = folderLookup(workTree);
  const layout = siteLayout(workTree, opts, folderAt);
  const languagesAbs = layout.languages ? null : folderAt(layout.languagesIn);
  // The source folder is not looked for here: the English pages are read from HEAD, not from
  // the disk (a sparse checkout may leave them out), so the scan checks it against HEAD's tree.
  const skipped: string[] = [];
  let names: string[];
  // Languages found as folders, not named: one that holds none of the layout's folders is no
  // language of it (`docs/guide/` beside `docs/ja/docs/`), and is passed over.
  let discovered = false;
  // The folder the languages are in is looked at when they are found there, or when it holds
  // the source's too (`content/`): a language named there cannot want it missing.
  const noLanguagesFolder = () => {
    // MDN's folder is not an option to set: it is the translations' repository that lacks it.
    if (layout.kind === "mdn") {
      const why = folderProblem(workTree, layout.languagesIn);
      const where = `MDN's ${layout.languagesIn}/<locale>/ in the translations' repository, ${workTree}`;
      return new AppError(2, `${why} (${where})`);
    }
    // The content folder the options set, when the layout is theirs.
    const chosen = layout.kind === "content" && (opts.chosen?.content ?? false);
    const here = startedIn(workTree, opts);
    return new AppError(2, missingFolder(workTree, layout.languagesIn, here, chosen));
  };
  if (opts.langs.length > 0) {
    names = opts.langs.map((l) => checkLanguageName(l, opts.langsFrom ?? "--lang"));
    if (layout.kind === "content" && languagesAbs === null && !layout.languages) {
      throw noLanguagesFolder();
    }
  } else if (layout.languages) {
    names = [...layout.languages];
  } else {
    if (languagesAbs === null) throw noLanguagesFolder();
    discovered = true;
    const found = folderLanguages(folderAt, layout, languagesAbs, source);
    names = found.names;
    skipped.push(...found.skipped);
  }
  const langs: LangFolder[] = [];
  const notLanguages = new Set<string>();
  const candidates = [...new Set(names)];
  // Every language the site has, not only those asked for: another language's folder inside
  // this one's (or inside the English folder) is still not this one's.
  const allLanguages = [...new Set([...(layout.languages ?? []), ...candidates])];
  for (const lang of candidates) {
    if (lang === layout.sourceLang) {
      throw new AppError(
        2,
        `${opts.langsFrom ?? "--lang"}: ${JSON.stringify(lang)} is the source language`,
      );
    }
    const there = layout.pairs.map((pair) => {
      const rel = pair.translation(lang);
      // A language may have no folder for a pair at all (a Hugo mount it does not make).
      const abs = rel === "" ? null : folderAt(rel);
      const within = foldersInside(layout, allLanguages, rel);
      // An English folder inside this pair's (`docs/api/` in `docs/`) is another pair's, and so
      // are its pages' translations: what this folder holds at its place (`i18n/zh/docs/api/`)
      // is not read, and said so, lest one English page have two translations.
      for (const sub of rel === "" ? [] : foldersInside(layout, [], pair.source)) {
        if (within.includes(sub)) continue;
        within.push(sub);
        if (folderAt(`${rel}/${sub}`) === null) continue;
        const owner = layout.pairs.find((p) => p.source === `${pair.source}/${sub}`);
        const there = owner?.translation(lang) ?? "";
        const own = there === "" ? "" : ` (translated in ${there})`;
        skipped.push(
          fileWarningText(
            `${rel}/${sub}`,
            `not read, as its English pages (${pair.source}/${sub}) are another folder pair's${own}`,
          ),
        );
      }
      return {
        lang,
        rel,
        abs: abs === null ? null : path.resolve(abs),
        pair,
        inside: within.length === 0 ? null : new Set(within),
      };
    });
    // A language with none of its folders has every page missing: one a site declares (Hugo's
    // config) as Hugo builds it, one --lang names as that user asks, each the same whether an
    // empty folder is left on this disk or not (git holds none, so CI never sees one). A folder
    // that is there but cannot be read (a link, a file) is refused; a name the layout has no
    // folder for (Hugo's languages each named one by one) is no language of the site.
    if (there.every((f) => f.abs === null)) {
      if (discovered) {
        const folder = `${layout.languagesIn}/${lang}`;
        skipped.push(
          fileWarningText(folder, `not read as a language (no folder ${there[0]?.rel || folder})`),
        );
        notLanguages.add(lang);
        continue;
      }
      const from = opts.langsFrom ?? "--lang";
      const places = there.map((f) => f.rel).filter((rel) => rel !== "");
      if (places.length === 0) throw new AppError(2, `${from}: ${notASiteLanguage(layout, lang)}`);
      for (const rel of places) {
        const why = folderProblem(workTree, rel);
        if (!why.startsWith("no such")) throw new AppError(2, why);
      }
      if (!siteDeclares(layout, lang)) {
        skipped.push(
          `${from}: ${lang}: no folder ${translationFolders(layout, lang)} yet, so every page of it is missing`,
        );
      }
    }
    langs.push(...there);
  }
  const languages = candidates.filter((l) => !notLanguages.has(l));
  skipped.sort();
  // A site with no translation folder is almost always a wrong --content or --source; saying
  // "0 pages, all fine" would hide it.
  if (langs.length === 0) {
    // ...unless the only candidates were symbolic links, which is then the thing to say.
    const why =
      skipped.length > 0
        ? skipped.join("; ")
        : "check --content and --source, or name one with --lang";
    const where = layout.kind === "content" ? `beside ${sourceRel}` : `in ${layout.languagesIn}`;
    throw new AppError(2, `no translation folders ${where} (${why})`);
  }
  const sourceFolders = layout.pairs.map((p) => p.source);
  const excluded = excludeMatcher(opts.exclude ?? []);
  // A folder inside an English folder is another pair's: a translation folder there (VitePress's
  // `docs/zh/`) holds no English page, while an English one (`docs/api/` in `docs/`) holds its
  // own pair's, which are English all the same. The deepest folder owns a page.
  const nested = sourceFolders.some((f) => foldersInside(layout, allLanguages, f).length > 0);
  // What the site says wins over the defaults: Hugo's config may name the content folder and
  // the source language itself.
  return {
    content: layout.kind === "content" || layout.kind === "mdn" ? layout.languagesIn : "",
    source: layout.sourceLang,
    layout,
    sourceFolders,
    langs,
    languages,
    excluded,
    isPage: pageFileTest(opts.extensions ?? DEFAULTS.extensions),
    notEnglish: nested ? (p) => !isSourcePath(layout, p, allLanguages) : null,
    skipped,
  };
}

/** Why the source language's folder, beside the languages' (Docusaurus's `i18n/en/`), is none. */
export const SOURCE_FOLDER = "the source language's folder";

/** The languages of the folders beside the source, and why each other folder there is none. */
interface FolderLanguages {
  /** The folders read as languages, by name, sorted. */
  names: string[];
  /** Why each other folder there is not read as a language, by name. */
  notRead: Map<string, string>;
  /** What the scan warns of among those: folders that look meant as languages. */
  skipped: string[];
}

/**
 * The languages a scan reads when neither --lang nor the site names them: the folders in
 * `languagesAbs` (the layout's `languagesIn`) but the source's, the hidden ones, symbolic links,
 * names no language has, the languages Hugo's config leaves out, and folders that hold no
 * file in any of the layout's translation folders (an empty `content/fr/`, or a Docusaurus
 * `i18n/fr/` holding only `code.json`: no page of the language has been started).
 */
function folderLanguages(
  folderAt: FolderLookup,
  layout: Layout,
  languagesAbs: string,
  source: string,
): FolderLanguages {
  // Names as bytes, so a folder whose name is not UTF-8 is named as the reports print it.
  const entries = readdirSync(fsPath(languagesAbs), { withFileTypes: true, encoding: "buffer" });
  const off = new Set(layout.disabled?.map((l) => l.toLowerCase()));
  const names: string[] = [];
  const notRead = new Map<string, string>();
  const skipped: string[] = [];
  // A symbolic link could lead anywhere (another language, or outside the repository): it is
  // not read, and said so, rather than silently left out of the report; as is a folder whose
  // name no language has (`a b`), or one with nothing in it. Hidden folders (`.obsidian`) are
  // no one's language.
  const warn = (name: string, why: string, warning = `not read as a language (${why})`) => {
    notRead.set(name, why);
    skipped.push(fileWarningText(`${layout.languagesIn}/${name}`, warning));
  };
  const LINK = "symbolic link not followed";
  for (const e of entries) {
    const name = decodeBytes(e.name);
    // MDN's `files/` holds folders that are no locale (`jsondata`); its locales are lower-case.
    const notLocale = layout.kind === "mdn" ? mdnNotLocale(name) : null;
    if (name === source) notRead.set(name, SOURCE_FOLDER);
    else if (e.isSymbolicLink()) {
      if (LANGUAGE_NAME.test(name)) warn(name, LINK, LINK);
      else notRead.set(name, LINK);
    } else if (!e.isDirectory()) continue;
    else if (name.startsWith(".")) notRead.set(name, "a hidden folder");
    else if (!LANGUAGE_NAME.test(name)) warn(name, LANGUAGE_RULE);
    else if (notLocale?.named) warn(name, notLocale.why);
    else if (notLocale) notRead.set(name, notLocale.why);
    else if (off.has(name.toLowerCase())) {
      notRead.set(name, `Hugo's config leaves the language out; --lang ${name} reads it`);
    } else if (!startedLanguage(folderAt, layout, name)) warn(name, noFileIn(layout, name));
    else names.push(name);
  }
  skipped.sort();
  return { names: names.sort(), notRead, skipped };
}

/** The language's translation folders, for messages: three at most. */
function translationFolders(layout: Layout, lang: string): string {
  const all = [...new Set(layout.pairs.map((p) => p.translation(lang)))];
  const more = all.length > 3 ? ` and ${all.length - 3} more` : "";
  return `${all.slice(0, 3).join(", ")}${more}`;
}

/** Whether the site itself names `lang` a language of its own (Hugo's config), rather than an
 * option or its folders. */
function siteDeclares(layout: Layout, lang: string): boolean {
  return layout.kind !== "pattern" && layout.kind !== "mdn" && !!layout.languages?.includes(lang);
}

/** Why `lang` has no place in a layout that names each language's folders (Hugo's own content
 * folders), for messages: the languages it has, and the one spelt alike but for case. */
function notASiteLanguage(layout: Layout, lang: string): string {
  const has = [layout.sourceLang, ...(layout.languages ?? [])];
  const like = has.find((l) => l.toLowerCase() === lang.toLowerCase());
  const hint = like === undefined ? "" : `; did you mean ${like}?`;
  return `no language ${lang} in this site (Hugo's config gives content folders to ${has.join(", ")})${hint}`;
}

/** Why a language folder whose translation folders hold no file is none, for messages. */
function noFileIn(layout: Layout, lang: string): string {
  const own = `${layout.languagesIn}/${lang}`;
  const only = layout.pairs.every((p) => p.translation(lang) === own);
  return only ? "it holds no file" : `no file in ${translationFolders(layout, lang)}`;
}

/**
 * For a language `lang` (the folder of a page stamp was given), why a scan with these options
 * reads no such language, or null when it reads one: a language --lang or the config names
 * (`named`) is read, as is one the site declares, or a folder beside the source that
 * folderLanguages reads. The folder of languages is looked at once, on the first call that needs it.
 */
export function languagesNotRead(
  workTree: string,
  layout: Layout,
  named: readonly string[],
): (lang: string) => string | null {
  let found: FolderLanguages | string | null = null;
  const look = (): FolderLanguages | string => {
    const folderAt = folderLookup(workTree);
    const abs = folderAt(layout.languagesIn);
    if (abs === null) return folderProblem(workTree, layout.languagesIn);
    return folderLanguages(folderAt, layout, abs, layout.sourceLang);
  };
  return (lang) => {
    if (named.includes(lang)) return null;
    if (layout.languages) {
      return layout.languages.includes(lang)
        ? null
        : `not one of the site's languages (${layout.languages.join(", ")})`;
    }
    found ??= look();
    if (typeof found === "string") return found;
    if (found.names.includes(lang)) return null;
    return found.notRead.get(lang) ?? `no folder ${layout.languagesIn}/${lang}`;
  };
}

/** The layout the options ask for, or why there is none. */
export function siteLayout(
  workTree: string,
  opts: SiteScope & { mdnSource?: boolean },
  folderAt: FolderLookup = folderLookup(workTree),
): Layout {
  const { content, source } = sourceFolder(opts);
  const here = startedIn(workTree, opts);
  const layout = chooseLayout(workTree, {
    content,
    source,
    layout: opts.layout ?? DEFAULTS.layout,
    paths: opts.paths ?? DEFAULTS.paths,
    languages: opts.langs,
    mdnSource: opts.mdnSource ?? false,
    chosen: opts.chosen ?? NOTHING_CHOSEN,
    startedIn: here,
    folderAt,
  });
  if (!layout) {
    throw new AppError(2, missingFolder(workTree, content, here, opts.chosen?.content ?? false));
  }
  return layout;
}

/** The folder the tool was started in (--repo), relative to the repository's top: "" at the
 * top, or when it is not known or not inside. */
function startedIn(workTree: string, opts: { repo?: string }): string {
  if (opts.repo === undefined) return "";
  let abs: string;
  try {
    abs = realpathSync(path.resolve(opts.repo));
  } catch {
    return "";
  }
  const rel = path.relative(workTree, abs);
  return rel.startsWith("..") || path.isAbsolute(rel) ? "" : rel.split(path.sep).join("/");
}

/**
 * Why the folder `rel` (from an option, relative to the repository's top) is not there, and
 * what to do: folders are the top's wherever the tool is started, so where the folder the tool
 * was started in holds `rel` (or, for a content folder the options set, a subfolder holding a
 * site does: kueue's `site/content`) the message names that one, the same from the top as from
 * inside; where the top holds no site but several subfolders do, it names them. A folder the
 * options set is not said to need setting.
 */
function missingFolder(workTree: string, rel: string, here: string, chosen = false): string {
  const why = folderProblem(workTree, rel);
  if (!why.startsWith("no such")) return why;
  const top = `relative to the repository's top, ${workTree}`;
  const sites = siteSubfolders(workTree);
  const places = [here, ...(chosen ? sites : [])].filter((f) => f !== "");
  const near = places.map((f) => `${f}/${rel}`).find((f) => realFolderInside(workTree, f));
  if (near !== undefined) return `${why} (${top}: did you mean ${near}?)`;
  const inside = `run the tool inside the site's folder: ${sites.join(", ")}`;
  const what = chosen
    ? sites.length > 1
      ? [inside]
      : []
    : [sites.length > 1 ? `set it with --content, or ${inside}` : "set it with --content"];
  // At the top, where folders are looked for, that goes without saying, unless it is all.
  return `${why} (${[...(here === "" && what.length > 0 ? [] : [top]), ...what].join("; ")})`;
}
