// The report command: scan, then print (or write to --output) the status to publish: the HTML
// status page or the data file a site's templates read. The clock and the environment are
// parameters so tests can pin them.
import path from "node:path";
import { NO_LINKS, pageLinks } from "../detail/links.js";
import { withEstimatedCommits } from "../detail/loader.js";
import { pageDiffs } from "../detail/page-diffs.js";
import { AppError, type ExitCode } from "../errors.js";
import { readGitHubRemote } from "../git/remote.js";
import { mostWorkFirst, renderHtml } from "../report/html.js";
import { renderHugoData, renderJsonPerPage } from "../report/hugo-data.js";
import { scan } from "../scan/scan.js";
import type { CliOptions, ReportFormat } from "./args.js";
import { scanScope } from "./load-options.js";
import { writeChunks } from "./output.js";
import { writeOutputFile } from "./output-files.js";
import { writeOutputTree } from "./output-tree.js";

export interface ReportDeps {
  now: () => Date;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const defaultDeps: ReportDeps = { now: () => new Date(), env: process.env, cwd: process.cwd() };

export async function runReport(
  opts: CliOptions,
  format: ReportFormat,
  deps: Partial<ReportDeps> = {},
): Promise<ExitCode> {
  const d = { ...defaultDeps, ...deps };
  if (format === "json-per-page" && opts.output === null) {
    throw new AppError(
      2,
      "report --format json-per-page writes a folder: give it with --output DIR",
    );
  }
  const scanned = await scan(scanScope(opts));
  const twoRepos = scanned.sourceRepo !== scanned.repo;
  // Links go to English commits and files: the source repository's. With two repositories, one
  // without an origin must not borrow GITHUB_REPOSITORY, which names the translations'.
  const github = await readGitHubRemote(scanned.sourceRepo, twoRepos ? {} : d.env);
  const { result, details } = scanned;
  const links = (i: number) => {
    const page = result.pages[i];
    return page ? pageLinks(github, result.head, page, details[i]) : NO_LINKS;
  };
  if (format === "json-per-page") {
    writeOutputTree(path.resolve(d.cwd, opts.output as string), renderJsonPerPage(result, links));
    return 0;
  }
  let text: string;
  if (format === "hugo-data") {
    text = renderHugoData(result, links);
  } else {
    const now = d.now();
    const listed = withEstimatedCommits(result, details);
    // The page promises the diffs of the pages with the most work: ranked across languages by
    // the tables' own order, so no page goes without one while a page with less work has its.
    const order = mostWorkFirst(listed, now);
    const diffs = await pageDiffs({ ...scanned, result: listed }, order);
    text = renderHtml({ result: listed, links, diffs, github, now });
  }
  if (opts.output === null) {
    await writeChunks([text]);
    return 0;
  }
  await writeOutputFile(path.resolve(d.cwd, opts.output), text, opts.output);
  return 0;
}
