// Hugo's own site config, read as data (TOML, YAML or JSON; never a template, never run): the
// languages it declares and the folder each one's content is in (`[languages.X] contentDir`).
// A site that gives its languages their own content folders this way is laid out by the config,
// whatever other folders sit beside them.
import { createRequire } from "node:module";
import path from "node:path";
import type * as smolToml from "smol-toml";
import type * as yamlLib from "yaml";
import { AppError } from "../errors.js";
import { readPageBytes, realFolderInside } from "../site/files.js";
import { contentLayout, folderPair, type Layout } from "./layout.js";

const require = createRequire(import.meta.url);

/** Where Hugo looks for its config, in its order; `config/_default/` may split it by key. */
const FILES = ["hugo", "config"].flatMap((name) =>
  ["toml", "yaml", "yml", "json"].map((ext) => `${name}.${ext}`),
);
const DEFAULT_DIR = "config/_default";
/** A site config is a few KiB; one of megabytes is not read. */
const MAX_BYTES = 1024 * 1024;
const FOLDER = /^[A-Za-z0-9_][A-Za-z0-9._-]*(?:\/[A-Za-z0-9_][A-Za-z0-9._-]*)*$/;
const LANG = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

type Data = Record<string, unknown>;

function isData(v: unknown): v is Data {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function readText(file: string): string | null {
  const read = readPageBytes(file);
  if ("error" in read || read.bytes.length > MAX_BYTES) return null;
  return read.bytes.toString("utf8");
}

function parse(file: string, text: string): Data | null {
  try {
    let data: unknown;
    if (file.endsWith(".toml")) {
      data = (require("smol-toml") as typeof smolToml).parse(text);
    } else if (file.endsWith(".json")) {
      data = JSON.parse(text);
    } else {
      const yaml = require("yaml") as typeof yamlLib;
      data = yaml.parse(text, { schema: "failsafe", maxAliasCount: 100 });
    }
    return isData(data) ? data : null;
  } catch {
    return null;
  }
}

/** A config file's text, and the path it was read from (its extension says how to parse it). */
interface ConfigText {
  file: string;
  text: string;
}

function firstOf(workTree: string, dir: string, names: readonly string[]): ConfigText | null {
  for (const name of names) {
    const file = path.join(workTree, dir, name);
    const text = readText(file);
    if (text !== null) return { file, text };
  }
  return null;
}

const SPLIT = (key: string) => ["toml", "yaml", "yml", "json"].map((ext) => `${key}.${ext}`);

/**
 * The site config's data, `config/_default/languages.*` and `module.*` merged in under their
 * keys; null when there is none or it names no `contentDir` and no mounts. Only such a config
 * matters here, so for most Hugo sites no parser is loaded before git can start on the history.
 */
function siteConfig(workTree: string): Data | null {
  const main = firstOf(workTree, "", FILES) ?? firstOf(workTree, DEFAULT_DIR, FILES);
  if (main === null) return null;
  const split = main.file.startsWith(path.join(workTree, DEFAULT_DIR));
  const languages = split ? firstOf(workTree, DEFAULT_DIR, SPLIT("languages")) : null;
  const module = split ? firstOf(workTree, DEFAULT_DIR, SPLIT("module")) : null;
  const texts = [main, languages, module].filter((t): t is ConfigText => t !== null);
  if (!texts.some((t) => t.text.includes("contentDir") || t.text.includes("mounts"))) return null;
  const data = parse(main.file, main.text);
  if (!data) return null;
  const out: Data = { ...data };
  if (languages && !isData(data.languages)) out.languages = parse(languages.file, languages.text);
  if (module && !isData(data.module)) out.module = parse(module.file, module.text);
  return out;
}

function folder(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const cleaned = value.trim().replace(/^\.\//, "").replace(/\/+$/, "");
  return FOLDER.test(cleaned) && !cleaned.split("/").includes("..") ? cleaned : null;
}

/**
 * The layout Hugo's config declares, when its languages have their own content folders (by
 * `contentDir` or by module mounts); null when there is no config or it leaves the languages to
 * Hugo's defaults.
 */
export function hugoLayout(
  workTree: string,
  fallbackSource: string,
  /** The source language the options set, when they set one: the config's default language
   * otherwise. It must be one the config gives content of its own. */
  chosenSource: string | null = null,
): Layout | null {
  const config = siteConfig(workTree);
  if (!config) return null;
  const defaultLang =
    typeof config.defaultContentLanguage === "string" && LANG.test(config.defaultContentLanguage)
      ? config.defaultContentLanguage
      : fallbackSource;
  const sourceLang = chosenSource ?? defaultLang;
  const declared = isData(config.languages)
    ? Object.keys(config.languages).filter((l) => LANG.test(l) && l !== sourceLang)
    : [];
  // A mount without a language is the config's default language's, whichever is the source.
  const mounts = contentMounts(workTree, config, defaultLang);
  if (mounts.length > 0) {
    if (!mounts.some((m) => m.lang === sourceLang)) {
      throw noContentOf(sourceLang, [...new Set(mounts.map((m) => m.lang))]);
    }
    return mountsLayout(mounts, sourceLang, declared);
  }
  if (!isData(config.languages)) return null;
  // Each language's content folder: the top-level contentDir is the default language's unless
  // that language names its own.
  const own: Record<string, string> = {};
  const top = folder(config.contentDir);
  if (top !== null) own[defaultLang] = top;
  for (const [lang, settings] of Object.entries(config.languages)) {
    if (!LANG.test(lang) || !isData(settings)) continue;
    const dir = folder(settings.contentDir);
    if (dir !== null) own[lang] = dir;
  }
  const dirs = Object.fromEntries(Object.entries(own).filter(([lang]) => lang !== sourceLang));
  const sourceDir = own[sourceLang];
  if (Object.keys(dirs).length === 0) return null;
  if (sourceDir === undefined) {
    if (chosenSource !== null) throw noContentOf(sourceLang, Object.keys(own));
    return null;
  }
  return foldersLayout([{ source: sourceDir, dirs }], sourceLang, Object.keys(dirs));
}

/** A source language the options set that Hugo's config gives no content of its own. */
function noContentOf(lang: string, langs: readonly string[]): AppError {
  return new AppError(
    2,
    `source language "${lang}": Hugo's config gives it no content folder (it gives one to ${[...langs].sort().join(", ")}); set the source to one of those, or use --layout content to read <content>/<lang>/`,
  );
}

/** The names Hugo reads its config from, for messages. */
export const HUGO_CONFIGS = "hugo.toml, config.toml, their .yaml and .json, or config/_default/";

/** Whether the repository's top has a Hugo config, of any content. */
export function hasHugoConfig(workTree: string): boolean {
  return (firstOf(workTree, "", FILES) ?? firstOf(workTree, DEFAULT_DIR, FILES)) !== null;
}

/** A content mount: a folder of the repository that Hugo shows at `at` below the content root
 * ("" for the root itself), for one language. */
interface Mount {
  source: string;
  at: string;
  lang: string;
}

/**
 * The module's content mounts (`module.mounts` with a `content` target) of folders in the work
 * tree. A mount names its language by `lang` or by `sites.matrix.languages`; one that names
 * none is the default language's, as Hugo gives files without a language. A file mounted on
 * its own, or a folder the site makes at build time (not in the work tree), is not followed.
 */
function contentMounts(workTree: string, config: Data, defaultLang: string): Mount[] {
  const module = isData(config.module) ? config.module : null;
  const list = module && Array.isArray(module.mounts) ? module.mounts : [];
  const out: Mount[] = [];
  for (const m of list.slice(0, 1000)) {
    if (!isData(m)) continue;
    const source = folder(m.source);
    const target = folder(m.target);
    if (source === null || target === null) continue;
    if (target !== "content" && !target.startsWith("content/")) continue;
    if (!realFolderInside(workTree, source)) continue;
    const at = target === "content" ? "" : target.slice("content/".length);
    for (const lang of mountLanguages(m, defaultLang)) out.push({ source, at, lang });
  }
  return out;
}

function mountLanguages(mount: Data, defaultLang: string): string[] {
  if (typeof mount.lang === "string") return LANG.test(mount.lang) ? [mount.lang] : [];
  const sites = isData(mount.sites) ? mount.sites : null;
  const matrix = sites && isData(sites.matrix) ? sites.matrix : null;
  if (matrix && Array.isArray(matrix.languages)) {
    return matrix.languages.filter((l): l is string => typeof l === "string" && LANG.test(l));
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
    for (const lang of candidates) {
      const around = translated
        .filter((m) => m.lang === lang && within(m.at, e.at))
        .sort((a, b) => b.at.length - a.at.length)[0];
      if (!around) continue;
      const rest = e.at.slice(around.at.length).replace(/^\//, "");
      dirs[lang] = rest === "" ? around.source : `${around.source}/${rest}`;
    }
    return { source: e.source, dirs };
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
  pairs: ReadonlyArray<{ source: string; dirs: Record<string, string> }>,
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
      languages.every((l) => only.dirs[l] === `${base}/${l}`)
    ) {
      return { ...contentLayout(base, defaultLang), languages };
    }
  }
  return {
    kind: "hugo",
    sourceLang: defaultLang,
    languagesIn: "",
    languages,
    pairs: pairs.map((p) => folderPair(p.source, "", p.dirs)),
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
  const main = firstOf(workTree, "", FILES) ?? firstOf(workTree, DEFAULT_DIR, FILES);
  if (main === null) return null;
  const data = parse(main.file, main.text);
  if (!data) return null;
  const split = main.file.startsWith(path.join(workTree, DEFAULT_DIR));
  if (split && firstOf(workTree, DEFAULT_DIR, SPLIT("permalinks")) !== null) return null;
  const key = (name: string) => {
    const found = Object.keys(data).find((k) => k.toLowerCase() === name.toLowerCase());
    return found === undefined ? undefined : data[found];
  };
  const on = (v: unknown) => v === true || v === "true";
  // Each of these moves the English pages' URLs in ways a path alone does not tell (a language
  // prefix, a base path, rewritten permalinks, `.html` pages): raw_link is then not judged.
  const base = key("baseURL");
  const basePath =
    typeof base === "string" ? base.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "") : "";
  if (
    key("permalinks") !== undefined ||
    on(key("uglyURLs")) ||
    on(key("defaultContentLanguageInSubdir")) ||
    basePath.replace(/\/+$/, "") !== ""
  ) {
    return null;
  }
  return { lower: !on(key("disablePathToLower")) };
}
