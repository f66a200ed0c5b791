// Writing reports to stdout: in blocks, and quietly done when the reader has gone away.
import { AppError } from "../errors.js";

/** Pieces are gathered into blocks of this size before they are written. */
const BLOCK = 65536;

/**
 * Writes pieces of output in blocks of at least 64 KiB, each once the last has gone out. A
 * reader that stops early (`| head`) ends the output quietly: there is no one left to tell.
 * Any other failure is one error line. The small pieces are copied into one block buffer, used
 * again for every block (each write has finished before the next copy): a new buffer per block
 * would leave a report's size in garbage outside the heap, which the collector frees late.
 */
export async function writeChunks(chunks: Iterable<string | Uint8Array>): Promise<void> {
  // A failed write is reported to its callback and also emitted as 'error', which would end the
  // process uncaught: the callback is where it is handled.
  if (process.stdout.listenerCount("error") === 0) process.stdout.on("error", () => {});
  const block = Buffer.allocUnsafe(BLOCK);
  let size = 0;
  const write = async (bytes: Uint8Array): Promise<boolean> => {
    const err = await writeOut(bytes);
    if (err === null) return true;
    if (err.code === "EPIPE") return false;
    throw new AppError(2, `could not write the report${err.code ? ` (${err.code})` : ""}`);
  };
  const flush = async (): Promise<boolean> => {
    const full = size;
    size = 0;
    return write(block.subarray(0, full));
  };
  for (const chunk of chunks) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    if (size + bytes.length <= BLOCK) {
      block.set(bytes, size);
      size += bytes.length;
      if (size === BLOCK && !(await flush())) return;
      continue;
    }
    // A piece that does not fit goes out on its own, after what came before it.
    if (size > 0 && !(await flush())) return;
    if (bytes.length >= BLOCK) {
      if (!(await write(bytes))) return;
    } else {
      block.set(bytes, 0);
      size = bytes.length;
    }
  }
  if (size > 0) await flush();
}

function writeOut(bytes: Uint8Array): Promise<NodeJS.ErrnoException | null> {
  return new Promise((resolve) => {
    process.stdout.write(bytes, (err) => resolve(err ?? null));
  });
}
