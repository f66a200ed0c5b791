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
  const dir = await realFolderInside(workTree, parts.slice(0, -1).join("/"));
  if (!dir)
    return { error: "refusing to write: the folder is a symbolic link or outside the repository" };
  const target = path.join(dir, parts[parts.length - 1] as string);
  const info = await lstat(target).catch(() => null);
  if (!info?.isFile() || info.isSymbolicLink())
    return { error: "refusing to write: not a regular file" };
  const current = await readFile(target);
  if (!current.equals(expected))
    return { error: "the page changed on disk since it was read; nothing written" };
  const temp = path.join(dir, `.${parts[parts.length - 1]}.${randomBytes(6).toString("hex")}.tmp`);
  const handle = await open(temp, "wx", info.mode & 0o777);
  try {
    await handle.writeFile(next);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await rm(temp, { force: true });
    return { error: `could not write: ${(err as Error).message}` };
  }
  await handle.close();
  await rename(temp, target);
  return { ok: true };
}
