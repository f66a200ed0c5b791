// Build step (`npm run build`, after tsc): the command line as one entry file and a few chunks
// for what it loads on demand. As tsc writes it, the tool is some 150 module files, and Node's
// loader resolves, reads and links each one at every start: about a tenth of a second before a
// scan can begin, which is most of the time a run answered from the cache takes. The bundle
// replaces what tsc wrote for src/cli/main.ts (the `bin`); the packages stay outside it, loaded
// from node_modules as before, and so does the dashboard's own bundle (bundle-dashboard.ts).
// The tests import the sources and run this bundle.
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const outdir = path.join(root, "dist/src/cli");

// Chunks of an earlier build would stay beside the new ones, unused.
for (const name of readdirSync(outdir)) {
  if (name.startsWith("chunk-")) rmSync(path.join(outdir, name));
}
await build({
  entryPoints: { main: path.join(root, "src/cli/main.ts") },
  outdir,
  // Chunks sit beside main.js, so a module that finds the tool's files from its own place
  // (cache/code-id.ts, the package.json read for --version) finds them as under tsc's layout.
  chunkNames: "chunk-[hash]",
  allowOverwrite: true,
  bundle: true,
  splitting: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  external: ["../ui/run.js"],
  legalComments: "none",
  logLevel: "warning",
});
// tsc's source map described the file it wrote, not the bundle.
rmSync(path.join(outdir, "main.js.map"), { force: true });
