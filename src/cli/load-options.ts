// The command line, the config file and the defaults made into the options a command runs with.
import { findConfig, readConfig } from "../options/config.js";
import { resolveOptions } from "../options/resolve.js";
import type { CliOptions, ParsedCli } from "./args.js";

export async function loadOptions(parsed: ParsedCli, cwd = process.cwd()): Promise<CliOptions> {
  const { given, config: configFlag, ...rest } = parsed;
  const file = findConfig(parsed.repo, configFlag, cwd);
  const shown = file === null ? null : (configFlag ?? file);
  const config = file === null ? null : await readConfig(file, shown ?? file);
  const o = resolveOptions(given, config);
  return {
    ...rest,
    source: o.source,
    content: o.content,
    langs: o.languages,
    exclude: o.exclude,
    ignoreRevsFile: o.ignoreRevsFile,
    failOn: o.failOn,
    maxBehind: o.maxBehind,
    maxLines: o.maxLines,
    maxAge: o.maxAge,
    useEstimates: o.useEstimates,
    configFile: shown,
  };
}
