// A report held until it is whole, so a scan that fails leaves no partial report on stdout: in
// memory while it is small, in a private temporary file once it is large. A 12,000-page site's
// JSON is 18 MB, and held in memory it was about a tenth of the scan's peak memory.
import { closeSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { privateFolder } from "../site/scratch.js";

/** Bytes held in memory before the rest goes to the file. */
const IN_MEMORY = 4 * 1024 * 1024;
/** What is read back from the file at a time. */
const READ_BACK = 1024 * 1024;

export class ReportSpool {
  private readonly pieces: Uint8Array[] = [];
  private held = 0;
  private file: { dir: string; fd: number } | null = null;
  private written = 0;

  add(piece: string | Uint8Array): void {
    const bytes = typeof piece === "string" ? Buffer.from(piece, "utf8") : piece;
    if (this.file === null && this.held + bytes.length > IN_MEMORY) this.spill();
    if (this.file === null) {
      this.pieces.push(bytes);
      this.held += bytes.length;
      return;
    }
    writeAll(this.file.fd, bytes);
    this.written += bytes.length;
  }

  /**
   * The report, in order. What comes from the file is read into one buffer used again for each
   * piece, unless `keep` asks for buffers of their own: a reader must be done with a piece
   * before it asks for the next (as writeChunks is), or keep them.
   */
  *chunks(keep = false): Generator<Uint8Array> {
    yield* this.pieces;
    if (this.file === null) return;
    const shared = keep ? null : Buffer.allocUnsafe(Math.min(READ_BACK, this.written));
    for (let at = 0; at < this.written; ) {
      const size = Math.min(READ_BACK, this.written - at);
      const buf = shared ? shared.subarray(0, size) : Buffer.allocUnsafe(size);
      let got = 0;
      while (got < buf.length) {
        const n = readSync(this.file.fd, buf, got, buf.length - got, at + got);
        if (n === 0) throw new Error("the report's temporary file was cut short");
        got += n;
      }
      at += got;
      yield buf;
    }
  }

  /** Removes the temporary file, if there is one. */
  close(): void {
    if (this.file === null) return;
    closeSync(this.file.fd);
    rmSync(this.file.dir, { recursive: true, force: true });
    this.file = null;
  }

  /** Moves what is held to a file in a folder of this process's own (made readable by its
   * owner only); where none can be made, the report stays in memory. */
  private spill(): void {
    let dir: string;
    try {
      dir = privateFolder();
    } catch {
      return;
    }
    try {
      const fd = openSync(path.join(dir, "report"), "wx+", 0o600);
      this.file = { dir, fd };
    } catch {
      rmSync(dir, { recursive: true, force: true });
      return;
    }
    for (const piece of this.pieces) {
      writeAll(this.file.fd, piece);
      this.written += piece.length;
    }
    this.pieces.length = 0;
    this.held = 0;
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
}
