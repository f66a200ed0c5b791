// `npm run bench`: builds (or reuses) the reference repository and measures the scan against the
// per-page approach and against the floor of one plain `git log --name-only`.
import { execFileSync, spawn } from "node:child_process";
import { closeSync, existsSync, openSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { PageReport } from "../src/core/types.js";
import { createDetailLoader } from "../src/detail/loader.js";
import { gitEnv } from "../src/git/run.js";
import { scan } from "../src/scan/scan.js";
import { dashboardRows, SMALL_SITE } from "./dashboard-rows.js";
import { type GenerateOptions, generateRepo } from "./generate.js";
import { hostilePageScaling } from "./hostile-pages.js";
import { median, ms, repeat, timeCommand, timeDashboard } from "./measure.js";
import { perPageExtrapolated } from "./per-page.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");

const { values } = parseArgs({
  options: {
    pages: { type: "string", default: "12000" },
    commits: { type: "string", default: "20000" },
    runs: { type: "string", default: "5" },
    sample: { type: "string", default: "200" },
    repo: { type: "string" },
    scaling: { type: "boolean", default: false },
    /** Times `scan --kinds`: what classifying every changed page's English change costs. */
    kinds: { type: "boolean", default: false },
  },
});

const opts: GenerateOptions = {
  pages: Number(values.pages),
  commits: Number(values.commits),
  languages: { "zh-cn": 0.85, ja: 0.45 },
  seed: 1,
};
const runs = Number(values.runs);

async function main(): Promise<void> {
  if (values.scaling && values.repo) {
    // The scaling repositories are generated from the reference options: against another
    // repository their ratios would mean nothing.
    process.stderr.write("bench: --scaling compares generated repositories; leave out --repo\n");
    process.exitCode = 2;
    return;
  }
  const repo = values.repo ?? (await referenceRepo(opts));
  log(`repository: ${repo}`);
  log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, ${execFileSync("git", ["--version"]).toString().trim()}`,
  );

  // The floor and the scan take turns, after one untimed run of each: the speed of a virtual
  // machine drifts over minutes, and the ratio must compare like with like.
  const floorRun = () => timeCommand("git", ["log", "--name-only", "--format=%H", "HEAD"], repo);
  await floorRun();
  await timeScan(repo);
  const turns = await repeat(runs, async () => ({
    floor: await floorRun(),
    scan: await timeScan(repo),
  }));
  const floor = median(turns.map((t) => t.floor));
  const scans = turns.map((t) => t.scan);
  const scanMs = median(scans.map((s) => s.ms));
  const rssMb = Math.max(...scans.map((s) => s.maxRssKb / 1024));
  const nodeCpu = median(scans.map((s) => s.nodeCpuMs));
  const gitCpu = scans.every((s) => s.gitCpuMs !== null)
    ? median(scans.map((s) => s.gitCpuMs as number))
    : null;
  const cli = path.join(root, "dist/src/cli/main.js");
  const firstFrame = median(
    await repeat(runs, () => timeDashboard(cli, repo, (t) => t.includes("translation-status"))),
  );

  // In-process: one scan, then the diff of the page with the most changed English lines.
  const out = await scan({ repo, source: "en", content: "content", langs: [] });
  const pages = out.result.pages.length;
  const worst = biggestDiff(out.result.pages);
  const diffMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const fresh = await createDetailLoader(out, out.result, out.details);
    const t = performance.now();
    await fresh.wholeDiff(worst);
    diffMs.push(performance.now() - t);
  }

  // The obvious approach, on a sample, extrapolated to every page that has a commit range.
  const perPage = await perPageExtrapolated(repo, out.result.pages, Number(values.sample));
  const perPageMs = perPage.ms;

  const rows: Array<[string, string, string]> = [
    ["pages reported (translations + missing)", String(pages), ""],
    ["plain `git log --name-only` (floor)", ms(floor), ""],
    ["full JSON scan, wall", ms(scanMs), `${(scanMs / floor).toFixed(2)}× the floor (target ≤ 2×)`],
    ["pages per second", String(Math.round((pages / scanMs) * 1000)), ""],
    cpuRow(nodeCpu, gitCpu),
    ["peak RSS", `${Math.round(rssMb)} MB`, "target < 300 MB"],
    ["dashboard first frame", ms(firstFrame), "target < 300 ms"],
    [
      "open the largest page diff",
      ms(median(diffMs)),
      `${out.result.pages[worst]?.linesAdded ?? 0}+/${out.result.pages[worst]?.linesRemoved ?? 0}- lines; target < 100 ms`,
    ],
    [
      `per-page approach (${perPage.sampled} sampled, extrapolated to ${perPage.ranged})`,
      ms(perPageMs),
      `${(perPageMs / scanMs).toFixed(0)}× slower than the scan (target ≥ 50×)`,
    ],
  ];
  const small = await referenceRepo(SMALL_SITE);
  rows.push(...(await dashboardRows(cli, { reference: repo, small }, runs, Number(values.sample))));
  for (const shape of hostilePageScaling()) {
    rows.push([
      `hostile page: ${shape.name}, 4 MiB`,
      ms(shape.large),
      `${(shape.large / shape.small).toFixed(1)}× the 1 MiB page (linear ≈ 4×)`,
    ]);
  }
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [name, value, note] of rows)
    log(`${name.padEnd(width)}  ${value.padStart(9)}  ${note}`);
  if (values.scaling) await scaling(scanMs, pages, repo);
  writeFileSync(
    path.join(root, "bench/.cache/last-run.json"),
    `${JSON.stringify({ repo, rows }, null, 2)}\n`,
  );
}

/**
 * How the cost grows: half the pages and commits should take about half the time, and ten times
 * more distinct raw_commits (a translation sync every 50 commits) about the same time.
 */
async function scaling(fullMs: number, fullPages: number, fullRepo: string): Promise<void> {
  const half = await referenceRepo({ ...opts, pages: opts.pages / 2, commits: opts.commits / 2 });
  const manyRaws = await referenceRepo({ ...opts, syncEvery: 50 });
  const time = async (repo: string) => {
    const r = await repeat(runs, () => timeScan(repo));
    return { ms: median(r.map((x) => x.ms)), pages: await pagesOf(repo) };
  };
  const h = await time(half);
  const m = await time(manyRaws);
  const raws = (repo: string) =>
    execFileSync(
      "git",
      [
        "grep",
        "-h",
        "-o",
        "-E",
        '(raw_commit="|default_lang_commit: )[0-9a-f]{40}',
        "HEAD",
        "--",
        "content",
      ],
      {
        cwd: repo,
        env: gitEnv(),
        maxBuffer: 256 * 1024 * 1024,
      },
    )
      .toString()
      .split("\n")
      .map((l) => l.slice(-40))
      .filter((l) => l.length === 40);
  const distinct = (repo: string) => new Set(raws(repo)).size;
  log("");
  log("scaling");
  log(
    `  ${fullPages} pages: ${ms(fullMs)} (${((fullMs / fullPages) * 1000).toFixed(0)} µs per page), ${distinct(fullRepo)} distinct raw_commits`,
  );
  log(
    `  ${h.pages} pages, half the commits: ${ms(h.ms)} (${((h.ms / h.pages) * 1000).toFixed(0)} µs per page)`,
  );
  log(
    `  ${m.pages} pages, ${distinct(manyRaws)} distinct raw_commits: ${ms(m.ms)} (${(m.ms / fullMs).toFixed(2)}× the reference)`,
  );
}

async function referenceRepo(o: GenerateOptions): Promise<string> {
  const sync = o.syncEvery ? `-sync${o.syncEvery}` : "";
  const dir = path.join(root, "bench/.cache", `hugo-${o.pages}p-${o.commits}c-s${o.seed}${sync}`);
  const marker = path.join(dir, ".git", "translation-status-bench");
  if (existsSync(marker)) return dir;
  log(
    `generating ${o.pages} pages and ${o.commits} commits with git fast-import (once; cached in ${path.relative(root, dir)})`,
  );
  rmSync(dir, { recursive: true, force: true });
  const t = performance.now();
  const made = await generateRepo(dir, o);
  writeFileSync(marker, `${made.head}\n`);
  log(`generated in ${ms(performance.now() - t)}`);
  return dir;
}

function biggestDiff(pages: readonly PageReport[]): number {
  let best = 0;
  let size = -1;
  pages.forEach((p, i) => {
    const n = (p.linesAdded ?? 0) + (p.linesRemoved ?? 0);
    if (p.status === "outdated" && n > size) {
      best = i;
      size = n;
    }
  });
  return best;
}

/**
 * The scan's CPU time, Node's and git's. On n cores the wall time cannot be below 1/n of it,
 * which is the first thing to compare with the floor.
 */
function cpuRow(nodeMs: number, gitMs: number | null): [string, string, string] {
  if (gitMs === null)
    return ["CPU time of the scan, Node", ms(nodeMs), "(git's is read on Linux only)"];
  const cores = os.availableParallelism();
  return [
    "CPU time of the scan, Node + git",
    ms(nodeMs + gitMs),
    `Node ${ms(nodeMs)}, git ${ms(gitMs)}; on ${cores} cores the wall time is at least ${ms((nodeMs + gitMs) / cores)}`,
  ];
}

interface TimedScan {
  ms: number;
  maxRssKb: number;
  nodeCpuMs: number;
  gitCpuMs: number | null;
}

/**
 * Times the CLI exactly as users run it, `scan --format json` into /dev/null, with a preloaded
 * module reporting its peak memory and CPU time on fd 3.
 */
async function timeScan(repo: string): Promise<TimedScan> {
  const cli = path.join(root, "dist/src/cli/main.js");
  const args = [
    "--import",
    path.join(here, "usage-on-exit.js"),
    cli,
    "scan",
    "--repo",
    repo,
    "--format",
    "json",
    ...(values.kinds ? ["--kinds"] : []),
  ];
  const devnull = openSync("/dev/null", "w");
  try {
    const t = performance.now();
    const report = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, args, {
        stdio: ["ignore", devnull, "inherit", "pipe"],
      });
      let text = "";
      child.stdio[3]?.on("data", (c: Buffer) => {
        text += c.toString();
      });
      child.on("error", reject);
      child.on("close", (code) =>
        code === 0 ? resolve(text) : reject(new Error(`scan exited with ${code}`)),
      );
    });
    const ms = performance.now() - t;
    return { ms, ...(JSON.parse(report) as Omit<TimedScan, "ms">) };
  } finally {
    closeSync(devnull);
  }
}

/** How many pages a scan of the repository reports (in this process, untimed). */
async function pagesOf(repo: string): Promise<number> {
  return (await scan({ repo, source: "en", content: "content", langs: [] })).result.pages.length;
}

const log = (line: string) => process.stdout.write(`${line}\n`);

await main();
