// Writes a git tree object straight into a scratch object folder. The line counter needs two
// throwaway trees per run; `git mktree` would cost a process and a round trip through the event
// loop, on the scan's last stretch, for a format this small: "tree <size>\0" then, sorted by
// name, "<mode> <name>\0<binary object name>" per entry, zlib-compressed under its own hash.
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { deflateSync } from "node:zlib";

const MODE = "100644 ";

/**
 * Writes a tree of regular files (mode 100644) and returns its object name. `names` must be
 * sorted as git sorts them (byte order, which fixed-width digits have) and `oids` full object
 * names of the repository's hash, whose hex length (40 for SHA-1, 64 for SHA-256) is `hexLength`.
 */
export function writeBlobTree(
  objectsDir: string,
  names: readonly string[],
  oids: readonly string[],
  hexLength: number,
): string {
  // One buffer, written in place: a Buffer per entry field was most of this function's time.
  const rawLength = hexLength / 2;
  let size = 0;
  for (const name of names) size += MODE.length + name.length + 1 + rawLength;
  const body = Buffer.allocUnsafe(size);
  let at = 0;
  for (let i = 0; i < names.length; i++) {
    at += body.write(MODE, at, "latin1");
    at += body.write(names[i] as string, at, "latin1");
    body[at++] = 0;
    if (body.write(oids[i] as string, at, "hex") !== rawLength) {
      throw new Error("internal: object name of the wrong length");
    }
    at += rawLength;
  }
  const header = Buffer.from(`tree ${body.length}\0`, "latin1");
  const algorithm = hexLength === 64 ? "sha256" : "sha1";
  const oid = createHash(algorithm).update(header).update(body).digest("hex");
  const dir = path.join(objectsDir, oid.slice(0, 2));
  mkdirSync(dir, { recursive: true });
  // Level 1: git reads any level, and these objects are deleted when the scan ends.
  writeFileSync(
    path.join(dir, oid.slice(2)),
    deflateSync(Buffer.concat([header, body]), { level: 1 }),
  );
  return oid;
}
