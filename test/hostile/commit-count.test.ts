// commitsBehind is git's history simplification over raw_commit..HEAD with the range decided by
// ancestry alone (README.md, "How drift is measured"). Plain `git rev-list --count` decides
// whether a merge's parent is in raw_commit's history only as far as its walk, newest commit
// date first, has come down from raw_commit when it reaches the merge. These histories have no
// clock skew (every commit is newer than its parents, one hour per step) and still make git
// count fewer: each case gives git's number and the tool's, and why.

import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { PageReport } from "../../src/core/types.js";
import { buildSite, type Labels } from "../../src/demo/build-site.js";
import type { SiteSpec, Step } from "../../src/demo/site-spec.js";
import { FIXTURE_AUTHOR } from "../helpers/site.js";
import { gitIn, scanRepo, tempDir } from "./helpers.js";

const PAGE = "content/en/a.md";
const english = (text: string) => ({ [PAGE]: `---\ntitle: A\n---\n\n${text}\n` });
/** The translation, stamped from the commit labelled "raw"; committed last, on main. */
const translate: Step = {
  commit: "Translate A",
  write: {
    "content/zh-cn/a.md": "---\ntitle: 译 A\ndefault_lang_commit: {{hash:raw}}\n---\n\n译文。\n",
  },
};
const spec = (steps: Step[]): SiteSpec => ({
  start: "2025-06-01T00:00:00Z",
  author: FIXTURE_AUTHOR,
  steps: [...steps, translate],
});

/**
 * The smallest case: four English commits. A branch edits the page twice and is translated at
 * its tip; main, still at the fork, merges it with `-s ours`, so the page is back to its first
 * text. R (raw and what it reaches) is raw, edit, base; the merge's parents are base (in R, so
 * it cannot stand for the merge) and raw (raw_commit itself, which can): the merge differs from
 * raw, so it counts, and the walk stops at raw: 1. git reaches the merge before raw_commit (the
 * merge is newer); it marked raw's parent `edit` at the start but reaches `base` only when it
 * walks raw itself, so at the merge base still looks inside the range, has the same text, and
 * git follows it alone: the merge does not count, 0. The page is outdated all the same.
 */
const keptOlderText = spec([
  { commit: "A, first text", label: "base", write: english("First text.") },
  { checkout: "feature", create: true },
  { commit: "A, second text", label: "edit", write: english("Second text.") },
  { commit: "A, third text; translated from here", label: "raw", write: english("Third text.") },
  { checkout: "main" },
  { merge: "feature", strategy: "ours", message: "Merge feature, keeping main's text", label: "m" },
]);

/** The same with one edit on the branch: base is raw's parent, which git marks at the start. */
const keptParentText = spec([
  { commit: "A, first text", label: "base", write: english("First text.") },
  { checkout: "feature", create: true },
  { commit: "A, second text; translated from here", label: "raw", write: english("Second text.") },
  { checkout: "main" },
  { merge: "feature", strategy: "ours", message: "Merge feature, keeping main's text", label: "m" },
]);

/**
 * A feature branch rewrites the page (f1, f2), merges main as it was at m1 and takes main's
 * text in the conflict (stale), edits again (f3); main edits the page (m1), changes something
 * else (m2) and edits again at raw, where the page is translated; main then merges the feature,
 * resolving the conflict with new text (merge). Counted by ancestry: merge differs from both
 * parents (counts); f3 differs from stale (counts); stale's parents are f2 (outside R, differs)
 * and m1 (in R, same, but it cannot stand for the merge), so stale counts and the walk goes on
 * to f2 and f1, which count: 5, whichever order the commits were made in. git agrees when the
 * feature merged main before the translation was made. When it merged main later, git reaches
 * stale before raw_commit and has not yet come down to m1 (two below raw): m1 looks inside the
 * range with the same text, git follows it alone, and counts only merge and f3: 2.
 */
function staleMain(mergedAfterTranslation: boolean): SiteSpec {
  const feature: Step[] = [
    { checkout: "stale", create: true, from: "m1" },
    { checkout: "feature" },
    {
      merge: "stale",
      message: "Merge main as it was at m1",
      label: "stale",
      write: english("Main one."),
    },
    { commit: "A, feature text three", label: "f3", write: english("Feature text three.") },
  ];
  const translated: Step[] = [
    { checkout: "main" },
    { commit: "A, main text two; translated from here", label: "raw", write: english("Main two.") },
  ];
  return spec([
    { commit: "A, first text", label: "base", write: english("First text.") },
    { checkout: "feature", create: true },
    { commit: "A, feature text one", label: "f1", write: english("Feature text one.") },
    { commit: "A, feature text two", label: "f2", write: english("Feature text two.") },
    { checkout: "main" },
    { commit: "A, main text one", label: "m1", write: english("Main one.") },
    { commit: "Other file", label: "m2", write: { "README.md": "Readme.\n" } },
    ...(mergedAfterTranslation ? [...translated, ...feature] : [...feature, ...translated]),
    { checkout: "main" },
    { merge: "feature", message: "Merge feature", label: "merge", write: english("Merged text.") },
  ]);
}

interface Case {
  name: string;
  spec: SiteSpec;
  git: number;
  tool: number;
  /** The commits the tool lists, by label. */
  commits: string[];
}

const cases: Case[] = [
  {
    name: "a merge kept the text of a commit two below raw",
    spec: keptOlderText,
    git: 0,
    tool: 1,
    commits: ["m"],
  },
  {
    name: "a merge kept the text of raw's parent",
    spec: keptParentText,
    git: 1,
    tool: 1,
    commits: ["m"],
  },
  {
    name: "a feature merged a stale main after the translation",
    spec: staleMain(true),
    git: 2,
    tool: 5,
    commits: ["merge", "f3", "stale", "f2", "f1"],
  },
  {
    name: "the same feature merged the stale main before the translation",
    spec: staleMain(false),
    git: 5,
    tool: 5,
    commits: ["merge", "f3", "stale", "f2", "f1"],
  },
];

const base = tempDir("ts-commit-count-");
afterAll(() => rmSync(base, { recursive: true, force: true }));

async function run(c: Case, k: number) {
  const dir = path.join(base, String(k));
  mkdirSync(dir);
  const labels: Labels = buildSite(c.spec, dir);
  const [report] = (await scanRepo(dir)).result.pages as PageReport[];
  const raw = labels.raw as string;
  const git = Number(gitIn(dir, ["rev-list", "--count", `${raw}..HEAD`, "--", PAGE]).trim());
  // No clock skew: every commit is newer than each of its parents.
  const log = gitIn(dir, ["log", "--format=%H %ct %P"]).trim().split("\n");
  const date = new Map(log.map((line) => line.split(" ", 2) as [string, string]));
  for (const [, t, ...parents] of log.map((line) => line.split(" "))) {
    for (const p of parents) expect(Number(t)).toBeGreaterThan(Number(date.get(p)));
  }
  return { report: report as PageReport, git, labels };
}

describe("commitsBehind in merge histories without clock skew", () => {
  it.each(cases.map((c, k) => [c.name, c, k] as const))("%s", async (_name, c, k) => {
    const { report, git, labels } = await run(c, k);
    expect({ git, tool: report.commitsBehind, status: report.status }).toEqual({
      git: c.git,
      tool: c.tool,
      status: "outdated",
    });
    expect([...report.commits.map((x) => x.hash)].sort()).toEqual(
      c.commits.map((l) => labels[l]).sort(),
    );
  });
});
