// The ignore-revs file: commits that estimates skip (mass mechanical commits, such as a link
// migration over every language, that would otherwise make every translation look freshly
// made). It is git-blame-ignore-revs' format, and in CI it comes from the pull request, so it is
// read as untrusted data: bounded, never through a symbolic link, and only full hashes in it.
// git never sees its lines: they are only compared with the hashes of the history git gave.
import { existsSync } from "node:fs";
import path from "node:path";
import { AppError } from "../errors.js";
import { isFullHash } from "../git/revision.js";
import { readPageBytes, realFolderInside } from "../site/files.js";
import { IGNORE_REVS_NAME } from "./defaults.js";

/** A list of a few thousand hashes is 100 KiB or so; anything this big is not one. */
const MAX_IGNORE_REVS_BYTES = 1024 * 1024;

/**
 * The commits listed in `text`: one full hash a line (40 hex digits, 64 in a SHA-256
 * repository), `#` starting a comment, blank lines allowed, as git blame reads such a file.
 * Any other line is an error naming the line, not its text (the file may be anything).
 */
export function parseIgnoreRevs(text: string, shown: string): Set<string> {
  const out = new Set<string>();
  const lines = text.split("\n");
  for (const [i, line] of lines.entries()) {
    // Everything from "#" on is a comment; trim() also takes a CRLF file's "\r".
    const hash = (line.split("#", 1)[0] ?? "").trim().toLowerCase();
    if (hash === "") continue;
    if (!isFullHash(hash)) {
      throw new AppError(
        2,
        `${shown}: line ${i + 1} is not a full commit hash (40 hex digits, or 64; # starts a comment)`,
      );
    }
    out.add(hash);
  }
  return out;
}

/**
 * Where the ignore-revs file is, as the options give it: an absolute path (from the command line,
 * relative to where the tool was started), a path relative to the repository's top (from the
 * config file), or null for the default, `.translation-status-ignore-revs` at the top if it exists.
 */
export function readIgnoreRevs(workTree: string, given: string | null): Set<string> {
  if (given === null) {
    const file = path.join(workTree, IGNORE_REVS_NAME);
    return existsSync(file) ? readFile(file, IGNORE_REVS_NAME) : new Set();
  }
  if (path.isAbsolute(given)) return readFile(given, given);
  // From the config file, which the repository (maybe a pull request) wrote: it must stay inside.
  const dir = path.posix.dirname(given);
  const folder = dir === "." ? workTree : realFolderInside(workTree, dir);
  if (folder === null) {
    throw new AppError(2, `${given}: not a file inside the repository (ignoreRevsFile)`);
  }
  return readFile(path.join(folder, path.posix.basename(given)), given);
}

function readFile(file: string, shown: string): Set<string> {
  const read = readPageBytes(file);
  if ("error" in read) throw new AppError(2, `${shown}: ${read.error}`);
  if (read.bytes.length > MAX_IGNORE_REVS_BYTES) {
    throw new AppError(
      2,
      `${shown}: larger than ${MAX_IGNORE_REVS_BYTES / 1024} KiB; not an ignore-revs file`,
    );
  }
  return parseIgnoreRevs(read.bytes.toString("latin1"), shown);
}
