// The check command: scan, apply the thresholds, print the chosen format, exit 1 when a page fails.
// Clock, token, environment and output are parameters so tests can pin them.

import { appendFile, realpath } from "node:fs/promises";
import path from "node:path";
import { type ChangedSince, type CheckReport, evaluate, onlyChanged } from "../check/evaluate.js";
import { makeThresholds } from "../check/thresholds.js";
import { AppError, type ExitCode } from "../errors.js";
import { changedPaths, checkRefSyntax, resolveCommit } from "../git/diff-names.js";
import { readGitHubRemote } from "../git/remote.js";
import { openRepo } from "../git/repo.js";
import type { Repo } from "../git/run.js";
import { layoutFolders, layoutOfResult } from "../layout/layout.js";
import { renderCheckJson } from "../report/check-json.js";
import { renderCheckTable } from "../report/check-table.js";
import { renderGithub } from "../report/github.js";
import { renderMarkdown, SUMMARY_MAX_BYTES } from "../report/markdown.js";
import { inertLine, stopCommandsToken } from "../sanitize/github.js";
import { scan } from "../scan/scan.js";
import { type CliOptions, formatOf } from "./args.js";
import { writeChunks } from "./output.js";

export interface CheckDeps {
  now: () => Date;
  token: () => string;
  env: NodeJS.ProcessEnv;
  write: (text: string) => void | Promise<void>;
}

const defaultDeps: CheckDeps = {
  now: () => new Date(),
  token: stopCommandsToken,
  env: process.env,
  // A reader that stops early (`| head`) ends the output quietly, and the exit code stays the
  // verdict's: a clean run piped into `head` must not fail a pipefail step.
  write: (text) => writeChunks([text]),
};

export const SHALLOW_MESSAGE =
  "this is a shallow clone, so commits behind cannot be counted; fetch the full history: `fetch-depth: 0` in actions/checkout, or `git fetch --unshallow`";

export async function runCheck(
  opts: CliOptions,
  color: boolean,
  deps: Partial<CheckDeps> = {},
): Promise<ExitCode> {
  const d = { ...defaultDeps, ...deps };
  // Everything the user typed is checked before any git process runs.
  const thresholds = makeThresholds(opts);
  const format = formatOf("check", opts.format);
  if (opts.changedSince !== null) checkRefSyntax(opts.changedSince);
  // A config file in the repository can change what fails: the log says which one was used.
  if (opts.configFile !== null) {
    process.stderr.write(`translation-status: options from ${inertLine(opts.configFile)}\n`);
  }

  const opened = await openRepo(opts.repo);
  if (opened.shallow) throw new AppError(2, SHALLOW_MESSAGE);
  const { result: full, repo } = await scan({
    repo: opts.repo,
    source: opts.source,
    content: opts.content,
    langs: opts.langs,
    exclude: opts.exclude,
    ignoreRevsFile: opts.ignoreRevsFile,
  });
  if (full.shallow) throw new AppError(2, SHALLOW_MESSAGE);

  let result = full;
  let changedSince: ChangedSince | null = null;
  if (opts.changedSince !== null) {
    const commit = await resolveCommit(repo, opts.changedSince);
    const folders = layoutFolders(layoutOfResult(full));
    result = onlyChanged(full, await changedPaths(repo, commit, full.head, folders));
    changedSince = { ref: opts.changedSince, commit };
  }
  const report = evaluate(result, thresholds, d.now(), changedSince);

  switch (format) {
    case "table":
      await d.write(renderCheckTable(report, color));
      break;
    case "json":
      await d.write(renderCheckJson(report));
      break;
    case "markdown":
      await d.write(renderMarkdown(report, { github: await readGitHubRemote(repo, d.env) }));
      break;
    case "github": {
      await d.write(
        renderGithub(report, { token: d.token(), pathPrefix: await workspacePrefix(repo, d.env) }),
      );
      await appendSummary(report, repo, d.env);
      break;
    }
  }
  return report.failing.length > 0 ? 1 : 0;
}

/** The repository's folder relative to GITHUB_WORKSPACE ("" when it is the workspace or outside). */
async function workspacePrefix(repo: Repo, env: NodeJS.ProcessEnv): Promise<string> {
  const ws = env.GITHUB_WORKSPACE;
  if (!ws) return "";
  const base = await realpath(ws).catch(() => null);
  if (!base) return "";
  const rel = path.relative(base, repo.workTree);
  if (rel === "" || rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel))
    return "";
  return `${rel.split(path.sep).join("/")}/`;
}

/** In GitHub Actions, the Markdown report goes to the job summary as well (under 1 MiB). */
async function appendSummary(
  report: CheckReport,
  repo: Repo,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  const text = renderMarkdown(report, {
    github: await readGitHubRemote(repo, env),
    maxBytes: SUMMARY_MAX_BYTES,
  });
  try {
    await appendFile(file, text, "utf8");
  } catch (err) {
    throw new AppError(
      2,
      `cannot write the job summary (GITHUB_STEP_SUMMARY): ${(err as Error).message}`,
    );
  }
}
