// Which branch pins belong on, and whether a commit is on it: OpenTelemetry's pages must pin
// commits of the default branch, so a stamp made on a feature branch is caught before review.
import { AppError } from "../errors.js";
import { isFullHash } from "./revision.js";
import { type Repo, runGit } from "./run.js";

/** The remote's default branch as a local ref (`refs/remotes/origin/main`), when the clone
 * knows it; null otherwise. */
export async function remoteDefaultBranch(repo: Repo): Promise<string | null> {
  const res = await runGit(repo, ["symbolic-ref", "--quiet", "refs/remotes/origin/HEAD"], {
    okCodes: [1, 128],
  });
  const ref = res.stdout.toString("utf8").trim();
  return res.code === 0 && /^refs\/remotes\/origin\/[^\s]+$/.test(ref) ? ref : null;
}

/** Whether `commit` is `tip` or one of its ancestors; both must be full hashes. */
export async function isAncestor(repo: Repo, commit: string, tip: string): Promise<boolean> {
  if (!isFullHash(commit) || !isFullHash(tip)) {
    throw new AppError(2, "internal: unvalidated revision");
  }
  const res = await runGit(repo, ["merge-base", "--is-ancestor", commit, tip], { okCodes: [1] });
  return res.code === 0;
}
