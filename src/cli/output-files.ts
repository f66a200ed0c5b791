// Writing `report --output` to a file (json-per-page's tree of files: output-tree.ts). It is written
// under a temporary name beside it and renamed into place, so a reader (a site build, a web
// server) never sees half a file, and a symbolic link at the target is replaced, not written
// through: the output folder may sit in a checkout of a stranger's pull request, where such a
// link could point anywhere.
import { writeFileSync } from "node:fs";
import { lstat, readlink } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../errors.js";
import { visible } from "../sanitize/terminal.js";
import { writeFileAtomically } from "../site/atomic.js";
import { makeFolders } from "../site/make-folders.js";
import { writeChunks } from "./output.js";

/** Writes one file atomically, creating its folder when missing. `shown` names it in errors.
 * A pipe or a device there (`--output /dev/stdout`, a FIFO a reader waits on) is written into,
 * as a shell's `>` would: replacing it would take the output from its reader. */
export async function writeOutputFile(file: string, text: string, shown = file): Promise<void> {
  const stream = await streamAt(file);
  if (stream !== null) {
    // Standard output goes the way the report goes without --output (a closed pipe is quiet).
    if (stream === 1) return writeChunks([text]);
    try {
      writeFileSync(stream, text, { encoding: "utf8", flag: "w" });
      return;
    } catch (err) {
      throw new AppError(2, `cannot write ${visible(shown)}: ${reason(err)}`);
    }
  }
  try {
    makeFolders(path.dirname(file));
    writeFileAtomically(file, text, 0o644);
  } catch (err) {
    throw new AppError(2, `cannot write ${visible(shown)}: ${reason(err)}`);
  }
}

/** Where /dev/stdout and its kin link: one of this process's descriptors. */
const OWN_DESCRIPTOR = /^\/(?:proc\/self|dev)\/fd\/(\d+)$/;

/**
 * What to write into at `file` instead of replacing it: a pipe, socket or character device
 * (its path), or this process's descriptor that a link names (its number); else null. A link is
 * followed only to this process's own descriptors (`/dev/stdout` is one): a link planted in a
 * checkout could point at any device, and is replaced like any other link.
 */
async function streamAt(file: string): Promise<string | number | null> {
  try {
    const info = await lstat(file);
    if (info.isSymbolicLink()) {
      // Written through the descriptor itself: opening a socket's /proc entry fails.
      const own = OWN_DESCRIPTOR.exec(await readlink(file));
      return own ? Number(own[1]) : null;
    }
    return info.isFIFO() || info.isCharacterDevice() || info.isSocket() ? file : null;
  } catch {
    return null;
  }
}

const REASONS: Record<string, string> = {
  EEXIST: "a file stands where a folder on its way would be",
  ENOTDIR: "a file stands where a folder on its way would be",
  EISDIR: "it is a folder",
  ENOENT: "no such folder, and it cannot be made there",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "the file system is read-only",
  ENOSPC: "no space left on the device",
};

export function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const words = e.code ? REASONS[e.code] : undefined;
  return words ? `${words} (${e.code})` : (e.code ?? e.message);
}
