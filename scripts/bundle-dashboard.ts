// Build step (`npm run build`, after tsc): the dashboard as one file in React's production mode.
// Loading Ink and React as published costs about a second of CPU at every start: 500-odd module
// files (400 of them one es-toolkit barrel, for Ink's `throttle`) and React's development builds,
// which Node picks when NODE_ENV is unset, as it is for users. The bundle replaces what tsc wrote
// for src/ui/run.ts, so main.ts imports it under the same name; a tree built by tsc alone still
// works, only slower. The tests import the sources and never see the bundle.
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Ink connects to React DevTools when DEV=true, importing react-devtools-core (not a dependency)
 * and reading its own package.json next to the module, which in a bundle is not there. The
 * shipped dashboard never does: DEV is a common name for a variable meant for something else.
 */
const noDevtools: Plugin = {
  name: "no-devtools",
  setup(b) {
    b.onLoad({ filter: /[\\/]ink[\\/]build[\\/]utils\.js$/ }, () => ({
      contents: "export const isDev = () => false;",
      loader: "js",
    }));
    b.onResolve({ filter: /^\.\/devtools\.js$/ }, () => ({ path: "devtools", namespace: "none" }));
    b.onLoad({ filter: /.*/, namespace: "none" }, () => ({ contents: "", loader: "js" }));
  },
};

const outfile = path.join(root, "dist/src/ui/run.js");
await build({
  entryPoints: [path.join(root, "src/ui/run.ts")],
  outfile,
  allowOverwrite: true,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // React's production builds, chosen when the bundle is made rather than by the user's
  // environment. What the bundle shares with the rest of the tool (the scan's data, the detail
  // loader) reaches it as values passed in, so a second copy of a module never matters.
  define: { "process.env.NODE_ENV": '"production"' },
  // CommonJS packages inside (React, the reconciler) require Node's own modules.
  banner: {
    js: 'import { createRequire as __tsCreateRequire } from "node:module"; const require = __tsCreateRequire(import.meta.url);',
  },
  plugins: [noDevtools],
  legalComments: "none",
  logLevel: "warning",
});
// tsc's source map described the file it wrote, not the bundle.
rmSync(`${outfile}.map`, { force: true });
