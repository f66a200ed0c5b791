// The real detail loader on the fixture repository: blobs read through git, diffs computed when
// asked for, links only when origin is on GitHub, and pages marked as updated in the work tree.
import { chmodSync, readFileSync } from "node:fs";
import path from "node:path";
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
    const source = await createDetailLoader(out, out.result, out.details);
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
    const source = await createDetailLoader(out, out.result, out.details);
    const gone = await source.wholeDiff(index("content/zh-cn/dev/old-api.md"));
    expect(gone.notice).toMatch(/deleted/);
    expect(gone.rows.some((r) => r.kind === "del" && r.text === "This API is deprecated.")).toBe(
      true,
    );
    expect((await source.wholeDiff(index("content/zh-cn/user/notes.md"))).notice).toMatch(
      /No English page has this translation's path/,
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
      const source = await createDetailLoader(out, out.result, out.details);
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

describe("markUpdated", () => {
  const PAGE = "content/zh-cn/user/run-your-own.md";
  const DATE = "2026-01-02";
  let own: TempSite;
  afterAll(() => own?.cleanup());

  it("rewrites only the page's raw_commit and date, and a new scan finds it up to date", async () => {
    own = buildFixture();
    const first = await scan({ repo: own.dir, source: "en", content: "content", langs: [] });
    const head = first.result.head;
    const i = first.result.pages.findIndex((p) => p.path === PAGE);
    const before = first.result.pages[i];
    expect(before).toMatchObject({ status: "outdated", commitsBehind: 1 });
    const file = path.join(own.dir, PAGE);
    const bytes = readFileSync(file, "utf8");
    const source = await createDetailLoader(first, first.result, first.details, {
      date: () => DATE,
    });
    const whole = await source.wholeDiff(i);
    expect(whole.added).toBe(3);

    const outcome = await source.markUpdated(i);
    expect(outcome).toEqual({
      ok: true,
      page: {
        ...before,
        status: "up-to-date",
        rawCommit: head,
        lastTranslationTime: DATE,
        commitsBehind: 0,
        linesAdded: 0,
        linesRemoved: 0,
        commits: [],
        movedFrom: null,
        warnings: [],
      },
    });
    // Exactly the two values changed, byte for byte; nothing else in the page.
    const old = own.labels["merge-early"] as string;
    expect(bytes).toContain(`raw_commit="${old}"`);
    expect(readFileSync(file, "utf8")).toBe(
      bytes
        .replace(`raw_commit="${old}"`, `raw_commit="${head}"`)
        .replace('last_translation_time="2025-04-21"', `last_translation_time="${DATE}"`),
    );
    expect(git(own.dir, ["diff", "--numstat", "--", PAGE])).toBe(`1\t1\t${PAGE}`);
    // (git() trims the leading space of " M".)
    expect(git(own.dir, ["status", "--porcelain"])).toBe(`M ${PAGE}`);

    // The loader answers for the page as it is now: no diff left, raw_commit at HEAD.
    expect(source.rawHash(i)).toBe(head);
    const after = await source.wholeDiff(i);
    expect(after).not.toBe(whole);
    expect(after.notice).toMatch(/^No change/);
    expect(after.rows).toEqual([]);
    // Asked again, it refuses: the page records HEAD already.
    expect(await source.markUpdated(i)).toEqual({
      ok: false,
      error: "the page already records HEAD",
    });

    const again = await scan({ repo: own.dir, source: "en", content: "content", langs: [] });
    expect(again.result.pages.find((p) => p.path === PAGE)).toMatchObject({
      status: "up-to-date",
      rawCommit: head,
      lastTranslationTime: DATE,
      commitsBehind: 0,
      linesAdded: 0,
      linesRemoved: 0,
      commits: [],
    });
  });

  it("refuses pages it must not stamp, without touching the disk", async () => {
    const source = await createDetailLoader(out, out.result, out.details);
    const moved = await source.markUpdated(index("content/zh-cn/admin/optional/elasticsearch.md"));
    expect(moved).toMatchObject({ ok: false, error: expect.stringMatching(/moved/) });
    expect(await source.markUpdated(index("content/zh-cn/user/filters.md"))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not translated yet/),
    });
    expect(await source.markUpdated(index("content/zh-cn/user/notes.md"))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/no raw_commit/),
    });
    expect(git(site.dir, ["status", "--porcelain"])).toBe("");
  });

  it("reports a page that cannot be written, and leaves it as it was", async () => {
    const source = await createDetailLoader(out, out.result, out.details);
    const i = index("content/zh-cn/user/signup.md");
    const file = path.join(site.dir, "content/zh-cn/user/signup.md");
    const bytes = readFileSync(file);
    chmodSync(file, 0o444);
    try {
      const outcome = await source.markUpdated(i);
      expect(outcome).toMatchObject({ ok: false, error: expect.stringMatching(/read-only/) });
      expect(source.rawHash(i)).toBe(out.details[i]?.rawHash);
      expect(readFileSync(file)).toEqual(bytes);
    } finally {
      chmodSync(file, 0o644);
    }
  });
});
