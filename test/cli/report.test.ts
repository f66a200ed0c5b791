// The report command's command line: its formats, --output, and the options it refuses before
// any git process runs (exit 2, one line), with the built CLI on the fixture site.
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../check/helpers.js";
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

  it.each([
    [
      ["--format", "json"],
      "report does not take --format json (use html or hugo-data; json is a format of scan, check, lint)",
    ],
    [["--fail-on", "outdated"], "--fail-on is an option of check, not of report"],
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

  it("says in one line when the file cannot be written", () => {
    const res = runCli(["report", "--repo", site.dir, "--output", path.join(out, "no", "x.html")]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/^translation-status: cannot write .*x\.html: ENOENT[^\n]*\n$/);
  });
});
