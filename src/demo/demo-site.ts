// The demo site `npm start` runs on: built from fixtures/site.json into .demo/ once, and again
// only when the fixture or the builder changed, so a page marked updated there stays marked.
// Its last commit adds a real Hugo site around the pages (fixtures/hugo-site/: config, layouts
// and the banner partial that reads `report --format hugo-data`), so `npm run demo:site` can
// build it.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSite, loadSpec } from "./build-site.js";
import type { SiteSpec } from "./site-spec.js";

/** Kept inside the demo's .git, where it is no page and no change git reports. */
const MARK = "translation-status-demo";

/** Builds `<root>/.demo` unless it was built from these fixtures by this builder; says which. */
export function ensureDemo(root: string): "built" | "kept" {
  const fixture = path.join(root, "fixtures", "site.json");
  const dir = path.join(root, ".demo");
  const hugoFiles = filesUnder(path.join(root, "fixtures", "hugo-site"));
  // The builder's own code counts too (built as .js; run from source in the tests as .ts).
  const built = fileURLToPath(new URL("./build-site.js", import.meta.url));
  const builder = readFileSync(existsSync(built) ? built : built.replace(/\.js$/, ".ts"));
  const hash = createHash("sha256").update(readFileSync(fixture)).update(builder);
  for (const [name, text] of Object.entries(hugoFiles)) hash.update(`\0${name}\0${text}`);
  const digest = hash.digest("hex");
  const mark = path.join(dir, ".git", MARK);
  if (existsSync(mark) && readFileSync(mark, "utf8") === digest) return "kept";
  const spec: SiteSpec = loadSpec(fixture);
  spec.steps.push({ commit: "Build the pages as a Hugo site", write: hugoFiles });
  buildSite(spec, dir);
  writeFileSync(mark, digest);
  return "built";
}

/** Every file below `dir` by its path relative to it, in a fixed order. */
function filesUnder(dir: string, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = readdirSync(path.join(dir, prefix), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(out, filesUnder(dir, rel));
    else if (entry.isFile()) out[rel] = readFileSync(path.join(dir, rel), "utf8");
  }
  return out;
}
