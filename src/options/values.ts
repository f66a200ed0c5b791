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

/** Why `glob` cannot be one of `exclude`'s, or null. */
export function excludeProblem(glob: string): string | null {
  if (glob === "") return "a glob is not empty";
  if (glob.length > MAX_GLOB_LENGTH) return `a glob is at most ${MAX_GLOB_LENGTH} characters`;
  return globProblem(glob);
}

/** Why `name` cannot be a language, or null. */
export function languageProblem(name: string): string | null {
  return LANGUAGE_NAME.test(name) ? null : LANGUAGE_RULE;
}

/** Why `ext` cannot be a page extension, or null. */
export function extensionProblem(ext: string): string | null {
  return EXTENSION.test(ext) ? null : EXTENSION_RULE;
}
