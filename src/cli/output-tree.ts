// Writing `report --format json-per-page --output DIR`: a file per page below DIR, all of them or
// none. The names come from the repository's file names (maybe a pull request's), so every one is
// checked before anything is written: a plain relative path, no two records at one file, no
// record where another needs a folder, no symbolic link on the way, no folder where a file goes.
// Then every file is written into a fresh folder inside DIR, where a name the file system does
// not tell apart from another's (case, Unicode form) cannot be made twice, and only when all are
// written are they renamed into place: a site build never reads half a file, nor a folder
// holding some records of this run and the rest of the last.
import { lstatSync, mkdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fsPath } from "../core/path-bytes.js";
import { AppError } from "../errors.js";
import { shownName, visible } from "../sanitize/terminal.js";
import { tempName } from "../site/atomic.js";
import { makeFolders } from "../site/make-folders.js";
import { reason } from "./output-files.js";

export interface TreeFile {
  /** Below the output folder, `/`-separated. */
  file: string;
  text: string;
  /** The page the file is the record of, which errors name. */
  page: string;
}

/** Writes every file below `root`, or none (see above); refusals and failures are exit 2. */
export function writeOutputTree(root: string, files: readonly TreeFile[]): void {
  const folders = plannedFolders(files);
  try {
    makeFolders(root);
  } catch (err) {
    throw new AppError(2, `cannot write into ${visible(root)}: ${reason(err)}`);
  }
  const missing = missingFolders(root, files, folders);
  const stage = tempName(root);
  const staged: string[] = [];
  try {
    mkdirSync(stage);
    stageFiles(stage, files, [...folders.keys()], staged);
    for (const dir of missing) makeFolder(path.join(root, dir));
    for (let file = staged.at(-1); file !== undefined; file = staged.at(-1)) {
      renameSync(fsPath(path.join(stage, file)), fsPath(path.join(root, file)));
      staged.pop();
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(2, `cannot write into ${visible(root)}: ${reason(err)}`);
  } finally {
    removeStage(stage, staged, [...folders.keys()]);
  }
}

/** Every folder the files need, parents first, each with the first file that needs it; refuses
 * a path that is not plain, two files at one path, and a file where a folder must be. */
function plannedFolders(files: readonly TreeFile[]): Map<string, TreeFile> {
  const byFile = new Map<string, TreeFile>();
  const folders = new Map<string, TreeFile>();
  for (const f of files) {
    const parts = f.file.split("/");
    if (parts.some((p) => p === "" || p === "." || p === "..")) {
      throw new AppError(2, `refusing to write ${shownName(f.file)}: not a plain relative path`);
    }
    const other = byFile.get(f.file);
    if (other) throw oneFile(other, f, f.file);
    byFile.set(f.file, f);
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join("/");
      if (!folders.has(dir)) folders.set(dir, f);
    }
  }
  for (const [dir, needs] of folders) {
    const there = byFile.get(dir);
    if (there) {
      throw new AppError(
        2,
        `refusing to write the records of ${shownName(there.page)} and ${shownName(needs.page)}: the first would be the file ${shownName(dir)}, the folder the second is written in`,
      );
    }
  }
  const depth = (dir: string) => dir.split("/").length;
  return new Map([...folders].sort(([a], [b]) => depth(a) - depth(b)));
}

function oneFile(a: TreeFile, b: TreeFile, file: string): AppError {
  return new AppError(
    2,
    `refusing to write the records of ${shownName(a.page)} and ${shownName(b.page)}: both would be the file ${shownName(file)}`,
  );
}

/** The folders below `root` to make, parents first, once every place is known to be free: no
 * folder on the way a symbolic link or a file, no file's place a folder. */
function missingFolders(
  root: string,
  files: readonly TreeFile[],
  folders: ReadonlyMap<string, TreeFile>,
): string[] {
  // In the order added: parents first.
  const missing = new Set<string>();
  for (const [dir, needs] of folders) {
    const parent = path.posix.dirname(dir);
    const info = parent !== "." && missing.has(parent) ? null : statOf(root, dir, needs.file);
    if (info === null) missing.add(dir);
    else if (info.isSymbolicLink() || !info.isDirectory()) {
      const why = info.isSymbolicLink()
        ? "a folder on its way is a symbolic link"
        : "a file stands where its folder would be";
      throw new AppError(2, `refusing to write ${shownName(needs.file)}: ${why}`);
    }
  }
  for (const f of files) {
    const parent = path.posix.dirname(f.file);
    if (parent !== "." && missing.has(parent)) continue;
    if (statOf(root, f.file, f.file)?.isDirectory()) {
      throw new AppError(
        2,
        `refusing to write ${shownName(f.file)}: a folder stands where the file would be`,
      );
    }
  }
  return [...missing];
}

/** What stands at `rel` below `root` (not followed), or null when nothing does. */
function statOf(root: string, rel: string, shown: string) {
  try {
    return lstatSync(fsPath(path.join(root, rel)));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new AppError(2, `cannot write ${shownName(shown)}: ${reason(err)}`);
  }
}

/** Writes each file below `stage`, which is new and empty, adding each to `staged`. A file that
 * is already there is another record's under a name this file system takes for the same. */
function stageFiles(
  stage: string,
  files: readonly TreeFile[],
  folders: readonly string[],
  staged: string[],
): void {
  for (const dir of folders) makeFolder(path.join(stage, dir));
  const written = new Map<string, TreeFile>();
  const folded = (file: string) => file.normalize("NFC").toLowerCase();
  for (const f of files) {
    try {
      writeFileSync(fsPath(path.join(stage, f.file)), f.text, { flag: "wx", mode: 0o644 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const other = written.get(folded(f.file));
      if (other) throw oneFile(other, f, f.file);
      throw new AppError(
        2,
        `refusing to write the record of ${shownName(f.page)}: this file system takes its file ${shownName(f.file)} for another record's folder or file`,
      );
    }
    staged.push(f.file);
    written.set(folded(f.file), f);
  }
}

/** Makes the folder at `dir` (bytes: a name may not be UTF-8) whose parent is there. */
function makeFolder(dir: string): void {
  try {
    mkdirSync(fsPath(dir));
  } catch (err) {
    // Two folder names this file system takes for one (case, Unicode form) are one folder, in
    // the stage as in the tree; what else stands there was refused before.
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
}

/** Removes what is left of `stage`: the files not renamed, then the folders, deepest first
 * (by name each: a name that is not UTF-8 would not survive a recursive removal's listing). */
function removeStage(stage: string, staged: readonly string[], folders: readonly string[]): void {
  for (const file of staged) rmSync(fsPath(path.join(stage, file)), { force: true });
  for (const dir of [...folders].reverse()) {
    try {
      rmdirSync(fsPath(path.join(stage, dir)));
    } catch {
      // Never made, or one name of two the file system took for one: removed already.
    }
  }
  try {
    rmSync(stage, { recursive: true, force: true });
  } catch {
    // Left behind, a hidden `.ts-*.tmp` folder: the run's own outcome is what to report.
  }
}
