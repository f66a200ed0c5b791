// Line counting uses a scratch object folder; nothing may be left in the temporary folder
// afterwards, whether the scan ends, fails, or the process exits while git counts.
import { spawnSync } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, type TempSite, tempDir } from "../helpers/site.js";
import { outdatedRepo } from "../hostile/helpers.js";

const SCAN = fileURLToPath(new URL("../../dist/src/scan/scan.js", import.meta.url));

let site: TempSite;
beforeAll(() => {
  site = buildFixture();
});
afterAll(() => site?.cleanup());

/** Runs `body` in a fresh Node process whose temporary folder is empty; returns what is left. */
function leftBehind(body: string): string[] {
  const tmp = tempDir("ts-tmp-");
  const script = `const { scan } = await import(${JSON.stringify(SCAN)});\n${body}`;
  const res = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    env: { ...process.env, TMPDIR: tmp },
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(res.stderr).toBe("");
  const left = readdirSync(tmp);
  rmSync(tmp, { recursive: true, force: true });
  return left;
}

describe("the scratch folder", () => {
  it("is removed when the scan ends", () => {
    const repo = JSON.stringify(site.dir);
    expect(
      leftBehind(`await scan({ repo: ${repo}, source: "en", content: "content", langs: [] });`),
    ).toEqual([]);
  });

  it("is removed when the process exits while git counts lines", () => {
    const repo = JSON.stringify(site.dir);
    // The folder is made right after the "measure" progress; exit at the next turn of the loop.
    const exitWhileCounting = `(p) => { if (p.phase === "measure") setImmediate(() => process.exit(0)); }`;
    expect(
      leftBehind(
        `await scan({ repo: ${repo}, source: "en", content: "content", langs: [], onProgress: ${exitWhileCounting} });`,
      ),
    ).toEqual([]);
  });

  it("is gone before a failed line count is reported", () => {
    // The English version the page was translated from is missing from the object store, so
    // git cannot count its lines; the scan's failure must come after the cleanup, not before.
    const base = tempDir("ts-broken-");
    const broken = outdatedRepo(path.join(base, "repo"), true);
    const repo = JSON.stringify(broken.dir);
    const atRejection = `await scan({ repo: ${repo}, source: "en", content: "content", langs: [] }).then(
      () => process.stdout.write("no failure"),
      () => process.stdout.write(JSON.stringify(readdirSync(process.env.TMPDIR))),
    );`;
    try {
      const tmp = tempDir("ts-tmp-");
      const res = spawnSync(
        process.execPath,
        [
          "--input-type=module",
          "-e",
          `const { scan } = await import(${JSON.stringify(SCAN)});\nconst { readdirSync } = await import("node:fs");\n${atRejection}`,
        ],
        { env: { ...process.env, TMPDIR: tmp }, encoding: "utf8", timeout: 60_000 },
      );
      rmSync(tmp, { recursive: true, force: true });
      expect({ stdout: res.stdout, stderr: res.stderr }).toEqual({ stdout: "[]", stderr: "" });
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
