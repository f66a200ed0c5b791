// The repository holding the English pages when it is not the translations' own (MDN keeps them
// in mdn/content, the translations in mdn/translated-content). Its folder may come from a config
// file in a pull request, so it is only ever a folder to run git in, and it must be the top of a
// git work tree: a folder inside some other repository is refused rather than taken for it.
import { realpath } from "node:fs/promises";
import { AppError } from "../errors.js";
import { holdsFolder } from "../git/objects.js";
import { openRepoAtHead } from "../git/repo.js";
import type { Repo } from "../git/run.js";
import { MDN_CONTENT, MDN_SOURCE } from "../layout/layout.js";
import { settleLater } from "../settle.js";

/** The source repository and its HEAD (its date still being read: see openRepoAtHead); every
 * failure is one line. */
export async function openSourceRepo(
  dir: string,
  countTo?: number,
): Promise<Awaited<ReturnType<typeof openRepoAtHead>>> {
  const fail = (why: string) => new AppError(2, `source repository: ${why}`);
  let opened: Awaited<ReturnType<typeof openRepoAtHead>>;
  try {
    opened = await openRepoAtHead(dir, countTo);
  } catch (err) {
    throw err instanceof AppError ? fail(err.message) : err;
  }
  const given = await realpath(dir).catch(() => null);
  if (given !== opened.repo.workTree) {
    throw fail(`not the top of a git work tree: ${dir} (it is inside ${opened.repo.workTree})`);
  }
  const head = settleLater(
    opened.head.catch((err: unknown) => {
      throw err instanceof AppError ? fail(err.message) : err;
    }),
  );
  return { repo: opened.repo, headHash: opened.headHash, head };
}

/** Whether the English repository's `commit` holds MDN's English folder: the layout is found
 * from git, as the English pages are read, whatever its work tree holds. */
export function holdsMdnSource(repo: Repo, commit: string): Promise<boolean> {
  return holdsFolder(repo, commit, `${MDN_CONTENT}/${MDN_SOURCE}`);
}
