// Builders for hostile repositories: real git, fixed identities and dates (so hashes are stable),
// hooks off for our own setup commands, and canaries that prove a configured command never ran.

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { INVISIBLE_CLASS } from "../../src/sanitize/invisible.js";
import { scan } from "../../src/scan/scan.js";
import { ROOT } from "../helpers/site.js";

export const CLI = path.join(ROOT, "dist/src/cli/main.js");

/** The caller's environment without GIT_*, and no user or system git config. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.toUpperCase().startsWith("GIT_")) env[k] = v;
  }
  return {
    ...env,
    LC_ALL: "C",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_TERMINAL_PROMPT: "0",
    ...extra,
  };
}

const START = Date.UTC(2025, 0, 1) / 1000;

export interface GitOptions {
  input?: string | Buffer;
  env?: NodeJS.ProcessEnv;
  /** Accept a failing exit code and return stdout anyway. */
  allowFail?: boolean;
}

/** Plain git for setup and cross-checks: hooks off, no user config, fixed identity. */
export function gitIn(cwd: string, args: readonly string[], opts: GitOptions = {}): string {
  const res = spawnSync(
    "git",
    [
      "-c",
      "core.hooksPath=/dev/null",
      "-c",
      "commit.gpgSign=false",
      "-c",
      "protocol.file.allow=always",
      ...args,
    ],
    {
      cwd,
      env: cleanEnv({
        GIT_AUTHOR_NAME: "Test Author",
        GIT_AUTHOR_EMAIL: "author@example.com",
        GIT_COMMITTER_NAME: "Test Committer",
        GIT_COMMITTER_EMAIL: "committer@example.com",
        GIT_AUTHOR_DATE: `${START} +0000`,
        GIT_COMMITTER_DATE: `${START} +0000`,
        ...opts.env,
      }),
      input: opts.input,
      maxBuffer: 512 * 1024 * 1024,
    },
  );
  if (res.status !== 0 && !opts.allowFail) {
    throw new Error(`git ${args.join(" ")} failed (${res.status}): ${res.stderr.toString()}`);
  }
  return res.stdout.toString("utf8");
}

export function tempDir(prefix = "ts-hostile-"): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** A repository under construction; every commit gets the next hour as its date. */
export class TestRepo {
  private tick = 0;
  constructor(readonly dir: string) {}

  static init(dir: string): TestRepo {
    mkdirSync(dir, { recursive: true });
    gitIn(dir, ["init", "-q", "-b", "main"]);
    return new TestRepo(dir);
  }

  git(args: readonly string[], opts: GitOptions = {}): string {
    return gitIn(this.dir, args, opts);
  }

  write(rel: string, content: string | Buffer): void {
    const abs = path.join(this.dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }

  /** Stages everything and commits; returns the new commit's hash. */
  commit(message: string, env: NodeJS.ProcessEnv = {}): string {
    this.tick += 1;
    const when = `${START + this.tick * 3600} +0000`;
    const dates = { GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when, ...env };
    this.git(["add", "-A"], { env: dates });
    this.git(["commit", "-q", "--allow-empty", "--cleanup=verbatim", "-F", "-"], {
      env: dates,
      input: message,
    });
    return this.head();
  }

  head(): string {
    return this.git(["rev-parse", "HEAD"]).trim();
  }
}

/**
 * A repository with one translation whose English source changed after its raw_commit, so its
 * line counts are git's to make. With `brokenRaw`, the English version at raw_commit is then
 * deleted from the object store: the history still names it, but git cannot read it.
 */
export function outdatedRepo(dir: string, brokenRaw = false): TestRepo {
  const repo = TestRepo.init(dir);
  repo.write("content/en/a.md", english("A"));
  const raw = repo.commit("English");
  repo.write("content/zh-cn/a.md", page(raw));
  repo.write("content/en/a.md", english("A", "More text.\n"));
  repo.commit("Translate; change the English");
  if (brokenRaw) {
    const oid = repo.git(["rev-parse", `${raw}:content/en/a.md`]).trim();
    rmSync(path.join(dir, ".git", "objects", oid.slice(0, 2), oid.slice(2)));
  }
  return repo;
}

/** A translated page carrying the Mastodon shortcode. */
export function page(rawCommit: string, body = "译文。\n", attrs = ""): string {
  return `---\ntitle: 页面\n---\n\n${body}\n{{< translation-status-zh-cn raw_title="Page" raw_commit="${rawCommit}"${attrs} >}}\n`;
}

export function english(title: string, body = "Text.\n"): string {
  return `---\ntitle: ${title}\n---\n\n${body}`;
}

export function scanRepo(dir: string, extra: { langs?: string[]; content?: string } = {}) {
  return scan({
    repo: dir,
    source: "en",
    content: extra.content ?? "content",
    langs: extra.langs ?? [],
  });
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The built CLI, in its own process, with a clean environment plus `env`. */
export function runCli(
  args: readonly string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): CliResult {
  const res = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? tmpdir(),
    env: { ...cleanEnv(), CI: "true", NO_COLOR: "1", ...opts.env },
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
    timeout: 120_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

/** A folder holding executable scripts that each create the same canary file when run. */
export class Canary {
  readonly dir: string;
  readonly file: string;
  constructor() {
    this.dir = tempDir("ts-canary-");
    this.file = path.join(this.dir, "CANARY");
  }

  /** Path of an executable that touches the canary and exits. */
  script(name = "evil"): string {
    const file = path.join(this.dir, name);
    writeFileSync(file, `#!/bin/sh\ntouch '${this.file}'\nexit 0\n`);
    chmodSync(file, 0o755);
    return file;
  }

  /** A shell command line that creates the canary. */
  get command(): string {
    return `touch '${this.file}'`;
  }

  fired(): boolean {
    return existsSync(this.file);
  }

  reset(): void {
    rmSync(this.file, { force: true });
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Every file below `dir` (following nothing) whose name is `name`. */
export function findNamed(dir: string, name: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries: import("node:fs").Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const abs = path.join(d, e.name);
      if (e.name === name) out.push(abs);
      if (e.isDirectory() && !e.isSymbolicLink()) walk(abs);
    }
  };
  walk(dir);
  return out;
}

/** Every file below `dir` (`.git` included) with a hash of its bytes, or its link target. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel === "" ? e.name : `${rel}/${e.name}`;
      const abs = path.join(dir, r);
      if (e.isSymbolicLink()) out[r] = `-> ${readlinkSync(abs)}`;
      else if (e.isDirectory()) walk(r);
      else if (e.isFile()) out[r] = createHash("sha256").update(readFileSync(abs)).digest("hex");
      else out[r] = "special";
    }
  };
  walk("");
  return out;
}

/** Characters that must never reach a terminal raw (C0 but LF, DEL, C1, bidi, invisibles). */
export const UNSAFE_CHAR = new RegExp(
  String.raw`[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029${INVISIBLE_CLASS}]`,
  "u",
);

/** Lines GitHub's runner would run as workflow commands (`::x::` after TrimStart, `##[` anywhere). */
export function workflowCommandLines(text: string): string[] {
  return text
    .split("\n")
    .filter((line) => line.trimStart().startsWith("::") || line.includes("##["));
}
