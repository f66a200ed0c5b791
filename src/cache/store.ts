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
import { TEMP_NAME, writeFileAtomically } from "../site/atomic.js";
import { makeFolders } from "../site/make-folders.js";

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
 * Windows); null when the environment names no home, or a home that is not a folder. */
function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const xdg = env.XDG_CACHE_HOME;
  // The XDG specification ignores a relative path, and has its folder made when missing.
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, CACHE_DEFAULTS.folder);
  const base = process.platform === "win32" ? env.LOCALAPPDATA : env.HOME;
  if (!base || !path.isAbsolute(base)) return null;
  // A home that does not exist is not made: accounts such as Debian's `nobody` name
  // /nonexistent on purpose, and a run as root would otherwise create it.
  if (!isFolder(base)) return null;
  return process.platform === "win32"
    ? path.join(base, CACHE_DEFAULTS.folder, "cache")
    : path.join(base, ".cache", CACHE_DEFAULTS.folder);
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

const MAGIC = "translation-status-cache";
const VERSION = "1";

export class CacheStore {
  /** Files written by this run: never evicted by it. */
  private readonly written = new Set<string>();
  /** Files found damaged by this run: said once, and not read again. */
  private readonly damaged = new Set<string>();
  /** What each file read by this run was when it was read (see warnDamaged). */
  private readonly readAs = new Map<string, FileStamp>();
  /** Files this run could not read or write, each said once a run and not read again until a
   * write of this run replaces it (a folder in a file's place stays until the user removes it). */
  private readonly refused = new Set<string>();

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
      makeFolders(wanted, 0o700);
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
   * header, checksum or size that is not as written) is reported and treated as absent. With
   * `wanted`, the file is read whole only when its body's first bytes (up to PEEK, not yet
   * checked against the checksum) pass it: a large file that holds another answer costs one small
   * read, and its header and size are checked all the same.
   */
  read(name: string, kind: string, wanted?: (start: Buffer) => boolean): Buffer | null {
    if (this.damaged.has(name) || this.refused.has(name)) return null;
    const file = path.join(this.dir, name);
    let bytes: Buffer;
    try {
      // Without blocking: a FIFO in a file's place would wait for a writer until the end of time.
      const flags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
      const fd = openSync(file, flags);
      try {
        const info = fstatSync(fd);
        if (!info.isFile() || !ownedByUs(info.uid)) {
          const what = info.isFile() ? "a file of another user" : "not a regular file";
          this.refuse(name, `ignoring the cache file ${file}: ${what}`);
          return null;
        }
        this.readAs.set(name, stampOf(info));
        if (wanted) {
          const start = bodyStart(fd, kind, info.size);
          if (start === null) {
            this.warnDamaged(name);
            return null;
          }
          if (!wanted(start)) return null;
        }
        bytes = readFileSync(fd);
      } finally {
        closeSync(fd);
      }
    } catch (err) {
      if (code(err) !== "ENOENT")
        this.refuse(name, `ignoring the cache file ${file} (${code(err)})`);
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

  /**
   * Says, once a run, that file `name` held something other than what its reader expects, and
   * removes it: it is made again when this run or a later one has its contents, and no later run
   * warns of it again. A file replaced since it was read (by another run) is left alone.
   */
  warnDamaged(name: string): void {
    if (this.damaged.has(name)) return;
    this.damaged.add(name);
    const file = path.join(this.dir, name);
    this.warn(`ignoring a damaged cache file ${file}; it is made again`);
    try {
      const then = this.readAs.get(name);
      if (then !== undefined && sameStamp(then, stampOf(lstatSync(file)))) rmSync(file);
    } catch {}
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
      this.damaged.delete(name);
      this.refused.delete(name);
    } catch (err) {
      this.refuse(name, `could not write the cache file ${file} (${code(err)})`);
      return;
    }
    this.evict();
  }

  /** Says once a run why file `name` was passed over; it is not read again in this run. */
  private refuse(name: string, message: string): void {
    if (this.refused.has(name)) return;
    this.refused.add(name);
    this.warn(message);
  }

  /** Removes the least recently used of its own files while they take more than the bound,
   * and the temporary files of writes that never finished (a run stopped by Ctrl-C, a CI
   * timeout or a crash mid-write), which would otherwise stay for ever outside the bound.
   * Only files named as this cache names them count: --cache-dir may name a folder that holds
   * other files too, and those are never touched. */
  private evict(): void {
    let entries: Array<{ name: string; size: number; used: number }>;
    const now = Date.now();
    try {
      entries = readdirSync(this.dir).flatMap((name) => {
        const own = CACHE_FILE.test(name);
        if (!own && !TEMP_NAME.test(name)) return [];
        const file = path.join(this.dir, name);
        // Another run may rename or remove an entry meanwhile: that entry is passed over, and
        // the bound still kept for the rest.
        try {
          const info = lstatSync(file);
          if (!info.isFile()) return [];
          if (own) return [{ name, size: info.size, used: info.mtimeMs }];
          // Another run may be writing it now; a write in progress keeps its time recent.
          if (now - info.mtimeMs > ABANDONED_AFTER_MS && ownedByUs(info.uid)) {
            rmSync(file, { force: true });
          }
        } catch {}
        return [];
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

/** A temporary file untouched this long is a write that ended without its rename: no write of
 * the cache takes minutes, and each piece written moves its time on. */
const ABANDONED_AFTER_MS = 10 * 60 * 1000;

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

/** Where a cache file's body starts, its size and checksum, as its first two lines say; null
 * unless they are exactly as `write` makes them for `kind`. */
function parseHeader(
  head: Buffer,
  kind: string,
): { bodyAt: number; size: number; checksum: string } | null {
  const first = head.indexOf(10);
  if (first < 0) return null;
  const fields = head.toString("latin1", 0, first).split(" ");
  const [magic, version, fileKind, size = ""] = fields;
  if (fields.length !== 4 || magic !== MAGIC || version !== VERSION || fileKind !== kind) {
    return null;
  }
  if (!/^(0|[1-9]\d{0,14})$/.test(size)) return null;
  const bodyAt = first + 1 + 64 + 1;
  const checksum = head.toString("latin1", first + 1, bodyAt - 1);
  if (head[bodyAt - 1] !== 10 || !/^[0-9a-f]{64}$/.test(checksum)) return null;
  return { bodyAt, size: Number(size), checksum };
}

/** The first bytes of a cache file's body, read at their place (the file's offset stays at 0);
 * null when the header is not as written or does not give the file's size. */
function bodyStart(fd: number, kind: string, fileSize: number): Buffer | null {
  const head = Buffer.alloc(PEEK);
  const got = readSync(fd, head, 0, PEEK, 0);
  const header = parseHeader(head.subarray(0, got), kind);
  if (header === null || header.bodyAt + header.size !== fileSize) return null;
  return head.subarray(header.bodyAt, got);
}

/** The body of a cache file whose header says `kind` and whose size and checksum match; else
 * null. */
function checkedBody(bytes: Buffer, kind: string): Buffer | null {
  const header = parseHeader(bytes.subarray(0, PEEK), kind);
  if (header === null) return null;
  const body = bytes.subarray(header.bodyAt);
  if (body.length !== header.size || sha256(body) !== header.checksum) return null;
  return body;
}

/** Which file a name held: every write is a new file renamed over the name, made while the old
 * one still existed, so a new write has another inode. (Reading sets the times, for eviction.) */
interface FileStamp {
  dev: number;
  ino: number;
}

function stampOf(info: FileStamp): FileStamp {
  return { dev: info.dev, ino: info.ino };
}

function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.dev === b.dev && a.ino === b.ino;
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
