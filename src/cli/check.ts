// The check command: scan, apply the thresholds, print the chosen format, exit 1 when a page fails.
// Clock, token, environment and output are parameters so tests can pin them.

import { appendFile } from "node:fs/promises";
import { type ChangedSince, type CheckReport, evaluate, onlyChanged } from "../check/evaluate.js";
import { makeThresholds } from "../check/thresholds.js";
import { failOnUnmatched, selectPages } from "../core/select.js";
import { AppError, type ExitCode } from "../errors.js";
import { changedPaths, checkRefSyntax, resolveCommit } from "../git/diff-names.js";
import { type GitHubRepo, readGitHubRemote } from "../git/remote.js";
import { openRepo, readHead } from "../git/repo.js";
import { isSourcePath, layoutFolders, layoutOfResult } from "../layout/layout.js";
import { LEAST_MAX_SIZE, OUTPUT_DEFAULTS } from "../options/defaults.js";
import { renderCheckJson } from "../report/check-json.js";
import { renderCheckTable } from "../report/check-table.js";
import { renderGithub } from "../report/github.js";
import { maxSizeNote, renderMarkdown, SUMMARY_MAX_BYTES } from "../report/markdown.js";
import { type Listing, listingOf } from "../report/table.js";
import { inertLine, stopCommandsToken } from "../sanitize/github.js";
import { scan } from "../scan/scan.js";
import { type CliOptions, formatOf } from "./args.js";
import { pageDiffs } from "./diffs.js";
import { scanScope } from "./load-options.js";
import { writeChunks } from "./output.js";
import { workspacePrefix } from "./workspace.js";

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

const SHALLOW_TRANSLATIONS =
  "the translations' repository is a shallow clone, so --changed-since cannot find where this branch left the ref; fetch the full history: `fetch-depth: 0` in actions/checkout, or `git fetch --unshallow`";

export async function runCheck(
  opts: CliOptions,
  color: boolean,
  deps: Partial<CheckDeps> = {},
): Promise<ExitCode> {
  const d = { ...defaultDeps, ...deps };
  // Everything the user typed is checked before any git process runs.
  const thresholds = makeThresholds(opts);
  const format = formatOf("check", opts.format);
  // Each shapes one format; given with another, it would silently do nothing.
  if (opts.maxSize !== null && format !== "markdown") {
    throw new AppError(2, "--max-size applies to --format markdown");
  }
  if (opts.maxSize !== null && opts.maxSize < LEAST_MAX_SIZE) {
    throw new AppError(
      2,
      `--max-size must be at least ${LEAST_MAX_SIZE.toLocaleString("en-US")} (room for the report's first lines and its note on what it left out), got ${opts.maxSize}`,
    );
  }
  if (opts.annotationLevel !== null && format !== "github") {
    throw new AppError(2, "--annotation-level applies to --format github");
  }
  if (opts.changedSince !== null) checkRefSyntax(opts.changedSince);

  // With two repositories the history that is counted is the source's (its shallowness shows in
  // the scan's result); the translations' own history is read only for --changed-since.
  const opened = await openRepo(opts.repo);
  const twoRepos = opts.sourceRepo !== null;
  if (opened.shallow) {
    if (!twoRepos) throw new AppError(2, SHALLOW_MESSAGE);
    if (opts.changedSince !== null) throw new AppError(2, SHALLOW_TRANSLATIONS);
  }
  const { result: full, repo, sourceRepo, details } = await scan(scanScope(opts));
  if (full.shallow) throw new AppError(2, SHALLOW_MESSAGE);

  let result = full;
  let changedSince: ChangedSince | null = null;
  if (opts.changedSince !== null) {
    // A pull request changes one repository. With two, it is the translations' (MDN's
    // translated-content): the ref is one of its commits, the diff is of its own HEAD, and the
    // pages kept are those whose translation changed. English changes are made in the source
    // repository, by other pull requests; a path there that looks English is not a page here.
    const commit = await resolveCommit(repo, opts.changedSince);
    const layout = layoutOfResult(full);
    const to = twoRepos ? (await readHead(repo)).hash : full.head;
    const { base, paths } = await changedPaths(repo, commit, to, layoutFolders(layout));
    const changed = twoRepos ? new Set([...paths].filter((p) => !isSourcePath(layout, p))) : paths;
    result = onlyChanged(full, changed);
    changedSince = { ref: opts.changedSince, commit, base };
  }
  // PATH... and --status: only these pages are listed and judged.
  failOnUnmatched(full, opts.selection.paths);
  result = selectPages(result, opts.selection);
  // Links go to English commits and files: the source repository's. With two repositories, one
  // without an origin must not borrow GITHUB_REPOSITORY, which names the translations'.
  const github = () => readGitHubRemote(sourceRepo, twoRepos ? {} : d.env);
  const report = evaluate(result, thresholds, d.now(), changedSince);
  const listing = listingOf(opts.show, opts.selection);
  // A config file in the repository can change what fails: the log says which one was used,
  // once the run got this far; a usage or config error stays the one line the README promises.
  if (opts.configFile !== null) {
    process.stderr.write(`translation-status: options from ${inertLine(opts.configFile)}\n`);
  }

  switch (format) {
    case "table":
      await d.write(renderCheckTable(report, color, listing));
      if (opts.diff) {
        await d.write(await pageDiffs(sourceRepo, full, details, report.result, color));
      }
      break;
    case "json":
      await d.write(renderCheckJson(report));
      break;
    case "markdown": {
      const max = opts.maxSize ?? OUTPUT_DEFAULTS.maxSize;
      await d.write(
        renderMarkdown(report, {
          github: await github(),
          maxBytes: max,
          listing,
          limitNote: maxSizeNote(max),
        }),
      );
      break;
    }
    case "github": {
      await d.write(
        renderGithub(report, {
          token: d.token(),
          pathPrefix: await workspacePrefix(repo, d.env),
          level: opts.annotationLevel ?? OUTPUT_DEFAULTS.annotationLevel,
        }),
      );
      await appendSummary(report, github, d.env, listing);
      break;
    }
  }
  return report.failing.length > 0 ? 1 : 0;
}

/** In GitHub Actions, the Markdown report goes to the job summary as well (under 1 MiB). */
async function appendSummary(
  report: CheckReport,
  github: () => Promise<GitHubRepo | null>,
  env: NodeJS.ProcessEnv,
  listing: Listing,
): Promise<void> {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  const text = renderMarkdown(report, {
    github: await github(),
    maxBytes: SUMMARY_MAX_BYTES,
    listing,
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
