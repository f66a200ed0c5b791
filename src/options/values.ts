// The rules a single option value must keep, whether it comes from a flag or from the config
// file: one home, read by the config's schema (schema.ts) and by the command line's parsing
// (cli/args.ts), so that a value one of them refuses the other refuses too, with the same reason.
// No zod here: parsing the command line must not load it.
import { globProblem } from "../core/glob.js";

/** A language's folder name (also the source language's). */
export const LANGUAGE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;
export const LANGUAGE_RULE =
  'a language is a folder name like "zh-cn", of letters, digits, ".", "_" and "-", not starting with "." or "-"';

/** What page files' names end with, without the dot. */
export const EXTENSION = /^[A-Za-z0-9]{1,16}$/;
export const EXTENSION_RULE = 'an extension is letters or digits, like "mdx" (no dot, no glob)';

/** The most globs `exclude` may hold, and the longest one. */
export const MAX_GLOBS = 200;
export const MAX_GLOB_LENGTH = 500;

/**
 * Why `globs` cannot be `exclude`'s, or null: the one judge of the flag's globs, the config's,
 * and those the scan is given. `glob` is the index of the glob refused, or null when the list
 * as a whole is.
 */
export function excludeProblem(
  globs: readonly string[],
): { glob: number | null; why: string } | null {
  if (globs.length > MAX_GLOBS) return { glob: null, why: `at most ${MAX_GLOBS} globs` };
  for (const [i, glob] of globs.entries()) {
    const why =
      glob.length > MAX_GLOB_LENGTH
        ? `a glob is at most ${MAX_GLOB_LENGTH} characters`
        : globProblem(excludeGlob(glob));
    if (why !== null) return { glob: i, why };
  }
  return null;
}

/** excludeProblem as the words after an option's name: the glob refused and why. */
export function excludeReason(globs: readonly string[]): string | null {
  const problem = excludeProblem(globs);
  if (problem === null) return null;
  if (problem.glob === null) return problem.why;
  return `${JSON.stringify(globs[problem.glob]?.slice(0, 200))}: ${problem.why}`;
}

/** An `exclude` glob as it is matched: below each language's folder, so a leading `./` (see
 * withoutDotSlash) says nothing more. */
export function excludeGlob(glob: string): string {
  return withoutDotSlash(glob);
}

/** A path relative to the repository's top as written with a leading `./` (just as relative,
 * however many slashes follow the dot) or without one: the same path, without it. */
export function withoutDotSlash(rel: string): string {
  return rel.replace(/^(?:\.\/+)+/, "");
}

/** One folder name in a folder option: never "." or "..", never an option. */
const FOLDER_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;
export const FOLDER_RULE =
  'a folder is relative to the repository\'s top, like "content": names of letters, digits, ".", "_" and "-", none starting with "." or "-"';

/** Whether `name` can be one folder name of a folder option (FOLDER_RULE). */
export function isFolderSegment(name: string): boolean {
  return FOLDER_SEGMENT.test(name);
}

/** The folder a folder option (`content`, a Hugo `contentDir`) names, however it is written:
 * without a leading `./` or closing slashes. */
export function folderName(value: string): string {
  return withoutDotSlash(value).replace(/\/+$/, "");
}

/** Why `value` cannot be a folder option, or null. */
export function folderOptionProblem(value: string): string | null {
  const name = folderName(value);
  return name !== "" && name.split("/").every(isFolderSegment) ? null : FOLDER_RULE;
}

/** Why `name` cannot be a language, or null. */
export function languageProblem(name: string): string | null {
  return LANGUAGE_NAME.test(name) ? null : LANGUAGE_RULE;
}

/** Why `ext` cannot be a page extension, or null. */
export function extensionProblem(ext: string): string | null {
  return EXTENSION.test(ext) ? null : EXTENSION_RULE;
}
