// The cache's folder and files. Only data derived from git objects is kept here, never anything
// that runs; every file carries a checksum of its contents and is parsed as data by its reader,
// so a damaged or truncated file is a warning and a rebuild, never a wrong answer. The folder
// must be the user's own and writable by nobody else: a file someone else could write would be
// an answer someone else chose.
import { createHash } from "node:crypto";
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  rmSync,
  statSync,
  utimesSync,
} from "node:fs";
import path from "node:path";
import { AppError } from "../errors.js";
import { CACHE_DEFAULTS } from "../options/defaults.js";
import { writeFileAtomically } from "../site/atomic.js";

/** What the command line asked of the cache. */
export interface CacheChoice {
  /** --cache-dir; null for the default folder. */
  dir: string | null;
  /** False with --no-cache. */
  enabled: boolean;
  /** Where a warning (a damaged file, a write that failed) goes; the answer never changes. */
  warn: (message: string) => void;
}

/** The default folder: $XDG_CACHE_HOME/translation-status, else ~/.cache/… (%LOCALAPPDATA% on
 * Windows); null when the environment names no home. */
function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const xdg = env.XDG_CACHE_HOME;
  // The XDG specification ignores a relative path.
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, CACHE_DEFAULTS.folder);
  const base = process.platform === "win32" ? env.LOCALAPPDATA : env.HOME;
  if (!base || !path.isAbsolute(base)) return null;
  return process.platform === "win32"
    ? path.join(base, CACHE_DEFAULTS.folder, "cache")
    : path.join(base, ".cache", CACHE_DEFAULTS.folder);
}

const MAGIC = "translation-status-cache";
const VERSION = "1";

export class CacheStore {
  /** Files written by this run: never evicted by it. */
  private readonly written = new Set<string>();

  private constructor(
    readonly dir: string,
    private readonly warn: (message: string) => void,
    private readonly maxBytes: number,
  ) {}

  /**
   * The cache folder, made if missing (readable by its owner only); null without one. A folder
   * of another user, or one others may write to, is refused (exit 2): the user should choose.
   */
  static open(choice: CacheChoice, maxBytes: number = CACHE_DEFAULTS.maxBytes): CacheStore | null {
    if (!choice.enabled) return null;
    const wanted = choice.dir ?? defaultCacheDir();
    if (wanted === null) return null;
    let real: string;
    try {
      mkdirSync(wanted, { recursive: true, mode: 0o700 });
      real = realpathSync(wanted);
    } catch (err) {
      // An unusable default folder (a read-only home) only costs speed; a named one is an error.
      if (choice.dir === null) {
        choice.warn(`no cache: cannot make ${wanted} (${code(err)})`);
        return null;
      }
      throw new AppError(2, `cannot use the cache folder ${wanted} (${code(err)})`);
    }
    const problem = folderProblem(real);
    if (problem) {
      throw new AppError(
        2,
        `refusing the cache folder ${wanted}: ${problem} (choose another with --cache-dir, or run with --no-cache)`,
      );
    }
    return new CacheStore(real, choice.warn, maxBytes);
  }

  /**
   * The body of file `name` of `kind`, or null when it is absent. A file that is not whole (a
   * wrong header or checksum) is reported and treated as absent. With `wanted`, the file is read
   * whole only when its body's first bytes (up to PEEK, not yet checked) pass it: a large file
   * that holds another answer costs one small read.
   */
  read(name: string, kind: string, wanted?: (start: Buffer) => boolean): Buffer | null {
    const file = path.join(this.dir, name);
    let bytes: Buffer;
    try {
      const fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
      try {
        const info = fstatSync(fd);
        if (!info.isFile() || !ownedByUs(info.uid)) {
          this.warn(`ignoring the cache file ${file}: not a file of this user`);
          return null;
        }
        if (wanted && !wanted(bodyStart(fd))) return null;
        bytes = readFileSync(fd);
      } finally {
        closeSync(fd);
      }
    } catch (err) {
      if (code(err) !== "ENOENT") this.warn(`ignoring the cache file ${file} (${code(err)})`);
      return null;
    }
    const body = checkedBody(bytes, kind);
    if (body === null) {
      this.warnDamaged(name);
      return null;
    }
    // Kept recent for eviction, which removes the files used least recently.
    const now = new Date();
    try {
      utimesSync(file, now, now);
    } catch {}
    return body;
  }

  /** Whether file `name` is there (whole or not). */
  has(name: string): boolean {
    return existsSync(path.join(this.dir, name));
  }

  /** Says that file `name` held something other than what its reader expects; it is written
   * again once the scan is done. */
  warnDamaged(name: string): void {
    this.warn(`ignoring a damaged cache file ${path.join(this.dir, name)}; it is made again`);
  }

  /** Writes file `name` atomically (a temporary file, then rename), then keeps the folder
   * under its size bound. A failure is a warning: the cache only saves time. */
  write(name: string, kind: string, body: Uint8Array | readonly Uint8Array[]): void {
    const file = path.join(this.dir, name);
    const pieces = body instanceof Uint8Array ? [body] : body;
    const hash = createHash("sha256");
    let size = 0;
    for (const p of pieces) {
      hash.update(p);
      size += p.length;
    }
    const header = `${MAGIC} ${VERSION} ${kind} ${size}\n${hash.digest("hex")}\n`;
    try {
      writeFileAtomically(file, [Buffer.from(header, "latin1"), ...pieces], 0o600);
      this.written.add(name);
    } catch (err) {
      this.warn(`could not write the cache file ${file} (${code(err)})`);
      return;
    }
    this.evict();
  }

  /** Removes the least recently used of its own files while they take more than the bound.
   * Only files named as this cache names them count: --cache-dir may name a folder that holds
   * other files too, and those are never touched. */
  private evict(): void {
    let entries: Array<{ name: string; size: number; used: number }>;
    try {
      entries = readdirSync(this.dir).flatMap((name) => {
        if (!CACHE_FILE.test(name)) return [];
        const info = lstatSync(path.join(this.dir, name));
        return info.isFile() ? [{ name, size: info.size, used: info.mtimeMs }] : [];
      });
    } catch {
      return;
    }
    let total = entries.reduce((sum, e) => sum + e.size, 0);
    entries.sort((a, b) => a.used - b.used);
    for (const e of entries) {
      if (total <= this.maxBytes) break;
      if (this.written.has(e.name)) continue;
      rmSync(path.join(this.dir, e.name), { force: true });
      total -= e.size;
    }
  }
}

/** Why `dir` cannot hold the cache, or null. */
function folderProblem(dir: string): string | null {
  const info = statSync(dir);
  if (!info.isDirectory()) return "not a folder";
  // Windows has no owners or modes that Node reports; its per-user folders are private.
  if (process.platform === "win32") return null;
  if (!ownedByUs(info.uid)) return "it belongs to another user";
  if ((info.mode & 0o022) !== 0) return "others may write to it";
  return null;
}

function ownedByUs(uid: number): boolean {
  return process.getuid === undefined || uid === process.getuid();
}

/** How much of a file `read` looks at before it reads all of it. */
const PEEK = 4096;

/** The first bytes of a cache file's body, read at their place (the file's offset stays at 0);
 * empty when the header does not end within them. */
function bodyStart(fd: number): Buffer {
  const head = Buffer.alloc(PEEK);
  const got = readSync(fd, head, 0, PEEK, 0);
  const first = head.indexOf(10);
  const second = first < 0 || first >= got ? -1 : head.indexOf(10, first + 1);
  return second < 0 || second >= got ? Buffer.alloc(0) : head.subarray(second + 1, got);
}

/** The body of a cache file whose header says `kind` and whose checksum matches; else null. */
function checkedBody(bytes: Buffer, kind: string): Buffer | null {
  const first = bytes.indexOf(10);
  const second = first < 0 ? -1 : bytes.indexOf(10, first + 1);
  if (second < 0) return null;
  const [magic, version, fileKind, size] = bytes.toString("latin1", 0, first).split(" ");
  if (magic !== MAGIC || version !== VERSION || fileKind !== kind) return null;
  const body = bytes.subarray(second + 1);
  if (String(body.length) !== size) return null;
  if (bytes.toString("latin1", first + 1, second) !== sha256(body)) return null;
  return body;
}

function sha256(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/** A file name for what `identity` names: two repositories or option sets never share one. */
export function cacheFileName(kind: string, identity: readonly unknown[]): string {
  return `${kind}-${sha256(JSON.stringify(identity)).slice(0, 32)}`;
}

/** The names cacheFileName makes (kinds are lowercase words). */
const CACHE_FILE = /^[a-z]+(?:-[a-z]+)*-[0-9a-f]{32}$/;

function code(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? "error";
}
