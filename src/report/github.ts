// `check --format github`: the report for a GitHub Actions log. The plain report (page paths,
// subjects, warnings: untrusted) is printed between `::stop-commands::<token>` and `::<token>::`, so
// the runner executes nothing in it. The annotations are our own workflow commands and must come
// after the stopped region (the runner ignores commands inside it); their untrusted parts are
// escaped by `workflowCommand`. GitHub shows at most 10 annotations of a type per step, so only the
// 10 worst failing pages get an `::error` (or the --annotation-level asked for), followed by one
// `::notice` counting the rest.
import type { CheckedPage, CheckReport } from "../check/evaluate.js";
import { linesChanged } from "../check/thresholds.js";
import { translatesNothing, unknownCommitText } from "../core/status.js";
import type { PageReport } from "../core/types.js";
import { type AnnotationLevel, withStoppedCommands, workflowCommand } from "../sanitize/github.js";
import { annotationPath, shownName } from "../sanitize/terminal.js";
import { checkTableLines } from "./check-table.js";

export interface GithubOptions {
  /** The stop-commands token: fresh and random per run (stopCommandsToken()). */
  token: string;
  /** Prepended to annotation paths: the repository's folder relative to GITHUB_WORKSPACE, with `/`. */
  pathPrefix?: string;
  /** Error annotations before the rest are summarized in one notice (GitHub shows 10). */
  maxAnnotations?: number;
  /** The annotation failing pages get: error by default; a warning does not block a pull
   * request whose contributor never touched the translation. */
  level?: AnnotationLevel;
}

export const MAX_ANNOTATIONS = 10;

export function renderGithub(report: CheckReport, opts: GithubOptions): string {
  let out = withStoppedCommands(opts.token, checkTableLines(report, false));
  const max = opts.maxAnnotations ?? MAX_ANNOTATIONS;
  const level = opts.level ?? "error";
  // The count of the pages left out is a notice: at the notice level it is one of the 10 notices
  // GitHub shows, so a page gives way to it rather than it to a page.
  const room = level === "notice" && report.failing.length > max ? max - 1 : max;
  const lines: string[] = [];
  for (const checked of report.failing.slice(0, room))
    lines.push(annotation(checked, opts.pathPrefix ?? "", level));
  const rest = report.failing.length - room;
  if (rest > 0) {
    lines.push(
      workflowCommand(
        "notice",
        { title: "translation-status" },
        `${rest} more failing ${rest === 1 ? "page is" : "pages are"} not annotated (GitHub shows ${max} per step); see the report in the log or the job summary`,
      ),
    );
  }
  if (lines.length > 0) out += `${lines.join("\n")}\n`;
  return out;
}

function annotation(
  { page, verdict }: CheckedPage,
  prefix: string,
  level: AnnotationLevel,
): string {
  const title = `${page.lang} translation ${page.status}`;
  return workflowCommand(
    level,
    { file: `${prefix}${annotationPath(page.path)}`, line: page.metaLine ?? undefined, title },
    verdict.reasons.length > 1
      ? `${describePage(page)} Over the limit: ${verdict.reasons.slice(1).join("; ")}.`
      : describePage(page),
  );
}

/** One sentence about the page: status, commits behind, lines, and the English source. */
export function describePage(page: PageReport): string {
  const facts: string[] = [];
  if (page.commitsBehind !== null) {
    facts.push(
      `${page.commitsBehind} English ${page.commitsBehind === 1 ? "commit" : "commits"} behind`,
    );
  }
  const lines = linesChanged(page);
  if (lines !== null)
    facts.push(
      `${lines} ${lines === 1 ? "line" : "lines"} changed (+${page.linesAdded} -${page.linesRemoved})`,
    );
  const numbers = facts.length > 0 ? ` (${facts.join(", ")})` : "";
  switch (page.status) {
    case "moved":
      return `The English source moved from ${shownName(page.movedFrom ?? "?")} to ${shownName(page.sourcePath)}${numbers}.`;
    case "source-missing":
      if (translatesNothing(page)) {
        return `No English page ${shownName(page.sourcePath)} exists for this translation, which has no metadata.`;
      }
      return `The English source ${shownName(page.sourcePath)} was deleted${numbers}.`;
    case "unknown-commit":
      return `${unknownCommitText(page)}; English source: ${shownName(page.sourcePath)}.`;
    case "untracked":
      return `The page has no translation metadata; English source: ${shownName(page.sourcePath)}.${estimateSentence(page)}`;
    case "missing":
      return `There is no translation of ${shownName(page.sourcePath)}.`;
    default:
      return `The translation is ${page.status}${numbers}; English source: ${shownName(page.sourcePath)}.`;
  }
}

/** An untracked page's estimate, said to be one. */
function estimateSentence(page: PageReport): string {
  const est = page.estimate;
  if (!est) return "";
  const facts: string[] = [];
  if (est.commitsBehind !== null) {
    facts.push(
      `~${est.commitsBehind} English ${est.commitsBehind === 1 ? "commit" : "commits"} behind`,
    );
  }
  const lines = linesChanged(est);
  if (lines !== null) facts.push(`~${lines} ${lines === 1 ? "line" : "lines"} changed`);
  const numbers = facts.length > 0 ? `: ${facts.join(", ")}` : "";
  return ` Estimated from ${est.rawCommit.slice(0, 12)}, the ${est.basis}${numbers}.`;
}
