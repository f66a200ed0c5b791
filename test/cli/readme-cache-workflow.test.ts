// The README's workflow that keeps the cache between runs in GitHub Actions, read as GitHub reads
// it: the cache must be saved when `check` fails (drift fails the job, and the one-step
// actions/cache saves only on success), and a push to the default branch must save one that
// every pull request can restore.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { CACHE_DEFAULTS } from "../../src/options/defaults.js";
import { ROOT } from "../helpers/site.js";

interface Step {
  uses?: string;
  id?: string;
  if?: string;
  with?: Record<string, string>;
}

interface Workflow {
  on: Record<string, { branches?: string[] } | null>;
  jobs: Record<string, { steps: Step[] }>;
}

/** The README's YAML block that restores the cache. */
function cacheWorkflow(): Workflow {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] as string);
  const block = blocks.find((b) => b.includes("actions/cache/restore"));
  if (block === undefined) throw new Error("no cache workflow in the README");
  return parseYaml(block, { schema: "failsafe" }) as Workflow;
}

describe("the README's cache workflow", () => {
  const workflow = cacheWorkflow();
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  const at = (prefix: string) => steps.findIndex((s) => s.uses?.startsWith(prefix));

  it("restores before the check and saves after it, whatever the check found", () => {
    const restore = at("actions/cache/restore@");
    const check = at("OWNER/translation-status@");
    const save = at("actions/cache/save@");
    expect(restore).toBeGreaterThanOrEqual(0);
    expect(restore).toBeLessThan(check);
    expect(check).toBeLessThan(save);
    expect(steps.some((s) => s.uses?.startsWith("actions/cache@"))).toBe(false);
    expect(steps[save]?.if).toMatch(/\balways\(\)/);
  });

  it("saves under the key it tried to restore, in the folder the tool uses on a runner", () => {
    const restore = steps[at("actions/cache/restore@")] as Step;
    const save = steps[at("actions/cache/save@")] as Step;
    expect(save.with?.key).toBe(`\${{ steps.${restore.id}.outputs.cache-primary-key }}`);
    // A runner has a home and no XDG_CACHE_HOME: the default folder is ~/.cache/<folder>.
    expect(restore.with?.path).toBe(`~/.cache/${CACHE_DEFAULTS.folder}`);
    expect(save.with?.path).toBe(restore.with?.path);
    expect(restore.with?.["restore-keys"]).toBeTruthy();
    expect(restore.with?.key?.startsWith(restore.with?.["restore-keys"] ?? "")).toBe(true);
  });

  it("runs on the default branch too, whose cache pull requests can restore", () => {
    expect(Object.keys(workflow.on)).toContain("pull_request");
    expect(workflow.on.push?.branches).toEqual(["main"]);
  });
});
