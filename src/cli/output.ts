// Writing reports to stdout: in blocks, and quietly done when the reader has gone away.
import { AppError } from "../errors.js";

/**
 * Writes pieces of output in blocks of at least 64 KiB, each once the last has gone out. A
 * reader that stops early (`| head`) ends the output quietly: there is no one left to tell.
 * Any other failure is one error line.
 */
export async function writeChunks(chunks: Iterable<string | Uint8Array>): Promise<void> {
  // A failed write is reported to its callback and also emitted as 'error', which would end the
  // process uncaught: the callback is where it is handled.
  if (process.stdout.listenerCount("error") === 0) process.stdout.on("error", () => {});
  let block: Uint8Array[] = [];
  let size = 0;
  const flush = async (): Promise<boolean> => {
    const err = await writeOut(Buffer.concat(block, size));
    block = [];
    size = 0;
    if (err === null) return true;
    if (err.code === "EPIPE") return false;
    throw new AppError(2, `could not write the report${err.code ? ` (${err.code})` : ""}`);
  };
  for (const chunk of chunks) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    block.push(bytes);
    size += bytes.length;
    if (size >= 65536 && !(await flush())) return;
  }
  if (size > 0) await flush();
}

function writeOut(bytes: Buffer): Promise<NodeJS.ErrnoException | null> {
  return new Promise((resolve) => {
    process.stdout.write(bytes, (err) => resolve(err ?? null));
  });
}
