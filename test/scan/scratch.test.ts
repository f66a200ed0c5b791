// The line counter keeps a scratch object folder for the whole scan; nothing may be left in the
// temporary folder afterwards, whether the scan ends, fails, or the process exits in the middle.
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

  it("is removed when the process exits in the middle of the scan", () => {
    const repo = JSON.stringify(site.dir);
    const exitWhileReading = `(p) => { if (p.phase === "pages") process.exit(0); }`;
    expect(
      leftBehind(
        `await scan({ repo: ${repo}, source: "en", content: "content", langs: [], onProgress: ${exitWhileReading} });`,
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
