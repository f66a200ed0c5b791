// Making a folder and the missing ones above it, for paths the user gives (--output, the cache
// and state folders). Not `mkdir` with `recursive`: where making a folder fails with ENOENT
// below one that exists (`/proc/nope`), Node retries it for ever at full CPU.
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";

/** Makes `dir` and each missing folder above it, one level at a time, with `mode`; throws the
 * file system's error (ENOENT where a folder cannot be made, ENOTDIR past a file). */
export function makeFolders(dir: string, mode?: number): void {
  const missing: string[] = [];
  for (let cur = path.resolve(dir); ; cur = path.dirname(cur)) {
    try {
      statSync(cur);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    }
    missing.push(cur);
    if (path.dirname(cur) === cur) break;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder, mode === undefined ? {} : { mode });
    } catch (err) {
      // Made meanwhile by someone else: the next level (or the write) says if it is no folder.
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
  }
}
