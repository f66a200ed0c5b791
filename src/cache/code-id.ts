// A name for the tool's code as it is installed, with the packages it loads: what a page reads
// as and what a report says are decided by both, so what one build kept must not answer for
// another. Made from where each of the tool's module files, its dependencies' manifests and
// npm's record of the installed tree (node_modules/.package-lock.json) is, with its inode, size,
// and modification and change times: a build or an install writes the files anew, and even an
// install that sets every modification time to one date (npm's packages, Nix) cannot set the
// change time back. Reading their contents instead took a tenth of a run answered from the
// cache. A dependency's code edited in place, without an install, is not seen.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

let known: string | null | undefined;

/** The name of the code of this process's tool; null when its files cannot be read. */
export function codeId(): string | null {
  if (known !== undefined) return known;
  const self = fileURLToPath(import.meta.url);
  // Run from its TypeScript sources (the tests), the tool has no build to name.
  if (!self.endsWith(".js")) {
    known = null;
    return known;
  }
  try {
    // This code is in a module below <package>/dist/src: tsc's cache/code-id.js, or a chunk of
    // the command line's bundle in cli/ (scripts/bundle-cli.ts). Whichever, the modules are
    // all of dist/src.
    const top = modulesFolder(self);
    if (top === null) {
      known = null;
      return known;
    }
    const pkg = path.resolve(top, "../..");
    const hash = createHash("sha256");
    const add = (file: string) => {
      const info = statSync(file);
      hash.update(`${file}\0${info.ino}\0${info.size}\0${info.mtimeMs}\0${info.ctimeMs}\n`);
    };
    for (const file of modules(top).sort()) add(file);
    const manifest = path.join(pkg, "package.json");
    add(manifest);
    const { dependencies = {} } = JSON.parse(readFileSync(manifest, "utf8")) as {
      dependencies?: Record<string, string>;
    };
    const trees = new Set<string>();
    for (const dep of Object.keys(dependencies).sort()) {
      const found = dependencyManifest(pkg, dep);
      if (found) {
        add(found);
        trees.add(path.join(path.dirname(path.dirname(found)), ".package-lock.json"));
      } else hash.update(`${dep}\0missing\n`);
    }
    // npm rewrites its record of a tree whenever it installs or updates any package there, a
    // dependency's own dependencies too.
    for (const record of [...trees].sort()) {
      if (statSync(record, { throwIfNoEntry: false })) add(record);
    }
    known = hash.digest("hex");
  } catch {
    known = null;
  }
  return known;
}

/** The dist/src folder `file` is below, or null when it is below none. */
function modulesFolder(file: string): string | null {
  for (let dir = path.dirname(file); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    if (path.basename(dir) === "src" && path.basename(path.dirname(dir)) === "dist") return dir;
  }
  return null;
}

/** The module files below `dir`. A walk of its own: readdirSync's `recursive` took several
 * times as long. */
function modules(dir: string, into: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) modules(file, into);
    else if (e.name.endsWith(".js")) into.push(file);
  }
  return into;
}

/** Where Node finds package `dep` for the package at `pkg`: node_modules folders upward. */
function dependencyManifest(pkg: string, dep: string): string | null {
  for (let dir = pkg; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", dep, "package.json");
    if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}
