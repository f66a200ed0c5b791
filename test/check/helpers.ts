// Shared pieces of the check tests: golden files, the built CLI, and small repositories with fixed
// identities and dates.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { gitEnv } from "../../src/git/run.js";
import { ROOT } from "../helpers/site.js";

export const GOLDEN_DIR = path.join(ROOT, "test", "golden");
export const CLI = path.join(ROOT, "dist", "src", "cli", "main.js");
/** The clock and stop-commands token every golden file is rendered with. */
export const NOW = new Date("2025-10-01T00:00:00Z");
export const TOKEN = "0123456789abcdef0123456789abcdef";
/** A color code (SGR) as the table prints them. */
export const SGR = new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, "g");

/** Compares with test/golden/<name>; UPDATE_GOLDEN=1 rewrites the file instead. */
export function matchGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) {
    throw new Error(
      `no golden file ${name}; create it with UPDATE_GOLDEN=1 npx vitest run test/check`,
    );
  }
  expect(actual, `golden ${name} (UPDATE_GOLDEN=1 rewrites it)`).toBe(readFileSync(file, "utf8"));
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The built CLI (npm run build), with no GitHub Actions variables leaking in from the runner. */
export function runCli(args: string[], env: Record<string, string> = {}): CliRun {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing; run npm run build first`);
  const base: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith("GITHUB_") && !k.startsWith("RUNNER_") && k !== "CI") base[k] = v;
  }
  const res = spawnSync(process.execPath, [CLI, ...args], {
    env: { ...base, NO_COLOR: "1", ...env },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

const IDENTITY = {
  GIT_AUTHOR_NAME: "Test Author",
  GIT_AUTHOR_EMAIL: "author@example.com",
  GIT_COMMITTER_NAME: "Test Author",
  GIT_COMMITTER_EMAIL: "author@example.com",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
};

/** Plain git in `dir` with a fixed identity; `tick` picks the commit date (hours after a fixed start). */
export function gitAt(
  dir: string,
  args: string[],
  opts: { tick?: number; input?: string; env?: Record<string, string> } = {},
): string {
  const when = `${1_743_465_600 + (opts.tick ?? 0) * 3600} +0000`;
  return execFileSync(
    "git",
    ["-c", "core.hooksPath=/dev/null", "-c", "commit.gpgSign=false", ...args],
    {
      cwd: dir,
      env: {
        ...gitEnv(),
        ...IDENTITY,
        GIT_AUTHOR_DATE: when,
        GIT_COMMITTER_DATE: when,
        ...opts.env,
      },
      encoding: "utf8",
      input: opts.input,
    },
  ).trim();
}

/** `git clone --depth 1 file://src dest`: a shallow clone, as actions/checkout makes by default. */
export function shallowClone(src: string, dest: string): void {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("GIT_")) env[k] = v;
  Object.assign(env, IDENTITY);
  execFileSync(
    "git",
    ["-c", "protocol.file.allow=always", "clone", "-q", "--depth", "1", `file://${src}`, dest],
    { env, encoding: "utf8" },
  );
}
