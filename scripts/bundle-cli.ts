// Build step (`npm run build`, after tsc and the dashboard's bundle): the command line as a few
// files instead of 130-odd. Node resolves, reads and links every module file on its own, and a
// run pays that before its first git process starts: on a small site it was about a sixth of
// the whole run. esbuild writes the entry point where tsc wrote main.js, and the code that only
// some commands load (stamp, lint, --kinds, the dashboard's data) into chunks beside it, still
// loaded only when asked for. The packages stay where npm installed them, and the dashboard stays its
// own bundle (scripts/bundle-dashboard.ts), loaded by the same name as before. A tree built by
// tsc alone runs the same code unbundled; the tests import the sources.
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const source = path.join(root, "src/cli");
const outdir = path.join(root, "dist/src/cli");

/** The dashboard's bundle, which main.ts imports as "../ui/run.js": that name is kept, and
 * still names it from the folder the entry point and its chunks are written to. */
const DASHBOARD = "../ui/run.js";
const dashboardApart: Plugin = {
  name: "dashboard-apart",
  setup(b) {
    b.onResolve({ filter: /[\\/]ui[\\/]run\.js$/ }, (args) => {
      if (args.importer !== path.join(source, "main.ts") || args.path !== DASHBOARD) {
        throw new Error(`${args.importer} imports the dashboard as ${args.path}`);
      }
      return { path: DASHBOARD, external: true };
    });
  },
};

// The folder holds the bundle alone: tsc's files there are what the bundle replaces (nothing
// else imports them), and an earlier bundle's chunks would linger under other names. So the
// package ships the bundle and not a second copy of the tool (see "files" in package.json).
rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: [path.join(source, "main.ts")],
  outdir,
  bundle: true,
  splitting: true,
  chunkNames: "[name]-[hash]",
  entryNames: "[name]",
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  plugins: [dashboardApart],
  legalComments: "none",
  logLevel: "warning",
});
