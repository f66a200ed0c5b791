// What the benchmark's rows are made of: a process timed from spawn to exit, the dashboard timed
// until something appears in a real pseudo-terminal, and the statistics over runs.
import { spawn } from "node:child_process";
import { gitEnv } from "../src/git/run.js";

export function timeCommand(cmd: string, args: string[], cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(cmd, args, { cwd, env: gitEnv(), stdio: ["ignore", "ignore", "inherit"] });
    child.on("error", reject);
    child.on("close", () => resolve(performance.now() - t));
  });
}

/** Control sequences (colours, cursor moves, synchronized output) between the characters drawn. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the escape character is the point
const ESCAPES = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])/g;

/** Enough of the output before a read to hold a line of the dashboard with its colours. */
const CARRY = 2048;

/**
 * Starts the dashboard in a real pseudo-terminal (util-linux `script`, 100x30) and times how long
 * it takes until what it draws, control sequences left out, passes `shown`, as a translator
 * would see it; then ends it.
 */
export function timeDashboard(
  cli: string,
  repo: string,
  shown: (text: string) => boolean,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} dashboard --repo ${JSON.stringify(repo)}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TERM: "xterm-256color",
      COLUMNS: "100",
      LINES: "30",
    };
    delete env.CI;
    delete env.NODE_ENV;
    const t = performance.now();
    const child = spawn("script", ["-qfec", command, "/dev/null"], {
      env,
      detached: true,
      stdio: ["pipe", "pipe", "ignore"],
    });
    // Only the newest output is searched, with the end of the output before it (what is waited
    // for may be split between two reads): searching all of it again at every read would take
    // this process's CPU from the dashboard on a machine with two cores.
    let carry = "";
    let done = false;
    child.stdout.on("data", (c: Buffer) => {
      if (done) return;
      const text = carry + c.toString("utf8");
      carry = text.slice(-CARRY);
      if (shown(text.replace(ESCAPES, ""))) {
        done = true;
        resolve(performance.now() - t);
        process.kill(-(child.pid as number), "SIGTERM");
      }
    });
    child.on("error", reject);
    child.on("close", () => {
      if (!done) reject(new Error(`the dashboard never showed what was waited for in ${repo}`));
    });
  });
}

export async function repeat<T>(n: number, f: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await f());
  return out;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

export const ms = (x: number) =>
  x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`;
