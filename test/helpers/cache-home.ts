// Every test run keeps its cache in a folder of its own, never in the user's home: the CLI
// caches by default, and tests that spawn it inherit this environment.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export default function setup(): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), "translation-status-test-cache-"));
  process.env.XDG_CACHE_HOME = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
