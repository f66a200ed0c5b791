// Names that a sink's own way of defusing workflow commands or Markdown would print alike: a
// page named `##[x].md` and one literally named `##\[x].md` (what `##[` was broken up into),
// `::x.md`, and names made of Markdown syntax. Every format prints each its own way, and the
// printed name, given back to `stamp`, writes that page and no other.
import path from "node:path";
import type { InlineCode, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { beforeAll, describe, expect, it } from "vitest";
import { english, page, runCli, TestRepo, tempDir } from "./helpers.js";

/** Each page's name and how the reports print it. */
const NAMES: ReadonlyArray<{ name: string; printed: string }> = [
  { name: "##[x].md", printed: "##\\x5bx].md" },
  { name: "##\\[x].md", printed: "##\\[x].md" },
  // Backslash, x, 5, b: its backslash is doubled, so it is not read as the `[` above.
  { name: "##\\x5bx].md", printed: "##\\\\x5bx].md" },
  { name: "::x.md", printed: "\\x3a:x.md" },
  { name: "a::b.md", printed: "a::b.md" },
  { name: "[a](b).md", printed: "[a](b).md" },
  { name: "*x*.md", printed: "*x*.md" },
  { name: "a|@b #1 GH-5.md", printed: "a|@b #1 GH-5.md" },
];
const DIR = "content/zh-cn/";

let repo: TestRepo;
let head: string;

beforeAll(() => {
  repo = TestRepo.init(path.join(tempDir(), "repo"));
  for (const n of NAMES) repo.write(`content/en/${n.name}`, english("Page"));
  const raw = repo.commit("English");
  for (const n of NAMES) {
    repo.write(`content/en/${n.name}`, english("Page", "More.\n"));
    repo.write(`${DIR}${n.name}`, page(raw));
  }
  head = repo.commit("Translate; edit the English");
});

const expected = () => NAMES.map((n) => `${DIR}${n.printed}`).sort();
const run = (args: string[]) => runCli([...args, "--repo", repo.dir, "--no-cache"]).stdout;

/** The translations' names each format prints, in their printed form. */
const PRINTED: Record<string, () => string[]> = {
  table: () =>
    run(["scan"])
      .split("\n")
      .filter((l) => l.includes("! outdated"))
      .map((l) => l.slice(l.indexOf(DIR))),
  "github report": () =>
    run(["check", "--format", "github"])
      .split("\n")
      .filter((l) => l.includes("! outdated"))
      .map((l) => l.slice(l.indexOf(DIR))),
  "github annotations": () =>
    [...run(["check", "--format", "github"]).matchAll(/^::error file=([^,]*),/gm)].map((m) =>
      (m[1] as string).replaceAll("%3A", ":").replaceAll("%2C", ",").replaceAll("%25", "%"),
    ),
  // As GitHub renders it: the text of each checklist item's first code span.
  markdown: () => {
    const tree = fromMarkdown(run(["check", "--format", "markdown"]), {
      extensions: [gfm()],
      mdastExtensions: [gfmFromMarkdown()],
    });
    return inlineCode(tree).filter((t) => t.startsWith(DIR));
  },
  // The page cell's text as a browser shows it; the status page names pages inside their
  // language's folder.
  html: () =>
    [...run(["report"]).matchAll(/<th scope="row"><code>([^<]*)<\/code>/g)].map(
      (m) => `${DIR}${entities(m[1] as string)}`,
    ),
  "stamp --dry-run": () =>
    [...run(["stamp", "--dry-run", ...expected()]).matchAll(/^would stamp (.*) at /gm)].map(
      (m) => m[1] as string,
    ),
};

describe("names that a sink's escapes could make alike", () => {
  it.each(Object.keys(PRINTED))("are printed each its own way by the %s", (format) => {
    const shown = (PRINTED[format] as () => string[])();
    // The annotation's file is the path as the repository has it: no workflow command there.
    const want =
      format === "github annotations"
        ? NAMES.map((n) => `${DIR}${n.name.replace(/\\(?=x)/, "\\\\")}`).sort()
        : expected();
    expect(shown.sort()).toEqual(want);
  });

  it("are stamped, each printed name that page and no other", () => {
    for (const n of NAMES) {
      const res = runCli(["stamp", "--repo", repo.dir, `${DIR}${n.printed}`]);
      expect(res.stderr).toBe("");
      expect(res.stdout).toBe(`stamped ${DIR}${n.printed} at ${head.slice(0, 12)}\n`);
      const changed = repo.git(["diff", "--name-only", "-z"]).split("\0").filter(Boolean);
      expect(changed).toEqual([`${DIR}${n.name}`]);
      repo.git(["checkout", "--", "."]);
    }
  });

  it("are named in an error line as printed", () => {
    const res = runCli(["scan", "--repo", repo.dir, "--no-cache", `${DIR}##[nope].md`]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(`no page under "${DIR}##\\x5bnope].md"`);
  });

  it("select that page alone when given to scan as printed", () => {
    for (const n of NAMES) {
      const rows = run(["scan", `${DIR}${n.printed}`])
        .split("\n")
        .filter((l) => l.includes("! outdated"));
      expect(rows).toHaveLength(1);
      expect(rows[0]?.endsWith(`  ${DIR}${n.printed}`)).toBe(true);
    }
  });
});

function inlineCode(tree: Root): string[] {
  const out: string[] = [];
  const walk = (node: { type: string; children?: unknown[] }) => {
    if (node.type === "inlineCode") out.push((node as InlineCode).value);
    for (const child of node.children ?? []) walk(child as { type: string; children?: unknown[] });
  };
  walk(tree);
  return out;
}

function entities(html: string): string {
  return html.replace(/&(?:#(\d+)|(amp|lt|gt|quot));/g, (_, n?: string, named?: string) =>
    n
      ? String.fromCodePoint(Number(n))
      : ({ amp: "&", lt: "<", gt: ">", quot: '"' }[named as string] as string),
  );
}
