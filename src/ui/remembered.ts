// What the dashboard remembers between runs, per repository: the language, the order, the
// filters and the page under the cursor. It lives outside the repository, in the user's state
// folder ($XDG_STATE_HOME/translation-status, else ~/.local/state/translation-status), one small
// JSON file per repository named by a hash of the repository's real path. It is read as data and
// checked field by field; a file that is not what this module writes is ignored.
import { createHash } from "node:crypto";
import { readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { TOOL_FOLDER } from "../options/tool-folder.js";
import { writeFileAtomically } from "../site/atomic.js";
import { makeFolders } from "../site/make-folders.js";
import { FILTER_KEYS, KIND_FILTERS, type ListSettings, SORT_KEYS } from "./rows.js";

export interface RememberedView extends ListSettings {
  lang: string;
  /** The page under the cursor (its path as the reports print it), null when none. */
  page: string | null;
}

/** Larger files are not this module's. */
const MAX_BYTES = 64 * 1024;
const MAX_TEXT = 4096;

/** The folder for state files, null when the environment names none (no HOME). */
export function stateFolder(env: NodeJS.ProcessEnv): string | null {
  // The XDG spec ignores a relative value.
  const xdg = env.XDG_STATE_HOME;
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, TOOL_FOLDER);
  const home = env.HOME;
  if (home && path.isAbsolute(home)) return path.join(home, ".local", "state", TOOL_FOLDER);
  return null;
}

/** The state file of the repository whose work tree is `workTree`; null without a folder. */
export function stateFile(env: NodeJS.ProcessEnv, workTree: string): string | null {
  const folder = stateFolder(env);
  if (!folder) return null;
  let real = workTree;
  try {
    real = realpathSync(workTree);
  } catch {
    // The path as given still names one repository.
  }
  const key = createHash("sha256").update(real).digest("hex").slice(0, 32);
  return path.join(folder, `${key}.json`);
}

/** The view a state file's text describes; null for anything else. */
export function parseView(text: string): RememberedView | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return null;
  const d = data as Record<string, unknown>;
  const oneOf = <T extends string>(v: unknown, choices: readonly T[]): T | null =>
    typeof v === "string" && (choices as readonly string[]).includes(v) ? (v as T) : null;
  const text_ = (v: unknown): string | null =>
    typeof v === "string" && v.length > 0 && v.length <= MAX_TEXT ? v : null;
  const lang = text_(d.lang);
  const sort = oneOf(d.sort, SORT_KEYS);
  const filter = oneOf(d.filter, FILTER_KEYS);
  const kind = oneOf(d.kind, KIND_FILTERS);
  if (d.version !== 1 || !lang || !sort || !filter || !kind || typeof d.reverse !== "boolean") {
    return null;
  }
  const page = d.page === null ? null : text_(d.page);
  if (page === null && d.page !== null) return null;
  return { lang, sort, reverse: d.reverse, filter, kind, page };
}

/** The remembered view, or null when there is none or the file is not one. */
export function readView(file: string): RememberedView | null {
  try {
    const bytes = readFileSync(file);
    return bytes.length > MAX_BYTES ? null : parseView(bytes.toString("utf8"));
  } catch {
    return null;
  }
}

/** Writes the view atomically (a new file renamed over the old); false when it could not. */
export function writeView(file: string, view: RememberedView): boolean {
  try {
    makeFolders(path.dirname(file), 0o700);
    writeFileAtomically(file, `${JSON.stringify({ version: 1, ...view })}\n`, 0o600);
    return true;
  } catch {
    return false;
  }
}
