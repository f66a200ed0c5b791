// The plain `check` report for people and CI logs: the failing pages per language with the reasons,
// each language's summary line, and a verdict line. Every untrusted string goes through `text`:
// `visible`, plus `##[` broken up, because the Actions runner acts on `##[command]` anywhere in a
// log line and this report is often printed in a workflow step.
import type { PageReport, Status } from "../core/types.js";
import { STATUS_SYMBOL } from "../report/table.js";
import { visible } from "../sanitize/terminal.js";
import type { CheckReport } from "./evaluate.js";
import { describeThresholds } from "./thresholds.js";

const text = (s: string) => visible(s).replaceAll("##[", "##\\[");

const COLOR: Record<Status, string> = {
  "up-to-date": "32",
  outdated: "33",
  moved: "35",
  "source-missing": "31",
  "unknown-commit": "31",
  untracked: "90",
  missing: "36",
};

/** The report as lines without line breaks inside them (for the GitHub log as well). */
export function checkTableLines(report: CheckReport, color: boolean): string[] {
  const paint = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const { result } = report;
  const lines: string[] = [];
  lines.push(`HEAD ${result.head.slice(0, 12)}${result.shallow ? "  (shallow clone)" : ""}`);
  if (report.changedSince) {
    const { ref, commit } = report.changedSince;
    lines.push(`only pages changed since ${text(ref)} (${commit.slice(0, 12)})`);
  }
  for (const w of result.warnings) lines.push(`warning: ${text(w)}`);
  lines.push(`rule: ${describeThresholds(report.thresholds)}`);
  for (const lang of result.languages) {
    const failing = report.failing.filter((c) => c.page.lang === lang);
    lines.push("", text(lang));
    if (failing.length === 0) lines.push("  no page fails");
    for (const { page, verdict } of failing) {
      const status = `${STATUS_SYMBOL[page.status]} ${page.status}`.padEnd(16);
      lines.push(`  ${paint(COLOR[page.status], status)} ${numbers(page)}  ${pathText(page)}`);
      const over = verdict.reasons.slice(1);
      if (over.length > 0) lines.push(`      over the limit: ${over.map(text).join("; ")}`);
      for (const w of page.warnings) lines.push(`      warning: ${text(w)}`);
    }
    const s = result.summary[lang];
    if (s) {
      const parts = (Object.keys(STATUS_SYMBOL) as Status[])
        .filter((k) => s[k] > 0)
        .map((k) => `${s[k]} ${k}`);
      lines.push(`  ${s.total} pages: ${parts.join(", ") || "none"}`);
    }
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

export function renderCheckTable(report: CheckReport, color: boolean): string {
  return `${checkTableLines(report, color).join("\n")}\n`;
}

function numbers(page: PageReport): string {
  const behind = page.commitsBehind === null ? "" : `${page.commitsBehind} behind`;
  const diff = page.linesAdded === null ? "" : `+${page.linesAdded} -${page.linesRemoved ?? 0}`;
  return `${behind.padStart(10)} ${diff.padEnd(11)}`;
}

function pathText(page: PageReport): string {
  if (page.movedFrom) return `${text(page.path)}  (English moved to ${text(page.sourcePath)})`;
  return text(page.path);
}
