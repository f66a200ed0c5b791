// `--changed-since <ref>`: the paths under the content folder that changed between a ref the user
// names and HEAD. The ref is text from a workflow file or a pull request event, so it is checked
// before git sees it and only ever reaches git after `--end-of-options`; the diff itself is run
// between two validated full hashes.
import { AppError } from "../errors.js";
import { hasUnsafeChars } from "../sanitize/terminal.js";
import { isFullHash } from "./revision.js";
import { NulSplitter, type Repo, runGit } from "./run.js";

/** A usage error for anything that could be read as an option, a range, a path or a second word. */
export function checkRefSyntax(ref: string, flag = "--changed-since"): string {
  const shown = JSON.stringify(ref);
  if (ref === "") throw new AppError(2, `${flag} needs a ref (a branch, tag or commit)`);
  if (ref.length > 256) throw new AppError(2, `${flag}: the ref is too long`);
  if (ref.startsWith("-")) throw new AppError(2, `${flag}: a ref cannot start with "-": ${shown}`);
  // Spaces and line breaks of any kind, C0, DEL, C1, bidi and invisible characters.
  if (/\s/u.test(ref) || hasUnsafeChars(ref)) {
    throw new AppError(2, `${flag}: a ref cannot contain spaces or control characters: ${shown}`);
  }
  if (ref.includes("..")) throw new AppError(2, `${flag} takes one ref, not a range: ${shown}`);
  if (ref.includes(":")) throw new AppError(2, `${flag}: a ref cannot contain ":": ${shown}`);
  return ref;
}

/** The full hash of the commit `ref` names (a usage error when it names none). */
export async function resolveCommit(
  repo: Repo,
  ref: string,
  flag = "--changed-since",
): Promise<string> {
  checkRefSyntax(ref, flag);
  const candidate = isFullHash(ref.toLowerCase()) ? ref.toLowerCase() : ref;
  const res = await runGit(
    repo,
    ["rev-parse", "--verify", "--quiet", "--end-of-options", `${candidate}^{commit}`],
    { okCodes: [1, 128] },
  );
  const hash = res.stdout.toString("utf8").trim();
  if (res.code !== 0 || !isFullHash(hash)) {
    throw new AppError(2, `${flag}: ${JSON.stringify(ref)} is not a commit in this repository`);
  }
  return hash;
}

/**
 * Every path under `folder` added, modified, deleted, or renamed (both names) from the merge base
 * of `from` and `to` to `to` (what `git diff from...to` shows: the changes on `to`'s side, which is
 * what a pull request brings), with that merge base. Both arguments must be full hashes.
 */
export async function changedPaths(
  repo: Repo,
  from: string,
  to: string,
  folders: string | readonly string[],
): Promise<{ base: string; paths: Set<string> }> {
  const specs = (typeof folders === "string" ? [folders] : folders).map((f) => `${f}/`);
  if (!isFullHash(from) || !isFullHash(to))
    throw new Error("changedPaths needs full commit hashes");
  const base = await runGit(repo, ["merge-base", from, to], { okCodes: [1] });
  const baseHash = base.stdout.toString("utf8").trim().split("\n")[0] ?? "";
  if (base.code !== 0 || !isFullHash(baseHash)) {
    throw new AppError(
      2,
      `--changed-since: ${from.slice(0, 12)} has no history in common with HEAD`,
    );
  }
  const paths = new Set<string>();
  let expect = 0;
  const split = new NulSplitter((record) => {
    const text = record;
    // Records alternate: a status (M, A, D, T, R100, C075, ...) then one or two paths.
    if (expect === 0) {
      expect = /^[RC]/.test(text) ? 2 : 1;
      return;
    }
    paths.add(text);
    expect -= 1;
  });
  await runGit(
    repo,
    [
      "diff",
      "--name-status",
      "-z",
      "-M",
      "--no-ext-diff",
      "--no-textconv",
      "--ignore-submodules",
      baseHash,
      to,
      "--",
      ...specs,
    ],
    { onStdout: (chunk) => split.push(chunk) },
  );
  split.end();
  return { base: baseHash, paths };
}
