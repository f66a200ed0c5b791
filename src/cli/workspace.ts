// Where the repository sits in a GitHub Actions workspace: annotations name files relative to
// the workspace, and the repository may be a folder of it (actions/checkout with `path:`).
import { realpath } from "node:fs/promises";
import path from "node:path";
import type { Repo } from "../git/run.js";

/** The repository's folder relative to GITHUB_WORKSPACE ("" when it is the workspace or outside). */
export async function workspacePrefix(
  repo: Pick<Repo, "workTree">,
  env: NodeJS.ProcessEnv,
): Promise<string> {
  const ws = env.GITHUB_WORKSPACE;
  if (!ws) return "";
  const base = await realpath(ws).catch(() => null);
  if (!base) return "";
  const rel = path.relative(base, repo.workTree);
  if (rel === "" || rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel))
    return "";
  return `${rel.split(path.sep).join("/")}/`;
}
