// The rule that decides whether a page fails `check`, as pure functions of the page report, the
// thresholds and the current time, so every case is testable without a repository.
//
// A page fails when its status is in `failOn` AND
//   - no numeric threshold (maxBehind, maxLines, maxAge) is set, or
//   - it is over at least one of the numeric thresholds that are set.
// "Over" is strictly greater than the limit. A number the scan could not measure (no resolvable
// raw_commit, an English source that is gone or binary, no readable last_translation_time) counts
// as over: the page cannot be shown to be within the limit.
//
// An untracked page has no numbers of its own. With useEstimates, maxBehind and maxLines are
// applied to its estimate's numbers instead (an untracked page without an estimate stays
// unmeasured); without it, untracked pages are judged by status alone.
//
// With `ignore` (change kinds, --ignore), a page whose English change since raw_commit (its
// estimate's, for an untracked page) is of one of those kinds does not fail, whatever else.

import { ageWords, pageAge } from "../core/age.js";
import { STATUS_FACTS } from "../core/statuses.js";
import { type Estimate, type PageReport, STATUSES, type Status } from "../core/types.js";
import { AppError } from "../errors.js";
import type { ChangeKind } from "../kinds/kinds.js";
import { emptyListWhy, STATUS_ITEM } from "../options/empty-list.js";

export interface Thresholds {
  failOn: Status[];
  /** English commits since raw_commit. */
  maxBehind: number | null;
  /** Lines added plus lines removed in the English source since raw_commit. */
  maxLines: number | null;
  /** Whole days since last_translation_time, or raw_commit's date (core/age.ts pageAge). */
  maxAge: number | null;
  /** Judge untracked pages by their estimates. Present only when asked for, so reports of runs
   * without it are as they were. */
  useEstimates?: true;
  /** Change kinds that do not fail a page. Present only when asked for. */
  ignore?: ChangeKind[];
}

export interface Verdict {
  fails: boolean;
  /** Why the page fails (empty when it does not). */
  reasons: string[];
  /** The ignored change kind that kept the page from failing. */
  ignored?: ChangeKind;
}

export const DEFAULT_FAIL_ON: readonly Status[] = STATUSES.filter(
  (s) => STATUS_FACTS[s].failsByDefault,
);

/** Statuses named on the command line, checked against STATUSES (usage error otherwise). */
export function parseFailOn(names: readonly string[] | null): Status[] {
  if (names === null) return [...DEFAULT_FAIL_ON];
  const known = new Set<string>(STATUSES);
  const out: Status[] = [];
  for (const raw of names) {
    const name = raw.trim();
    if (name === "") continue;
    if (!known.has(name)) {
      throw new AppError(
        2,
        `unknown status in --fail-on: ${JSON.stringify(name)} (use ${STATUSES.join(", ")})`,
      );
    }
    if (!out.includes(name as Status)) out.push(name as Status);
  }
  if (out.length === 0) throw new AppError(2, `--fail-on: ${emptyListWhy(STATUS_ITEM)}`);
  return out;
}

export function makeThresholds(opts: {
  failOn: readonly string[] | null;
  maxBehind: number | null;
  maxLines: number | null;
  maxAge: number | null;
  useEstimates?: boolean;
  ignore?: ChangeKind[];
}): Thresholds {
  const failOn = parseFailOn(opts.failOn);
  const ignore = opts.ignore && opts.ignore.length > 0 ? { ignore: opts.ignore } : {};
  if (!opts.useEstimates) {
    return {
      failOn,
      maxBehind: opts.maxBehind,
      maxLines: opts.maxLines,
      maxAge: opts.maxAge,
      ...ignore,
    };
  }
  // Asking for estimates to be judged asks for untracked pages to be able to fail, unless the
  // statuses were named.
  if (opts.failOn === null && !failOn.includes("untracked")) failOn.push("untracked");
  return {
    failOn,
    maxBehind: opts.maxBehind,
    maxLines: opts.maxLines,
    maxAge: opts.maxAge,
    useEstimates: true,
    ...ignore,
  };
}

export function hasNumericThreshold(t: Thresholds): boolean {
  return t.maxBehind !== null || t.maxLines !== null || t.maxAge !== null;
}

/**
 * The numbers the check judges `page` by: with useEstimates, an untracked page's estimate's
 * (`estimate` then says so), else the page's own. The verdict and the order of the failing pages
 * (check/evaluate.ts) both read them here, so a page is ranked by what it failed by.
 */
export function judgedNumbers(
  page: PageReport,
  t: Pick<Thresholds, "useEstimates">,
): {
  measured: Pick<PageReport, "commitsBehind" | "linesAdded" | "linesRemoved">;
  estimate?: Estimate;
} {
  const estimate = t.useEstimates && page.status === "untracked" ? page.estimate : undefined;
  return estimate ? { measured: estimate, estimate } : { measured: page };
}

/** Lines added plus removed, or null when not measured. */
export function linesChanged(page: {
  linesAdded: number | null;
  linesRemoved: number | null;
}): number | null {
  if (page.linesAdded === null || page.linesRemoved === null) return null;
  return page.linesAdded + page.linesRemoved;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function verdict(page: PageReport, t: Thresholds, now: Date): Verdict {
  if (!t.failOn.includes(page.status)) return { fails: false, reasons: [] };
  const kind = (page.estimate ?? page).changeKind;
  if (kind && t.ignore?.includes(kind)) return { fails: false, reasons: [], ignored: kind };
  if (!hasNumericThreshold(t)) return { fails: true, reasons: [`status ${page.status}`] };
  const over: string[] = [];
  const { measured, estimate } = judgedNumbers(page, t);
  // An estimate's numbers are said to be estimated wherever they are given as a reason.
  const est = estimate ? ", estimated" : "";
  if (t.maxBehind !== null) {
    const n = measured.commitsBehind;
    if (n === null) over.push(`commits behind unknown (limit ${t.maxBehind})`);
    else if (n > t.maxBehind)
      over.push(`${plural(n, "commit", "commits")} behind${est} (limit ${t.maxBehind})`);
  }
  if (t.maxLines !== null) {
    const n = linesChanged(measured);
    if (n === null) over.push(`lines changed unknown (limit ${t.maxLines})`);
    else if (n > t.maxLines)
      over.push(`${plural(n, "line", "lines")} changed${est} (limit ${t.maxLines})`);
  }
  if (t.maxAge !== null) {
    const age = pageAge(page, now.getTime());
    if (age === null)
      over.push(`age unknown, no readable last_translation_time (limit ${t.maxAge} days)`);
    else if (age.days > t.maxAge) over.push(`${ageWords(age)} (limit ${t.maxAge})`);
  }
  if (over.length === 0) return { fails: false, reasons: [] };
  return { fails: true, reasons: [`status ${page.status}`, ...over] };
}

/** One line describing the thresholds, for reports. */
export function describeThresholds(t: Thresholds): string {
  const limits: string[] = [];
  if (t.maxBehind !== null)
    limits.push(`more than ${plural(t.maxBehind, "commit", "commits")} behind`);
  if (t.maxLines !== null) limits.push(`more than ${plural(t.maxLines, "line", "lines")} changed`);
  if (t.maxAge !== null) limits.push(`translated more than ${plural(t.maxAge, "day", "days")} ago`);
  const estimates = t.useEstimates ? " (estimated for untracked pages)" : "";
  const ignoring = t.ignore ? `, unless its English change is ${orList(t.ignore)}` : "";
  // "outdated, moved or unknown-commit": any one of them, as the rule means.
  const statuses =
    t.failOn.length > 1
      ? `${t.failOn.slice(0, -1).join(", ")} or ${t.failOn[t.failOn.length - 1]}`
      : (t.failOn[0] ?? "");
  return limits.length === 0
    ? `a page fails when its status is ${statuses}${ignoring}`
    : `a page fails when its status is ${statuses} and it is ${limits.join(" or ")}${estimates}${ignoring}`;
}

function orList(words: readonly string[]): string {
  return words.length > 1
    ? `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`
    : (words[0] ?? "");
}
