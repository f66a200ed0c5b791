// A name for the tool's code as it is installed: a report kept by one build must not answer for
// another, whose report may differ. Made from each module file's path, size and modification
// time, which every build and every install changes; reading the files' contents would cost more
// than the cache saves on a small site.
import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

let known: string | null | undefined;

/** The name of the code of this process's tool; null when its files cannot be listed. */
export function codeId(): string | null {
  if (known !== undefined) return known;
  const self = fileURLToPath(import.meta.url);
  // Run from its TypeScript sources (the tests), the tool has no build to name.
  if (!self.endsWith(".js")) {
    known = null;
    return known;
  }
  try {
    // This file is <tool>/cache/code-id.js: the tool is the folder above.
    const top = path.dirname(path.dirname(self));
    const hash = createHash("sha256");
    for (const name of readdirSync(top, { recursive: true, encoding: "utf8" }).sort()) {
      if (!name.endsWith(".js")) continue;
      const info = statSync(path.join(top, name));
      hash.update(`${name}\0${info.size}\0${info.mtimeMs}\n`);
    }
    known = hash.digest("hex");
  } catch {
    known = null;
  }
  return known;
}
