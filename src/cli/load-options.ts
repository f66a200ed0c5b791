// The command line, the config file and the defaults made into the options a command runs with.
import path from "node:path";
import type { CacheChoice } from "../cache/store.js";
import { findConfig, readConfig, workTreeTop } from "../options/config.js";
import { resolveOptions } from "../options/resolve.js";
import { inertLine } from "../sanitize/github.js";
import type { SiteScope } from "../scan/folders.js";
import type { CliOptions, ParsedCli } from "./args.js";

/** The cache as the command line chose it; warnings go to stderr, one line each. */
export function cacheChoice(opts: Pick<CliOptions, "cacheDir" | "noCache">): CacheChoice {
  return {
    dir: opts.cacheDir,
    enabled: !opts.noCache,
    warn: (message) => process.stderr.write(`translation-status: warning: ${inertLine(message)}\n`),
  };
}

/** The options that say what a scan covers, and the cache it may use. */
export function scanScope(
  opts: CliOptions,
): SiteScope & { repo: string; kinds?: boolean; cache: CacheChoice } {
  return {
    cache: cacheChoice(opts),
    ...(opts.kinds ? { kinds: true } : {}),
    repo: opts.repo,
    source: opts.source,
    content: opts.content,
    chosen: opts.chosen,
    langs: opts.langs,
    langsFrom: opts.langsFrom,
    exclude: opts.exclude,
    layout: opts.layout,
    paths: opts.paths,
    extensions: opts.extensions,
    sourceRepo: opts.sourceRepo,
    ignoreRevsFile: opts.ignoreRevsFile,
  };
}

export async function loadOptions(parsed: ParsedCli, cwd = process.cwd()): Promise<CliOptions> {
  const { given, config: configFlag, ...rest } = parsed;
  const file = findConfig(parsed.repo, configFlag, cwd);
  const shown = file === null ? null : (configFlag ?? file);
  const read = file === null ? null : await readConfig(file, shown ?? file);
  // The config's sourceRepo is relative to the repository's top, wherever the file itself is
  // (a workflow may pin the base branch's copy with --config); the flag's, like --repo's, to
  // the current folder.
  const config =
    read?.sourceRepo === undefined
      ? read
      : {
          ...read,
          sourceRepo: path.resolve(
            workTreeTop(parsed.repo, cwd) ?? path.resolve(cwd, parsed.repo),
            read.sourceRepo,
          ),
        };
  const o = resolveOptions(given, config);
  return {
    ...rest,
    source: o.source,
    content: o.content,
    chosen: o.chosen,
    langs: o.languages,
    langsFrom:
      given.languages === null && read?.languages !== undefined
        ? `${shown}: "languages"`
        : "--lang",
    exclude: o.exclude,
    layout: o.layout,
    paths: o.paths,
    extensions: o.extensions,
    defaultLanguage: o.defaultLanguage,
    defaultLanguageFrom:
      given.defaultLanguage === null && read?.defaultLanguage !== undefined
        ? `${shown}: "defaultLanguage"`
        : "--default-lang",
    metadata: o.metadata,
    pinBranch: o.pinBranch,
    sourceRepo: o.sourceRepo,
    ignoreRevsFile: o.ignoreRevsFile,
    failOn: o.failOn,
    maxBehind: o.maxBehind,
    maxLines: o.maxLines,
    maxAge: o.maxAge,
    useEstimates: o.useEstimates,
    show: o.show,
    configFile: shown,
  };
}
