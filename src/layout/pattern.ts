// A layout written out by the site: `"source": "docs/{path}", "translation": "docs/{lang}/{path}"`,
// for the sites no detection knows (VitePress, MkDocs' folder-per-language i18n). The patterns
// come from a config file, which may come from a stranger's pull request: they are checked as
// data here and become folder pairs like any detected layout's.
import { isFolderSegment, withoutDotSlash } from "../options/values.js";
import { type FolderPair, folderPair, type Layout } from "./layout.js";

export interface PathPattern {
  source: string;
  translation: string;
}

const PATH = "{path}";
const LANG = "{lang}";

/** The folder a pattern names before its `/{path}`, or why it is not one. */
function folderOf(pattern: string, what: string, lang: boolean): string | { error: string } {
  const bad = (why: string) => ({ error: `${what} ${JSON.stringify(pattern)}: ${why}` });
  if (!pattern.endsWith(`/${PATH}`)) return bad(`must end with "/${PATH}"`);
  const folder = withoutDotSlash(pattern).slice(0, -PATH.length - 1);
  const parts = folder.split("/");
  const langs = parts.filter((p) => p === LANG).length;
  if (lang && langs !== 1) return bad(`must name "${LANG}" once, as a whole folder name`);
  if (!lang && langs !== 0) return bad(`must not name "${LANG}"`);
  if (!parts.every((p) => p === LANG || isFolderSegment(p))) {
    return bad("must be folder names inside the repository");
  }
  return folder;
}

/** The language name that makes the translation folder `pattern` the folder `folder`, or null. */
function langAt(pattern: string, folder: string): string | null {
  const want = pattern.split("/");
  const have = folder.split("/");
  if (want.length !== have.length) return null;
  const at = want.indexOf(LANG);
  return want.every((part, i) => i === at || part === have[i]) ? (have[at] ?? null) : null;
}

/** The patterns as a layout, or the first problem with them. */
export function patternLayout(
  patterns: readonly PathPattern[],
  sourceLang: string,
  languages: readonly string[],
): Layout | { error: string } {
  if (patterns.length === 0) return { error: "paths: give at least one pair of patterns" };
  const pairs: FolderPair[] = [];
  for (const p of patterns) {
    const source = folderOf(p.source, "paths: source", false);
    if (typeof source !== "string") return source;
    const translation = folderOf(p.translation, "paths: translation", true);
    if (typeof translation !== "string") return translation;
    // A folder per language, the source's among them (MkDocs as FastAPI has it: docs/en/docs
    // and docs/zh/docs): the source's folder is the translation pattern's with the source
    // language, which is then no translation (the folders listed as languages leave the source
    // out, as in <content>/<lang>/). Under another name, that folder would be listed as a
    // language and be its own translation.
    const named = langAt(translation, source);
    if (named !== null && named !== sourceLang) {
      return {
        error: `paths: ${JSON.stringify(p.source)} is ${JSON.stringify(p.translation)} with "${named}", so "${named}" is the source language: set it with --source ${named} (or the config file's "source")`,
      };
    }
    pairs.push(folderPair(source, translation));
  }
  const first = (pairs[0] as FolderPair).pattern;
  const languagesIn = first.slice(0, first.indexOf(LANG)).replace(/\/+$/, "");
  // Translations inside the English folder (`docs/zh/` in `docs/`), or at the top of the
  // repository, cannot be told from other folders by their names: the site must say which
  // folders are languages.
  const nested = pairs.some((pair) => {
    const above = pair.pattern.slice(0, pair.pattern.indexOf(LANG));
    return above === "" || pairs.some((o) => above.startsWith(`${o.source}/`));
  });
  if (nested && languages.length === 0) {
    return {
      error: `paths: the language folders sit among other folders; list the site's languages ("languages": ["zh", ...])`,
    };
  }
  return {
    kind: "pattern",
    sourceLang,
    languagesIn,
    ...(languages.length > 0 ? { languages: [...languages] } : {}),
    pairs,
  };
}
