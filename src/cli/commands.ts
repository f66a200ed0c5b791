// The scan command: run the scan, print the chosen format.

import type { ExitCode } from "../errors.js";
import { jsonChunksWhenReady } from "../report/json.js";
import { renderTable } from "../report/table.js";
import { inertLine } from "../sanitize/github.js";
import { scan, scanInStages } from "../scan/scan.js";
import type { ScanStart } from "../scan/start.js";
import { stampPages, today } from "../stamp/stamp-pages.js";
import type { CliOptions, ScanFormat } from "./args.js";
import { writeChunks } from "./output.js";

/** `format` is checkScanOptions' answer: the options were checked before git started. */
export async function runScan(
  opts: CliOptions,
  format: ScanFormat,
  color: boolean,
  start: Promise<ScanStart>,
): Promise<ExitCode> {
  const options = {
    repo: opts.repo,
    source: opts.source,
    content: opts.content,
    langs: opts.langs,
    exclude: opts.exclude,
    ignoreRevsFile: opts.ignoreRevsFile,
  };
  if (format === "table") {
    const { result } = await scan(options, start);
    await writeChunks([renderTable(result, color)]);
    return 0;
  }
  // The JSON is made a stretch of pages at a time as git's line counts come in, instead of all
  // after the last one; it is written only once whole, so a failure leaves no partial report.
  const staged = await scanInStages(options, start);
  const pieces: Array<string | Uint8Array> = [];
  for await (const piece of jsonChunksWhenReady(staged.output.result, staged.linesUpTo)) {
    pieces.push(piece);
  }
  await writeChunks(pieces);
  return 0;
}

export async function runStamp(opts: CliOptions): Promise<ExitCode> {
  const { commit, outcomes } = await stampPages({
    repo: opts.repo,
    content: opts.content,
    source: opts.source,
    pages: opts.pages,
    commit: opts.commit,
    date: today(),
    force: opts.force,
  });
  let failed = 0;
  for (const o of outcomes) {
    if (o.error === null)
      process.stdout.write(`stamped ${inertLine(o.path)} at ${commit.slice(0, 12)}\n`);
    else {
      failed += 1;
      process.stderr.write(`translation-status: ${inertLine(o.path)}: ${inertLine(o.error)}\n`);
    }
  }
  return failed > 0 ? 2 : 0;
}
