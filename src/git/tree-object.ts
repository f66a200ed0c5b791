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
 * ASCII, sorted as git sorts them (byte order, which fixed-width digits have), and `oids` full
 * object names of the repository's hash, whose hex length (40 for SHA-1, 64 for SHA-256) is
 * `hexLength`.
 */
export function writeBlobTree(
  objectsDir: string,
  names: readonly string[],
  oids: readonly string[],
  hexLength: number,
): string {
  // One buffer, filled byte by byte from one decoding of all the object names: a Buffer, or
  // even a Buffer.write, per entry field was most of this function's time.
  const rawLength = hexLength / 2;
  const raw = Buffer.from(oids.join(""), "hex");
  if (raw.length !== names.length * rawLength) {
    throw new Error("internal: object name of the wrong length");
  }
  let size = 0;
  for (const name of names) size += MODE.length + name.length + 1 + rawLength;
  const body = Buffer.allocUnsafe(size);
  let at = 0;
  for (let i = 0; i < names.length; i++) {
    for (let k = 0; k < MODE.length; k++) body[at++] = MODE.charCodeAt(k);
    const name = names[i] as string;
    for (let k = 0; k < name.length; k++) body[at++] = name.charCodeAt(k);
    body[at++] = 0;
    raw.copy(body, at, i * rawLength, (i + 1) * rawLength);
    at += rawLength;
  }
  const header = Buffer.from(`tree ${body.length}\0`, "latin1");
  const algorithm = hexLength === 64 ? "sha256" : "sha1";
  const oid = createHash(algorithm).update(header).update(body).digest("hex");
  const dir = path.join(objectsDir, oid.slice(0, 2));
  mkdirSync(dir, { recursive: true });
  // Stored, not compressed (level 0): git reads any zlib stream, object names do not
  // compress, and these objects are deleted when the scan ends.
  writeFileSync(
    path.join(dir, oid.slice(2)),
    deflateSync(Buffer.concat([header, body]), { level: 0 }),
  );
  return oid;
}
