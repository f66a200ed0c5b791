// A streaming front end for `git fast-import`. Input is buffered into large chunks and written with
// backpressure so memory stays flat however big the history is; stdout is read line by line so
// `get-mark` can hand back real commit hashes while the import is still running.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { once } from "node:events";
import { cleanGitEnv, GIT_FLAGS } from "./git-env.js";

/** Flush once this many UTF-16 units are pending: big enough to amortise syscalls, small enough to stay flat. */
const FLUSH_AT = 1 << 20;

export interface Identity {
  name: string;
  email: string;
}

export interface CommitSpec {
  ref: string;
  mark: number;
  who: Identity;
  /** Unix seconds; written with +0000 so the hash does not depend on the local time zone. */
  time: number;
  message: string;
  /** Parent mark; omit to continue the branch from its current tip. */
  from?: number;
  /** Second parent mark, for a true merge commit. */
  merge?: number;
}

interface LineWaiter {
  resolve: (line: string) => void;
  reject: (err: Error) => void;
}

export class FastImport {
  private readonly child: ChildProcessWithoutNullStreams;
  private pending: string[] = [];
  private pendingSize = 0;
  private stdoutRest = "";
  private readonly lines: string[] = [];
  private readonly waiters: LineWaiter[] = [];
  private closed = false;
  private stderr = "";
  private readonly exited: Promise<number | null>;
  private failure: Error | null = null;

  constructor(gitDir: string) {
    // --cat-blob-fd=1: get-mark answers come back on stdout, which nothing else writes to with --quiet.
    this.child = spawn("git", [...GIT_FLAGS, "fast-import", "--quiet", "--cat-blob-fd=1"], {
      cwd: gitDir,
      env: cleanGitEnv(),
      stdio: ["pipe", "pipe", "pipe"],
    });
    this.child.stdout.setEncoding("utf8");
    this.child.stdout.on("data", (chunk: string) => this.onStdout(chunk));
    this.child.stderr.setEncoding("utf8");
    this.child.stderr.on("data", (chunk: string) => {
      // Keep only the tail: it holds the fatal message if there is one.
      this.stderr = (this.stderr + chunk).slice(-8192);
    });
    // EPIPE when fast-import dies mid-stream: reported via the exit code and stderr instead.
    this.child.stdin.on("error", (err) => {
      this.failure ??= err;
    });
    this.exited = new Promise((resolve, reject) => {
      this.child.on("error", reject);
      this.child.on("close", (code) => {
        this.closed = true;
        // Anyone still waiting for a get-mark answer will never get one.
        for (const w of this.waiters.splice(0)) w.reject(this.error("fast-import exited early"));
        resolve(code);
      });
    });
    // Failures surface through flush/getMark/finish; this only avoids an unhandled rejection.
    this.exited.catch(() => {});
    // Fail early (and clearly) on a git that lacks what we rely on.
    this.write("feature done\nfeature get-mark\n");
  }

  /** Queue raw stream text; call flush() regularly so it reaches git. */
  write(text: string): void {
    this.pending.push(text);
    this.pendingSize += text.length;
  }

  /** Queue `data` with its exact UTF-8 byte count, as the stream format requires. */
  data(content: string): void {
    this.write(`data ${Buffer.byteLength(content)}\n`);
    this.write(content);
    this.write("\n");
  }

  commit(spec: CommitSpec): void {
    const sig = `${spec.who.name} <${spec.who.email}> ${spec.time} +0000`;
    this.write(`commit ${spec.ref}\nmark :${spec.mark}\nauthor ${sig}\ncommitter ${sig}\n`);
    this.data(spec.message);
    if (spec.from !== undefined) this.write(`from :${spec.from}\n`);
    if (spec.merge !== undefined) this.write(`merge :${spec.merge}\n`);
  }

  /** `M` with inline content: no separate blob marks to keep track of. */
  modify(path: string, content: string): void {
    this.write(`M 100644 inline ${path}\n`);
    this.data(content);
  }

  remove(path: string): void {
    this.write(`D ${path}\n`);
  }

  rename(from: string, to: string): void {
    this.write(`R ${from} ${to}\n`);
  }

  /** Write what is queued if there is enough of it (or `force`), waiting for the pipe to drain. */
  async flush(force = false): Promise<void> {
    if (this.pendingSize === 0 || (!force && this.pendingSize < FLUSH_AT)) return;
    const chunk = this.pending.join("");
    this.pending = [];
    this.pendingSize = 0;
    this.throwIfFailed();
    if (!this.child.stdin.write(chunk)) {
      await Promise.race([once(this.child.stdin, "drain"), this.exited]);
      this.throwIfFailed();
    }
  }

  /** The object name behind a mark; the commit carrying it must already have been queued. */
  async getMark(mark: number): Promise<string> {
    this.write(`get-mark :${mark}\n`);
    await this.flush(true);
    const line = await this.nextLine();
    if (!/^[0-9a-f]{40}$/.test(line)) throw this.error(`unexpected get-mark answer: ${line}`);
    return line;
  }

  /** End the stream and wait for fast-import to write its pack and refs. */
  async finish(): Promise<void> {
    this.write("done\n");
    await this.flush(true);
    this.child.stdin.end();
    const code = await this.exited;
    if (code !== 0) throw this.error(`git fast-import exited with code ${code}`);
  }

  /** Stop without finishing the stream, so a half-written commit is never imported. */
  async abort(): Promise<void> {
    this.child.stdin.destroy();
    if (!this.closed) this.child.kill("SIGTERM");
    await this.exited.catch(() => {});
  }

  private onStdout(chunk: string): void {
    const parts = (this.stdoutRest + chunk).split("\n");
    this.stdoutRest = parts.pop() ?? "";
    for (const line of parts) {
      const waiter = this.waiters.shift();
      if (waiter) waiter.resolve(line);
      else this.lines.push(line);
    }
  }

  private nextLine(): Promise<string> {
    const line = this.lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.closed) return Promise.reject(this.error("fast-import exited early"));
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  private throwIfFailed(): void {
    if (this.failure || this.child.exitCode !== null) {
      throw this.error(this.failure?.message ?? "git fast-import stopped");
    }
  }

  private error(message: string): Error {
    const detail = this.stderr.trim();
    return new Error(detail ? `${message}\n${detail}` : message);
  }
}
