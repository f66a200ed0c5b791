// The real detail loader on the fixture repository: blobs read through git, diffs computed when
// asked for, links only when origin is on GitHub.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDetailLoader } from "../../src/detail/loader.js";
import { type ScanOutput, scan } from "../../src/scan/scan.js";
import { buildFixture, git, type TempSite } from "../helpers/site.js";

let site: TempSite;
let out: ScanOutput;
const index = (path: string) => out.result.pages.findIndex((p) => p.path === path);

beforeAll(async () => {
  site = buildFixture();
  out = await scan({ repo: site.dir, source: "en", content: "content", langs: [] });
});
afterAll(() => site?.cleanup());

describe("createDetailLoader", () => {
  it("diffs the English source from raw_commit to HEAD, and per commit", async () => {
    const source = await createDetailLoader(out.repo, out.result, out.details);
    const i = index("content/zh-cn/user/moderation.md");
    const whole = await source.wholeDiff(i);
    expect(whole).toMatchObject({ added: 4, removed: 0, notice: null });
    expect(whole.rows.filter((r) => r.kind === "add").map((r) => r.text)).toEqual([
      "",
      "They can also limit accounts.",
      "",
      "See the admin guide.",
    ]);
    const [newest, oldest] = out.result.pages[i]?.commits ?? [];
    const first = await source.commitDiff(i, oldest?.hash ?? "");
    expect(first.rows.filter((r) => r.kind === "add").map((r) => r.text)).toEqual([
      "",
      "They can also limit accounts.",
    ]);
    const second = await source.commitDiff(i, newest?.hash ?? "");
    expect(second.rows.filter((r) => r.kind === "add").map((r) => r.text)).toEqual([
      "",
      "See the admin guide.",
    ]);
    // Asked twice, computed once.
    expect(await source.wholeDiff(i)).toBe(whole);
    expect(source.links(i)).toEqual({ compare: null, history: null });
    expect(source.rawHash(i)).toBe(site.labels["merge-early"]);
  });

  it("shows a deleted English page as removed lines, and explains pages without a base", async () => {
    const source = await createDetailLoader(out.repo, out.result, out.details);
    const gone = await source.wholeDiff(index("content/zh-cn/dev/old-api.md"));
    expect(gone.notice).toMatch(/deleted/);
    expect(gone.rows.some((r) => r.kind === "del" && r.text === "This API is deprecated.")).toBe(
      true,
    );
    expect((await source.wholeDiff(index("content/zh-cn/user/notes.md"))).notice).toMatch(
      /no raw_commit/,
    );
    expect((await source.wholeDiff(index("content/zh-cn/admin/backups.md"))).notice).toMatch(
      /not a commit/,
    );
    expect((await source.wholeDiff(index("content/zh-cn/user/filters.md"))).notice).toMatch(
      /Not translated yet/,
    );
  });

  it("links to GitHub when origin is there", async () => {
    git(site.dir, ["remote", "add", "origin", "https://github.com/example/docs.git"]);
    try {
      const source = await createDetailLoader(out.repo, out.result, out.details);
      const i = index("content/zh-cn/user/moderation.md");
      const head = out.result.head.slice(0, 12);
      expect(source.links(i)).toEqual({
        compare: `https://github.com/example/docs/compare/${site.labels["merge-early"]?.slice(0, 12)}...${head}`,
        history: `https://github.com/example/docs/commits/${head}/content/en/user/moderation.md`,
      });
    } finally {
      git(site.dir, ["remote", "remove", "origin"]);
    }
  });
});
