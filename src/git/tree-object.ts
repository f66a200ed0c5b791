// Writes a git tree object straight into a scratch object folder. The line counter needs two
// throwaway trees per run; `git mktree` would cost a process and a round trip through the event
// loop, on the scan's last stretch, for a format this small: "tree <size>\0" then, sorted by
// name, "<mode> <name>\0<binary object name>" per entry, zlib-compressed under its own hash.
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { deflateSync } from "node:zlib";

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
  const parts: Buffer[] = [];
  for (let i = 0; i < names.length; i++) {
    parts.push(
      Buffer.from(`100644 ${names[i]}\0`, "latin1"),
      Buffer.from(oids[i] as string, "hex"),
    );
  }
  const body = Buffer.concat(parts);
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
