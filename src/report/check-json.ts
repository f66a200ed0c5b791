// `check --format json`: the scan's schema (schemaVersion 1) with a verdict on every page and the
// thresholds, the failed count and the --changed-since ref at the top level.

import type { CheckReport } from "../check/evaluate.js";
import { renderJson } from "./json.js";

export function renderCheckJson(report: CheckReport): string {
  const pages = report.pages.map(({ page, verdict }) => ({ ...page, verdict }));
  return renderJson(
    { ...report.result, pages },
    {
      checkedAt: report.now.toISOString(),
      changedSince: report.changedSince,
      thresholds: report.thresholds,
      failed: report.failing.length,
    },
  );
}
