// The threshold rule as a table of cases, without a repository.
import { describe, expect, it } from "vitest";
import { evaluate, onlyChanged, worstFirst } from "../../src/check/evaluate.js";
import {
  DEFAULT_FAIL_ON,
  makeThresholds,
  parseFailOn,
  type Thresholds,
  verdict,
} from "../../src/check/thresholds.js";
import { pageAge, parseTranslationTime, translationTimeProblem } from "../../src/core/age.js";
import { summarize } from "../../src/core/status.js";
import type { PageReport, ScanResult } from "../../src/core/types.js";
import { AppError } from "../../src/errors.js";

const NOW = new Date("2025-06-01T00:00:00Z");

function page(over: Partial<PageReport> = {}): PageReport {
  return {
    lang: "zh-cn",
    path: "content/zh-cn/a.md",
    sourcePath: "content/en/a.md",
    status: "outdated",
    rawCommit: "abcdef1",
    lastTranslationTime: "2025-05-01",
    commitsBehind: 3,
    linesAdded: 10,
    linesRemoved: 5,
    commits: [],
    movedFrom: null,
    warnings: [],
    metaLine: 5,
    rawTitle: null,
    ...over,
  };
}

const t = (over: Partial<Thresholds> = {}): Thresholds => ({
  failOn: [...DEFAULT_FAIL_ON],
  maxBehind: null,
  maxLines: null,
  maxAge: null,
  ...over,
});

describe("verdict", () => {
  it("fails every page with a fail-on status when no numeric threshold is given", () => {
    expect(verdict(page(), t(), NOW)).toEqual({ fails: true, reasons: ["status outdated"] });
    expect(verdict(page({ status: "unknown-commit", commitsBehind: null }), t(), NOW).fails).toBe(
      true,
    );
  });

  it("never fails a page whose status is not in fail-on, however far behind", () => {
    for (const status of ["up-to-date", "untracked", "missing"] as const) {
      expect(verdict(page({ status, commitsBehind: 999 }), t({ maxBehind: 1 }), NOW)).toEqual({
        fails: false,
        reasons: [],
      });
    }
    expect(verdict(page(), t({ failOn: ["moved"] }), NOW).fails).toBe(false);
  });

  it("does not fail an outdated page within all given thresholds", () => {
    expect(verdict(page(), t({ maxBehind: 3, maxLines: 15, maxAge: 31 }), NOW).fails).toBe(false);
  });

  it("fails when any one given threshold is exceeded (strictly greater)", () => {
    expect(verdict(page(), t({ maxBehind: 2, maxLines: 100, maxAge: 100 }), NOW)).toEqual({
      fails: true,
      reasons: ["status outdated", "3 commits behind (limit 2)"],
    });
    expect(verdict(page(), t({ maxLines: 14 }), NOW).reasons).toEqual([
      "status outdated",
      "15 lines changed (limit 14)",
    ]);
    expect(verdict(page(), t({ maxAge: 30 }), NOW).reasons).toEqual([
      "status outdated",
      "translated 31 days ago (limit 30)",
    ]);
    expect(verdict(page(), t({ maxBehind: 0, maxLines: 0, maxAge: 0 }), NOW).reasons).toHaveLength(
      4,
    );
  });

  it("counts a number that could not be measured as over the limit", () => {
    const unknown = page({
      status: "unknown-commit",
      commitsBehind: null,
      linesAdded: null,
      linesRemoved: null,
    });
    expect(verdict(unknown, t({ maxBehind: 100 }), NOW).reasons).toEqual([
      "status unknown-commit",
      "commits behind unknown (limit 100)",
    ]);
    const deleted = page({
      status: "source-missing",
      commitsBehind: 1,
      linesAdded: null,
      linesRemoved: null,
    });
    expect(verdict(deleted, t({ maxBehind: 5 }), NOW).fails).toBe(false);
    expect(verdict(deleted, t({ maxLines: 5 }), NOW).fails).toBe(true);
    expect(verdict(page({ lastTranslationTime: null }), t({ maxAge: 9999 }), NOW).fails).toBe(true);
    expect(
      verdict(page({ lastTranslationTime: "last tuesday" }), t({ maxAge: 9999 }), NOW).fails,
    ).toBe(true);
  });
});

describe("a page's age", () => {
  it("is counted from raw_commit's date where the page records no translation date, and says so", () => {
    const undated = page({ lastTranslationTime: null, rawCommitDate: "2025-04-01T12:00:00+02:00" });
    expect(pageAge(undated, NOW.getTime())).toEqual({ days: 60, from: "raw_commit" });
    expect(pageAge({ ...undated, lastTranslationTime: " " }, NOW.getTime())).toEqual({
      days: 60,
      from: "raw_commit",
    });
    expect(verdict(undated, t({ maxAge: 30 }), NOW).reasons).toEqual([
      "status outdated",
      "translated 60 days ago, by raw_commit's date (limit 30)",
    ]);
    // A recorded date is the page's age, even beside raw_commit's; an unreadable one is none.
    expect(pageAge(page(), NOW.getTime())).toEqual({ days: 31, from: "last_translation_time" });
    expect(pageAge({ ...undated, lastTranslationTime: "someday" }, NOW.getTime())).toBeNull();
    expect(pageAge(page({ lastTranslationTime: null }), NOW.getTime())).toBeNull();
  });
});

describe("dates", () => {
  it("reads dates and date-times, and refuses anything else", () => {
    expect(parseTranslationTime("2025-05-01")).toBe(Date.parse("2025-05-01T00:00:00Z"));
    expect(parseTranslationTime(" 2025-05-01T12:30:00+02:00 ")).toBe(
      Date.parse("2025-05-01T10:30:00Z"),
    );
    expect(parseTranslationTime("2025-05-01 12:30")).toBe(Date.parse("2025-05-01T12:30:00Z"));
    // Leap days of the Gregorian calendar, as Date counts them.
    for (const leap of ["2024-02-29", "2000-02-29", "1600-02-29"]) {
      expect(parseTranslationTime(leap)).toBe(Date.parse(`${leap}T00:00:00Z`));
    }
    for (const bad of [
      "2025-02-30",
      "2025-02-29",
      "2100-02-29",
      "2025-04-31",
      "2025-00-10",
      "2025-05-00",
      "2025-13-01",
      "2025-5-1",
      "yesterday",
      "",
      "2025-05-01T25:00",
      "1e12",
    ]) {
      expect([bad, parseTranslationTime(bad)]).toEqual([bad, null]);
    }
  });

  it("counts whole days; a date in the future or not a real date has no age and a warning", () => {
    const days = (lastTranslationTime: string) =>
      pageAge(page({ lastTranslationTime }), NOW.getTime())?.days ?? null;
    expect(days("2025-05-31T00:00:01Z")).toBe(0);
    expect(days("2025-07-01")).toBeNull();
    expect(days("2025-02-31")).toBeNull();
    // Up to a day ahead is today: stamp writes the local date, which may be tomorrow in UTC.
    expect(days("2025-06-01")).toBe(0);
    expect(translationTimeProblem("2025-07-01", NOW.getTime())).toBe(
      'last_translation_time "2025-07-01" is in the future',
    );
    expect(translationTimeProblem("2025-02-31", NOW.getTime())).toBe(
      'last_translation_time "2025-02-31" is not a real date (YYYY-MM-DD)',
    );
    expect(translationTimeProblem("2025-05-01", NOW.getTime())).toBeNull();
  });
});

describe("fail-on", () => {
  it("defaults to outdated, moved, source-missing, unknown-commit", () => {
    expect(parseFailOn(null)).toEqual(["outdated", "moved", "source-missing", "unknown-commit"]);
  });

  it("accepts known statuses and rejects anything else as a usage error", () => {
    expect(parseFailOn(["missing", " untracked ", "missing"])).toEqual(["missing", "untracked"]);
    for (const bad of [["outdatd"], ["outdated", "OUTDATED"], [], [" "]]) {
      const err = (() => {
        try {
          parseFailOn(bad);
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).exitCode).toBe(2);
    }
    expect(makeThresholds({ failOn: null, maxBehind: 1, maxLines: null, maxAge: 2 })).toMatchObject(
      {
        maxBehind: 1,
        maxAge: 2,
      },
    );
  });
});

describe("evaluate", () => {
  const pages = [
    page({ path: "content/zh-cn/a.md", commitsBehind: 1, linesAdded: 1, linesRemoved: 0 }),
    page({ path: "content/zh-cn/b.md", commitsBehind: 5 }),
    page({ path: "content/zh-cn/c.md", commitsBehind: 1, linesAdded: 50, linesRemoved: 0 }),
    page({
      path: "content/zh-cn/d.md",
      status: "unknown-commit",
      commitsBehind: null,
      linesAdded: null,
    }),
    page({ path: "content/zh-cn/e.md", status: "up-to-date", commitsBehind: 9 }),
  ];
  const result: ScanResult = {
    schemaVersion: 1,
    head: "f".repeat(40),
    headDate: null,
    shallow: false,
    source: "en",
    content: "content",
    languages: ["zh-cn"],
    pages,
    summary: summarize(["zh-cn"], pages),
    warnings: [],
  };

  it("lists the failing pages worst first: commits behind, then lines, unknown last", () => {
    const report = evaluate(result, t(), NOW);
    expect(report.failing.map((c) => c.page.path)).toEqual([
      "content/zh-cn/b.md",
      "content/zh-cn/c.md",
      "content/zh-cn/a.md",
      "content/zh-cn/d.md",
    ]);
    expect(report.pages).toHaveLength(5);
    expect([...pages].sort(worstFirst)[0]?.path).toBe("content/zh-cn/e.md");
  });

  it("keeps the pages whose translation, source or former source changed", () => {
    const moved = page({
      path: "content/zh-cn/m.md",
      sourcePath: "content/en/new.md",
      movedFrom: "content/en/m.md",
    });
    const r = onlyChanged(
      { ...result, pages: [...pages, moved] },
      new Set(["content/en/m.md", "content/zh-cn/a.md"]),
    );
    expect(r.pages.map((p) => p.path)).toEqual(["content/zh-cn/a.md", "content/zh-cn/m.md"]);
    expect(r.summary["zh-cn"]?.total).toBe(2);
  });
});

describe("estimates under the rule", () => {
  const untracked = page({
    status: "untracked",
    rawCommit: null,
    lastTranslationTime: null,
    commitsBehind: null,
    linesAdded: null,
    linesRemoved: null,
    estimate: {
      rawCommit: "e".repeat(40),
      basis: "last change of the translation",
      commitsBehind: 4,
      linesAdded: 3,
      linesRemoved: 1,
    },
  });
  const limits = { failOn: null, maxBehind: 3, maxLines: 10, maxAge: null };

  it("judge an untracked page by status alone unless asked", () => {
    const plain = makeThresholds(limits);
    expect(plain.failOn).not.toContain("untracked");
    expect(verdict(untracked, plain, NOW)).toEqual({ fails: false, reasons: [] });
    const named = makeThresholds({ ...limits, failOn: ["untracked"] });
    expect(verdict(untracked, named, NOW).reasons).toEqual([
      "status untracked",
      "commits behind unknown (limit 3)",
      "lines changed unknown (limit 10)",
    ]);
  });

  it("apply --max-behind and --max-lines to the estimate with useEstimates", () => {
    const est = makeThresholds({ ...limits, useEstimates: true });
    expect(est.failOn).toEqual([...DEFAULT_FAIL_ON, "untracked"]);
    expect(verdict(untracked, est, NOW)).toEqual({
      fails: true,
      reasons: ["status untracked", "4 commits behind, estimated (limit 3)"],
    });
    expect(verdict(untracked, { ...est, maxBehind: 4 }, NOW)).toEqual({
      fails: false,
      reasons: [],
    });
    // Statuses named on the command line are taken as given.
    expect(makeThresholds({ ...limits, failOn: ["outdated"], useEstimates: true }).failOn).toEqual([
      "outdated",
    ]);
    // An estimate has no age: --max-age counts an untracked page as over.
    expect(
      verdict(untracked, { ...est, maxBehind: null, maxLines: null, maxAge: 30 }, NOW).reasons,
    ).toEqual([
      "status untracked",
      "age unknown, no readable last_translation_time (limit 30 days)",
    ]);
    // Only untracked pages are judged by an estimate.
    const outdated = { ...untracked, status: "outdated" as const };
    expect(verdict(outdated, est, NOW).reasons).toContain("commits behind unknown (limit 3)");
  });
});
