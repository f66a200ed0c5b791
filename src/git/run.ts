// The only place that starts git. Every call goes through `gitArgv`, so the safety settings
// (no hooks, no fsmonitor, no external diff or textconv, no pager, no network, no implicit
// bare repositories) cannot be forgotten by a caller, and nothing from the page content can
// reach git's option parser: revisions are validated hashes and paths come after `--`.
import { spawn } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";
import { decodeBytes } from "../core/path-bytes.js";
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
  // A repository's config could make `git log -- <folder>` follow one file's renames, or print
  // paths relative to a subfolder: either would misread the history.
  "log.follow=false",
  "diff.relative=false",
  // git re-encodes everything `log --format` prints, hashes and %x00 included, to this encoding:
  // UTF-16 from a user's or a repository's config would put NULs inside every field.
  "i18n.logOutputEncoding=UTF-8",
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
  /** Written to git's stdin, then closed. */
  input?: string | Buffer;
  /** Called with each stdout chunk instead of buffering the output. */
  onStdout?: (chunk: Buffer) => void;
  /** Exit codes that are not failures (e.g. 1 for "no" answers). */
  okCodes?: readonly number[];
  /** Refuse to buffer more than this many bytes of stdout. */
  maxBuffer?: number;
  /**
   * Write new objects to this scratch folder, reading the repository's own through it as an
   * alternate: the tool may build temporary trees without changing the repository.
   */
  scratchObjects?: { dir: string; repoObjects: string };
  /**
   * Let git fill whole buffers instead of flushing after every record, which it does into a
   * pipe: for output read all at once, 20,000 flushes cost more than the reading.
   */
  buffered?: boolean;
}

export interface RunResult {
  stdout: Buffer;
  code: number;
}

const DEFAULT_MAX_BUFFER = 512 * 1024 * 1024;

let found: { pathVar: string; git: string | null } | null = null;

/**
 * git's absolute path, from PATH's absolute entries only. Spawning a bare "git" lets the OS try
 * the working directory, which is the repository being scanned: Windows always looks there
 * first, and POSIX does when PATH has an empty or relative entry (`PATH=$PATH:$UNSET` ends in
 * ":"). A pull request could commit a `git` or `git.exe` at the top of the repository.
 */
export function gitExecutable(env: NodeJS.ProcessEnv = process.env): string | null {
  const pathVar = env.PATH ?? "";
  if (found?.pathVar === pathVar) return found.git;
  const name = process.platform === "win32" ? "git.exe" : "git";
  let git: string | null = null;
  for (const dir of pathVar.split(path.delimiter)) {
    if (dir === "" || !path.isAbsolute(dir)) continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (!statSync(candidate).isFile()) continue;
    } catch {
      continue;
    }
    git = candidate;
    break;
  }
  found = { pathVar, git };
  return git;
}

export function runGit(
  repo: Repo | null,
  args: readonly string[],
  opts: RunOptions = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const git = gitExecutable();
    if (git === null) {
      reject(new AppError(2, "git is not installed or not on PATH"));
      return;
    }
    const env = gitEnv();
    if (opts.scratchObjects) {
      env.GIT_OBJECT_DIRECTORY = opts.scratchObjects.dir;
      env.GIT_ALTERNATE_OBJECT_DIRECTORIES = quoteAlternate(opts.scratchObjects.repoObjects);
    }
    if (opts.buffered) env.GIT_FLUSH = "0";
    const child = spawn(git, gitArgv(repo, args), {
      cwd: opts.cwd ?? repo?.workTree,
      env,
      stdio: ["pipe", "pipe", "pipe"],
      windowsHide: true,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = "";
    let failed = false;
    child.stdout.on("data", (chunk: Buffer) => {
      if (failed) return;
      if (opts.onStdout) {
        // A reader that rejects git's output (AppError "unexpected output") fails this call,
        // with its exit code, instead of escaping as an uncaught exception from the stream.
        try {
          opts.onStdout(chunk);
        } catch (err) {
          failed = true;
          child.kill();
          reject(err);
        }
        return;
      }
      size += chunk.length;
      if (size > (opts.maxBuffer ?? DEFAULT_MAX_BUFFER)) {
        failed = true;
        child.kill();
        reject(new AppError(2, `git ${commandOf(args)} produced more output than allowed`));
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
    child.on("close", (code, signal) => {
      if (failed) return;
      const settle = () => {
        const exit = code ?? 128;
        if (exit !== 0 && !(opts.okCodes ?? []).includes(exit)) {
          reject(new GitFailure(commandOf(args), exit, firstLine(stderr)));
          return;
        }
        resolve({ stdout: Buffer.concat(chunks), code: exit });
      };
      // A Ctrl-C at the terminal reaches git and this process at once; this process's own
      // handler (the dashboard's) then ends it as interrupted, which git's death must not
      // overtake as a failure ("not a git work tree"). A signal meant for git alone is still a
      // failure, a moment later.
      if (signal !== null && INTERRUPTS.has(signal)) setTimeout(settle, INTERRUPT_GRACE_MS);
      else settle();
    });
    // A git that exits early (bad repository) closes stdin; that is reported by "close".
    child.stdin.on("error", () => {});
    if (opts.input !== undefined) child.stdin.end(opts.input);
    else child.stdin.end();
  });
}

/** Signals a terminal or a session sends the whole process group (see the "close" handler). */
const INTERRUPTS: ReadonlySet<NodeJS.Signals> = new Set(["SIGINT", "SIGTERM", "SIGHUP"]);
const INTERRUPT_GRACE_MS = 250;

/** The git command `args` run, as an error names it: after any `-c name=value` settings. */
function commandOf(args: readonly string[]): string {
  let i = 0;
  while (args[i] === "-c") i += 2;
  return args[i] ?? "";
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

/**
 * Splits NUL-terminated records across chunk boundaries. Decoding the records of a chunk at once
 * and splitting the text is several times faster than slicing buffers per record; NUL never
 * occurs inside a multi-byte UTF-8 character, so the bytes up to a chunk's last NUL hold whole
 * characters. Records are decoded byte for byte (see core/path-bytes.ts): a file name or a
 * commit subject that is not valid UTF-8 keeps its bytes instead of turning into U+FFFD.
 */
export class NulSplitter {
  /** Bytes after the last NUL seen, waiting for the rest of their record. */
  private pending: Buffer[] = [];
  constructor(private readonly onRecord: (record: string) => void) {}

  push(chunk: Buffer): void {
    const first = chunk.indexOf(0);
    if (first === -1) {
      if (chunk.length > 0) this.pending.push(Buffer.from(chunk));
      return;
    }
    // The record cut by the last chunk's end is joined on its own: prefixing the whole chunk
    // with it would copy every chunk once more.
    const head = chunk.subarray(0, first);
    this.onRecord(
      decodeBytes(this.pending.length === 0 ? head : Buffer.concat([...this.pending, head])),
    );
    this.pending = [];
    const last = chunk.lastIndexOf(0);
    if (last > first) {
      const text = decodeBytes(chunk.subarray(first + 1, last));
      let start = 0;
      for (let end = text.indexOf("\0"); end >= 0; end = text.indexOf("\0", start)) {
        this.onRecord(text.slice(start, end));
        start = end + 1;
      }
      this.onRecord(text.slice(start));
    }
    if (last + 1 < chunk.length) this.pending.push(Buffer.from(chunk.subarray(last + 1)));
  }

  /** The text after the last NUL (git's -z output may omit the final terminator). */
  end(): void {
    const rest = this.pending;
    this.pending = [];
    if (rest.length > 0) this.onRecord(decodeBytes(Buffer.concat(rest)));
  }
}

/**
 * git splits GIT_ALTERNATE_OBJECT_DIRECTORIES on ":" (";" on Windows), so a repository path
 * holding one is written as a C-quoted string, which git reads back whole.
 */
function quoteAlternate(dir: string): string {
  const escaped = dir.replace(/["\\]/g, "\\$&").replace(/\n/g, "\\n").replace(/\t/g, "\\t");
  return `"${escaped}"`;
}
