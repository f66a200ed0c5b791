// npm start's demo site is built once: a page marked updated there survives the next start,
// and a changed fixture rebuilds it.
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ensureDemo } from "../../src/demo/demo-site.js";
import { ROOT } from "../helpers/site.js";
import { tempDir } from "../hostile/helpers.js";

describe("the demo site", () => {
  it("is kept between starts and rebuilt when the fixture changes", () => {
    const root = tempDir("ts-demo-");
    mkdirSync(path.join(root, "fixtures"));
    const fixture = path.join(root, "fixtures", "site.json");
    copyFileSync(path.join(ROOT, "fixtures", "site.json"), fixture);
    cpSync(path.join(ROOT, "fixtures", "hugo-site"), path.join(root, "fixtures", "hugo-site"), {
      recursive: true,
    });
    expect(ensureDemo(root)).toBe("built");
    const page = path.join(root, ".demo", "content", "zh-cn", "user", "signup.md");
    const edited = `${readFileSync(page, "utf8")}marked\n`;
    writeFileSync(page, edited);
    expect(ensureDemo(root)).toBe("kept");
    expect(readFileSync(page, "utf8")).toBe(edited);
    writeFileSync(fixture, `${readFileSync(fixture, "utf8")}\n`);
    expect(ensureDemo(root)).toBe("built");
    expect(readFileSync(page, "utf8")).not.toBe(edited);
  }, 60_000);
});
