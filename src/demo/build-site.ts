// Builds a real git repository from a SiteSpec with fixed identities and dates, so the same spec
// always gives the same commit hashes. This writes repositories the tool itself made; reading
// untrusted repositories goes through src/git only.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gitEnv } from "../git/run.js";
import type { FileModes, SiteSpec, Step } from "./site-spec.js";

export type Labels = Record<string, string>;

type Git = (args: string[], mayFail?: boolean) => string;

export function loadSpec(file: string): SiteSpec {
  return JSON.parse(readFileSync(file, "utf8")) as SiteSpec;
}

/** `known`: labels of a repository built before, which this one's files may name too (MDN's
 * translations name commits of the English repository). */
export function buildSite(spec: SiteSpec, dir: string, known: Labels = {}): Labels {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const labels: Labels = { ...known };
  const start = Date.parse(spec.start);
  let tick = 0;
  const git: Git = (args, mayFail = false) => {
    const when = `${Math.floor(start / 1000) + tick * 3600} +0000`;
    const env = {
      ...gitEnv(),
      GIT_AUTHOR_NAME: spec.author.name,
      GIT_AUTHOR_EMAIL: spec.author.email,
      GIT_COMMITTER_NAME: spec.author.name,
      GIT_COMMITTER_EMAIL: spec.author.email,
      GIT_AUTHOR_DATE: when,
      GIT_COMMITTER_DATE: when,
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_CONFIG_GLOBAL: "/dev/null",
    };
    const res = spawnSync(
      "git",
      ["-c", "core.hooksPath=/dev/null", "-c", "commit.gpgSign=false", ...args],
      {
        cwd: dir,
        env,
        encoding: "utf8",
      },
    );
    if (res.status !== 0 && !mayFail)
      throw new Error(`git ${args.join(" ")} failed: ${res.stderr}`);
    return res.stdout.trim();
  };
  git(["init", "-q", "-b", "main"]);
  for (const step of spec.steps) {
    tick += 1;
    runStep(step, dir, git, labels);
  }
  return labels;
}

function runStep(step: Step, dir: string, git: Git, labels: Labels): void {
  if ("checkout" in step) {
    if (step.create) {
      const at = step.from ? labelHash(labels, step.from) : "HEAD";
      git(["checkout", "-q", "-b", step.checkout, at]);
    } else git(["checkout", "-q", step.checkout]);
    return;
  }
  if ("merge" in step) {
    const strategy = step.strategy ? ["-s", step.strategy] : [];
    // A conflicting merge is fine when the step resolves it by writing the files.
    git(["merge", "-q", "--no-ff", "--no-commit", ...strategy, step.merge], Boolean(step.write));
    writeFiles(dir, git, labels, step.write ?? {});
    setModes(dir, git, step.chmod ?? {});
    git(["commit", "-q", "--allow-empty", "-m", step.message]);
    if (step.label) labels[step.label] = git(["rev-parse", "HEAD"]);
    return;
  }
  for (const [from, to] of step.move ?? []) {
    mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
    git(["mv", from, to]);
  }
  for (const file of step.delete ?? []) git(["rm", "-q", file]);
  writeFiles(dir, git, labels, step.write ?? {});
  setModes(dir, git, step.chmod ?? {});
  git(["commit", "-q", "--allow-empty", "-m", step.commit]);
  if (step.label) labels[step.label] = git(["rev-parse", "HEAD"]);
}

function writeFiles(dir: string, git: Git, labels: Labels, files: Record<string, string>): void {
  for (const [file, content] of Object.entries(files)) {
    const abs = path.join(dir, file);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(
      abs,
      content.replace(/\{\{hash:([\w-]+)\}\}/g, (_m, l: string) => labelHash(labels, l)),
    );
    git(["add", "--", file]);
  }
}

/** Sets the bit on disk and in the index, so the commit has it whatever core.fileMode says. */
function setModes(dir: string, git: Git, modes: FileModes): void {
  for (const [file, mode] of Object.entries(modes)) {
    chmodSync(path.join(dir, file), mode === "+x" ? 0o755 : 0o644);
    git(["update-index", `--chmod=${mode}`, "--", file]);
  }
}

function labelHash(labels: Labels, label: string): string {
  const hash = labels[label];
  if (!hash) throw new Error(`fixture refers to unknown label ${label}`);
  return hash;
}
