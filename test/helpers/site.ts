// Builds fixture sites into temporary folders for tests, and runs plain git for cross-checks.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSite, type Labels, loadSpec } from "../../src/demo/build-site.js";
import { gitEnv } from "../../src/git/run.js";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface TempSite {
  dir: string;
  labels: Labels;
  cleanup: () => void;
}

export function tempDir(prefix = "ts-test-"): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export function buildFixture(name = "site.json"): TempSite {
  const base = tempDir();
  const dir = path.join(base, "site");
  const labels = buildSite(loadSpec(path.join(ROOT, "fixtures", name)), dir);
  return { dir, labels, cleanup: () => rmSync(base, { recursive: true, force: true }) };
}

/** Plain git, for comparing the tool's answers with what a person would type. */
export function git(dir: string, args: string[]): string {
  return execFileSync("git", ["-c", "core.hooksPath=/dev/null", ...args], {
    cwd: dir,
    env: { ...gitEnv(), GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  }).trim();
}

/** Who authors and commits every fixture repository's commits. */
export const FIXTURE_AUTHOR = { name: "Fixture Author", email: "fixture@example.com" } as const;

/** Commits what is staged as the fixtures' author, authored and committed at `date`. */
export function commitAsFixture(dir: string, message: string, date: string): void {
  execFileSync(
    "git",
    [
      "-c",
      "core.hooksPath=/dev/null",
      "-c",
      `user.name=${FIXTURE_AUTHOR.name}`,
      "-c",
      `user.email=${FIXTURE_AUTHOR.email}`,
      "commit",
      "-q",
      `--date=${date}`,
      "-m",
      message,
    ],
    {
      cwd: dir,
      env: {
        ...gitEnv(),
        GIT_CONFIG_GLOBAL: "/dev/null",
        GIT_CONFIG_NOSYSTEM: "1",
        GIT_COMMITTER_DATE: date,
      },
    },
  );
}

export interface TempMdnPair {
  /** The English repository (fixtures/mdn-content.json). */
  content: string;
  /** The translations' repository beside it (fixtures/mdn-translated-content.json), whose
   * config names `../mdn-content`. */
  translations: string;
  labels: Labels;
  cleanup: () => void;
}

/** MDN's two repositories, side by side as their config expects. */
export function buildMdnPair(): TempMdnPair {
  const base = tempDir();
  const content = path.join(base, "mdn-content");
  const translations = path.join(base, "translated-content");
  const english = buildSite(loadSpec(path.join(ROOT, "fixtures", "mdn-content.json")), content);
  const labels = buildSite(
    loadSpec(path.join(ROOT, "fixtures", "mdn-translated-content.json")),
    translations,
    english,
  );
  return {
    content,
    translations,
    labels,
    cleanup: () => rmSync(base, { recursive: true, force: true }),
  };
}
