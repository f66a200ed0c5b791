// Writing a page back: atomically (a temporary file in the same folder, then rename), only if the
// file still holds the bytes that were read, never through a symlink and never outside the repo,
// keeping the page's mode, owner and group.
//
// A save by someone else (an editor) is never knowingly overwritten: the page is compared with
// what was read once before the temporary file is written and again right before the rename,
// and after the rename the replaced file is looked at once more through a handle kept open on it.
// A save that wrote into the old file in place after the last comparison is then put back and
// the stamp reported as failed. What no check can see is a save that itself renames a new file
// over the page in the microseconds between the last comparison and the rename: POSIX offers no
// rename that fails when the target changed, and editors take no locks that a tool could share.
import type { Stats } from "node:fs";
import { constants } from "node:fs";
import { access, type FileHandle, lstat, open, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { fsPath } from "../core/path-bytes.js";
import { tempName } from "./atomic.js";
import { realFolderInside } from "./files.js";

export type WriteResult = { ok: true } | { error: string };

export interface WriteOptions {
  /** Write a page whose permissions say read-only (its mode is kept). */
  force?: boolean;
}

const CHANGED = "the page changed on disk since it was read; nothing written";

/** Whether two stats describe the same unchanged file (same inode, size and change time). */
function sameFile(a: Stats, b: Stats): boolean {
  return (
    a.ino === b.ino &&
    a.dev === b.dev &&
    a.size === b.size &&
    a.mtimeMs === b.mtimeMs &&
    a.ctimeMs === b.ctimeMs
  );
}

export async function replaceFile(
  workTree: string,
  rel: string,
  expected: Buffer,
  next: Buffer,
  opts: WriteOptions = {},
): Promise<WriteResult> {
  const opened = await openToReplace(workTree, rel, expected, opts);
  if ("error" in opened) return opened;
  try {
    return await swapIn({ ...opened, expected, next });
  } finally {
    await opened.original.close().catch(() => {});
  }
}

/**
 * Why replaceFile would refuse to write the page (checked as it checks them, the owner and
 * group it could not keep included), without writing anything: what a dry run must say too.
 */
export async function replaceProblem(
  workTree: string,
  rel: string,
  expected: Buffer,
  opts: WriteOptions = {},
): Promise<WriteResult> {
  const opened = await openToReplace(workTree, rel, expected, opts);
  if ("error" in opened) return opened;
  try {
    // The temporary file is made in the page's folder.
    const denied = await access(opened.dir, constants.W_OK).then(
      () => null,
      (err: NodeJS.ErrnoException) => err.code ?? "EACCES",
    );
    if (denied !== null) return { error: notWritten(denied) };
    // The temporary file will be ours, in the folder's group when it is set-group-ID.
    const folder = await lstat(opened.dir);
    const made = {
      uid: process.geteuid?.() ?? opened.info.uid,
      gid: folder.mode & 0o2000 ? folder.gid : (process.getegid?.() ?? opened.info.gid),
    };
    return canOwnAs(opened.info, made) ? { ok: true } : { error: ownershipKept(opened.info) };
  } finally {
    await opened.original.close().catch(() => {});
  }
}

/** The page opened for replacing, once every check before the write passed. */
async function openToReplace(
  workTree: string,
  rel: string,
  expected: Buffer,
  opts: WriteOptions,
): Promise<
  { dir: string; target: string | Buffer; original: FileHandle; info: Stats } | { error: string }
> {
  const parts = rel.split("/");
  if (
    rel.startsWith("/") ||
    parts.some((p) => p === "" || p === "." || p === ".." || p === ".git")
  ) {
    return { error: "refusing to write outside the repository's content" };
  }
  const dir = realFolderInside(workTree, parts.slice(0, -1).join("/"));
  if (!dir)
    return { error: "refusing to write: the folder is a symbolic link or outside the repository" };
  const target = fsPath(path.join(dir, parts[parts.length - 1] as string));
  let original: FileHandle;
  try {
    original = await open(target, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return {
      error:
        code === "ELOOP"
          ? "refusing to write: the page is a symbolic link"
          : "could not read the page back before writing",
    };
  }
  const refuse = async (error: string) => {
    await original.close().catch(() => {});
    return { error };
  };
  try {
    const info = await original.stat();
    if (!info.isFile()) return await refuse("refusing to write: not a regular file");
    if ((info.mode & 0o222) === 0 && !opts.force) {
      return await refuse(
        "the page is read-only; nothing written (use --force to write it anyway)",
      );
    }
    const current = await readWhole(original);
    if (!current.equals(expected)) return await refuse(CHANGED);
    return { dir, target, original, info };
  } catch (err) {
    await original.close().catch(() => {});
    throw err;
  }
}

/** One replacement under way: the page, what was read, what replaces it. */
interface Swap {
  dir: string;
  target: string | Buffer;
  /** A handle on the page as it was read, kept open to look at it after the rename. */
  original: FileHandle;
  info: Stats;
  expected: Buffer;
  next: Buffer;
}

async function swapIn(swap: Swap): Promise<WriteResult> {
  const { dir, target, info, expected, next } = swap;
  // In the page's folder, whose name may hold bytes that are not UTF-8 (core/path-bytes.ts).
  const temp = fsPath(tempName(dir));
  let renamed = false;
  try {
    const kept = await writeTemp(temp, next, info);
    if (kept !== null) return { error: kept };
    // The last look before the rename: same file, same bytes.
    const now = await lstat(target).catch(() => null);
    if (!now || !sameFile(now, info)) return { error: CHANGED };
    const bytes = await readFile(target).catch(() => null);
    if (bytes === null || !bytes.equals(expected)) return { error: CHANGED };
    await rename(temp, target);
    renamed = true;
  } catch (err) {
    return { error: notWritten((err as NodeJS.ErrnoException).code) };
  } finally {
    if (!renamed) await rm(temp, { force: true }).catch(() => {});
  }
  return restoreLateSave(swap);
}

/**
 * Writes `bytes` to a new file at `temp` with the page's owner, group and mode, synced; returns
 * why the owner or group cannot be kept, or null.
 */
async function writeTemp(
  temp: string | Buffer,
  bytes: Buffer,
  info: Stats,
): Promise<string | null> {
  const handle = await open(temp, "wx", 0o600);
  try {
    await handle.writeFile(bytes);
    const kept = await keepOwnership(handle, info);
    if (kept !== null) return kept;
    await handle.chmod(info.mode & 0o7777);
    await handle.sync();
    return null;
  } finally {
    await handle.close();
  }
}

/**
 * The temporary file gets the page's owner and group. As root both are copied; otherwise the
 * owner is already ours and only the group can be set, to one we belong to. A page that would
 * end up with another owner or group is not replaced.
 */
async function keepOwnership(handle: FileHandle, info: Stats): Promise<string | null> {
  const mine = await handle.stat();
  if (mine.uid === info.uid && mine.gid === info.gid) return null;
  if (!canOwnAs(info, mine)) return ownershipKept(info);
  try {
    await handle.chown(info.uid, info.gid);
    return null;
  } catch {
    return ownershipKept(info);
  }
}

function notWritten(code: string | undefined): string {
  return `could not write the page${code ? ` (${code})` : ""}; it was left unchanged`;
}

function ownershipKept(info: Stats): string {
  return `the page belongs to user ${info.uid}, group ${info.gid}, which a rewrite by this user cannot keep; nothing written`;
}

/**
 * Whether a new file this process made, owned by `made`, can be given the page's owner and group:
 * the rule the write keeps (keepOwnership) and a dry run predicts (replaceProblem). Root can give
 * any; anyone else keeps only their own files, in a group they belong to.
 */
function canOwnAs(page: Owner, made: Owner): boolean {
  if (made.uid === page.uid && made.gid === page.gid) return true;
  const uid = process.geteuid?.();
  if (uid === undefined || uid === 0) return true;
  return page.uid === made.uid && (process.getgroups?.() ?? []).includes(page.gid);
}

interface Owner {
  uid: number;
  gid: number;
}

/** The whole file behind `handle`, from its start whatever was read before. */
async function readWhole(handle: FileHandle): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let position = 0;
  for (;;) {
    const buf = Buffer.allocUnsafe(64 * 1024);
    const { bytesRead } = await handle.read(buf, 0, buf.length, position);
    if (bytesRead === 0) return Buffer.concat(chunks);
    chunks.push(buf.subarray(0, bytesRead));
    position += bytesRead;
  }
}

/** After the rename: a save written in place into the old file meanwhile is put back. */
async function restoreLateSave(swap: Swap): Promise<WriteResult> {
  const { dir, target, original, info, expected, next } = swap;
  // The old file's change time moves when the rename unlinks it; its bytes must not have.
  const late = await readWhole(original).catch(() => null);
  if (late?.equals(expected)) return { ok: true };
  if (late === null) return { error: `${CHANGED} (and the late save could not be read back)` };
  const tempBack = fsPath(tempName(dir));
  try {
    await writeTemp(tempBack, late, info);
    // Only over our own stamped version, never over a newer save.
    const current = await readFile(target).catch(() => null);
    if (current?.equals(next)) await rename(tempBack, target);
  } finally {
    await rm(tempBack, { force: true }).catch(() => {});
  }
  return { error: CHANGED };
}
