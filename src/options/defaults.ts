// The options every command shares, with their defaults: one home, read by the help text, the
// config file's schema and the resolution of flags over config over defaults. Only src/cli/
// knows flag names.
import { DEFAULT_FAIL_ON } from "../check/thresholds.js";
import type { Status } from "../core/types.js";
import type { LayoutChoice } from "../layout/layout.js";
import type { PathPattern } from "../layout/pattern.js";
import type { AnnotationLevel } from "../sanitize/github.js";
import { PAGE_EXTENSIONS } from "../site/files.js";
import { TOOL_FOLDER } from "./tool-folder.js";

/** How a site records metadata, as the config names it; "auto" learns it from the site. (Here,
 * not beside the metadata code, so that parsing the command line loads none of that.) */
export const METADATA_CHOICES = [
  "auto",
  "shortcode",
  "default_lang_commit",
  "l10n.sourceCommit",
] as const;
export type MetadataChoice = (typeof METADATA_CHOICES)[number];

export interface SiteOptions {
  /** The content folder inside the repository. */
  content: string;
  /** The source language's folder. */
  source: string;
  /** Languages to report; empty means every folder beside the source. */
  languages: string[];
  /** Globs of files that are not pages (templates, drafts), matched below each language's
   * folder, such as `_TEMPLATE.md` or `drafts/**`. */
  exclude: string[];
  /** How the layout is found (see layout/detect.ts). */
  layout: LayoutChoice;
  /** The site's own layout as patterns; empty to detect it. */
  paths: PathPattern[];
  /** What page files' names end with, without the dot. */
  extensions: string[];
  /** The language the dashboard opens on; null for the first. */
  defaultLanguage: string | null;
  /** How `stamp --init` writes metadata; "auto" learns it from the site's pages. */
  metadata: MetadataChoice;
  /** The branch `stamp` pins must be on; null to warn when the remote's default branch does
   * not contain the pin. */
  pinBranch: string | null;
  /** The repository holding the English pages, when it is not this one (MDN's two
   * repositories); null for this one. */
  sourceRepo: string | null;
  /** The ignore-revs file (commits estimates skip); null for the default, IGNORE_REVS_NAME at
   * the repository's top when it exists. */
  ignoreRevsFile: string | null;
}

export interface CheckOptions {
  failOn: Status[];
  maxBehind: number | null;
  maxLines: number | null;
  maxAge: number | null;
  /** Judge untracked pages by their estimated numbers against maxBehind and maxLines. */
  useEstimates: boolean;
}

/** Rows that the table and Markdown reports fold into a count unless asked for: a language with
 * a handful of translations would otherwise list hundreds of untranslated pages. */
export const SHOW_CHOICES = ["missing"] as const;
export type ShowChoice = (typeof SHOW_CHOICES)[number];

export interface OutputOptions {
  /** Folded rows to list one by one in the table and Markdown reports (the JSON has them all). */
  show: ShowChoice[];
}

export const DEFAULTS: Readonly<SiteOptions & CheckOptions & OutputOptions> = {
  content: "content",
  source: "en",
  languages: [],
  exclude: [],
  layout: "auto",
  paths: [],
  extensions: [...PAGE_EXTENSIONS],
  defaultLanguage: null,
  metadata: "auto",
  pinBranch: null,
  sourceRepo: null,
  ignoreRevsFile: null,
  failOn: [...DEFAULT_FAIL_ON],
  maxBehind: null,
  maxLines: null,
  maxAge: null,
  useEstimates: false,
  show: [],
};

/** Defaults of the options that shape one output rather than the site. */
export const OUTPUT_DEFAULTS = {
  /** A GitHub pull request comment holds at most 65,536 characters. */
  maxSize: 65_536,
  /** Failing pages block a pull request where they are errors, as a failing check should. */
  annotationLevel: "error" as AnnotationLevel,
};

/**
 * The least `--max-size`: room for the report's first lines and its closing note on what was left
 * out, which at their longest (a site of millions of failing pages, languages and warnings) take
 * about 300 characters. Below it the report could not keep its size and still say what it left
 * out, so a smaller size is refused.
 */
export const LEAST_MAX_SIZE = 1_000;

/** The config file a repository may keep at its top, beside `.git`. */
export const CONFIG_NAME = "translation-status.config.json";

/** The ignore-revs file read when none is named, if the repository has it at its top. */
export const IGNORE_REVS_NAME = ".translation-status-ignore-revs";

/**
 * The cache (see cache/): its folder's name under the user's cache folder, and the most it may
 * hold. A history of 20,000 commits takes about 15 MB; the least recently used files go first.
 */
export const CACHE_DEFAULTS = {
  folder: TOOL_FOLDER,
  maxBytes: 256 * 1024 * 1024,
} as const;
