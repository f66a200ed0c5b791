// The report held until it is whole (cli/spool.ts): the same bytes come back, in order, whether
// they stayed in memory or went to the temporary file, and the file leaves with the spool.
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReportSpool } from "../../src/cli/spool.js";

/** Folders named as the spool names its own (mkdtemp adds six characters). */
const ours = () => readdirSync(os.tmpdir()).filter((n) => /^translation-status-\w{6}$/.test(n));

function fill(spool: ReportSpool, pieces: number, size: number): Buffer {
  const all: Buffer[] = [];
  for (let i = 0; i < pieces; i++) {
    const piece = Buffer.alloc(size, 97 + (i % 26));
    all.push(piece);
    spool.add(i % 2 === 0 ? piece : piece.toString("latin1"));
  }
  return Buffer.concat(all);
}

describe("ReportSpool", () => {
  // A temporary folder of this file's own: other test files run the CLI meanwhile, whose spools
  // would otherwise come and go in the folder these tests count.
  const shared = process.env.TMPDIR;
  let own = "";
  beforeAll(() => {
    own = mkdtempSync(path.join(os.tmpdir(), "spool-test-"));
    process.env.TMPDIR = own;
  });
  afterAll(() => {
    if (shared === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = shared;
    rmSync(own, { recursive: true, force: true });
  });

  it("gives a small report back from memory", () => {
    const spool = new ReportSpool();
    const before = ours();
    const whole = fill(spool, 10, 1000);
    expect(ours()).toEqual(before);
    expect(Buffer.concat([...spool.chunks()]).equals(whole)).toBe(true);
    spool.close();
  });

  it("gives a large report back from its file, and removes the file", () => {
    const spool = new ReportSpool();
    const before = new Set(ours());
    const whole = fill(spool, 200, 60_000);
    const made = ours().filter((n) => !before.has(n));
    expect(made).toHaveLength(1);
    // Read piece by piece, as writeChunks does, the shared buffer is filled anew each time.
    const copies: Buffer[] = [];
    for (const piece of spool.chunks()) copies.push(Buffer.from(piece));
    expect(Buffer.concat(copies).equals(whole)).toBe(true);
    // Kept whole, every piece has a buffer of its own.
    expect(Buffer.concat([...spool.chunks(true)]).equals(whole)).toBe(true);
    spool.close();
    expect(existsSync(`${os.tmpdir()}/${made[0]}`)).toBe(false);
  });
});
