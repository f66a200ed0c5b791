// Finding and reading the config file: bounded, never through a symbolic link, JSON only, and
// checked against the schema. Any problem is one line naming the file, the key and what is wrong.
import { existsSync } from "node:fs";
import path from "node:path";
import { AppError } from "../errors.js";
import { readPageBytes } from "../site/files.js";
import { CONFIG_NAME } from "./defaults.js";
import type { Config } from "./schema.js";

/** Config files are a few hundred bytes; anything near this is not one. */
const MAX_CONFIG_BYTES = 64 * 1024;

/**
 * The config file to use: `given` (relative to `cwd`) when the command line names one, else
 * the repository's own at the top of its work tree, else null. Found without starting git: the
 * top is the nearest folder up from `repoDir` that holds `.git`.
 */
export function findConfig(repoDir: string, given: string | null, cwd: string): string | null {
  if (given !== null) return path.resolve(cwd, given);
  const top = workTreeTop(repoDir, cwd);
  if (top === null) return null;
  const file = path.join(top, CONFIG_NAME);
  return existsSync(file) ? file : null;
}

/** The nearest folder up from `repoDir` (relative to `cwd`) that holds `.git`, or null. */
export function workTreeTop(repoDir: string, cwd: string): string | null {
  let dir = path.resolve(cwd, repoDir);
  for (;;) {
    if (existsSync(path.join(dir, ".git"))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/** The config in `file`, validated; an AppError (exit 2) with one line otherwise. */
export async function readConfig(file: string, shown: string): Promise<Config> {
  const fail = (why: string) => new AppError(2, `${shown}: ${why}`);
  const read = readPageBytes(file);
  if ("error" in read) throw fail(read.error);
  if (read.bytes.length > MAX_CONFIG_BYTES) {
    throw fail(`larger than ${MAX_CONFIG_BYTES / 1024} KiB; not a config file`);
  }
  let data: unknown;
  try {
    data = JSON.parse(read.bytes.toString("utf8"));
  } catch (err) {
    throw fail(`not valid JSON (${(err as Error).message.split("\n")[0]?.slice(0, 120)})`);
  }
  // zod is loaded only for a repository that has a config file.
  const { ConfigSchema } = await import("./schema.js");
  const parsed = ConfigSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const quote = (k: PropertyKey) => JSON.stringify(String(k).slice(0, 60));
    const key = issue?.path.length ? issue.path.map(quote).join(".") : "the file";
    const what =
      issue?.code === "unrecognized_keys"
        ? `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.slice(0, 5).map(quote).join(", ")}`
        : `${key}: ${issue?.message ?? "invalid"}`;
    throw fail(what);
  }
  return parsed.data;
}
