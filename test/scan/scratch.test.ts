// Line counting uses a scratch object folder; nothing may be left in the temporary folder
// afterwards, whether the scan ends, fails, or the process exits while git counts.
import { spawnSync } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, type TempSite, tempDir } from "../helpers/site.js";

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

  it("is removed when the scan fails", () => {
    const repo = JSON.stringify(site.dir);
    expect(
      leftBehind(
        `await scan({ repo: ${repo}, source: "en", content: "content", langs: ["nope"] }).catch(() => {});`,
      ),
    ).toEqual([]);
  });
});
