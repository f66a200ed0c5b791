// lint's findings as a table (one a line: file:line:column, level, rule, message), JSON, or
// GitHub annotations. Paths and messages quote pages: made visible and inert for each output.

import { type Finding, levelOf } from "../lint/finding.js";
import type { PageLint } from "../lint/lint.js";
import { inertLine, workflowCommand } from "../sanitize/github.js";
import { toJson } from "../sanitize/json.js";
import { annotationPath, shownName } from "../sanitize/terminal.js";

/** The findings a run leaves: all of them, less those repaired on disk (a dry run repairs
 * nothing, so its exit code and annotations are those of a run without --fix). */
export function remaining(p: PageLint): Finding[] {
  return p.findings.filter((f) => !p.fixed.includes(f));
}

/** Exit 1 when an error is left. */
export function lintExit(pages: readonly PageLint[]): 0 | 1 {
  return pages.some((p) => remaining(p).some((f) => levelOf(f) === "error")) ? 1 : 0;
}

function tally(pages: readonly PageLint[]) {
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  for (const p of pages) {
    for (const f of remaining(p)) {
      if (levelOf(f) === "error") errors++;
      else warnings++;
      if (f.fix) fixable++;
    }
  }
  return { errors, warnings, fixable };
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

export function renderLintTable(
  pages: readonly PageLint[],
  opts: { fix: boolean; dryRun: boolean },
): string {
  const lines: string[] = [];
  const shown = inertLine;
  for (const p of pages) {
    if (p.diff) lines.push(...p.diff.split("\n").map(inertLine));
    for (const f of p.fixed) {
      lines.push(
        `${shown(shownName(p.path))}:${f.line}:${f.column}  fixed  ${f.rule}  ${shown(f.fix?.says ?? "")}`,
      );
    }
    if (p.fixError) lines.push(`${shown(shownName(p.path))}  not fixed: ${shown(p.fixError)}`);
    for (const f of remaining(p)) {
      const fix = p.wouldFix.includes(f)
        ? `  (would fix: ${shown(f.fix?.says ?? "")})`
        : !opts.fix && f.fix
          ? "  (fixable)"
          : "";
      lines.push(
        `${shown(shownName(p.path))}:${f.line}:${f.column}  ${levelOf(f)}  ${f.rule}  ${shown(f.message)}${fix}`,
      );
    }
  }
  const t = tally(pages);
  const fixedCount = pages.reduce((n, p) => n + (opts.dryRun ? p.wouldFix : p.fixed).length, 0);
  const parts = [plural(t.errors, "error"), plural(t.warnings, "warning")];
  if (opts.fix)
    parts.push(`${fixedCount} ${opts.dryRun ? "would be fixed, nothing written" : "fixed"}`);
  else if (t.fixable > 0) parts.push(`${t.fixable} fixable with lint --fix`);
  lines.push(parts.join(", "));
  return `${lines.join("\n")}\n`;
}

export function renderLintJson(pages: readonly PageLint[]): string {
  const findings = pages.flatMap((p) =>
    remaining(p).map((f) => ({
      path: p.path,
      line: f.line,
      column: f.column,
      rule: f.rule,
      level: levelOf(f),
      message: f.message,
      fixable: f.fix !== undefined,
    })),
  );
  const fixed = pages.flatMap((p) =>
    p.fixed.map((f) => ({ path: p.path, line: f.line, rule: f.rule, fix: f.fix?.says ?? "" })),
  );
  const wouldFix = pages.flatMap((p) =>
    p.wouldFix.map((f) => ({ path: p.path, line: f.line, rule: f.rule, fix: f.fix?.says ?? "" })),
  );
  const notFixed = pages.flatMap((p) => (p.fixError ? [{ path: p.path, why: p.fixError }] : []));
  return `${toJson({ schemaVersion: 1, findings, fixed, wouldFix, notFixed }, 2)}\n`;
}

/** `pathPrefix`: the repository's folder in the Actions workspace, which annotations name. */
export function renderLintGithub(pages: readonly PageLint[], pathPrefix = ""): string {
  const lines: string[] = [];
  for (const p of pages) {
    for (const f of remaining(p)) {
      lines.push(
        workflowCommand(
          levelOf(f),
          {
            file: `${pathPrefix}${annotationPath(p.path)}`,
            line: f.line,
            col: f.column,
            title: `translation-status ${f.rule}`,
          },
          f.message,
        ),
      );
    }
  }
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}
