// The scan command: run the scan, print the chosen format.
import type { ExitCode } from "../errors.js";
import { AppError } from "../errors.js";
import { renderJson } from "../report/json.js";
import { renderTable } from "../report/table.js";
import { scan } from "../scan/scan.js";
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
