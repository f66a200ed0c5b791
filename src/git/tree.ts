// Files of a commit's tree below some folders, read with one `git ls-tree`.
import type { Repo } from "./run.js";
import { NulSplitter, runGit } from "./run.js";

export interface TreeEntry {
  mode: string;
  type: string;
  oid: string;
  path: string;
}

export async function listTree(
  repo: Repo,
  commit: string,
  folders: string | readonly string[],
): Promise<TreeEntry[]> {
  const specs = (typeof folders === "string" ? [folders] : folders).map((f) => `${f}/`);
  const entries: TreeEntry[] = [];
  const splitter = new NulSplitter((record) => {
    const line = record;
    const tab = line.indexOf("\t");
    const [mode, type, oid] = line.slice(0, tab).split(" ");
    if (tab < 0 || !mode || !type || !oid) return;
    entries.push({ mode, type, oid, path: line.slice(tab + 1) });
  });
  await runGit(repo, ["ls-tree", "-r", "-z", "--full-tree", commit, "--", ...specs], {
    onStdout: (chunk) => splitter.push(chunk),
  });
  splitter.end();
  return entries;
}
