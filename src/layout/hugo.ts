// Hugo's own site config, read as data (TOML, YAML or JSON; never a template, never run): the
// languages it declares and the folder each one's content is in (`[languages.X] contentDir`).
// A site that gives its languages their own content folders this way is laid out by the config,
// whatever other folders sit beside them.
import { createRequire } from "node:module";
import path from "node:path";
import type jsYaml from "js-yaml";
import type * as smolToml from "smol-toml";
import { readPageBytes } from "../site/files.js";
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
      const yaml = require("js-yaml") as typeof jsYaml;
      data = yaml.load(text, { schema: yaml.FAILSAFE_SCHEMA });
    }
    return isData(data) ? data : null;
  } catch {
    return null;
  }
}

/**
 * The site config's data, `config/_default/languages.*` merged in under `languages`; null when
 * there is none or it names no `contentDir`. Only such a config matters here, so for most Hugo
 * sites no parser is loaded before git can start on the history.
 */
function siteConfig(workTree: string): Data | null {
  for (const dir of ["", DEFAULT_DIR]) {
    for (const name of FILES) {
      const file = path.join(workTree, dir, name);
      const text = readText(file);
      if (text === null) continue;
      const languagesFile =
        dir === DEFAULT_DIR
          ? ["toml", "yaml", "yml", "json"]
              .map((ext) => path.join(workTree, dir, `languages.${ext}`))
              .map((f) => ({ f, text: readText(f) }))
              .find((l) => l.text !== null)
          : undefined;
      if (!text.includes("contentDir") && !languagesFile?.text?.includes("contentDir")) {
        return null;
      }
      const data = parse(file, text);
      if (!data) continue;
      if (languagesFile && !isData(data.languages)) {
        const languages = parse(languagesFile.f, languagesFile.text as string);
        if (languages) return { ...data, languages };
      }
      return data;
    }
  }
  return null;
}

function folder(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const cleaned = value.trim().replace(/^\.\//, "").replace(/\/+$/, "");
  return FOLDER.test(cleaned) && !cleaned.split("/").includes("..") ? cleaned : null;
}

/**
 * The layout Hugo's config declares, when its languages have their own content folders; null
 * when there is no config or it leaves the languages to Hugo's defaults.
 */
export function hugoLayout(workTree: string, fallbackSource: string): Layout | null {
  const config = siteConfig(workTree);
  if (!config || !isData(config.languages)) return null;
  const defaultLang =
    typeof config.defaultContentLanguage === "string" && LANG.test(config.defaultContentLanguage)
      ? config.defaultContentLanguage
      : fallbackSource;
  const dirs: Record<string, string> = {};
  let sourceDir = folder(config.contentDir);
  for (const [lang, settings] of Object.entries(config.languages)) {
    if (!LANG.test(lang) || !isData(settings)) continue;
    const dir = folder(settings.contentDir);
    if (dir === null) continue;
    if (lang === defaultLang) sourceDir = dir;
    else dirs[lang] = dir;
  }
  if (Object.keys(dirs).length === 0 || sourceDir === null) return null;
  const languages = Object.keys(dirs).sort();
  // The usual case, `content/<lang>` for every language: the content layout, with the languages
  // the config declares (a folder it does not declare is no language of the site).
  const base = path.posix.dirname(sourceDir);
  if (
    base !== "." &&
    sourceDir === `${base}/${defaultLang}` &&
    languages.every((l) => dirs[l] === `${base}/${l}`)
  ) {
    return { ...contentLayout(base, defaultLang), languages };
  }
  return {
    kind: "hugo",
    sourceLang: defaultLang,
    languagesIn: "",
    languages,
    pairs: [folderPair(sourceDir, "", dirs)],
  };
}
