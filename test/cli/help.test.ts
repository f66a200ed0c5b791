// Help for each command, and suggestions for a mistyped command or option.

import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { textWidth, wrapWords } from "../../src/core/columns.js";
import { outdatedRepo, runCli, tempDir } from "../hostile/helpers.js";

describe("help", () => {
  it.each([[["check", "--help"]], [["help", "check"]]])(
    "%j shows check's options and examples",
    (args) => {
      const res = runCli(args);
      expect(res.code).toBe(0);
      expect(res.stdout).toMatch(/^translation-status check \[PATH...\] \[options\]/);
      expect(res.stdout).toContain("--max-behind N");
      expect(res.stdout).toContain("Examples:");
    },
  );

  it("shows each command's own help, and the whole help otherwise", () => {
    for (const command of ["scan", "dashboard", "stamp"]) {
      expect(runCli(["help", command]).stdout).toMatch(
        new RegExp(`^translation-status ${command}`),
      );
    }
    expect(runCli(["help", "scan"]).stdout).not.toContain("--max-behind");
    expect(runCli(["--help"]).stdout).toContain("translation-status help COMMAND");
    expect(runCli(["help", "nope"])).toMatchObject({ code: 2, stdout: "" });
  });

  it("folds its prose by terminal columns, as the dashboard does, without loading the dashboard", () => {
    // Every module the CLI loads, as node resolves it.
    const dir = tempDir("ts-help-loads-");
    const loaded = path.join(dir, "loaded.txt");
    writeFileSync(loaded, "");
    writeFileSync(
      path.join(dir, "hooks.mjs"),
      `import { appendFileSync } from "node:fs";\nexport async function resolve(s, c, next) {\n  const r = await next(s, c);\n  appendFileSync(${JSON.stringify(loaded)}, r.url + "\\n");\n  return r;\n}\n`,
    );
    writeFileSync(
      path.join(dir, "register.mjs"),
      `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(path.join(dir, "hooks.mjs")).href)});\n`,
    );
    const env = { NODE_OPTIONS: `--import=${pathToFileURL(path.join(dir, "register.mjs")).href}` };
    // Any other command starts without the folding (string-width).
    expect(runCli(["--version"], { env }).code).toBe(0);
    // The tool's own modules may be the files tsc writes or the bundle's (scripts/bundle-cli.ts):
    // the folding is told by the package it loads.
    expect(readFileSync(loaded, "utf8")).toContain("/src/cli/main.js");
    expect(readFileSync(loaded, "utf8")).not.toMatch(/\/node_modules\/string-width\//);
    expect(runCli(["--help"], { env }).code).toBe(0);
    const lint = runCli(["lint", "--help"], { env });
    const prose = lint.stdout.slice(lint.stdout.indexOf("One finding"));
    const folded = prose.slice(0, prose.indexOf("\n\n")).split("\n");
    expect(folded.length).toBeGreaterThan(3);
    expect(folded.join(" ")).toContain("PAGE is a page or folder as the reports print it.");
    for (const line of folded) expect(textWidth(line)).toBeLessThanOrEqual(95);
    const urls = readFileSync(loaded, "utf8").split("\n");
    expect(urls.some((u) => u.includes("/node_modules/string-width/"))).toBe(true);
    expect(urls.filter((u) => /\/node_modules\/(ink|react)\/|\/src\/ui\//.test(u))).toEqual([]);
    // Wide characters take two columns each: counted as characters they would overflow.
    const wide = wrapWords("页面页面 ".repeat(40).trim(), 95);
    expect(wide.every((l) => textWidth(l) <= 95)).toBe(true);
    expect(wide[0]).toBe("页面页面 ".repeat(10).trim());
  });
});

describe("a mistyped command or option", () => {
  it.each([
    [["chek"], "unknown command: chek (did you mean check?)"],
    [["scna"], "unknown command: scna (did you mean scan?)"],
    [["scan", "--max-behnd", "3"], "unknown option --max-behnd (did you mean --max-behind?)"],
    [["scan", "--langs", "ja"], "unknown option --langs (did you mean --lang?)"],
    [["scan", "--nonsense-flag"], "unknown option --nonsense-flag (see"],
  ])("%j is one line with a suggestion when one is close", (args, message) => {
    const res = runCli(args);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(message);
    expect(res.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("colour", () => {
  it("is on into a pipe when FORCE_COLOR asks, and off when FORCE_COLOR=0 or NO_COLOR says so", () => {
    const repo = outdatedRepo(path.join(tempDir(), "repo"));
    const esc = "\u001b[";
    const scan = (env: NodeJS.ProcessEnv) => runCli(["scan", "--repo", repo.dir], { env }).stdout;
    expect(scan({ NO_COLOR: "" })).not.toContain(esc);
    expect(scan({ NO_COLOR: "", FORCE_COLOR: "1" })).toContain(esc);
    expect(scan({ NO_COLOR: "", FORCE_COLOR: "0" })).not.toContain(esc);
    expect(scan({ NO_COLOR: "1", FORCE_COLOR: "1" })).not.toContain(esc);
  });
});
