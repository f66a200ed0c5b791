// The scan command: run the scan, print the chosen format.

import { failOnUnmatched, selectPages, selectsAll } from "../core/select.js";
import type { Status } from "../core/types.js";
import type { ExitCode } from "../errors.js";
import { lint } from "../lint/lint.js";
import { jsonChunksWhenReady } from "../report/json.js";
import { lintExit, renderLintGithub, renderLintJson, renderLintTable } from "../report/lint.js";
import { listingOf, renderTable } from "../report/table.js";
import { groupWarnings, warningText } from "../report/warnings.js";
import { inertLine } from "../sanitize/github.js";
import { shownName } from "../sanitize/terminal.js";
import { type StagedScan, scan, scanInStages } from "../scan/scan.js";
import type { ScanStart } from "../scan/start.js";
import { type PageEstimate, stampPages } from "../stamp/stamp-pages.js";
import type { CliOptions, LintFormat, ScanFormat } from "./args.js";
import { pageDiffs } from "./diffs.js";
import type { KeptReport } from "./kept-report.js";
import { scanScope } from "./load-options.js";
import { writeChunks } from "./output.js";
import { ReportSpool } from "./spool.js";
import { workspacePrefix } from "./workspace.js";

/**
 * `format` is formatOf's answer: the options were checked before git started. `kept` is
 * where a JSON report is kept for the next run with the same inputs (see cli/kept-report.ts).
 */
export async function runScan(
  opts: CliOptions,
  format: ScanFormat,
  color: boolean,
  start: Promise<ScanStart>,
  kept: KeptReport | null = null,
): Promise<ExitCode> {
  const options = scanScope(opts);
  if (format === "table") {
    const out = await scan(options, start);
    failOnUnmatched(out.result, opts.selection.paths);
    const listed = selectPages(out.result, opts.selection);
    const diffs = opts.diff
      ? await pageDiffs(out.sourceRepo, out.result, out.details, listed, color)
      : "";
    await writeChunks([renderTable(listed, color, listingOf(opts.show, opts.selection)), diffs]);
    return 0;
  }
  const staged = await scanInStages(options, start);
  const spool = new ReportSpool();
  try {
    await spoolJson(staged, opts, spool);
    await writeChunks(spool.chunks());
    if (staged.alsoFrom) {
      const { output, follows } = staged;
      await kept?.keep([...spool.chunks(true)], {
        until: staged.holdsUntil,
        raws: staged.alsoFrom,
        listing: staged.listing,
        ...(follows
          ? { pages: { reports: output.result.pages, details: output.details, follows } }
          : {}),
      });
    }
  } finally {
    spool.close();
  }
  return 0;
}

/** The JSON report of a staged scan into `spool`: written only once whole, so a failure leaves
 * no partial report. */
async function spoolJson(staged: StagedScan, opts: CliOptions, spool: ReportSpool): Promise<void> {
  if (!selectsAll(opts.selection)) {
    // Narrowed, the report is made once every count is in (the streaming below follows the
    // whole scan's order).
    const { result } = staged.output;
    await staged.linesUpTo(result.pages.length);
    failOnUnmatched(result, opts.selection.paths);
    const selected = selectPages(result, opts.selection);
    for await (const piece of jsonChunksWhenReady(selected, () => Promise.resolve())) {
      spool.add(piece);
    }
    return;
  }
  // The JSON is made a stretch of pages at a time as git's line counts come in, instead of all
  // after the last one.
  for await (const piece of jsonChunksWhenReady(staged.output.result, staged.linesUpTo)) {
    spool.add(piece);
  }
}

/**
 * Each untracked page's estimated English commit, from a scan: what `stamp --init` records when
 * no --commit is given. The scan covers the languages of the pages named (with those the config
 * or --lang names, which a layout may need to tell its folders apart) and leaves nothing out by
 * `exclude`: a page named is estimated wherever it is, as plain stamp stamps it.
 */
async function estimatesOf(
  opts: CliOptions,
  langs: readonly string[],
): Promise<Map<string, PageEstimate>> {
  const { result, details } = await scan({
    ...scanScope(opts),
    langs: [...new Set([...opts.langs, ...langs])],
    exclude: [],
  });
  const out = new Map<string, PageEstimate>();
  for (const [i, page] of result.pages.entries()) {
    const unknown = details[i]?.estimateUnknown;
    if (page.estimate) out.set(page.path, page.estimate.rawCommit);
    else if (unknown) out.set(page.path, { unknown });
  }
  return out;
}

/**
 * The pages `stamp --unchanged` advances: those that record a raw_commit older than HEAD while
 * their English page is the same at both (up to date, only the hash lags), under the paths
 * given if any, from one scan. With `--also whitespace`, outdated pages whose English changed
 * only by those kinds too (the scan then classifies the changes).
 */
async function unchangedPages(opts: CliOptions): Promise<string[]> {
  const also = new Set(opts.also);
  const { result, details } = await scan({
    ...scanScope(opts),
    ...(also.size > 0 ? { kinds: true } : {}),
  });
  const rawOf = new Map(result.pages.map((p, i) => [p, details[i]?.rawHash ?? null]));
  const statuses: Status[] = also.size > 0 ? ["up-to-date", "outdated"] : ["up-to-date"];
  failOnUnmatched(result, opts.pages);
  const lagging = selectPages(result, { paths: opts.pages, statuses });
  return lagging.pages.flatMap((page) => {
    const raw = rawOf.get(page) ?? null;
    if (raw === null || raw === result.head) return [];
    if (page.status === "outdated" && !(page.changeKind && also.has(page.changeKind))) return [];
    return [page.path];
  });
}

export async function runStamp(opts: CliOptions): Promise<ExitCode> {
  const pages = opts.unchanged ? await unchangedPages(opts) : opts.pages;
  const { outcomes, warnings } = await stampPages({
    ...scanScope(opts),
    pages,
    commit: opts.commit,
    date: opts.date ?? null,
    force: opts.force,
    init: opts.init
      ? { metadata: opts.metadata, estimates: (langs) => estimatesOf(opts, langs) }
      : null,
    pinBranch: opts.pinBranch,
    dryRun: opts.dryRun,
  });
  for (const w of warnings) process.stderr.write(`translation-status: warning: ${inertLine(w)}\n`);
  if (opts.unchanged && pages.length === 0) {
    process.stdout.write("no page lags behind an unchanged English page\n");
  }
  let failed = 0;
  const verb = opts.dryRun ? "would stamp" : opts.init ? "tracking" : "stamped";
  for (const o of outcomes) {
    if (o.error === null) {
      process.stdout.write(
        `${verb} ${inertLine(shownName(o.path))} at ${o.commit?.slice(0, 12)}\n`,
      );
      // The diff is the page's own text: each line made inert, as in any log.
      if (o.diff) process.stdout.write(`${o.diff.split("\n").map(inertLine).join("\n")}\n`);
    } else {
      failed += 1;
      process.stderr.write(
        `translation-status: ${inertLine(shownName(o.path))}: ${inertLine(o.error)}\n`,
      );
    }
  }
  return failed > 0 ? 2 : 0;
}

/** `lint`: the findings on the pages asked for; with --fix, the repairs made and what is left. */
export async function runLint(opts: CliOptions, format: LintFormat): Promise<ExitCode> {
  const { pages, workTree, notRead, content } = await lint({
    ...scanScope(opts),
    pages: opts.pages,
    fix: opts.fix,
    dryRun: opts.dryRun,
    force: opts.force,
  });
  const text =
    format === "json"
      ? renderLintJson(pages)
      : format === "github"
        ? renderLintGithub(pages, await workspacePrefix({ workTree }, process.env))
        : renderLintTable(pages, { fix: opts.fix, dryRun: opts.dryRun });
  await writeChunks([text]);
  // A page asked for by name that was not read is not a page with nothing wrong (exit 2, as
  // stamp); one set aside in a folder asked for is a warning, as in the scan.
  const named = notRead.filter((n) => n.named);
  for (const n of named) {
    process.stderr.write(
      `translation-status: ${inertLine(shownName(n.path))}: not read (${inertLine(n.why)})\n`,
    );
  }
  const others = notRead.filter((n) => !n.named).map((n) => `${n.path}: ${n.why}`);
  for (const g of groupWarnings(others, content)) {
    process.stderr.write(`translation-status: warning: ${warningText(g, inertLine)}\n`);
  }
  return named.length > 0 ? 2 : lintExit(pages);
}
