// Where the repository lives on GitHub, for compare and history links. The URL comes from the
// repository's own config, so it is parsed strictly and only an owner/name pair is kept.
import { encodeBytes, hasEscapedBytes } from "../core/path-bytes.js";
import type { Repo } from "./run.js";
import { runGit } from "./run.js";

export interface GitHubRepo {
  owner: string;
  name: string;
}

const NAME = /^[A-Za-z0-9_.-]{1,100}$/;

export function parseGitHubUrl(url: string): GitHubRepo | null {
  const m =
    /^(?:https:\/\/(?:[^@/]+@)?github\.com\/|git@github\.com:|ssh:\/\/git@github\.com\/)([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(
      url.trim(),
    );
  if (!m?.[1] || !m[2]) return null;
  if (!NAME.test(m[1]) || !NAME.test(m[2]) || m[2] === "." || m[2] === "..") return null;
  return { owner: m[1], name: m[2] };
}

/**
 * The GitHub repository of `origin`. Only a repository without any `origin` falls back to
 * GITHUB_REPOSITORY (Actions), which names the workflow's repository: when the scanned folder
 * is another repository, its own origin is the right one.
 */
export async function readGitHubRemote(
  repo: Repo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<GitHubRepo | null> {
  const res = await runGit(repo, ["config", "--get", "remote.origin.url"], { okCodes: [1] });
  if (res.code === 0) return parseGitHubUrl(res.stdout.toString("utf8"));
  const fromActions = env.GITHUB_REPOSITORY?.split("/");
  if (fromActions?.length === 2 && fromActions.every((p) => NAME.test(p))) {
    return { owner: fromActions[0] as string, name: fromActions[1] as string };
  }
  return null;
}

export function compareUrl(gh: GitHubRepo, from: string, to: string): string {
  return `https://github.com/${gh.owner}/${gh.name}/compare/${from}...${to}`;
}

export function historyUrl(gh: GitHubRepo, ref: string, path: string): string {
  const encoded = path.split("/").map(encodeSegment).join("/");
  return `https://github.com/${gh.owner}/${gh.name}/commits/${ref}/${encoded}`;
}

/** A path segment for a URL. A name holding bytes that are not UTF-8 (core/path-bytes.ts) is
 * encoded byte for byte: encodeURIComponent throws on the lone surrogates that stand for them. */
function encodeSegment(segment: string): string {
  if (!hasEscapedBytes(segment)) return encodeURIComponent(segment);
  let out = "";
  for (const byte of encodeBytes(segment)) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

export function commitUrl(gh: GitHubRepo, hash: string): string {
  return `https://github.com/${gh.owner}/${gh.name}/commit/${hash}`;
}
