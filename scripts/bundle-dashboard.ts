// Build step (`npm run build`, after tsc): the dashboard as one file in React's production mode.
// Loading Ink and React as published costs about a second of CPU at every start: 500-odd module
// files (400 of them one es-toolkit barrel, for Ink's `throttle`) and React's development builds,
// which Node picks when NODE_ENV is unset, as it is for users. The bundle replaces what tsc wrote
// for src/ui/run.ts, so main.ts imports it under the same name; a tree built by tsc alone still
// works, only slower. The tests import the sources and never see the bundle.
import { readFileSync, rmSync } from "node:fs";
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

/**
 * Yoga's loader (Emscripten's) reads its WebAssembly, which is inline as a data: URL, with
 * `fetch` wherever `fetch` exists, as it does in Node: that loads Node's whole HTTP client
 * (undici) to decode a string, about 30 ms of CPU at every start, taken from the scan running
 * beside it. Where `fetch` is not a function the loader decodes the same bytes itself; so the
 * module runs inside a function whose `fetch` is undefined, and only it.
 */
const YOGA_EXPORT = "export default loadYoga;";
const yogaWithoutFetch: Plugin = {
  name: "yoga-without-fetch",
  setup(b) {
    b.onLoad({ filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/][^\\/]+\.js$/ }, (args) => {
      const text = readFileSync(args.path, "utf8");
      // A Yoga whose loader is shaped otherwise fails the build rather than fetching again.
      if (!text.trimEnd().endsWith(YOGA_EXPORT)) {
        throw new Error(`${args.path} no longer ends with \`${YOGA_EXPORT}\``);
      }
      const body = text.trimEnd().slice(0, -YOGA_EXPORT.length);
      return {
        contents: `export default ((fetch) => {\n${body}\nreturn loadYoga;\n})(undefined);\n`,
        loader: "js",
      };
    });
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
  plugins: [noDevtools, yogaWithoutFetch],
  legalComments: "none",
  logLevel: "warning",
});
// tsc's source map described the file it wrote, not the bundle.
rmSync(`${outfile}.map`, { force: true });
