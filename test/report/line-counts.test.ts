// Every output counts a page's lines as git does (its numstat, with the repository's
// diff.algorithm), even beside a diff that is worked out otherwise. fixtures/rewrite.json under
// histogram: git counts +10 -9, while the diff the tool shows (the fewest changed lines, as
// `git diff --minimal`) has +5 -4. A count of the shown diff appears only labelled as its own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, git, type TempSite } from "../helpers/site.js";
import { runCli } from "../hostile/helpers.js";

let site: TempSite;
let raw: string;

beforeAll(() => {
  site = buildFixture("rewrite.json");
  raw = site.labels.a as string;
  git(site.dir, ["config", "diff.algorithm", "histogram"]);
});
afterAll(() => site?.cleanup());

const numstat = (extra: readonly string[]) =>
  git(site.dir, ["diff", "--numstat", ...extra, raw, "HEAD", "--", "content/en/p.md"])
    .split("\t")
    .slice(0, 2)
    .join(" ");

const cli = (args: readonly string[]) => {
  const res = runCli([...args, "--repo", site.dir, "--no-cache"]);
  expect(res.stderr).toBe("");
  return res;
};

describe("line counts beside a diff that git counts otherwise", () => {
  it("has git's count differ from the shown diff's", () => {
    expect(numstat([])).toBe("10 9");
    expect(numstat(["--diff-algorithm=minimal"])).toBe("5 4");
  });

  it("status page: the row and the details say git's count; the diff's own is labelled", () => {
    const html = cli(["report"]).stdout;
    const row = html.slice(html.indexOf('data-path="p.md"'), html.indexOf("</tbody>"));
    expect(row).toContain('<td class="num">+10 −9</td>');
    expect(row).toContain(
      "<summary>English changes since the translation: 1 English commit, +10 −9 lines</summary>",
    );
    expect(row).toContain(
      '<p class="note">The diff below counts +5 −4 lines; the count above, +10 −9, is git\'s diff (<code>git diff --numstat</code>), which can pair the lines otherwise.</p>',
    );
    // Every other count on the row is git's: +5 and −4 appear only in that note.
    const withoutNote = row.replace(/<p class="note">The diff below[\s\S]*?<\/p>/, "");
    expect(withoutNote).not.toMatch(/\+5\b|−4\b/);
    // The diff shown is the one of the fewest changed lines: 5 added, 4 removed rows.
    expect(row.match(/<span class="r add">/g)).toHaveLength(5);
    expect(row.match(/<span class="r del">/g)).toHaveLength(4);
  });

  it("table and --diff: the table's count is git's and the diff prints none of its own", () => {
    const out = cli(["scan", "--diff"]).stdout;
    expect(out).toContain("! outdated         1 behind +10 -9       content/zh-cn/p.md\n");
    const diff = out.slice(out.indexOf("\ncontent/zh-cn/p.md  (English"));
    expect(diff.split("\n")[1]).toBe(
      `content/zh-cn/p.md  (English content/en/p.md, ${raw.slice(0, 12)}..HEAD)`,
    );
    expect(diff).not.toMatch(/\+\d+ -\d+/);
    expect(diff.match(/^\+[^+]/gm)).toHaveLength(5);
    expect(diff.match(/^-[^-]/gm)).toHaveLength(4);
  });

  it("markdown and JSON: git's count", () => {
    const md = runCli(["check", "--repo", site.dir, "--no-cache", "--format", "markdown"]);
    expect(md.code).toBe(1);
    expect(md.stdout).toContain("19 lines changed (+10 -9)");
    const json = JSON.parse(cli(["scan", "--format", "json"]).stdout);
    expect([json.pages[0].linesAdded, json.pages[0].linesRemoved]).toEqual([10, 9]);
  });
});
