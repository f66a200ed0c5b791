// Writing a page back: atomically (a temporary file in the same folder, then rename), only if the
// file still holds the bytes that were read, never through a symlink and never outside the repo.
import { randomBytes } from "node:crypto";
import { lstat, open, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { realFolderInside } from "./files.js";

export type WriteResult = { ok: true } | { error: string };

export async function replaceFile(
  workTree: string,
  rel: string,
  expected: Buffer,
  next: Buffer,
): Promise<WriteResult> {
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
  const target = path.join(dir, parts[parts.length - 1] as string);
  const info = await lstat(target).catch(() => null);
  if (!info?.isFile() || info.isSymbolicLink())
    return { error: "refusing to write: not a regular file" };
  const current = await readFile(target).catch(() => null);
  if (current === null) return { error: "could not read the page back before writing" };
  if (!current.equals(expected))
    return { error: "the page changed on disk since it was read; nothing written" };
  const temp = path.join(dir, `.${parts[parts.length - 1]}.${randomBytes(6).toString("hex")}.tmp`);
  // Any failure (no permission, full disk) leaves the page as it was and removes the temporary
  // file: the caller gets one line, and nothing is lost.
  try {
    const handle = await open(temp, "wx", info.mode & 0o777);
    try {
      await handle.writeFile(next);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true }).catch(() => {});
    const code = (err as NodeJS.ErrnoException).code;
    return { error: `could not write the page${code ? ` (${code})` : ""}; it was left unchanged` };
  }
  return { ok: true };
}
