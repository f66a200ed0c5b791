// The benchmark's rows about the dashboard's start, and a site of the Mastodon documentation's
// size beside the reference repository: there Node's start and the UI's loading weigh the most,
// so both sizes are measured. Each row compares the dashboard with `scan --format json` timed
// in turns in the same run, since only the difference means something on a shared machine.
import { existsSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { scan } from "../src/scan/scan.js";
import type { GenerateOptions } from "./generate.js";
import { median, ms, repeat, timeCommand, timeDashboard } from "./measure.js";
import { perPageExtrapolated } from "./per-page.js";

/** About 200 English pages translated into 3 languages, about 900 commits. */
export const SMALL_SITE: GenerateOptions = {
  pages: 200,
  commits: 900,
  languages: { "zh-cn": 0.95, ja: 0.85, de: 0.75 },
  seed: 1,
};

export type Row = [string, string, string];

interface Site {
  name: string;
  repo: string;
  /** Also time the scan's rows and the per-page approach here (the reference has its own). */
  scanRows: boolean;
  /** Besides `scan time + 0.3 s`, the figures must be on screen within this long. */
  withinMs?: number;
}

/**
 * "Figures on screen": a language's line of counts, drawn after its bar (`▏  181  ! 149 82%`),
 * which the dashboard draws once every page's status is known.
 */
const figuresShown = (text: string) => /▏ *\d+ {2}/.test(text);

/** What the dashboard is allowed over the scan before its figures are on screen. */
const OVER_SCAN_MS = 300;

/**
 * Removes the reports `scan --format json` keeps in the bench's cache (src/cache/report-file.ts),
 * and nothing else: a kept report answers a rescan without scanning, and the dashboard, which
 * needs every page's details, never reads one. The rows compare the dashboard with the scan it
 * runs, so that scan must do the same work: history, line counts and page readings from the cache.
 */
function forgetKeptReports(): void {
  const home = process.env.XDG_CACHE_HOME;
  if (!home) return;
  const dir = path.join(home, "translation-status");
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    if (name.startsWith("report-")) rmSync(path.join(dir, name));
  }
}

export async function dashboardRows(
  cli: string,
  repos: { reference: string; small: string },
  runs: number,
  sample: number,
): Promise<Row[]> {
  const langs = Object.keys(SMALL_SITE.languages).length;
  const sites: Site[] = [
    {
      name: `small site (${SMALL_SITE.pages} pages × ${langs} languages, ${SMALL_SITE.commits} commits)`,
      repo: repos.small,
      scanRows: true,
      withinMs: 1000,
    },
    { name: "reference repository", repo: repos.reference, scanRows: false },
  ];
  const rows: Row[] = [];
  for (const site of sites) {
    // The scan the dashboard runs: with the cache, but not the report `scan` keeps, which
    // would answer without scanning (see forgetKeptReports).
    const scanRun = () => {
      forgetKeptReports();
      return timeCommand(
        process.execPath,
        [cli, "scan", "--repo", site.repo, "--format", "json"],
        site.repo,
      );
    };
    const figuresRun = () => timeDashboard(cli, site.repo, figuresShown);
    await scanRun();
    await figuresRun();
    const turns = await repeat(runs, async () => {
      const scan = await scanRun();
      const figures = await figuresRun();
      return { scan, figures };
    });
    const scanMs = median(turns.map((t) => t.scan));
    const figures = median(turns.map((t) => t.figures));
    const over = median(turns.map((t) => t.figures - t.scan));
    if (site.scanRows) {
      const out = await scan({ repo: site.repo, source: "en", content: "content", langs: [] });
      rows.push([`${site.name}: pages reported`, String(out.result.pages.length), ""]);
      rows.push([`${site.name}: full JSON scan, wall`, ms(scanMs), ""]);
      const perPage = await perPageExtrapolated(site.repo, out.result.pages, sample);
      rows.push([
        `${site.name}: per-page approach (${perPage.sampled} sampled of ${perPage.ranged})`,
        ms(perPage.ms),
        `${(perPage.ms / scanMs).toFixed(0)}× slower than the scan`,
      ]);
    }
    const within = site.withinMs ? ` and ≤ ${ms(site.withinMs)}` : "";
    rows.push([
      `${site.name}: dashboard figures on screen`,
      ms(figures),
      `scan ${ms(scanMs)}; ${over >= 0 ? "+" : "−"}${ms(Math.abs(over))} (median of turns; target ≤ +${OVER_SCAN_MS} ms${within})`,
    ]);
  }
  return rows;
}
