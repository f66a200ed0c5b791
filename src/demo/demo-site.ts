// The demo site `npm start` runs on: built from fixtures/site.json into .demo/ once, and again
// only when the fixture or the builder changed, so a page marked updated there stays marked.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSite, loadSpec } from "./build-site.js";

/** Kept inside the demo's .git, where it is no page and no change git reports. */
const MARK = "translation-status-demo";

/** Builds `<root>/.demo` unless it was built from this fixture by this builder; says which. */
export function ensureDemo(root: string): "built" | "kept" {
  const fixture = path.join(root, "fixtures", "site.json");
  const dir = path.join(root, ".demo");
  // The builder's own code counts too (built as .js; run from source in the tests as .ts).
  const built = fileURLToPath(new URL("./build-site.js", import.meta.url));
  const builder = readFileSync(existsSync(built) ? built : built.replace(/\.js$/, ".ts"));
  const hash = createHash("sha256").update(readFileSync(fixture)).update(builder).digest("hex");
  const mark = path.join(dir, ".git", MARK);
  if (existsSync(mark) && readFileSync(mark, "utf8") === hash) return "kept";
  buildSite(loadSpec(fixture), dir);
  writeFileSync(mark, hash);
  return "built";
}
