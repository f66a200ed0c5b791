// Runs git for the generator with an environment the caller cannot leak into: inherited GIT_*
// variables (GIT_DIR, GIT_INDEX_FILE from a hook, ...) and user/system config (autocrlf, hooks,
// init.defaultBranch) would make the output depend on the machine instead of the options.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/** Flags put before every git subcommand: never run hooks. */
export const GIT_FLAGS = ["-c", "core.hooksPath=/dev/null"] as const;

export function cleanGitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith("GIT_")) env[key] = value;
  }
  env.GIT_CONFIG_NOSYSTEM = "1";
  env.GIT_CONFIG_GLOBAL = "/dev/null";
  env.GIT_TERMINAL_PROMPT = "0";
  return env;
}

export async function git(cwd: string, args: string[], input?: string): Promise<string> {
  const child = execFileAsync("git", [...GIT_FLAGS, ...args], {
    cwd,
    env: cleanGitEnv(),
    maxBuffer: 64 * 1024 * 1024,
  });
  if (input !== undefined) {
    child.child.stdin?.end(input);
  }
  const { stdout } = await child;
  return stdout;
}
