// Reading translation files from the work tree without ever leaving it: no symlink is followed,
// nothing under `.git` or inside a nested repository is read, and oversized files are refused.
import type { Dirent } from "node:fs";
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
} from "node:fs";
import path from "node:path";
import { decodeBytes, fsPath } from "../core/path-bytes.js";
import { shownName } from "../sanitize/terminal.js";

/** The entry that makes a folder below a language's a repository of its own (a clone's `.git`
 * folder, a submodule's or worktree's `.git` file), whose files are never the site's. */
const REPOSITORY_MARK = ".git";

/** What a page's file name ends with, unless the site says otherwise. */
export const PAGE_EXTENSIONS: readonly string[] = ["md", "markdown", "mdx"];
const DEFAULT_ENDINGS = PAGE_EXTENSIONS.map((e) => `.${e}`);
/** Pages larger than this are not read (a hostile 50 MB page must not stall the scan). */
export const MAX_PAGE_BYTES = 8 * 1024 * 1024;
const TOO_LARGE = `page is larger than ${MAX_PAGE_BYTES / 1024 / 1024} MiB; not read`;

/** Most pages fit in one read into this buffer, reused for every page. */
const scratch = Buffer.allocUnsafe(64 * 1024);

/** Reads until `buf` is full or the file ends; returns the bytes read. */
function fill(fd: number, buf: Buffer): number {
  let got = 0;
  while (got < buf.length) {
    const n = readSync(fd, buf, got, buf.length - got, null);
    if (n === 0) break;
    got += n;
  }
  return got;
}

export function isPageFile(name: string): boolean {
  // Most names end in ".md" as written; the lowercase copy is for the rest.
  if (name.endsWith(".md")) return true;
  const lower = name.toLowerCase();
  return DEFAULT_ENDINGS.some((ext) => lower.endsWith(ext));
}

/** The test for page files with these extensions (without the dot, any case). */
export function pageFileTest(extensions: readonly string[]): (name: string) => boolean {
  const same =
    extensions.length === PAGE_EXTENSIONS.length &&
    extensions.every((e) => PAGE_EXTENSIONS.includes(e.toLowerCase()));
  if (same) return isPageFile;
  const ends = extensions.map((e) => `.${e.toLowerCase()}`);
  return (name) => {
    const lower = name.toLowerCase();
    return ends.some((ext) => lower.endsWith(ext));
  };
}

export interface FoundFile {
  /** Path relative to the walked folder, with `/`: the file is `${root}/${rel}`. */
  rel: string;
}

export interface Skipped {
  rel: string;
  why: string;
}

/**
 * Page files below `root` (which must itself be a real folder inside `workTree`), leaving out
 * the folders `inside` names (relative to root: another folder pair's own folders). With
 * `signAt`, every folder listed, with its signature at that time.
 */
export async function findPages(
  root: string,
  isPage: (name: string) => boolean = isPageFile,
  inside: ReadonlySet<string> | null = null,
  signAt: number | null = null,
): Promise<{ files: FoundFile[]; skipped: Skipped[]; folders: SignedFolder[] }> {
  const files: FoundFile[] = [];
  const skipped: Skipped[] = [];
  const folders: SignedFolder[] = [];
  const pending: string[] = [""];
  while (pending.length > 0) {
    const relDir = pending.pop() as string;
    // Before the listing: an entry added after it moves the folder's times on.
    if (signAt !== null) {
      folders.push({ rel: relDir, signature: entrySignature(path.join(root, relDir), signAt) });
    }
    let entries: Array<{ name: string; entry: Dirent | Dirent<Buffer> }>;
    try {
      entries = listFolder(path.join(root, relDir));
    } catch {
      skipped.push({ rel: relDir, why: "folder could not be read" });
      // A failure may pass (a network file system's): nothing is to be kept of this listing.
      const listed = folders[folders.length - 1];
      if (listed) listed.signature = null;
      continue;
    }
    if (relDir !== "" && entries.some((e) => e.name === REPOSITORY_MARK)) {
      skipped.push({ rel: relDir, why: "nested repository or submodule skipped" });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const { name, entry } of entries) {
      const rel = relDir === "" ? name : `${relDir}/${name}`;
      if (name === REPOSITORY_MARK) continue;
      if (entry.isSymbolicLink()) {
        skipped.push({ rel, why: "symbolic link not followed" });
        continue;
      }
      if (entry.isDirectory()) {
        if (!inside?.has(rel)) pending.push(rel);
      } else if (entry.isFile() && isPage(name)) files.push({ rel });
    }
  }
  files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return { files, skipped, folders };
}

/** A folder findPages listed, with its signature when one was asked for (see fileSignature:
 * a folder's times move on when an entry is added, removed or renamed in it). */
export interface SignedFolder {
  rel: string;
  signature: string | null;
}

/**
 * A folder's entries with their names. Synchronous: a few hundred small folders list faster this
 * way than through the thread pool, and the scan has nothing else to do meanwhile. A name that
 * is not valid UTF-8 would come back with U+FFFD in it, naming no file: such a folder is listed
 * again as bytes, and its names keep them (core/path-bytes.ts).
 */
function listFolder(abs: string): Array<{ name: string; entry: Dirent | Dirent<Buffer> }> {
  const where = fsPath(abs);
  const entries = readdirSync(where, { withFileTypes: true });
  if (!entries.some((e) => e.name.includes("\uFFFD"))) {
    return entries.map((entry) => ({ name: entry.name, entry }));
  }
  return readdirSync(where, { withFileTypes: true, encoding: "buffer" }).map((entry) => ({
    name: decodeBytes(entry.name),
    entry,
  }));
}

/** `absent` when no file has the name (a page not translated yet is not an unreadable one). */
export type ReadResult = { bytes: Buffer } | { error: string; absent?: true };

/**
 * Reads a regular file, refusing symlinks and anything over the size limit. O_NOFOLLOW makes
 * the symlink check part of the open itself (no window between a check and the read), and
 * O_NONBLOCK keeps a FIFO planted under a page name from blocking the scan. Synchronous on
 * purpose: for thousands of small files it is several times faster than promise-based reads,
 * and callers yield between batches.
 *
 * With `borrow` (the scan), a page that fits the shared read buffer is returned as a view of it,
 * valid only until the next read, and the file is not stat'ed: the scan looks at each page once
 * and only opens names its folder listing gave as regular files. A copy and a stat per page were
 * most of the scan's page-reading overhead. If a name is swapped meanwhile, a FIFO reads as an
 * empty page (no writer), a folder fails, and anything else is refused past the size limit.
 */
export function readPageBytes(abs: string, borrow = false): ReadResult {
  let fd: number;
  try {
    fd = openSync(fsPath(abs), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { error: "file could not be read", absent: true };
    return { error: code === "ELOOP" ? "symbolic link not followed" : "file could not be read" };
  }
  try {
    if (!borrow) {
      const info = fstatSync(fd);
      if (!info.isFile()) return { error: "not a regular file" };
      if (info.size > MAX_PAGE_BYTES) return { error: TOO_LARGE };
    }
    const first = fill(fd, scratch);
    if (first < scratch.length) {
      const view = scratch.subarray(0, first);
      return { bytes: borrow ? view : Buffer.from(view) };
    }
    const chunks = [Buffer.from(scratch)];
    let total = first;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(total, MAX_PAGE_BYTES));
      const got = fill(fd, buf);
      chunks.push(buf.subarray(0, got));
      total += got;
      if (total > MAX_PAGE_BYTES) return { error: TOO_LARGE };
      if (got < buf.length) return { bytes: Buffer.concat(chunks) };
    }
  } catch {
    return { error: "file could not be read" };
  } finally {
    closeSync(fd);
  }
}

/**
 * How long after its last write a file's metadata is not trusted to tell its bytes apart: a file
 * written again within one tick of a coarse clock (FAT's is 2 s) keeps its size and times.
 * git's index treats such "racily clean" files the same way.
 */
const SETTLING_MS = 3000;

/**
 * A regular file's size, times and inode in one string: while it is the same, so are the bytes,
 * as far as anyone but a forger of times can tell (a write moves the modification time on, and
 * setting that back moves the change time, which only root can set). Null for anything else,
 * or for a file written in the last SETTLING_MS before `now`, which may be written again within
 * the same tick.
 */
export function fileSignature(abs: string, now: number): string | null {
  const signature = entrySignature(abs, now);
  return signature?.startsWith("f") ? signature : null;
}

/** fileSignature for a regular file or a folder, which it tells apart. */
export function entrySignature(abs: string, now: number): string | null {
  let info: ReturnType<typeof lstatSync>;
  try {
    info = lstatSync(fsPath(abs), { throwIfNoEntry: false });
  } catch {
    return null;
  }
  if (!info || !(info.isFile() || info.isDirectory())) return null;
  if (info.mtimeMs >= now - SETTLING_MS) return null;
  const kind = info.isFile() ? "f" : "d";
  return `${kind} ${info.size} ${info.mtimeMs} ${info.ctimeMs} ${info.ino}`;
}

/** Why `rel` is not a folder `realFolderInside` accepts, for an error message ("no such folder"
 * would be untrue for a symbolic link, which is there but deliberately not followed). */
export function folderProblem(workTree: string, rel: string): string {
  let cur = workTree;
  const parts = rel.split("/");
  for (let i = 0; i < parts.length; i++) {
    cur = path.join(cur, parts[i] as string);
    const info = lstatOrNull(cur);
    const shown = shownName(parts.slice(0, i + 1).join("/"));
    if (!info) return `no such folder: ${shown}`;
    if (info.isSymbolicLink()) return `${shown} is a symbolic link; not followed`;
    if (!info.isDirectory()) return `${shown} is not a folder`;
  }
  // Every part is a folder here: only one that resolves out of the work tree is outside it.
  const real = realPathOf(path.join(workTree, rel));
  return real !== null && !isInside(workTree, real)
    ? `${shownName(rel)} is outside the repository`
    : `${shownName(rel)} could not be read`;
}

/** The path with every link followed, or null when it cannot be resolved. The native call: the
 * JavaScript one turns a Buffer path into a string, losing the bytes of a name that is not
 * UTF-8, and then finds no such folder. */
function realPathOf(abs: string): string | null {
  try {
    return decodeBytes(realpathSync.native(fsPath(abs), { encoding: "buffer" }));
  } catch {
    return null;
  }
}

function isInside(workTree: string, real: string): boolean {
  return real === workTree || real.startsWith(`${workTree}${path.sep}`);
}

/**
 * A folder inside the work tree, reached without symlinks; null when it is not one.
 * Synchronous: a handful of calls, each a few microseconds, that the scan waits for anyway;
 * through the thread pool they took milliseconds each while git processes were starting.
 */
export function realFolderInside(workTree: string, rel: string): string | null {
  const abs = path.join(workTree, rel);
  let cur = workTree;
  for (const part of rel.split("/")) {
    cur = path.join(cur, part);
    const info = lstatOrNull(cur);
    if (!info || info.isSymbolicLink() || !info.isDirectory()) return null;
  }
  const real = realPathOf(abs);
  return real !== null && isInside(workTree, real) ? real : null;
}

/**
 * The first folder below the language's folder `root` (relative to the work tree) and down to
 * the page `rel` (relative to root) that holds a `.git` entry: a nested repository or submodule,
 * whose pages findPages leaves out, so no command may read or write them as the site's. Null
 * when there is none.
 */
export function nestedRepositoryAbove(workTree: string, root: string, rel: string): string | null {
  let folder = root;
  for (const part of rel.split("/").slice(0, -1)) {
    folder = folder === "" ? part : `${folder}/${part}`;
    if (lstatOrNull(path.join(workTree, folder, REPOSITORY_MARK))) return folder;
  }
  return null;
}

/** realFolderInside in one work tree, remembered: see folderLookup. */
export type FolderLookup = (rel: string) => string | null;

/**
 * realFolderInside in `workTree`, each folder looked up once: a run asks of a language's
 * folders when the site's layout is found, again when it decides whether a folder found beside
 * the source is a language, and again when it reads them.
 */
export function folderLookup(workTree: string): FolderLookup {
  const known = new Map<string, string | null>();
  return (rel) => {
    const found = known.get(rel);
    if (found !== undefined) return found;
    const abs = realFolderInside(workTree, rel);
    known.set(rel, abs);
    return abs;
  };
}

/** Entries holdsFile looks at, at most: a folder too big to look through is taken to hold a
 * file. */
const MAX_LOOK_FOR_FILE = 10_000;

/**
 * Whether the folder `abs` holds a file, of any name and at any depth (a symbolic link counts;
 * none is followed): git holds no empty folder, so a folder holding none is a leftover on this
 * disk alone (a checkout's, a tool's), not anyone's work.
 */
export function holdsFile(abs: string): boolean {
  const pending: Buffer[] = [Buffer.from(fsPath(abs))];
  let looked = 0;
  while (pending.length > 0) {
    const at = pending.pop() as Buffer;
    let entries: Dirent<Buffer>[];
    try {
      entries = readdirSync(at, { withFileTypes: true, encoding: "buffer" });
    } catch {
      continue;
    }
    looked += entries.length;
    if (looked > MAX_LOOK_FOR_FILE || entries.some((e) => !e.isDirectory())) return true;
    for (const e of entries) pending.push(Buffer.concat([at, SLASH, e.name]));
  }
  return false;
}

const SLASH = Buffer.from("/");

function lstatOrNull(file: string) {
  try {
    return lstatSync(fsPath(file));
  } catch {
    return null;
  }
}

/** Decodes UTF-8; invalid bytes become U+FFFD and are reported, never silently accepted. */
export function decodePage(bytes: Buffer): { text: string; valid: boolean } {
  try {
    return {
      text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes),
      valid: true,
    };
  } catch {
    return { text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes), valid: false };
  }
}
