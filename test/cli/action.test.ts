// The Action's check step, run as GitHub runs it: its bash script with the inputs in the
// environment. Inputs left empty are not passed, so the repository's config file decides.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { ROOT } from "../helpers/site.js";
import { cleanEnv, english, page, TestRepo, tempDir } from "../hostile/helpers.js";

interface Step {
  id?: string;
  run?: string;
}

const action = parseYaml(readFileSync(path.join(ROOT, "action.yml"), "utf8"), {
  schema: "failsafe",
}) as { inputs: Record<string, { default?: string }>; runs: { steps: Step[] } };
const script = action.runs.steps.find((s) => s.id === "check")?.run ?? "";

function runAction(dir: string, inputs: Record<string, string>) {
  const out = path.join(tempDir(), "github-output");
  writeFileSync(out, "");
  const env: NodeJS.ProcessEnv = { ...cleanEnv(), GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: out };
  for (const [name, spec] of Object.entries(action.inputs)) {
    const key = `INPUT_${name.toUpperCase().replaceAll("-", "_")}`;
    env[key] = inputs[name] ?? spec.default ?? "";
  }
  env.INPUT_WORKING_DIRECTORY = dir;
  try {
    const stdout = execFileSync("bash", ["-c", script], { env, encoding: "utf8" });
    return { code: 0, stdout, output: readFileSync(out, "utf8") };
  } catch (err) {
    const e = err as { status: number; stdout: string };
    return { code: e.status, stdout: e.stdout, output: readFileSync(out, "utf8") };
  }
}

describe("the Action's check step", () => {
  const repo = TestRepo.init(path.join(tempDir(), "site"));
  repo.write("site/content/en/a.md", english("A"));
  const raw = repo.commit("English");
  repo.write("site/content/zh-cn/a.md", page(raw));
  repo.write("translation-status.config.json", JSON.stringify({ content: "site/content" }));
  repo.commit("Translate");
  repo.write("site/content/en/a.md", english("A", "More.\n"));
  repo.commit("Edit");

  it("leaves the folders to the repository's config file when no input names them", () => {
    const res = runAction(repo.dir, { format: "json" });
    expect(res.code).toBe(1);
    expect(res.output).toBe("exit-code=1\n");
    expect(JSON.parse(res.stdout).content).toBe("site/content");
  });

  it("passes the inputs it is given, the config file named by one", () => {
    const pinned = path.join(tempDir(), "base.json");
    writeFileSync(pinned, JSON.stringify({ content: "site/content", maxBehind: 5 }));
    expect(runAction(repo.dir, { config: pinned }).code).toBe(0);
    const wrong = runAction(repo.dir, { content: "content" });
    expect(wrong.code).toBe(2);
    expect(wrong.output).toBe("exit-code=2\n");
  });

  it("annotates failing pages as errors, or at the annotation-level given", () => {
    const annotations = (stdout: string) =>
      stdout.split("\n").filter((l) => /^::(error|warning|notice) file=/.test(l));
    const plain = runAction(repo.dir, {});
    expect(plain.code).toBe(1);
    expect(annotations(plain.stdout)).toEqual([
      expect.stringMatching(/^::error file=site\/content\/zh-cn\/a\.md,/),
    ]);
    const warned = runAction(repo.dir, { "annotation-level": "warning" });
    // Still a failing check: the level changes how GitHub shows the page, not the verdict.
    expect(warned.code).toBe(1);
    expect(annotations(warned.stdout)).toEqual([
      expect.stringMatching(/^::warning file=site\/content\/zh-cn\/a\.md,/),
    ]);
    const bad = runAction(repo.dir, { "annotation-level": "fatal" });
    expect(bad.code).toBe(2);
  });
});
