// Hugo's site config as Hugo assembles it, read as data (TOML, YAML or JSON; never a template,
// never run): the top-level file, then the files of `config/_default/` merged over it, as Hugo
// merges them. Hugo reads keys whatever their case (its older docs write
// `DefaultContentLanguage` and `[Languages.ja]`), so every lookup here ignores case too.
import { type Dirent, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type * as smolToml from "smol-toml";
import type * as yamlLib from "yaml";
import { LANGUAGE_NAME } from "../options/values.js";
import { readPageBytes, realFolderInside } from "../site/files.js";

const require = createRequire(import.meta.url);

const EXTENSIONS = ["toml", "yaml", "yml", "json"];
/** The top-level files Hugo looks for, in its order: it reads the first one there. */
const TOP_FILES = ["hugo", "config"].flatMap((name) => EXTENSIONS.map((ext) => `${name}.${ext}`));
const DEFAULT_DIR = "config/_default";
/** The names in a site's top folder that Hugo's config may be read from: its files, and the
 * folder that holds `_default/`. */
export const HUGO_CONFIG_ENTRIES: readonly string[] = [
  ...TOP_FILES,
  DEFAULT_DIR.split("/")[0] as string,
];
/** The names Hugo reads its config from, for messages. */
export const HUGO_CONFIGS = `${TOP_FILES.join(", ")}, or ${DEFAULT_DIR}/`;
/** `config/_default/` files that hold the top of the config, as the top-level file does. */
const ROOT_NAMES = new Set(["hugo", "config"]);
/** The keys whose own files in `config/_default/` (`languages.toml`) this tool reads: the rest
 * (params, menus, markup) say nothing of where pages are or what their URLs are. */
const KEY_FILES = new Set(["languages", "module", "permalinks"]);
/** One language's files that Hugo places below that language's own keys (`params.ja.toml` is
 * `languages.ja.params`); any other `name.lang` file (`languages.ja.toml`, `hugo.ja.toml`) is
 * that language's settings themselves, `contentDir` and `disabled` among them. Hugo matches
 * these names as written. */
const LANGUAGE_SUBKEY_FILES = new Set(["menu", "menus", "params"]);
/** `name.ext` or `name.lang.ext`, as Hugo splits a `config/_default/` file's name. */
const DIR_FILE = /^([^.]+)(?:\.([^.]+))?\.(toml|yaml|yml|json)$/i;
/** A site config is a few KiB; one of megabytes is not read. */
const MAX_BYTES = 1024 * 1024;
/** Files of `config/_default/` read at most. */
const MAX_DIR_FILES = 100;
/** Entries of `config/_default/` and its subfolders looked at, at most, and how deep: Hugo walks
 * the whole folder, but a site's config is a handful of files near its top. */
const MAX_DIR_ENTRIES = 1000;
const MAX_DIR_DEPTH = 4;
/** Keys and values copied at most while merging: YAML aliases can make a small file a big
 * tree, and a config that big is not a site's. */
const MAX_ENTRIES = 200_000;
/** Maps deeper than this are kept as they are rather than merged key by key; the keys this tool
 * reads are a few levels down. */
const MAX_DEPTH = 12;

export type Data = Record<string, unknown>;

/** A map of a parsed config (not a list, a date or any other object). */
export function isData(v: unknown): v is Data {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** One config file's text, and where its data goes in the whole config. */
export interface ConfigText {
  /** Repo-relative path, for messages. */
  rel: string;
  text: string;
  /** The keys its data sits under: none for the top, `languages` for `languages.toml`,
   * `languages`, `fr` for `languages.fr.toml`. */
  at: readonly string[];
}

function readText(file: string): string | null {
  const read = readPageBytes(file);
  if ("error" in read || read.bytes.length > MAX_BYTES) return null;
  return read.bytes.toString("utf8");
}

/** Where a `config/_default/` file's data goes, or null for a file this tool does not need. */
function placeOf(name: string): string[] | null {
  const m = DIR_FILE.exec(name);
  if (!m) return null;
  const [, base = "", lang] = m;
  if (lang === undefined) {
    if (ROOT_NAMES.has(base)) return [];
    return KEY_FILES.has(base.toLowerCase()) ? [base.toLowerCase()] : null;
  }
  return !LANGUAGE_SUBKEY_FILES.has(base) && LANGUAGE_NAME.test(lang) ? ["languages", lang] : null;
}

/** Byte order of names, which is UTF-16's for these: the order Hugo walks a folder in. */
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The files of `config/_default/` this tool needs, in the order Hugo walks them: each folder's
 * entries in name order, a subfolder's files where its name falls (Hugo reads every file below
 * `_default/` by its own name, whatever folder it is in). No symbolic link is followed; the
 * walk stops at the caps.
 */
function defaultDirFiles(dir: string): Array<{ rel: string; at: string[] }> {
  const out: Array<{ rel: string; at: string[] }> = [];
  let looked = 0;
  const walk = (rel: string, depth: number) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(path.join(dir, rel), { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => byName(a.name, b.name));
    for (const e of entries) {
      if (++looked > MAX_DIR_ENTRIES || out.length >= MAX_DIR_FILES) return;
      const at = rel === "" ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) {
        if (depth < MAX_DIR_DEPTH) walk(at, depth + 1);
        continue;
      }
      const place = e.isFile() ? placeOf(e.name) : null;
      if (place !== null) out.push({ rel: at, at: place });
    }
  };
  walk("", 0);
  return out;
}

/**
 * The texts of the site config's files, in the order Hugo merges them: the first top-level file
 * Hugo looks for, then `config/_default/`'s files as Hugo walks them (see defaultDirFiles; a
 * later one's keys win). Files of environments (`config/production/`) are not read; nor is a folder or file that is a
 * symbolic link, or one too large.
 */
export function configTexts(workTree: string): ConfigText[] {
  return [...configFiles(workTree)];
}

/** Whether the repository's top has a Hugo config, of any content: the first file read says. */
export function hasHugoConfig(workTree: string): boolean {
  return !configFiles(workTree).next().done;
}

/** configTexts, one file at a time. */
function* configFiles(workTree: string): Generator<ConfigText> {
  for (const name of TOP_FILES) {
    const text = readText(path.join(workTree, name));
    if (text !== null) {
      yield { rel: name, text, at: [] };
      break;
    }
  }
  const dir = realFolderInside(workTree, DEFAULT_DIR);
  if (dir === null) return;
  for (const { rel, at } of defaultDirFiles(dir)) {
    const text = readText(path.join(dir, rel));
    if (text !== null) yield { rel: `${DEFAULT_DIR}/${rel}`, text, at };
  }
}

function parse(rel: string, text: string): Data | null {
  const ext = rel.slice(rel.lastIndexOf(".") + 1).toLowerCase();
  try {
    let data: unknown;
    if (ext === "toml") {
      data = (require("smol-toml") as typeof smolToml).parse(text);
    } else if (ext === "json") {
      data = JSON.parse(text);
    } else {
      const yaml = require("yaml") as typeof yamlLib;
      // As Hugo's YAML library reads it: YAML 1.1 scalars (`yes`, `on` and `Y` are true; a
      // plain integer is a Go int, kept apart from TOML's and JSON's numbers, see isOn) and `<<`
      // merge keys. Only the schema's own tags; an unknown one is read as its text, without the
      // warning the library would print; aliases are expanded 100 times at most.
      data = yaml.parse(text, {
        schema: "yaml-1.1",
        merge: true,
        intAsBigInt: true,
        maxAliasCount: 100,
        logLevel: "error",
      });
    }
    return isData(data) ? data : null;
  } catch {
    return null;
  }
}

/** The spelling each merged map first gave a key, by its lowercase form. */
const spellings = new WeakMap<Data, Map<string, string>>();

function emptyMap(): Data {
  const map: Data = Object.create(null);
  spellings.set(map, new Map());
  return map;
}

/** `key` as `data` spells it, whatever the case; undefined when it has no such key. */
function spelled(data: Data, key: string): string | undefined {
  const lower = key.toLowerCase();
  const known = spellings.get(data);
  if (known) return known.get(lower);
  let found: string | undefined;
  for (const k of Object.keys(data)) if (k.toLowerCase() === lower) found = k;
  return found;
}

/** The value of `key` in a config map, whatever the case it is written in. */
export function get(data: unknown, key: string): unknown {
  if (!isData(data)) return undefined;
  const k = spelled(data, key);
  return k === undefined ? undefined : data[k];
}

/** A config map's value at `key` when it is a map. */
export function getMap(data: unknown, key: string): Data | null {
  const v = get(data, key);
  return isData(v) ? v : null;
}

/** The texts Go's strconv.ParseBool reads as true. */
const TRUE_TEXTS = new Set(["1", "t", "T", "TRUE", "true", "True"]);

/**
 * Whether a config value is on, as Hugo's cast.ToBool reads it: true; a text ParseBool reads as
 * true (`"true"`, `"T"`, `"1"`, not `"yes"`); a YAML integer other than 0 (a Go int, here a
 * bigint), but not TOML's or JSON's numbers (int64 and float64, which it does not take).
 */
export function isOn(v: unknown): boolean {
  if (typeof v === "string") return TRUE_TEXTS.has(v);
  return v === true || (typeof v === "bigint" && v !== 0n);
}

/**
 * `src` set over `dst` as Hugo sets one file's config over another's: a key in both whose values
 * are maps is merged the same way, any other value of `src` replaces `dst`'s; a key is the same
 * key whatever its case (the first spelling is kept). False when the budget ran out.
 */
function setInto(dst: Data, src: Data, depth: number, budget: { left: number }): boolean {
  const known = spellings.get(dst) as Map<string, string>;
  for (const [key, value] of Object.entries(src)) {
    if (--budget.left < 0) return false;
    const lower = key.toLowerCase();
    const have = known.get(lower);
    const old = have === undefined ? undefined : dst[have];
    const merge = isData(value) && depth < MAX_DEPTH;
    if (merge && isData(old) && spellings.has(old)) {
      if (!setInto(old, value, depth + 1, budget)) return false;
      continue;
    }
    let next = value;
    if (merge) {
      next = emptyMap();
      if (!setInto(next as Data, value, depth + 1, budget)) return false;
    }
    const name = have ?? key;
    known.set(lower, name);
    dst[name] = next;
  }
  return true;
}

/**
 * The whole config these files make, merged in their order; null when there is none, or when
 * one of them does not parse (Hugo would not build the site either).
 */
export function mergeConfig(texts: readonly ConfigText[]): Data | null {
  if (texts.length === 0) return null;
  const merged = emptyMap();
  const budget = { left: MAX_ENTRIES };
  for (const t of texts) {
    const data = parse(t.rel, t.text);
    if (data === null) return null;
    let placed: Data = data;
    for (const key of [...t.at].reverse()) {
      const outer: Data = Object.create(null);
      outer[key] = placed;
      placed = outer;
    }
    if (!setInto(merged, placed, 0, budget)) return null;
  }
  return merged;
}

/** The site config as Hugo merges it, or null (see configTexts and mergeConfig). */
export function hugoConfig(workTree: string): Data | null {
  return mergeConfig(configTexts(workTree));
}
