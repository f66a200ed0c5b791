// The ignore-revs file's format (git blame's) and how it is read: as untrusted data.
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "../../src/errors.js";
import { parseIgnoreRevs, readIgnoreRevs } from "../../src/options/ignore-revs.js";
import { tempDir } from "../helpers/site.js";

const A = "a".repeat(40);
const B = "B".repeat(40);
const SHA256 = "c".repeat(64);

describe("parseIgnoreRevs", () => {
  it("takes full hashes, comments, blank lines and CRLF, as git blame does", () => {
    const text = `# mass commits\r\n\r\n${A}\n${B}  # a link migration\n  ${SHA256}\n`;
    expect([...parseIgnoreRevs(text, "revs")]).toEqual([A, B.toLowerCase(), SHA256]);
  });

  it("refuses any other line by its number, never echoing it", () => {
    for (const [text, line] of [
      ["HEAD\n", 1],
      [`${A}\n\nmain~2\n`, 3],
      [`${A.slice(0, 39)}\n`, 1],
      [`${A} ${A}\n`, 1],
    ] as const) {
      expect(() => parseIgnoreRevs(text, "revs")).toThrow(
        new AppError(
          2,
          `revs: line ${line} is not a full commit hash (40 hex digits, or 64; # starts a comment)`,
        ),
      );
    }
  });
});

describe("readIgnoreRevs", () => {
  it("reads the default file only when the repository has it", () => {
    const top = tempDir();
    expect(readIgnoreRevs(top, null).size).toBe(0);
    writeFileSync(path.join(top, ".translation-status-ignore-revs"), `${A}\n`);
    expect([...readIgnoreRevs(top, null)]).toEqual([A]);
  });

  it("never follows a symbolic link, nor leaves the repository for a config-named file", () => {
    const top = tempDir();
    const outside = tempDir();
    writeFileSync(path.join(outside, "revs"), `${A}\n`);
    symlinkSync(path.join(outside, "revs"), path.join(top, "link"));
    expect(() => readIgnoreRevs(top, "link")).toThrow("link: symbolic link not followed");
    symlinkSync(outside, path.join(top, "dir"));
    expect(() => readIgnoreRevs(top, "dir/revs")).toThrow(
      "dir/revs: not a file inside the repository (ignoreRevsFile)",
    );
    mkdirSync(path.join(top, "meta"));
    writeFileSync(path.join(top, "meta", "revs"), `${A}\n`);
    expect([...readIgnoreRevs(top, "meta/revs")]).toEqual([A]);
  });
});
