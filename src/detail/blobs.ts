// Reads versions of the English source for the dashboard, in one git process per batch.
import { lookupObjects, readBlobs } from "../git/objects.js";
import type { Repo } from "../git/run.js";
import type { BlobText } from "./types.js";

/** Blobs larger than this are not diffed in the terminal (the compare link still works). */
export const MAX_BLOB_BYTES = 4 * 1024 * 1024;

export type ReadTexts = (oids: readonly string[]) => Promise<Map<string, BlobText>>;

/** Decodes blob bytes the way `git diff` decides what is text: a NUL early on means binary. */
export function blobText(content: Buffer | null): BlobText {
  if (content === null) return { kind: "unreadable" };
  if (content.length > MAX_BLOB_BYTES) return { kind: "too-large", size: content.length };
  if (content.subarray(0, 8000).includes(0)) return { kind: "binary" };
  return { kind: "text", text: new TextDecoder("utf-8").decode(content) };
}

/** Reads blobs from the repository: sizes first (one process), then the small ones (one more). */
export function gitBlobReader(repo: Repo): ReadTexts {
  return async (oids) => {
    const out = new Map<string, BlobText>();
    const unique = [...new Set(oids)];
    const sizes = await lookupObjects(repo, unique);
    const wanted: string[] = [];
    unique.forEach((oid, i) => {
      const l = sizes[i];
      if (!l || "missing" in l || l.type !== "blob") out.set(oid, { kind: "unreadable" });
      else if (l.size > MAX_BLOB_BYTES) out.set(oid, { kind: "too-large", size: l.size });
      else wanted.push(oid);
    });
    await readBlobs(repo, wanted, (oid, content) => {
      out.set(oid, blobText(content));
    });
    for (const oid of wanted) if (!out.has(oid)) out.set(oid, { kind: "unreadable" });
    return out;
  };
}
