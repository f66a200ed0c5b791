// A temporary folder of this process's own, for files no one else may read or replace: mkdtemp
// makes it new, with a name no other process has, readable by its owner only.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { TOOL_FOLDER } from "../options/tool-folder.js";

/** A new private temporary folder; throws what the file system said. The caller removes it. */
export function privateFolder(): string {
  return mkdtempSync(path.join(os.tmpdir(), `${TOOL_FOLDER}-`));
}
