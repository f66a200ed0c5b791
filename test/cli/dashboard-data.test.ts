// The dashboard's data as the shell gathers it: a real scan of the fixture site, started before
// anything listens, heard by the UI whenever it comes to listen.
import { chmodSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCli } from "../../src/cli/args.js";
import { startDashboardData } from "../../src/cli/dashboard-data.js";
import { loadOptions } from "../../src/cli/load-options.js";
import { AppError } from "../../src/errors.js";
import { type Progress, scan } from "../../src/scan/scan.js";
import { startScan } from "../../src/scan/start.js";
import type { Figures } from "../../src/ui/App.js";
import { buildFixture, git, type TempSite, tempDir } from "../helpers/site.js";

let site: TempSite;

beforeAll(() => {
  site = buildFixture();
});
afterAll(() => site?.cleanup());

describe("the dashboard's data", () => {
  it("tells the figures before the data, and replays both to a listener that comes late", async () => {
    const opts = await loadOptions(parseCli(["dashboard", "--repo", site.dir]));
    const { load, workTree } = startDashboardData(opts, startScan(opts));
    const heard: string[] = [];
    let figures: Figures | null = null;
    const data = await load({
      progress: (p) => heard.push(p.phase),
      figures: (f) => {
        heard.push("figures");
        figures = f;
      },
    }).then((d) => {
      heard.push("data");
      return d;
    });
    // Every status is final when the figures are told: they are the whole scan's.
    const plain = await scan({ repo: site.dir, source: "en", content: "content", langs: [] });
    expect((figures as Figures | null)?.result.summary).toEqual(plain.result.summary);
    expect(data.result.summary).toEqual(plain.result.summary);
    expect(data.result.pages.map((p) => [p.path, p.linesAdded])).toEqual(
      plain.result.pages.map((p) => [p.path, p.linesAdded]),
    );
    expect(data.repoName).toBe("site");
    // Where a page opened in the editor is, as git names the work tree.
    expect(workTree()).toBe(plain.repo.workTree);
    const at = (what: string) => heard.indexOf(what);
    expect(at("figures")).toBeGreaterThan(at("history"));
    expect(at("figures")).toBeLessThan(at("done"));
    expect(heard.at(-1)).toBe("data");

    // The UI listens only once it has loaded: what it missed comes at once, the last word first.
    const late: Array<Progress | Figures> = [];
    const again = await load({
      progress: (p) => late.push(p),
      figures: (f) => {
        late.push(f);
      },
    });
    expect(again).toBe(data);
    expect(late).toEqual([{ phase: "done", done: 1, total: 1 }, figures]);
  });

  it("loads what opens a page only once the UI has drawn the figures", async () => {
    const opts = await loadOptions(parseCli(["dashboard", "--repo", site.dir]));
    const { load } = startDashboardData(opts, startScan(opts));
    const heard: string[] = [];
    let drawn: () => void = () => {};
    let settled = false;
    const data = load({
      progress: (p) => heard.push(p.phase),
      figures: () =>
        new Promise<void>((resolve) => {
          drawn = resolve;
        }),
    }).then((d) => {
      settled = true;
      return d;
    });
    // git has counted every line ("done"), yet the data waits for the figures to be drawn.
    while (!heard.includes("done")) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 50));
    expect(settled).toBe(false);
    drawn();
    expect((await data).result.pages.length).toBeGreaterThan(0);
  });

  it("holds the scan's failure for the UI to show, as no unhandled rejection", async () => {
    const opts = await loadOptions(parseCli(["dashboard", "--repo", site.dir, "--content", "xx"]));
    const start = startScan(opts);
    const { load } = startDashboardData(opts, start);
    // Nothing listens while the scan fails.
    await expect(start).rejects.toThrow("xx");
    await new Promise((r) => setImmediate(r));
    await expect(load({ progress: () => {}, figures: () => {} })).rejects.toThrow("xx");
  });

  it("refuses to open on a language the scan does not read, naming where it was asked for", async () => {
    const refusal = async (args: string[]) => {
      const opts = await loadOptions(parseCli(["dashboard", "--repo", site.dir, ...args]));
      let told = false;
      const load = startDashboardData(opts, startScan(opts)).load({
        progress: () => {},
        figures: () => {
          told = true;
        },
      });
      await expect(load).rejects.toThrow(AppError);
      expect(told).toBe(false);
      return load.catch((err: Error) => err.message);
    };
    expect(await refusal(["--default-lang", "xx"])).toBe(
      '--default-lang: no such language: "xx" (the scan reads ja, zh-cn)',
    );
    const config = path.join(tempDir(), "config.json");
    writeFileSync(config, JSON.stringify({ defaultLanguage: "fr" }));
    expect(await refusal(["--config", config, "--lang", "ja"])).toBe(
      `${config}: "defaultLanguage": no such language: "fr" (the scan reads ja)`,
    );
  });
});

describe("u on a read-only page", () => {
  const PAGE = "content/zh-cn/user/run-your-own.md";
  /** Marks the page in a dashboard started with `args`; the outcome, and the page afterwards. */
  async function markWith(args: string[]) {
    const opts = await loadOptions(parseCli([...args, "--repo", site.dir]));
    const data = await startDashboardData(opts, startScan(opts)).load({
      progress: () => {},
      figures: () => {},
    });
    const i = data.result.pages.findIndex((p) => p.path === PAGE);
    return data.source.markUpdated(i);
  }

  it("is refused with the advice to use --force, which the dashboard takes", async () => {
    const file = path.join(site.dir, PAGE);
    const bytes = readFileSync(file, "utf8");
    chmodSync(file, 0o444);
    try {
      const refused = await markWith(["dashboard"]);
      expect(refused).toEqual({
        ok: false,
        error: "the page is read-only; nothing written (use --force to write it anyway)",
      });
      expect(readFileSync(file, "utf8")).toBe(bytes);
      // As the advice says: the dashboard (by name, or as the default command) with --force.
      expect(parseCli(["--force"]).force).toBe(true);
      const forced = await markWith(["dashboard", "--force"]);
      const head = git(site.dir, ["rev-parse", "HEAD"]);
      expect(forced).toMatchObject({ ok: true, page: { status: "up-to-date", rawCommit: head } });
      expect(readFileSync(file, "utf8")).toContain(`raw_commit="${head}"`);
      expect(statSync(file).mode & 0o777).toBe(0o444);
    } finally {
      chmodSync(file, 0o644);
      git(site.dir, ["checkout", "-q", "--", PAGE]);
    }
  });

  it("--force stays an option of the commands that write pages", () => {
    expect(() => parseCli(["scan", "--force"])).toThrow(
      "--force is an option of stamp, lint --fix and the dashboard",
    );
    expect(() => parseCli(["lint", "--force"])).toThrow(/--force is an option of/);
  });
});
