// Finding the repository once, so that every later git call names it explicitly.
import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../errors.js";
import { GitFailure, type Repo, runGit } from "./run.js";

export interface OpenedRepo extends Repo {
  shallow: boolean;
}

export async function openRepo(dir: string): Promise<OpenedRepo> {
  const abs = path.resolve(dir);
  const info = await stat(abs).catch(() => null);
  if (!info?.isDirectory()) throw new AppError(2, `no such directory: ${dir}`);
  let out: string;
  try {
    const res = await runGit(
      null,
      ["rev-parse", "--show-toplevel", "--absolute-git-dir", "--is-shallow-repository"],
      { cwd: abs },
    );
    out = res.stdout.toString("utf8");
  } catch (err) {
    if (err instanceof GitFailure) throw new AppError(2, `not a git work tree: ${dir}`);
    throw err;
  }
  const [top, gitDir, shallow] = out.split("\n");
  if (!top || !gitDir) throw new AppError(2, `not a git work tree: ${dir}`);
  return { workTree: await realpath(top), gitDir, shallow: shallow === "true" };
}

export interface Head {
  hash: string;
  date: string;
}

/** HEAD as a commit hash and its committer date; an error for a repository without commits. */
export async function readHead(repo: Repo): Promise<Head> {
  const res = await runGit(repo, ["log", "-1", "--no-mailmap", "--format=%H%x00%cI", "HEAD", "--"], {
    okCodes: [128],
  });
  const [hash, date] = res.stdout.toString("utf8").trim().split("\0");
  if (res.code !== 0 || !hash || !date) throw new AppError(2, "the repository has no commits yet");
  return { hash, date };
}
