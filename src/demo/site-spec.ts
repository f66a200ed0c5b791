// A docs site and its history described as data (see fixtures/*.json). Steps run in order on a
// fresh repository; `{{hash:LABEL}}` inside file contents becomes the hash of an earlier commit,
// so translations can name the English commit they were made from.

export interface CommitStep {
  commit: string;
  label?: string;
  write?: Record<string, string>;
  delete?: string[];
  move?: Array<[string, string]>;
  chmod?: FileModes;
}

/** Files whose executable bit a step sets ("+x") or clears ("-x"). */
export type FileModes = Record<string, "+x" | "-x">;

export interface CheckoutStep {
  checkout: string;
  /** Create the branch at this label (or at the current commit when omitted). */
  create?: boolean;
  from?: string;
}

export interface MergeStep {
  merge: string;
  message: string;
  label?: string;
  /** A merge strategy such as "ours" (the branch's changes are discarded). */
  strategy?: string;
  /** Files written into the merge commit itself: a conflict resolution or an "evil" merge. */
  write?: Record<string, string>;
  chmod?: FileModes;
}

export type Step = CommitStep | CheckoutStep | MergeStep;

export interface SiteSpec {
  description?: string;
  /** ISO date of the first commit; each step is one hour later. */
  start: string;
  author: { name: string; email: string };
  steps: Step[];
}
