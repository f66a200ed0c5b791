// Stamping on a real repository: the page's bytes change only where meant, and nothing else.
import {
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scan } from "../../src/scan/scan.js";
import { stampPages } from "../../src/stamp/stamp-pages.js";
import { buildFixture, git, type TempSite } from "../helpers/site.js";

let site: TempSite;
beforeAll(() => {
  site = buildFixture();
});
afterAll(() => site?.cleanup());

const opts = (pages: string[]) => ({
  repo: site.dir,
  content: "content",
  source: "en",
  pages,
  commit: null,
  date: "2026-11-26",
  cwd: site.dir,
});

describe("stampPages", () => {
  it("marks an outdated page as translated from HEAD, after which it is up to date", async () => {
    const rel = "content/zh-cn/user/run-your-own.md";
    const before = readFileSync(path.join(site.dir, rel), "utf8");
    const { commit, outcomes } = await stampPages(opts([rel]));
    expect(outcomes).toEqual([{ path: rel, commit, error: null }]);
    const head = git(site.dir, ["rev-parse", "HEAD"]);
    expect(commit).toBe(head);
    const after = readFileSync(path.join(site.dir, rel), "utf8");
    expect(after).toBe(
      before
        .replace(site.labels["merge-early"] as string, head)
        .replace("2025-04-21", "2026-11-26"),
    );
    const { result } = await scan({
      repo: site.dir,
      source: "en",
      content: "content",
      langs: ["zh-cn"],
    });
    expect(result.pages.find((p) => p.path === rel)).toMatchObject({
      status: "up-to-date",
      commitsBehind: 0,
    });
    // No temporary files are left behind.
    expect(
      readdirSync(path.join(site.dir, "content/zh-cn/user")).filter((f) => f.endsWith(".tmp")),
    ).toEqual([]);
  });

  it("does not read a page through a symbolically linked folder", async () => {
    const outside = mkdtempSync(path.join(tmpdir(), "stamp-outside-"));
    try {
      const page = `{{< translation-status raw_commit="${site.labels.initial}" >}}\n`;
      writeFileSync(path.join(outside, "p.md"), page);
      symlinkSync(outside, path.join(site.dir, "content/zh-cn/user/elsewhere"));
      const { outcomes } = await stampPages(opts(["content/zh-cn/user/elsewhere/p.md"]));
      expect(outcomes).toEqual([
        {
          path: "content/zh-cn/user/elsewhere/p.md",
          commit: null,
          error: "content/zh-cn/user/elsewhere is a symbolic link; not followed",
        },
      ]);
      expect(readFileSync(path.join(outside, "p.md"), "utf8")).toBe(page);
    } finally {
      rmSync(path.join(site.dir, "content/zh-cn/user/elsewhere"), { force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it("names a symbolic link it passes over in a folder given, as the scan does", async () => {
    const outside = mkdtempSync(path.join(tmpdir(), "stamp-outside-"));
    const links = ["elsewhere", "more", "most"].map((n) =>
      path.join(site.dir, "content/zh-cn/user", n),
    );
    try {
      writeFileSync(
        path.join(outside, "p.md"),
        `{{< translation-status raw_commit="${site.labels.initial}" >}}\n`,
      );
      symlinkSync(outside, links[0] as string);
      const one = await stampPages({ ...opts(["content/zh-cn/user"]), dryRun: true });
      const said = "content/zh-cn/user/elsewhere: symbolic link not followed";
      const aboutLinks = (w: string[]) => w.filter((line) => line.includes("symbolic link"));
      expect(aboutLinks(one.warnings)).toEqual([said]);
      const { result } = await scan({
        repo: site.dir,
        source: "en",
        content: "content",
        langs: ["zh-cn"],
      });
      expect(result.warnings).toContain(said);
      // Many are one line, as the scan's report says them.
      for (const link of links.slice(1)) symlinkSync(outside, link);
      const many = await stampPages({ ...opts(["content/zh-cn"]), dryRun: true });
      expect(aboutLinks(many.warnings)).toEqual([
        "symbolic link not followed (3 ×), first: content/zh-cn/user/elsewhere",
      ]);
      // The English folder's are not the translations': stamp never reads it.
      expect(many.outcomes.some((o) => o.path.startsWith("content/en/"))).toBe(false);
    } finally {
      for (const link of links) rmSync(link, { force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it("refuses symlinks, English pages and paths outside the content", async () => {
    const target = path.join(site.dir, "content/zh-cn/user/link.md");
    symlinkSync("../../../.git/config", target);
    const config = readFileSync(path.join(site.dir, ".git/config"));
    const { outcomes } = await stampPages(
      opts([
        "content/zh-cn/user/link.md",
        "content/en/user/signup.md",
        "../outside.md",
        "content/zh-cn/_index.md",
      ]),
    );
    expect(outcomes).toEqual([
      { path: "content/zh-cn/user/link.md", commit: null, error: "symbolic link not followed" },
      {
        path: "content/en/user/signup.md",
        commit: null,
        error: "this is an English source page, not a translation",
      },
      { path: "../outside.md", commit: null, error: "not a translated page under content/<lang>/" },
      {
        path: "content/zh-cn/_index.md",
        commit: null,
        error: "the page has no translation metadata to update",
      },
    ]);
    expect(readFileSync(path.join(site.dir, ".git/config"))).toEqual(config);
    expect(lstatSync(target).isSymbolicLink()).toBe(true);
  });

  it("refuses pages whose English source moved or was deleted, and reads paths from the repository", async () => {
    const moved = "content/zh-cn/admin/optional/elasticsearch.md";
    const deleted = "content/zh-cn/dev/old-api.md";
    const bytes = [
      readFileSync(path.join(site.dir, moved)),
      readFileSync(path.join(site.dir, deleted)),
    ];
    // A path as the reports print it works from any current folder.
    const { outcomes } = await stampPages({ ...opts([moved, deleted]), cwd: "/" });
    const head = git(site.dir, ["rev-parse", "--short=12", "HEAD"]);
    expect(outcomes).toEqual([
      {
        path: moved,
        commit: null,
        error: `the English source content/en/admin/optional/elasticsearch.md does not exist at ${head}: move the translation to its English page's name, or remove it`,
      },
      {
        path: deleted,
        commit: null,
        error: `the English source content/en/dev/old-api.md does not exist at ${head}: move the translation to its English page's name, or remove it`,
      },
    ]);
    expect([
      readFileSync(path.join(site.dir, moved)),
      readFileSync(path.join(site.dir, deleted)),
    ]).toEqual(bytes);
  });
});
