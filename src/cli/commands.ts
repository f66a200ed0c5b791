// The scan command: run the scan, print the chosen format.
import type { ExitCode } from "../errors.js";
import { AppError } from "../errors.js";
import { renderJson } from "../report/json.js";
import { renderTable } from "../report/table.js";
import { scan } from "../scan/scan.js";
import { visible } from "../sanitize/terminal.js";
import { stampPages, today } from "../stamp/stamp-pages.js";
import type { CliOptions } from "./args.js";

export async function runScan(opts: CliOptions, color: boolean): Promise<ExitCode> {
  const format = opts.format ?? "table";
  if (format !== "table" && format !== "json") {
    throw new AppError(2, `scan prints table or json; --format ${format} belongs to check`);
  }
  const { result } = await scan({ repo: opts.repo, source: opts.source, content: opts.content, langs: opts.langs });
  process.stdout.write(format === "json" ? renderJson(result) : renderTable(result, color));
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
  });
  let failed = 0;
  for (const o of outcomes) {
    if (o.error === null) process.stdout.write(`stamped ${visible(o.path)} at ${commit.slice(0, 12)}\n`);
    else {
      failed += 1;
      process.stderr.write(`translation-status: ${visible(o.path)}: ${visible(o.error)}\n`);
    }
  }
  return failed > 0 ? 2 : 0;
}
