// Which files of a Hugo module mount Hugo builds: its `includeFiles` and `excludeFiles` globs,
// read as Hugo reads them (its filename filter): matched against the path below the mount's
// source with a `/` before it, whatever the case; an inclusion wins over an exclusion, and with
// inclusions a file must match one. Folders are filtered as they are walked: a folder an
// exclusion matches is left out with everything in it, and with inclusions a folder is walked
// only on the way to one (each folder above an inclusion's own). Hugo's `**` matches any run of
// characters, `/` among them, wherever it stands; the globs are run by core/glob.ts (bounded
// time whatever they hold), with each `**` written as its two cases there.
import { globMatcher, globProblem } from "../core/glob.js";
import { type Data, get } from "./hugo-config.js";

/** Globs read from one mount's key, at most. */
const MAX_GLOBS = 50;
/** `**`s in one glob, at most: each doubles what is run. */
const MAX_SUPER = 4;

/** The globs of a mount's key: a text or a list of them; null for a list longer than this tool
 * runs (the mount is then read whole, as for a glob it cannot run). */
function globsOf(mount: Data, key: string): string[] | null {
  const v = get(mount, key);
  if (Array.isArray(v) && v.length > MAX_GLOBS) return null;
  const list = typeof v === "string" ? [v] : Array.isArray(v) ? v : [];
  return list.filter((g): g is string => typeof g === "string" && g !== "");
}

/**
 * A Hugo glob as core/glob.ts globs matching the same paths (without the leading `/` Hugo adds
 * to both), or null when it cannot be: `**` is any text, so either any text without `/` (`*`) or
 * any with one (`*​/**​/*`).
 */
function asGlobs(hugo: string): string[] | null {
  const body = hugo.replace(/^\/+/, "").toLowerCase();
  const parts = body.split("**");
  if (parts.length - 1 > MAX_SUPER) return null;
  let out = [parts[0] as string];
  for (const part of parts.slice(1)) {
    out = out.flatMap((head) => [`${head}*${part}`, `${head}*/**/*${part}`]);
  }
  return out.every((g) => globProblem(g) === null) ? out : null;
}

/** A test of paths against several Hugo globs; null when one of them cannot be read. */
function matcher(globs: readonly string[]): ((rel: string) => boolean) | null {
  const all: string[] = [];
  for (const g of globs) {
    const as = asGlobs(g);
    if (as === null) return null;
    all.push(...as);
  }
  if (all.length === 0) return null;
  const test = globMatcher(all);
  return (rel) => test(rel.toLowerCase());
}

/** The folders above an inclusion, each as a glob of its own: `/a/b/*.md` walks `/a` and `/a/b`. */
function foldersAbove(globs: readonly string[]): string[] {
  return globs.flatMap((g) => {
    const parts = g.replace(/^\/+/, "").split("/").slice(0, -1);
    return parts.map((_, i) => parts.slice(0, i + 1).join("/"));
  });
}

/**
 * Whether a file below the mount's source (by its path there) is one Hugo leaves out; null when
 * the mount names no globs, or one this tool cannot read (then every file counts, as said in
 * the README).
 */
export function mountLeavesOut(
  mount: Data,
): { leftOut: (rel: string) => boolean; include: string[]; exclude: string[] } | null {
  const include = globsOf(mount, "includeFiles");
  const exclude = globsOf(mount, "excludeFiles");
  if (include === null || exclude === null) return null;
  if (include.length === 0 && exclude.length === 0) return null;
  const included = include.length > 0 ? matcher(include) : null;
  const walked = include.length > 0 ? matcher(foldersAbove(include)) : null;
  const excluded = exclude.length > 0 ? matcher(exclude) : null;
  if ((include.length > 0 && included === null) || (exclude.length > 0 && excluded === null)) {
    return null;
  }
  const kept = (rel: string, folder: boolean) => {
    if (included?.(rel) || (folder && walked?.(rel))) return true;
    if (excluded?.(rel)) return false;
    return included === null;
  };
  const leftOut = (rel: string) => {
    const parts = rel.split("/");
    for (let i = 1; i < parts.length; i++) {
      if (!kept(parts.slice(0, i).join("/"), true)) return true;
    }
    return !kept(rel, false);
  };
  return { leftOut, include, exclude };
}
