// git diff --numstat honours the repository's diff.algorithm, and so must the line counts:
// these two versions of a page count differently under Myers and histogram.

import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/demo/build-site.js";
import { scan } from "../../src/scan/scan.js";
import { git, tempDir } from "../helpers/site.js";

const BEFORE =
  "a\n}\n{\nb\nb\nb\nb\nc\nc\na\n{\n}\n}\nc\nb\nb\nb\n}\n{\na\nc\n}\n{\n}\n{\n{\nb\nb\nc\nx\n";
const AFTER =
  "c\na\n}\n{\nb\na\nb\nb\nb\nc\na\n{\n}\n}\nc\nb\nb\nb\n{\nx\n}\n{\na\nc\nx\n{\n}\n{\n{\nc\nx\n";

let base: string;
let dir: string;
let raw: string;

beforeAll(() => {
  base = tempDir();
  dir = path.join(base, "site");
  const labels = buildSite(
    {
      start: "2025-01-01T00:00:00Z",
      author: { name: "Fixture Author", email: "fixture@example.com" },
      steps: [
        { commit: "English page", label: "a", write: { "content/en/p.md": BEFORE } },
        {
          commit: "Translation",
          write: { "content/zh-cn/p.md": '{{< translation-status raw_commit="{{hash:a}}" >}}\n' },
        },
        { commit: "Rewrite the English page", write: { "content/en/p.md": AFTER } },
      ],
    },
    dir,
  );
  raw = labels.a as string;
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const numstat = (algorithm: string) =>
  git(dir, [
    "-c",
    `diff.algorithm=${algorithm}`,
    "diff",
    "--numstat",
    raw,
    "HEAD",
    "--",
    "content/en/p.md",
  ])
    .split("\t")
    .slice(0, 2)
    .map(Number);

describe("diff.algorithm", () => {
  it("counts lines with the repository's configured algorithm, as git diff does", async () => {
    expect(numstat("myers")).not.toEqual(numstat("histogram"));
    for (const algorithm of ["myers", "histogram"]) {
      git(dir, ["config", "diff.algorithm", algorithm]);
      const { result } = await scan({ repo: dir, source: "en", content: "content", langs: [] });
      const page = result.pages.find((p) => p.path === "content/zh-cn/p.md");
      expect([algorithm, page?.linesAdded, page?.linesRemoved]).toEqual([
        algorithm,
        ...numstat(algorithm),
      ]);
    }
  });
});
