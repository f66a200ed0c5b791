// Writing a whole file atomically: a new file under a temporary name beside it, renamed over the
// target. A reader never sees half a file, and a symbolic link at the target is replaced, never
// written through. Pages have their own writer (write.ts), which also guards concurrent saves.
import { randomBytes } from "node:crypto";
import { renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** A short name of its own in `dir`: a name near the 255-byte limit leaves no room to extend it. */
export function tempName(dir: string): string {
  return path.join(dir, `.ts-${randomBytes(6).toString("hex")}.tmp`);
}

/** Writes `data` to `file` atomically with `mode`; throws what the file system said (the
 * temporary file is removed first). */
export function writeFileAtomically(file: string, data: string | Uint8Array, mode: number): void {
  const temp = tempName(path.dirname(file));
  try {
    // "wx" creates the file or fails: a link planted at the temporary name is not followed.
    writeFileSync(temp, data, { mode, flag: "wx" });
    renameSync(temp, file);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}
