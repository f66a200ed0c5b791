// The only place that starts git. Every call goes through `gitArgv`, so the safety settings
// (no hooks, no fsmonitor, no external diff or textconv, no pager, no network, no implicit
// bare repositories) cannot be forgotten by a caller, and nothing from the page content can
// reach git's option parser: revisions are validated hashes and paths come after `--`.
import { spawn } from "node:child_process";
import { AppError } from "../errors.js";

/** A repository, always named explicitly: git never discovers one on its own after `openRepo`. */
export interface Repo {
  /** Absolute path of the work tree. */
  workTree: string;
  /** Absolute path of the git directory. */
  gitDir: string;
}

const SAFE_CONFIG = [
  "core.fsmonitor=false",
  "core.hooksPath=/dev/null",
  "core.pager=cat",
  "core.quotePath=false",
  "core.untrackedCache=false",
  "safe.bareRepository=explicit",
  "protocol.allow=never",
  "color.ui=false",
  "diff.external=",
  "diff.noprefix=false",
  "diff.mnemonicPrefix=false",
  "log.showSignature=false",
  "log.mailmap=false",
  "submodule.recurse=false",
];

/** Environment for git: the caller's, minus every GIT_* variable (they can redirect the
 * repository, the config, the diff program or the pager), plus settings that make git
 * quiet, non-interactive and offline. */
export function gitEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(base)) {
    if (!key.toUpperCase().startsWith("GIT_")) env[key] = value;
  }
  env.LC_ALL = "C";
  env.LANGUAGE = "C";
  env.GIT_TERMINAL_PROMPT = "0";
  env.GIT_NO_LAZY_FETCH = "1";
  env.GIT_OPTIONAL_LOCKS = "0";
  env.GIT_ALLOW_PROTOCOL = "none";
  env.GIT_NO_REPLACE_OBJECTS = "1";
  env.GIT_LITERAL_PATHSPECS = "1";
  return env;
}

/** Full argument vector for one git command in `repo` (or in `cwd` for discovery). */
export function gitArgv(repo: Repo | null, args: readonly string[]): string[] {
  const argv = ["--no-pager", "--literal-pathspecs", "--no-replace-objects"];
  for (const setting of SAFE_CONFIG) argv.push("-c", setting);
  if (repo) argv.push(`--git-dir=${repo.gitDir}`, `--work-tree=${repo.workTree}`);
  argv.push(...args);
  return argv;
}

export interface RunOptions {
  /** Working directory; only discovery needs one, everything else names the repo. */
  cwd?: string;
  /** Bytes written to git's stdin, then closed. */
  input?: string | Buffer;
  /** Called with each stdout chunk instead of buffering the output. */
  onStdout?: (chunk: Buffer) => void;
  /** Exit codes that are not failures (e.g. 1 for "no" answers). */
  okCodes?: readonly number[];
  /** Refuse to buffer more than this many bytes of stdout. */
  maxBuffer?: number;
}

export interface RunResult {
  stdout: Buffer;
  code: number;
}

const DEFAULT_MAX_BUFFER = 512 * 1024 * 1024;

export function runGit(
  repo: Repo | null,
  args: readonly string[],
  opts: RunOptions = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", gitArgv(repo, args), {
      cwd: opts.cwd ?? repo?.workTree,
      env: gitEnv(),
      stdio: ["pipe", "pipe", "pipe"],
      windowsHide: true,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = "";
    let failed = false;
    child.stdout.on("data", (chunk: Buffer) => {
      if (opts.onStdout) {
        opts.onStdout(chunk);
        return;
      }
      size += chunk.length;
      if (size > (opts.maxBuffer ?? DEFAULT_MAX_BUFFER)) {
        failed = true;
        child.kill();
        reject(new AppError(2, `git ${args[0]} produced more output than allowed`));
        return;
      }
      chunks.push(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString("utf8");
    });
    child.on("error", (err: NodeJS.ErrnoException) => {
      failed = true;
      const why = err.code === "ENOENT" ? "git is not installed or not on PATH" : err.message;
      reject(new AppError(2, why));
    });
    child.on("close", (code) => {
      if (failed) return;
      const exit = code ?? 128;
      if (exit !== 0 && !(opts.okCodes ?? []).includes(exit)) {
        reject(new GitFailure(args[0] ?? "", exit, firstLine(stderr)));
        return;
      }
      resolve({ stdout: Buffer.concat(chunks), code: exit });
    });
    // A git that exits early (bad repository) closes stdin; that is reported by "close".
    child.stdin.on("error", () => {});
    if (opts.input !== undefined) child.stdin.end(opts.input);
    else child.stdin.end();
  });
}

/** git exited with an error; carries git's own first line of explanation. */
export class GitFailure extends AppError {
  constructor(
    readonly command: string,
    readonly gitCode: number,
    readonly detail: string,
  ) {
    super(2, `git ${command} failed${detail ? `: ${detail}` : ` (exit ${gitCode})`}`);
  }
}

function firstLine(text: string): string {
  const line = text.split("\n").find((l) => l.trim() !== "") ?? "";
  return line.replace(/^(fatal|error): /, "").trim();
}

/** Splits NUL-terminated records across chunk boundaries without copying the whole output. */
export class NulSplitter {
  private pending: Buffer[] = [];
  constructor(private readonly onRecord: (record: Buffer) => void) {}

  push(chunk: Buffer): void {
    let start = 0;
    for (;;) {
      const end = chunk.indexOf(0, start);
      if (end < 0) break;
      const piece = chunk.subarray(start, end);
      if (this.pending.length > 0) {
        this.pending.push(piece);
        this.onRecord(Buffer.concat(this.pending));
        this.pending = [];
      } else {
        this.onRecord(piece);
      }
      start = end + 1;
    }
    if (start < chunk.length) this.pending.push(Buffer.from(chunk.subarray(start)));
  }

  /** The bytes after the last NUL (git's -z output may omit the final terminator). */
  end(): void {
    if (this.pending.length > 0) {
      this.onRecord(Buffer.concat(this.pending));
      this.pending = [];
    }
  }
}
