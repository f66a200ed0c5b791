// The author dates of some commits, in one git process: what `check --max-age` falls back on
// for a page that records no translation date.
import { AppError } from "../errors.js";
import { isFullHash } from "./revision.js";
import { NulSplitter, type Repo, runGit } from "./run.js";

/** Each commit's author date (ISO 8601, as git records it); `hashes` must be full hashes of
 * commits the repository has. */
export async function commitDates(
  repo: Repo,
  hashes: readonly string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(hashes)];
  const out = new Map<string, string>();
  if (unique.length === 0) return out;
  if (!unique.every(isFullHash)) throw new AppError(2, "internal: unvalidated revision");
  const fields: string[] = [];
  const splitter = new NulSplitter((record) => {
    fields.push(record.replace(/^\n/, ""));
  });
  await runGit(
    repo,
    ["log", "--no-walk=unsorted", "--stdin", "--format=%H%x00%aI%x00", "--no-show-signature"],
    { input: `${unique.join("\n")}\n`, onStdout: (chunk) => splitter.push(chunk), buffered: true },
  );
  splitter.end();
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const hash = fields[i] as string;
    if (!isFullHash(hash)) throw new AppError(2, "unexpected output from git log");
    out.set(hash, fields[i + 1] as string);
  }
  return out;
}
