// Which layout a site uses, found from its folders with no setup and without running anything:
// `docusaurus.config.js` is code and is never read, let alone run.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { AppError } from "../errors.js";
import type { FoldersChosen } from "../options/resolve.js";
import { LANGUAGE_NAME } from "../options/values.js";
import { type FolderLookup, folderLookup, realFolderInside } from "../site/files.js";
import { hugoLayout } from "./hugo.js";
import { HUGO_CONFIG_ENTRIES, HUGO_CONFIGS, hasHugoConfig } from "./hugo-config.js";
import {
  contentLayout,
  type FolderPair,
  folderPair,
  type Layout,
  type LayoutChoice,
  layoutIn,
  mdnLayout,
  mdnNotLocale,
} from "./layout.js";
import { type PathPattern, patternLayout } from "./pattern.js";
import { startedLanguage } from "./started.js";

const DOCS_PLUGIN = "docusaurus-plugin-content-docs";
const BLOG_PLUGIN = "docusaurus-plugin-content-blog";
const PAGES_PLUGIN = "docusaurus-plugin-content-pages";
/** The pages plugin's English folder: its Markdown pages are translated by copies in the
 * locale's folder (its React pages through code.json, which is not a page). */
const PAGES = "src/pages";
const CONFIGS = ["js", "ts", "mjs", "cjs", "mts", "cts"].map((ext) => `docusaurus.config.${ext}`);

/** Whether `root` holds a Docusaurus config (which is code, and is never read or run). */
const hasDocusaurusConfig = (root: string) => CONFIGS.some((f) => existsSync(path.join(root, f)));

export interface LayoutOptions {
  content: string;
  source: string;
  layout: LayoutChoice;
  paths: readonly PathPattern[];
  languages: readonly string[];
  /** Whether the English pages are in another repository whose HEAD holds MDN's `files/en-us`
   * (read from git, as the English pages are: its work tree may hold none). */
  mdnSource?: boolean;
  /** Which of `source` and `content` the command line or the config set; neither when absent. */
  chosen?: FoldersChosen;
  /** The folder the tool was started in, relative to the repository's top ("" at the top). */
  startedIn?: string;
  /** The repository's folders, as the run looks them up (see site/files.ts folderLookup). */
  folderAt?: FolderLookup;
}

/**
 * The layout the options ask for: the patterns when there are some, a named kind when it is
 * there, else what detectLayout finds. Null when nothing is found; a named kind that is not
 * there, or patterns that are not patterns, is a usage error.
 */
export function chooseLayout(workTree: string, opts: LayoutOptions): Layout | null {
  const usage = (why: string) => new AppError(2, why);
  if (opts.paths.length > 0 || opts.layout === "pattern") {
    if (opts.layout !== "auto" && opts.layout !== "pattern") {
      throw usage(`layout "${opts.layout}" does not take paths; use "pattern" or leave it out`);
    }
    const layout = patternLayout(opts.paths, opts.source, opts.languages);
    if ("error" in layout) throw usage(layout.error);
    return layout;
  }
  switch (opts.layout) {
    case "auto":
      return detectLayout(workTree, opts);
    case "content":
      return contentLayout(opts.content, opts.source);
    case "hugo": {
      const hugo = atTopOrInSite(workTree, opts, (root) =>
        hasHugoConfig(root)
          ? // A Hugo site that leaves its languages to the defaults is the content layout.
            (hugoOrChosen(root, opts) ?? contentLayout(opts.content, opts.source))
          : null,
      );
      if (!hugo) {
        throw usage(
          `layout hugo: no Hugo config (${HUGO_CONFIGS}) at the repository's top or in the one subfolder that holds a site`,
        );
      }
      return hugo;
    }
    case "docusaurus": {
      const found = atTopOrInSite(workTree, opts, (root) => docusaurusLayout(root, opts.source));
      if (!found) throw usage("layout docusaurus: no i18n/<locale>/ folders with translations");
      return found;
    }
  }
}

/**
 * The site's layout: MDN's when the English pages are in another repository whose HEAD has
 * `files/en-us` (`mdnSource`), and this one has a locale's folder in `files/`
 * (see holdsMdnLocale); else what Hugo's config declares when it gives languages their own
 * content folders; else `<content>/<lang>/` when the content folder exists (Hugo's default);
 * else Docusaurus's `i18n/<lang>/...` when the site looks like one; else, when the repository's
 * top holds no site and no content folder was asked for, one of these in the subfolder that
 * holds the site (see siteSubfolder); else MDN's when the other repository has `files/en-us`,
 * so that what is missing is said of `files/`; else null.
 */
export function detectLayout(
  workTree: string,
  opts: Pick<
    LayoutOptions,
    "content" | "source" | "mdnSource" | "chosen" | "startedIn" | "folderAt"
  >,
): Layout | null {
  const mdn = opts.mdnSource ? mdnLayout() : null;
  if (mdn && holdsMdnLocale(mdn, opts.folderAt ?? folderLookup(workTree))) return mdn;
  return atTopOrInSite(workTree, opts, (root) => detectAt(root, opts)) ?? mdn;
}

/**
 * What `find` finds at the repository's top; else, when no content folder was asked for (it is
 * the top's), in the subfolder the site is in (see siteSubfolder), its folders made the
 * repository's.
 */
function atTopOrInSite(
  workTree: string,
  opts: Pick<LayoutOptions, "chosen" | "startedIn">,
  find: (root: string) => Layout | null,
): Layout | null {
  const found = find(workTree);
  if (found || opts.chosen?.content) return found;
  const sub = siteSubfolder(workTree, opts.startedIn ?? "");
  if (sub === null) return null;
  const inner = find(path.join(workTree, sub));
  return inner && layoutIn(sub, inner);
}

/** Whether `root` holds a site's own config: Hugo's, or Docusaurus's (only looked for). */
function hasSiteConfig(root: string): boolean {
  return hasHugoConfig(root) || hasDocusaurusConfig(root);
}

/** Folders never looked in for a site: installed packages carry sites of their own. */
const NOT_SITES = new Set(["node_modules"]);
/** Folders two down looked at, at most, for a site's config (a dozen file checks each). */
const MAX_DEEP_LOOKS = 400;

/**
 * The folders below the repository's top that hold a site's config (a code repository with its
 * site in `site/` or `website/`); none when the top holds one. When no top folder holds one, the
 * folders below them are looked at (`docs/website/`), in name order up to MAX_DEEP_LOOKS; no
 * deeper, no symbolic link followed, no hidden folder or node_modules looked in.
 */
export function siteSubfolders(workTree: string): string[] {
  if (hasSiteConfig(workTree)) return [];
  const top = siteCandidates(workTree, ".");
  const one = top.filter((name) => hasSiteConfig(path.join(workTree, name)));
  if (one.length > 0) return one;
  const two: string[] = [];
  let looked = 0;
  for (const name of top) {
    for (const inner of siteCandidates(workTree, name)) {
      if (++looked > MAX_DEEP_LOOKS) return two;
      const rel = `${name}/${inner}`;
      if (namesSiteConfig(path.join(workTree, rel)) && hasSiteConfig(path.join(workTree, rel))) {
        two.push(rel);
      }
    }
  }
  return two;
}

const SITE_CONFIG_ENTRIES = new Set([...HUGO_CONFIG_ENTRIES, ...CONFIGS]);

/** Whether the folder `abs` has an entry named as a site's config: one listing, where checking
 * each name costs a dozen calls, for the many folders two down that hold none. */
function namesSiteConfig(abs: string): boolean {
  try {
    return readdirSync(abs).some((name) => SITE_CONFIG_ENTRIES.has(name));
  } catch {
    return false;
  }
}

/** The folders of `rel` that may hold a site. */
function siteCandidates(workTree: string, rel: string): string[] {
  return folders(workTree, rel).filter((name) => !NOT_SITES.has(name));
}

/**
 * The subfolder the site is in, when the repository's top holds none: the one of them the
 * tool was started in (`startedIn`, repo-relative), else the only one; null otherwise.
 */
export function siteSubfolder(workTree: string, startedIn: string): string | null {
  const sites = siteSubfolders(workTree);
  const here = sites.find((s) => startedIn === s || startedIn.startsWith(`${s}/`));
  if (here !== undefined) return here;
  return sites.length === 1 ? (sites[0] as string) : null;
}

/** What detectLayout finds with `root` as the site's top, relative to it. */
function detectAt(
  root: string,
  opts: Pick<LayoutOptions, "content" | "source" | "chosen">,
): Layout | null {
  const hugo = hugoOrChosen(root, opts);
  if (hugo) return hugo;
  // A content folder that was asked for is that layout's, there or not (then the error says so).
  if (opts.chosen?.content || realFolderInside(root, opts.content)) {
    return contentLayout(opts.content, opts.source);
  }
  return docusaurusLayout(root, opts.source);
}

/**
 * The layout Hugo's config declares (see hugoLayout), with the source language the options set
 * when they set one; a content folder the options set must be that layout's own (Hugo's
 * `content/<lang>` made from the config), since the config names every language's folder.
 */
function hugoOrChosen(
  workTree: string,
  opts: Pick<LayoutOptions, "content" | "source" | "chosen">,
): Layout | null {
  const hugo = hugoLayout(workTree, {
    content: opts.content,
    source: opts.source,
    sourceChosen: opts.chosen?.source ?? false,
  });
  if (
    hugo &&
    opts.chosen?.content &&
    !(hugo.kind === "content" && hugo.languagesIn === opts.content)
  ) {
    throw new AppError(
      2,
      `content folder "${opts.content}": Hugo's config gives each language its own content folder, which the scan reads; leave the content option out, or use --layout content to read ${opts.content}/<lang>/`,
    );
  }
  return hugo;
}

/**
 * Whether MDN's `files/` holds a started locale's folder (see started.ts): one spelt in capitals
 * too, which the scan then names in a warning rather than taking the site for another.
 */
function holdsMdnLocale(mdn: Layout, folderAt: FolderLookup): boolean {
  const abs = folderAt(mdn.languagesIn);
  return (
    abs !== null &&
    folderNames(abs).some(
      (name) =>
        name !== mdn.sourceLang &&
        mdnNotLocale(name)?.named !== false &&
        startedLanguage(folderAt, mdn, name),
    )
  );
}

function folders(workTree: string, rel: string): string[] {
  const abs = realFolderInside(workTree, rel);
  return abs ? folderNames(abs) : [];
}

/** The folders in `abs` that may be languages: no symbolic link, no name a language cannot have. */
function folderNames(abs: string): string[] {
  return readdirSync(abs, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.isSymbolicLink() && LANGUAGE_NAME.test(e.name))
    .map((e) => e.name)
    .sort();
}

/**
 * Docusaurus: English docs in `docs/`, versions in `versioned_docs/version-X/`, the blog in
 * `blog/`, pages in `src/pages/`, more docs plugins in `<id>/` (and `<id>_versioned_docs/`);
 * each locale's translations in `i18n/<locale>/docusaurus-plugin-content-docs/current/`,
 * `.../version-X/`, `docusaurus-plugin-content-blog/`, `docusaurus-plugin-content-pages/` and
 * `docusaurus-plugin-content-docs-<id>/...`. A plugin's path set to something else in the
 * config is not known without running the config.
 */
export function docusaurusLayout(workTree: string, sourceLang: string): Layout | null {
  const locales = folders(workTree, "i18n");
  const plugins = new Set(locales.flatMap((l) => folders(workTree, `i18n/${l}`)));
  const hasConfig = hasDocusaurusConfig(workTree);
  if (
    locales.length === 0 ||
    (!hasConfig && ![...plugins].some((p) => p.startsWith("docusaurus-plugin-content-")))
  ) {
    return null;
  }
  const top = new Set(folders(workTree, "."));
  const pairs: FolderPair[] = [];
  const docs = (source: string, plugin: string, versions: string) => {
    if (top.has(source)) pairs.push(folderPair(source, `i18n/{lang}/${plugin}/current`));
    for (const v of folders(workTree, versions).filter((n) => n.startsWith("version-"))) {
      pairs.push(folderPair(`${versions}/${v}`, `i18n/{lang}/${plugin}/${v}`));
    }
  };
  docs("docs", DOCS_PLUGIN, "versioned_docs");
  if (top.has("blog")) pairs.push(folderPair("blog", `i18n/{lang}/${BLOG_PLUGIN}`));
  if (realFolderInside(workTree, PAGES)) {
    pairs.push(folderPair(PAGES, `i18n/{lang}/${PAGES_PLUGIN}`));
  }
  for (const plugin of [...plugins].sort()) {
    if (!plugin.startsWith(`${DOCS_PLUGIN}-`)) continue;
    const id = plugin.slice(DOCS_PLUGIN.length + 1);
    docs(id, plugin, `${id}_versioned_docs`);
  }
  if (pairs.length === 0) return null;
  return { kind: "docusaurus", sourceLang, languagesIn: "i18n", pairs };
}
