// Options as a command uses them: each value from the command line when given there, else from
// the config file, else the default.

import type { LayoutChoice } from "../layout/layout.js";
import type { PathPattern } from "../layout/pattern.js";
import {
  type CheckOptions,
  DEFAULTS,
  type MetadataChoice,
  type OutputOptions,
  type ShowChoice,
  type SiteOptions,
} from "./defaults.js";
import type { Config } from "./schema.js";

/** What the command line gave; null (or absent) where it said nothing. */
export interface GivenOptions {
  content: string | null;
  source: string | null;
  languages: string[] | null;
  exclude: string[] | null;
  layout: LayoutChoice | null;
  paths: PathPattern[] | null;
  extensions: string[] | null;
  defaultLanguage: string | null;
  metadata: MetadataChoice | null;
  pinBranch: string | null;
  sourceRepo: string | null;
  /** Absolute (resolved against the directory the tool was started in). */
  ignoreRevsFile: string | null;
  failOn: string[] | null;
  maxBehind: number | null;
  maxLines: number | null;
  maxAge: number | null;
  /** Only true when the flag was given. */
  useEstimates: boolean | null;
  show: ShowChoice[] | null;
}

export interface ResolvedOptions extends SiteOptions, Omit<CheckOptions, "failOn">, OutputOptions {
  /** As given (validated by check); null for the default. */
  failOn: string[] | null;
  /** Which of the folders the command line or the config set, rather than the defaults: a
   * layout Hugo's config declares gives way to them, or says why it cannot. */
  chosen: FoldersChosen;
}

export interface FoldersChosen {
  source: boolean;
  content: boolean;
}

export const NOTHING_CHOSEN: FoldersChosen = { source: false, content: false };

export function resolveOptions(given: GivenOptions, config: Config | null): ResolvedOptions {
  const c = config ?? {};
  return {
    content: given.content ?? c.content ?? DEFAULTS.content,
    source: given.source ?? c.source ?? DEFAULTS.source,
    languages: given.languages ?? c.languages ?? [...DEFAULTS.languages],
    exclude: given.exclude ?? c.exclude ?? [...DEFAULTS.exclude],
    layout: given.layout ?? c.layout ?? DEFAULTS.layout,
    paths: given.paths ?? c.paths ?? [...DEFAULTS.paths],
    extensions: given.extensions ?? c.extensions ?? [...DEFAULTS.extensions],
    defaultLanguage: given.defaultLanguage ?? c.defaultLanguage ?? DEFAULTS.defaultLanguage,
    metadata: given.metadata ?? c.metadata ?? DEFAULTS.metadata,
    pinBranch: given.pinBranch ?? c.pinBranch ?? DEFAULTS.pinBranch,
    sourceRepo: given.sourceRepo ?? c.sourceRepo ?? DEFAULTS.sourceRepo,
    // The flag's path is absolute, the config's relative to the repository's top (see
    // readIgnoreRevs).
    ignoreRevsFile: given.ignoreRevsFile ?? c.ignoreRevsFile ?? DEFAULTS.ignoreRevsFile,
    failOn: given.failOn ?? c.failOn ?? null,
    maxBehind: given.maxBehind ?? c.maxBehind ?? DEFAULTS.maxBehind,
    maxLines: given.maxLines ?? c.maxLines ?? DEFAULTS.maxLines,
    maxAge: given.maxAge ?? c.maxAge ?? DEFAULTS.maxAge,
    useEstimates: given.useEstimates ?? c.useEstimates ?? DEFAULTS.useEstimates,
    show: given.show ?? c.show ?? [...DEFAULTS.show],
    chosen: {
      source: (given.source ?? c.source ?? null) !== null,
      content: (given.content ?? c.content ?? null) !== null,
    },
  };
}
