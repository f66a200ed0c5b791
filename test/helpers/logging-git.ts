// A `git` first on PATH that logs its arguments and runs the real one: what a command asks of
// git, counted from outside the tool.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gitExecutable } from "../../src/git/run.js";
import { tempDir } from "./site.js";

export function loggingGit(): { env: NodeJS.ProcessEnv; calls: () => string[] } {
  const dir = tempDir();
  mkdirSync(path.join(dir, "bin"));
  const log = path.join(dir, "calls");
  writeFileSync(log, "");
  const wrapper = path.join(dir, "bin", "git");
  writeFileSync(wrapper, `#!/bin/sh\necho "$*" >> '${log}'\nexec '${gitExecutable()}' "$@"\n`);
  chmodSync(wrapper, 0o755);
  return {
    env: { PATH: `${path.join(dir, "bin")}:${process.env.PATH ?? ""}` },
    calls: () => readFileSync(log, "utf8").split("\n").filter(Boolean),
  };
}

/** The git command of a logged call: the first word after git's own options and `-c` settings. */
export function subcommand(call: string): string {
  const words = call.split(" ");
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (word === "-c") i++;
    else if (!word.startsWith("-")) return word;
  }
  return "";
}
