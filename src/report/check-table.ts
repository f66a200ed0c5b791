// The plain `check` report for people and CI logs: the failing pages per language with the reasons,
// each language's summary line, and a verdict line. Every untrusted string goes through `text`:
// `visible`, plus `##[` broken up, because the Actions runner acts on `##[command]` anywhere in a
// log line and this report is often printed in a workflow step.

import { type CheckReport, changedSinceLine } from "../check/evaluate.js";
import { describeThresholds } from "../check/thresholds.js";
import { inertLine } from "../sanitize/github.js";
import {
  FULL_LISTING,
  foldedMissingLine,
  headLine,
  kindsLine,
  type Listing,
  listedLanguages,
  pageLine,
  structureLines,
  summaryLine,
  warningLines,
} from "./table.js";
import { sharedWarnings } from "./warnings.js";

const text = inertLine;

/** The report as lines without line breaks inside them (for the GitHub log as well). */
export function checkTableLines(
  report: CheckReport,
  color: boolean,
  listing: Listing = FULL_LISTING,
): string[] {
  const paint = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const { result } = report;
  const lines: string[] = [];
  lines.push(headLine(result));
  if (report.changedSince) {
    lines.push(changedSinceLine(report.changedSince, { ref: text, hash: (h) => h }));
  }
  lines.push(...warningLines(result.warnings, result.content, "warning: "));
  lines.push(`rule: ${describeThresholds(report.thresholds)}`);
  for (const lang of listedLanguages(result, listing)) {
    const failing = report.failing.filter((c) => c.page.lang === lang);
    lines.push("", text(lang));
    if (failing.length === 0) lines.push("  no page fails");
    const kinds = result.kinds !== undefined;
    const shared = sharedWarnings(failing.map((c) => c.page));
    const folded = listing.missing ? 0 : failing.filter((c) => c.page.status === "missing").length;
    for (const { page, verdict } of failing) {
      if (folded > 0 && page.status === "missing") continue;
      lines.push(pageLine(page, color, kinds));
      lines.push(...structureLines(page));
      const over = verdict.reasons.slice(1);
      if (over.length > 0) lines.push(`      over the limit: ${over.map(text).join("; ")}`);
      lines.push(...warningLines(shared.own(page), result.content, "      warning: "));
    }
    lines.push(...shared.lines("  warning: ", inertLine));
    if (folded > 0) lines.push(foldedMissingLine(folded));
    // Pages that --ignore kept from failing are listed too, with the kind that did it.
    for (const { page, verdict } of report.pages) {
      if (page.lang !== lang || !verdict.ignored) continue;
      lines.push(
        pageLine(page, color, kinds),
        `      passes: its English change is ${verdict.ignored}`,
      );
    }
    const s = result.summary[lang];
    if (s) lines.push(summaryLine(s));
    const k = result.kinds?.[lang];
    if (k) lines.push(kindsLine(k));
  }
  const total = result.pages.length;
  const failed = report.failing.length;
  lines.push("");
  lines.push(
    failed === 0
      ? paint("32", `OK: no page breaks the thresholds (${total} checked)`)
      : paint(
          "31",
          `FAIL: ${failed} of ${total} ${total === 1 ? "page breaks" : "pages break"} the thresholds`,
        ),
  );
  return lines;
}

export function renderCheckTable(
  report: CheckReport,
  color: boolean,
  listing: Listing = FULL_LISTING,
): string {
  return `${checkTableLines(report, color, listing).join("\n")}\n`;
}
