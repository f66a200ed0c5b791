#!/usr/bin/env node
// Entry point: parses the command line, decides once between the interactive dashboard and a
// plain report, and is the only place that exits the process.
import { readFileSync } from "node:fs";
import { AppError, type ExitCode } from "../errors.js";
import { type FoundRepo, findRepo } from "../git/repo.js";
import { inertLine } from "../sanitize/github.js";
import { settleLater } from "../settle.js";
import type { DashboardFeed } from "../ui/run.js";
import { type CliOptions, formatOf, helpText, type ParsedCli, parseCli } from "./args.js";
import { inCi, leaveCi } from "./ci.js";
import { noColorAsked } from "./color.js";
import type { KeptReport } from "./kept-report.js";
import { loadOptions, scanScope } from "./load-options.js";

async function main(argv: readonly string[]): Promise<ExitCode> {
  // A reader that goes away (`| head`, `| true`) is not a failure of this tool: the command ends
  // as if its output had been read, with its own exit code. Anything else is one line.
  // (Report writers say so themselves; this catches the rest once the command is done.)
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code !== "EPIPE") outputFailure ??= err.code ?? "error";
  });
  const parsed = parseCli(argv);
  if (parsed.command === "help") {
    process.stdout.write(await helpText(parsed.helpTopic));
    return 0;
  }
  if (parsed.command === "version") {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  // The commands that start with a scan have git find the repository while the options and the
  // scan's code load: the first git process starts tens of milliseconds sooner. Its failure
  // waits to be reported after any in the options, as before.
  const scans = ["default", "scan", "dashboard"].includes(parsed.command);
  const found = scans ? settleLater(findRepo(parsed.repo)) : undefined;
  const opts = await loadOptions(parsed);
  switch (opts.command) {
    case "help":
    case "version":
      return 0;
    case "dashboard":
      return runDashboard(opts, found);
    case "default":
      return interactive() ? runDashboard(opts, found) : scanCommand(opts, parsed, found);
    case "scan":
      return scanCommand(opts, parsed, found);
    case "stamp": {
      const { runStamp } = await import("./commands.js");
      return runStamp(opts);
    }
    case "check": {
      const { runCheck } = await import("./check.js");
      return runCheck(opts, colorWanted(opts));
    }
    case "lint": {
      const format = formatOf("lint", parsed.format);
      const { runLint } = await import("./commands.js");
      return runLint(opts, format);
    }
    case "report": {
      const format = formatOf("report", parsed.format);
      const { runReport } = await import("./report.js");
      return runReport(opts, format);
    }
  }
}

/**
 * The plain scan. git starts on the history before the rest of the tool is loaded: loading it
 * takes longer than starting git, and one core would otherwise sit idle meanwhile.
 */
async function scanCommand(
  opts: CliOptions,
  parsed: ParsedCli,
  found?: Promise<FoundRepo>,
): Promise<ExitCode> {
  const format = formatOf("scan", parsed.format);
  const { startScan } = await import("../scan/start.js");
  const start = settleLater(startScan({ ...scanScope(opts), found }));
  // A JSON report kept for the same inputs is this scan's report: printed, the run is done.
  let kept: KeptReport | null = null;
  if (format !== "table") {
    const { printKeptScanReport } = await import("./kept-report.js");
    const looked = await printKeptScanReport(opts, format, start);
    if (looked.printed) return 0;
    kept = looked.kept;
  }
  const { runScan } = await import("./commands.js");
  return runScan(opts, format, colorWanted(opts), start, kept);
}

/** The dashboard only for a person at a terminal; CI and pipes get the plain report. */
function interactive(): boolean {
  return Boolean(process.stdout.isTTY && process.stdin.isTTY) && !inCi(process.env);
}

function colorWanted(opts: CliOptions): boolean {
  if (opts.color !== null) return opts.color;
  if (noColorAsked(process.env)) return false;
  if (process.env.FORCE_COLOR === "0") return false;
  // FORCE_COLOR asks for colour where it would not be on, e.g. into a pager or a CI log.
  if (process.env.FORCE_COLOR !== undefined) return true;
  return Boolean(process.stdout.isTTY);
}

/**
 * The dashboard. The scan starts first and the UI loads while git reads the history; the UI is
 * one production-mode file (see scripts/bundle-dashboard.ts), and is given the data, not git.
 */
async function runDashboard(opts: CliOptions, found?: Promise<FoundRepo>): Promise<ExitCode> {
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    throw new AppError(
      2,
      "the dashboard needs a terminal; use `translation-status scan` in scripts",
    );
  }
  // Ink ignores NO_COLOR; FORCE_COLOR=0 must be set before Ink (and chalk) are first loaded.
  if (!colorWanted(opts)) process.env.FORCE_COLOR = "0";
  // Someone who asks for the dashboard at a terminal gets it even where CI is set: without this
  // Ink would sit in its no-redraw CI mode and the screen would never update.
  leaveCi(process.env);
  const [{ startScan }, { writeFirstFrame, leaveFirstFrame, guardFirstFrame }] = await Promise.all([
    import("../scan/start.js"),
    import("../ui/first-frame.js"),
  ]);
  // The scan's scope and cache come from the one place every command takes them from.
  const start = settleLater(startScan({ ...scanScope(opts), found }));
  // Drawn in the same turn as the scan starts: what the scan does next (reading a large cache
  // file takes a few hundred milliseconds) would otherwise come before the first frame.
  writeFirstFrame(process.stdout, opts.repo);
  const release = guardFirstFrame(process.stdout);
  let feed: DashboardFeed;
  let app: typeof import("../ui/run.js");
  try {
    const { startDashboardData } = await import("./dashboard-data.js");
    feed = startDashboardData(opts, start);
    app = await import("../ui/run.js");
  } catch (err) {
    release();
    leaveFirstFrame(process.stdout);
    throw err;
  }
  release();
  const code = await app.runDashboardApp(opts, feed);
  // The user has left: a scan still reading (q pressed while the figures were coming) has no
  // one to show its answer to, and must not hold the process open until it is done.
  dashboardEnded = true;
  return code;
}

/** Set once the dashboard has closed; main then ends without waiting for its scan. */
let dashboardEnded = false;

function version(): string {
  const pkg = JSON.parse(
    readFileSync(new URL("../../../package.json", import.meta.url), "utf8"),
  ) as {
    version: string;
  };
  return pkg.version;
}

/** A write to stdout that failed for another reason than a reader going away. */
let outputFailure: string | null = null;

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // Writes finish after the command returns; a failure among them is one line, exit 2.
    // (The failed write's 'error' event may come after this callback, which has the error too.)
    process.stdout.write("", (err?: NodeJS.ErrnoException | null) => {
      const failure = outputFailure ?? (err && err.code !== "EPIPE" ? (err.code ?? "error") : null);
      if (failure !== null) {
        process.stderr.write(`translation-status: could not write the output (${failure})\n`);
        process.exitCode = 2;
      }
      if (dashboardEnded) process.exit();
    });
  },
  (err: unknown) => {
    if (err instanceof AppError) {
      // Messages can quote paths from the repository; `##[` would be a workflow command in a
      // GitHub Actions log wherever it appears in the line.
      process.stderr.write(`translation-status: ${inertLine(err.message)}\n`);
      process.exitCode = err.exitCode;
    } else {
      process.stderr.write(
        `translation-status: internal error: ${String((err as Error)?.stack ?? err)
          .split("\n")
          .map(inertLine)
          .join("\n")}\n`,
      );
      process.exitCode = 2;
    }
  },
);
