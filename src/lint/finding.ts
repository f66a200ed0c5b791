// What `lint` reports, and what the scan's page warnings are made of: one finding is one wrong
// thing in a page's translation metadata, with where it is and, when a repair is safe, the bytes
// to write instead.

import type { PageMeta } from "../core/types.js";

/** Every rule, with its level. An error fails `lint` (exit 1); a warning does not. */
export const RULES = {
  /** An attribute or key this tool does not know; a misspelling of a known one is an error,
   * as Hugo templates never read it. */
  "unknown-attribute": "warning",
  "misspelled-attribute": "error",
  /** raw_commit written with fewer digits than a full hash. */
  "raw-commit-abbreviated": "warning",
  /** raw_commit not a hash, ambiguous, not a commit, or a branch's name too. */
  "raw-commit-invalid": "error",
  /** raw_commit not in HEAD's history (from a fork or a squashed branch). */
  "raw-commit-not-ancestor": "error",
  /** The English page did not exist at raw_commit under the translation's path. */
  "source-missing-at-commit": "error",
  "date-invalid": "error",
  "date-future": "error",
  /** The translation date is before raw_commit was made, in any time zone. */
  "date-before-commit": "error",
  "raw-link": "warning",
  "raw-title": "warning",
  /** translation-status-ja in a zh-cn page. */
  "lang-suffix": "error",
  /** Two live metadata blocks in one page. */
  "duplicate-metadata": "error",
  /** Metadata in a code fence or comment, while the page has none that is live. */
  "hidden-metadata": "warning",
  /** Front matter holding metadata that does not parse, or is never closed. */
  "front-matter-invalid": "error",
} as const;

export type Rule = keyof typeof RULES;
export type Level = (typeof RULES)[Rule];

/** Replace text[start, end) (page offsets, in the decoded page) with `value`. */
export interface Edit {
  start: number;
  end: number;
  value: string;
}

export interface Finding {
  rule: Rule;
  /** 1-based line and column (in characters) of the page. */
  line: number;
  column: number;
  /** One line for people; page text in it is already made safe (see meta/warning.ts). */
  message: string;
  /** The repair, when one is safe: edits of the page text, what they do, said briefly, and
   * the metadata the page must then read (what is not named must read as before). */
  fix?: { edits: Edit[]; says: string; reads?: MetaChange };
}

/** Metadata values a repair changes, as the page must read them after it. */
export type MetaChange = Partial<
  Pick<PageMeta, "rawCommit" | "rawTitle" | "rawLink" | "lastTranslationTime" | "drifted">
>;

export function finding(rule: Rule, at: Position, message: string, fix?: Finding["fix"]): Finding {
  return { rule, line: at.line, column: at.column, message, ...(fix ? { fix } : {}) };
}

export interface Position {
  line: number;
  column: number;
}

export function levelOf(f: Pick<Finding, "rule">): Level {
  return RULES[f.rule];
}

/** Line and column of offset `at` in `text`. */
export function positionAt(text: string, at: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < at; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: at - lineStart + 1 };
}
