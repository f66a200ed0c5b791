// Writing a whole file atomically: a new file under a temporary name beside it, renamed over the
// target. A reader never sees half a file, and a symbolic link at the target is replaced, never
// written through. Pages have their own writer (write.ts), which also guards concurrent saves.
import { randomBytes } from "node:crypto";
import { closeSync, openSync, renameSync, rmSync, writeFileSync, writevSync } from "node:fs";
import path from "node:path";

/** A short name of its own in `dir`: a name near the 255-byte limit leaves no room to extend it. */
export function tempName(dir: string): string {
  return path.join(dir, `.ts-${randomBytes(6).toString("hex")}.tmp`);
}

/** The names tempName makes: a write cut short by a signal or a crash leaves one behind. */
export const TEMP_NAME = /^\.ts-[0-9a-f]{12}\.tmp$/;

/** Writes `data` (or its pieces, one after another) to `file` atomically with `mode`; throws
 * what the file system said (the temporary file is removed first). */
export function writeFileAtomically(
  file: string,
  data: string | Uint8Array | readonly Uint8Array[],
  mode: number,
): void {
  const temp = tempName(path.dirname(file));
  try {
    // "wx" creates the file or fails: a link planted at the temporary name is not followed.
    if (typeof data === "string" || data instanceof Uint8Array) {
      writeFileSync(temp, data, { mode, flag: "wx" });
    } else {
      // Pieces are written as they are: a large file is never copied into one buffer first.
      const fd = openSync(temp, "wx", mode);
      try {
        writeAll(fd, data);
      } finally {
        closeSync(fd);
      }
    }
    renameSync(temp, file);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

/** Writes every piece to `fd`, however many bytes each call takes. */
function writeAll(fd: number, pieces: readonly Uint8Array[]): void {
  let rest = pieces.filter((p) => p.length > 0);
  while (rest.length > 0) {
    let wrote = writevSync(fd, rest.slice(0, 1024));
    let i = 0;
    while (i < rest.length && wrote >= (rest[i] as Uint8Array).length) {
      wrote -= (rest[i] as Uint8Array).length;
      i++;
    }
    rest = rest.slice(i);
    if (wrote > 0) rest[0] = (rest[0] as Uint8Array).subarray(wrote);
  }
}
