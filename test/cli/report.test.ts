// The report command's command line: its formats, --output, and the options it refuses before
// any git process runs (exit 2, one line), with the built CLI on the fixture site.

import { spawn, spawnSync } from "node:child_process";
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, runCli } from "../check/helpers.js";
import { buildFixture, type TempSite, tempDir } from "../helpers/site.js";

let site: TempSite;
let out: string;

beforeAll(() => {
  site = buildFixture();
  out = tempDir("ts-report-");
});
afterAll(() => {
  site?.cleanup();
  rmSync(out, { recursive: true, force: true });
});

describe("translation-status report", () => {
  it("prints the status page, or writes it to --output and prints nothing", () => {
    const printed = runCli(["report", "--repo", site.dir]);
    expect(printed.code).toBe(0);
    expect(printed.stdout.startsWith("<!doctype html>\n")).toBe(true);
    const file = path.join(out, "status.html");
    const written = runCli(["report", "--repo", site.dir, "--output", file]);
    expect(written).toMatchObject({ code: 0, stdout: "", stderr: "" });
    // Only the time it was made differs between two runs.
    const made = /made <time[^<]*<\/time>/g;
    expect(readFileSync(file, "utf8").replace(made, "")).toBe(printed.stdout.replace(made, ""));
  });

  it("writes the hugo-data file as JSON", () => {
    const res = runCli(["report", "--repo", site.dir, "--format", "hugo-data"]);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)["content/zh-cn/user/moderation.md"].status).toBe("outdated");
  });

  it("writes one file per translation with json-per-page, each the hugo-data record", () => {
    const dir = path.join(out, "per-page");
    const res = runCli([
      "report",
      "--repo",
      site.dir,
      "--format",
      "json-per-page",
      "--output",
      dir,
    ]);
    expect(res).toMatchObject({ code: 0, stdout: "", stderr: "" });
    const all = JSON.parse(runCli(["report", "--repo", site.dir, "--format", "hugo-data"]).stdout);
    const files = listFiles(dir);
    expect(files).toEqual(
      Object.keys(all)
        .map((p) => `${p}.json`)
        .sort(),
    );
    for (const [page, record] of Object.entries(all)) {
      const one = JSON.parse(readFileSync(path.join(dir, `${page}.json`), "utf8"));
      expect(one).toEqual({ path: page, ...(record as object) });
    }
    const none = runCli(["report", "--repo", site.dir, "--format", "json-per-page"]);
    expect(none).toMatchObject({
      code: 2,
      stderr:
        "translation-status: report --format json-per-page writes a folder: give it with --output DIR\n",
    });
  });

  it("replaces a symbolic link at --output instead of writing through it", () => {
    const dir = tempDir("ts-report-link-");
    const victim = path.join(dir, "victim.txt");
    writeFileSync(victim, "keep me\n");
    const file = path.join(dir, "data", "translation_status.json");
    mkdirSync(path.dirname(file));
    symlinkSync(victim, file);
    const res = runCli(["report", "--repo", site.dir, "--format", "hugo-data", "--output", file]);
    expect(res.code).toBe(0);
    expect(readFileSync(victim, "utf8")).toBe("keep me\n");
    expect(lstatSync(file).isFile()).toBe(true);
    expect(
      JSON.parse(readFileSync(file, "utf8"))["content/zh-cn/user/moderation.md"],
    ).toBeDefined();
    // No temporary file is left beside it.
    expect(readdirSync(path.dirname(file))).toEqual(["translation_status.json"]);
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes into a pipe or /dev/stdout named by --output, instead of replacing it", async () => {
    const printed = runCli(["report", "--repo", site.dir, "--format", "hugo-data"]).stdout;
    const viaStdout = runCli([
      "report",
      "--repo",
      site.dir,
      "--format",
      "hugo-data",
      "--output",
      "/dev/stdout",
    ]);
    expect(viaStdout).toMatchObject({ code: 0, stdout: printed });
    expect(lstatSync("/dev/stdout").isSymbolicLink()).toBe(true);
    const dir = tempDir("ts-report-fifo-");
    const fifo = path.join(dir, "status.json");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const reader = spawn("cat", [fifo]);
    let read = "";
    reader.stdout.on("data", (c: Buffer) => {
      read += c.toString("utf8");
    });
    const ended = new Promise((resolve) => reader.on("close", resolve));
    const res = runCli(["report", "--repo", site.dir, "--format", "hugo-data", "--output", fifo]);
    expect(res.code).toBe(0);
    await ended;
    expect(read).toBe(printed);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a json-per-page folder whose way passes through a symbolic link", () => {
    const dir = tempDir("ts-report-tree-");
    const elsewhere = path.join(dir, "elsewhere");
    mkdirSync(elsewhere);
    mkdirSync(path.join(dir, "out"));
    symlinkSync(elsewhere, path.join(dir, "out", "content"));
    const res = runCli([
      "report",
      "--repo",
      site.dir,
      "--format",
      "json-per-page",
      "--output",
      path.join(dir, "out"),
    ]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(
      /^translation-status: refusing to write content\/\S+: a folder on its way is a symbolic link\n$/,
    );
    expect(readdirSync(elsewhere)).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    [
      ["--format", "json"],
      "report does not take --format json (use html, hugo-data or json-per-page; json is a format of scan, check, lint)",
    ],
    [["--fail-on", "outdated"], "--fail-on is an option of check"],
    [["--max-size", "10"], "--max-size is an option of check"],
    [["--output", ""], "--output needs a file"],
  ])("refuses %j", (args, message) => {
    const res = runCli(["report", "--repo", site.dir, ...args]);
    expect(res).toMatchObject({ code: 2, stdout: "", stderr: `translation-status: ${message}\n` });
  });

  it("refuses --output on other commands, and --annotation-level outside --format github", () => {
    const scan = runCli(["scan", "--repo", site.dir, "--output", "x.html"]);
    expect(scan.stderr).toBe("translation-status: --output is an option of report\n");
    const check = runCli(["check", "--repo", site.dir, "--annotation-level", "warning"]);
    expect(check).toMatchObject({
      code: 2,
      stderr: "translation-status: --annotation-level applies to --format github\n",
    });
    const level = runCli([
      "check",
      "--repo",
      site.dir,
      "--format",
      "github",
      "--annotation-level",
      "fatal",
    ]);
    expect(level.stderr).toBe(
      'translation-status: --annotation-level takes error, warning or notice, got "fatal"\n',
    );
  });

  it("makes a missing folder, and says in one line when the file cannot be written", () => {
    const made = runCli([
      "report",
      "--repo",
      site.dir,
      "--output",
      path.join(out, "new", "x.html"),
    ]);
    expect(made.code).toBe(0);
    expect(readFileSync(path.join(out, "new", "x.html"), "utf8")).toMatch(/^<!doctype html>/);
    writeFileSync(path.join(out, "file"), "");
    const res = runCli([
      "report",
      "--repo",
      site.dir,
      "--output",
      path.join(out, "file", "x.html"),
    ]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(
      /^translation-status: cannot write .*x\.html: a file stands where a folder on its way would be \(ENOTDIR\)\n$/,
    );
  });
});

describe("a folder given where none can be made (under /proc)", () => {
  // Node's mkdir with `recursive` spins for ever at full CPU under /proc; a timeout makes that
  // a failure here, not a hung run.
  it.skipIf(process.platform !== "linux").each(["/proc/nope/x.html", "/proc/nope/a/b/x.html"])(
    "%s is refused promptly, in one line",
    (file) => {
      const res = spawnSync(
        process.execPath,
        [CLI, "report", "--repo", site.dir, "--output", file],
        {
          encoding: "utf8",
          env: { ...process.env, NO_COLOR: "1" },
          timeout: 20_000,
        },
      );
      expect(res.signal).toBeNull();
      expect(res.status).toBe(2);
      expect(res.stderr).toBe(
        `translation-status: cannot write ${file}: no such folder, and it cannot be made there (ENOENT)\n`,
      );
    },
  );

  it.skipIf(process.platform !== "linux")("a --cache-dir there is refused promptly too", () => {
    const res = spawnSync(
      process.execPath,
      [CLI, "scan", "--repo", site.dir, "--cache-dir", "/proc/nope/cache"],
      { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 20_000 },
    );
    expect(res.signal).toBeNull();
    expect(res.status).toBe(2);
    expect(res.stderr).toBe(
      "translation-status: cannot use the cache folder /proc/nope/cache (ENOENT)\n",
    );
  });
});

function listFiles(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(dir, rel));
    else out.push(rel);
  }
  return out.sort();
}
