// The scan command: run the scan, print the chosen format.

import { once } from "node:events";
import type { ExitCode } from "../errors.js";
import { jsonChunks } from "../report/json.js";
import { renderTable } from "../report/table.js";
import { inertLine } from "../sanitize/github.js";
import { scan } from "../scan/scan.js";
import type { ScanStart } from "../scan/start.js";
import { stampPages, today } from "../stamp/stamp-pages.js";
import type { CliOptions } from "./args.js";

/** `format` is checkScanOptions' answer: the options were checked before git started. */
export async function runScan(
  opts: CliOptions,
  format: "table" | "json",
  color: boolean,
  start: Promise<ScanStart>,
): Promise<ExitCode> {
  const { result } = await scan(
    { repo: opts.repo, source: opts.source, content: opts.content, langs: opts.langs },
    start,
  );
  if (format === "json") await writeChunks(jsonChunks(result));
  else await writeChunks([renderTable(result, color)]);
  return 0;
}

/**
 * Writes pieces of output in blocks of at least 64 KiB, waiting whenever the pipe is full. A
 * reader that stops early (`| head`) ends the output quietly: there is no one left to tell.
 */
export async function writeChunks(chunks: Iterable<string | Uint8Array>): Promise<void> {
  let closed = false;
  const onError = (err: NodeJS.ErrnoException) => {
    if (err.code !== "EPIPE") throw err;
    closed = true;
    process.stdout.emit("drain");
  };
  process.stdout.on("error", onError);
  try {
    let block: Uint8Array[] = [];
    let size = 0;
    const flush = async () => {
      const bytes = Buffer.concat(block, size);
      block = [];
      size = 0;
      if (!process.stdout.write(bytes)) await once(process.stdout, "drain");
    };
    for (const chunk of chunks) {
      if (closed) return;
      const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
      block.push(bytes);
      size += bytes.length;
      if (size >= 65536) await flush();
    }
    if (size > 0 && !closed) await flush();
  } finally {
    process.stdout.off("error", onError);
    if (!closed) process.stdout.on("error", () => {});
  }
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
    if (o.error === null)
      process.stdout.write(`stamped ${inertLine(o.path)} at ${commit.slice(0, 12)}\n`);
    else {
      failed += 1;
      process.stderr.write(`translation-status: ${inertLine(o.path)}: ${inertLine(o.error)}\n`);
    }
  }
  return failed > 0 ? 2 : 0;
}
