// The rules a single option value must keep, whether it comes from a flag or from the config
// file: one home, read by the config's schema (schema.ts) and by the command line's parsing
// (cli/args.ts), so that a value one of them refuses the other refuses too, with the same reason.
// No zod here: parsing the command line must not load it.
import { globProblem } from "../core/glob.js";
import { STATUSES } from "../core/types.js";
import { LAYOUT_CHOICES } from "../layout/layout.js";
import { hasUnsafeChars } from "../sanitize/terminal.js";
import { METADATA_CHOICES, SHOW_CHOICES } from "./defaults.js";
import { emptyListWhy, STATUS_ITEM } from "./empty-list.js";

/** One folder name as the options take it: a language's (the source language's too), or one
 * folder of a folder option. */
const SEGMENT = "[A-Za-z0-9_][A-Za-z0-9._-]*";

/** A language's folder name (also the source language's). */
export const LANGUAGE_NAME = new RegExp(`^${SEGMENT}$`);
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
const FOLDER_SEGMENT = LANGUAGE_NAME;
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

// Each option that is both a flag and a config key is judged by one function below, called by the
// command line (cli/args.ts, after splitting a comma list) and by the config's schema (schema.ts)
// alike: the same values are refused, for the same reason, and what is kept is normalized the
// same way. The reason is the words after the option's name, which each door says its own way
// (`--lang` or the file and `"languages"`).

/** A value kept (normalized) or the reason it is refused. */
export type Verdict<T> = { ok: true; value: T } | { ok: false; why: string };

const keep = <T>(value: T): Verdict<T> => ({ ok: true, value });
const refuse = (why: string): Verdict<never> => ({ ok: false, why });
const quoted = (value: string) => JSON.stringify(value.slice(0, 200));

/** "a", "a or b", "a, b or c". */
export function either(words: readonly string[]): string {
  return words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`;
}

/** A one-value rule made from a "why not, or null" function; the value is kept as given. */
function single(problem: (value: string) => string | null): (value: string) => Verdict<string> {
  return (value) => {
    const why = problem(value);
    return why === null ? keep(value) : refuse(`${quoted(value)}: ${why}`);
  };
}

/**
 * A list option: at least one item (an empty list, or one of empty items only, is most often a
 * CI variable that was not set, and is refused rather than read as the default), each item kept
 * by `item`, a repeated item kept once.
 */
function listOf<T>(
  what: string,
  max: number,
  item: (value: string) => Verdict<T>,
): (items: readonly string[]) => Verdict<T[]> {
  return (items) => {
    if (items.every((s) => s === "")) return refuse(emptyListWhy(what));
    if (items.length > max) return refuse(`at most ${max} items`);
    const out: T[] = [];
    for (const raw of items) {
      const v = item(raw);
      if (!v.ok) return v;
      if (!out.includes(v.value)) out.push(v.value);
    }
    return keep(out);
  };
}

/** One of `choices`. */
export function oneOf<T extends string>(choices: readonly T[]): (value: string) => Verdict<T> {
  return (value) => {
    const found = choices.find((c) => c === value);
    return found === undefined
      ? refuse(`takes ${either(choices)}, got ${quoted(value)}`)
      : keep(found);
  };
}

/** A language, as typed with a closing slash (tab completion) or without: without. */
export function languageValue(value: string): Verdict<string> {
  return single(languageProblem)(value.replace(/\/+$/, ""));
}

/** The editor's view of a language (schema.ts): LANGUAGE_NAME, a closing slash allowed. */
export const LANGUAGE_PATTERN = LANGUAGE_NAME.source.replace(/\$$/, "/*$");

/** A branch name (pinBranch). */
export const BRANCH_NAME = /^[A-Za-z0-9_][A-Za-z0-9._/-]{0,255}$/;
const BRANCH_RULE = 'a branch name like "main"';

/** The editor's view of a folder option (FOLDER_RULE). */
export const FOLDER_PATTERN = String.raw`^(?:\./+)*${SEGMENT}(?:/+${SEGMENT})*/*$`;

/** A file inside the repository (the config's ignoreRevsFile): plain names (a leading "."
 * allowed), never "." or ".."; a leading "./" as relative as for a folder. */
const FILE_SEGMENT = /^[A-Za-z0-9._][A-Za-z0-9._-]*$/;
export const REPO_FILE_RULE =
  'a file path relative to the repository\'s top, inside it: names of letters, digits, ".", "_" and "-", none "." or ".."';
const FILE_SEG = String.raw`(?!\.\.?(?:/|$))[A-Za-z0-9._][A-Za-z0-9._-]*`;
export const REPO_FILE_PATTERN = String.raw`^(?:\./+)*${FILE_SEG}(?:/${FILE_SEG})*$`;

export function repoFileProblem(value: string): string | null {
  const parts = withoutDotSlash(value).split("/");
  return value.length <= 500 && parts.every((s) => FILE_SEGMENT.test(s) && s !== "." && s !== "..")
    ? null
    : REPO_FILE_RULE;
}

/** What an unsafe-character rule can say to an editor: C0, DEL and C1, the separators and the
 * common invisible characters (the reader's rule, sanitize/terminal.ts, also knows the rest). */
export const NO_CONTROL_PATTERN = String.raw`^[^\u0000-\u001f\u007f-\u009f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]+$`;

/** Globs an editor can refuse as the reader does: no leading "!", no brace range. */
export const GLOB_PATTERN = String.raw`^(?!!)(?![\s\S]*\{[^{}]*\.\.[^{}]*\})[\s\S]+$`;

/** The most items each list option holds (the JSON Schema's maxItems too). */
export const LIST_MAX = {
  languages: 1000,
  exclude: MAX_GLOBS,
  extensions: 20,
  failOn: 100,
  show: 100,
} as const;

/** Each rule by the config key it judges (the flag is its command-line name, cli/args.ts). */
export const OPTION_RULES = {
  content: single(folderOptionProblem),
  source: languageValue,
  languages: listOf("language", LIST_MAX.languages, languageValue),
  exclude: (globs: readonly string[]): Verdict<string[]> => {
    // excludeReason says how many globs at most, in its own words.
    const listed = listOf("glob", Number.POSITIVE_INFINITY, keep)(globs);
    if (!listed.ok) return listed;
    const why = excludeReason(listed.value);
    return why === null ? listed : refuse(why);
  },
  extensions: listOf("extension", LIST_MAX.extensions, single(extensionProblem)),
  defaultLanguage: languageValue,
  layout: oneOf(LAYOUT_CHOICES),
  metadata: oneOf(METADATA_CHOICES),
  failOn: listOf(STATUS_ITEM, LIST_MAX.failOn, oneOf(STATUSES)),
  show: listOf(`row kind (${either(SHOW_CHOICES)})`, LIST_MAX.show, oneOf(SHOW_CHOICES)),
  pinBranch: single((v) => (BRANCH_NAME.test(v) ? null : BRANCH_RULE)),
  sourceRepo: single((v) =>
    v === "" ? "needs a folder" : hasUnsafeChars(v) ? "a folder has no control characters" : null,
  ),
} as const;
