// The line counter writes its scratch trees itself; git must read them as its own mktree's.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { gitEnv } from "../../src/git/run.js";
import { writeBlobTree } from "../../src/git/tree-object.js";
import { git, tempDir } from "../helpers/site.js";

const base = tempDir();
afterAll(() => rmSync(base, { recursive: true, force: true }));

let repos = 0;

function repoWithBlobs(format: "sha1" | "sha256", texts: string[]) {
  const dir = path.join(base, `${format}-${repos++}`);
  mkdirSync(dir);
  git(dir, ["init", "-q", `--object-format=${format}`]);
  const oids = texts.map((text) =>
    execFileSync("git", ["hash-object", "-w", "--stdin"], {
      cwd: dir,
      input: text,
      env: gitEnv(),
      encoding: "utf8",
    }).trim(),
  );
  return { dir, oids };
}

function mktree(dir: string, names: string[], oids: string[]): string {
  const input = names.map((n, i) => `100644 blob ${oids[i]}\t${n}\0`).join("");
  return execFileSync("git", ["mktree", "-z"], {
    cwd: dir,
    input,
    env: gitEnv(),
    encoding: "utf8",
  }).trim();
}

describe("writeBlobTree", () => {
  for (const format of ["sha1", "sha256"] as const) {
    it(`writes the tree git mktree writes (${format})`, () => {
      const { dir, oids } = repoWithBlobs(format, ["one\n", "two\nlines\n", "three\n"]);
      const names = ["00000000", "00000001", "00000002"];
      const objects = path.join(dir, ".git", "objects");
      const ours = writeBlobTree(objects, names, oids, oids[0]?.length ?? 0);
      expect(ours).toBe(mktree(dir, names, oids));
      expect(git(dir, ["cat-file", "-t", ours])).toBe("tree");
      expect(git(dir, ["ls-tree", ours]).split("\n")).toEqual(
        names.map((n, i) => `100644 blob ${oids[i]}\t${n}`),
      );
      expect(git(dir, ["fsck", "--strict", "--no-dangling"])).toBe("");
    });
  }

  it("writes the empty tree git knows", () => {
    const { dir, oids } = repoWithBlobs("sha1", ["x\n"]);
    const objects = path.join(dir, ".git", "objects");
    expect(writeBlobTree(objects, [], [], oids[0]?.length ?? 0)).toBe(
      "4b825dc642cb6eb9a060e54bf8d69288fbee4904",
    );
  });
});
