// What the dashboard shows, gathered by the shell: the scan runs from before the UI is loaded
// (loading it takes a few hundred milliseconds that git uses), so what the scan reports
// meanwhile is kept until the UI listens. The UI gets data and a loader, and never calls git.
import path from "node:path";
import type { ScanResult } from "../core/types.js";
import { AppError } from "../errors.js";
import { type Progress, scanInStages } from "../scan/scan.js";
import type { ScanStart } from "../scan/start.js";
import { settleLater } from "../settle.js";
import type { Figures, LoadEvents, LoadedData } from "../ui/App.js";
import type { DashboardFeed } from "../ui/run.js";
import type { CliOptions } from "./args.js";
import { scanScope } from "./load-options.js";

/** Starts the dashboard's scan now; the UI, once loaded, listens through the returned loader. */
export function startDashboardData(opts: CliOptions, start: Promise<ScanStart>): DashboardFeed {
  // What was heard so far, and who listens (nobody until the UI has loaded).
  const heard: {
    progress: Progress | null;
    figures: Figures | null;
    on: LoadEvents | null;
    workTree: string | null;
  } = { progress: null, figures: null, on: null, workTree: null };
  // The figures are drawn once the UI listens and has drawn them (it tells, or is done at once).
  let figuresDrawn: (drawn: void | Promise<void>) => void = () => {};
  const drawn = new Promise<void>((resolve) => {
    figuresDrawn = resolve;
  });
  const data = settleLater(
    (async (): Promise<LoadedData> => {
      const onProgress = (p: Progress) => {
        heard.progress = p;
        heard.on?.progress(p);
      };
      const { repo } = await start;
      heard.workTree = repo.workTree;
      const repoName = path.basename(repo.workTree);
      // The figures need every page's status, not the commits behind or the line counts still
      // being counted: they are told as soon as the statuses are final.
      let refused: string | null = null;
      const tellFigures = (result: ScanResult) => {
        if (heard.figures || refused !== null) return;
        refused = openingLanguageProblem(opts, result.languages);
        if (refused !== null) return;
        heard.figures = { result, repoName };
        if (heard.on) figuresDrawn(heard.on.figures(heard.figures));
      };
      const staged = await scanInStages(
        { ...scanScope(opts), onProgress, onStatuses: tellFigures },
        start,
      );
      const out = staged.output;
      // Unless told already (with --kinds the statuses come with the rest).
      tellFigures(out.result);
      if (refused !== null) throw new AppError(2, refused);
      // What opens a page (diffs, marking it updated) is loaded while git counts, but only once
      // the figures are on screen: its modules would otherwise take the main thread from them.
      const [{ createDetailLoader, withEstimatedCommits }] = await Promise.all([
        drawn.then(() => import("../detail/loader.js")),
        staged.linesUpTo(out.result.pages.length),
      ]);
      const result = withEstimatedCommits(out.result, out.details);
      const source = await createDetailLoader(out, result, out.details, {
        extensions: opts.extensions,
        metadata: opts.metadata,
        force: opts.force,
      });
      return { result, source, repoName };
    })(),
  );
  return {
    load: (on) => {
      heard.on = on;
      if (heard.progress) on.progress(heard.progress);
      if (heard.figures) figuresDrawn(on.figures(heard.figures));
      return data;
    },
    workTree: () => heard.workTree,
  };
}

/**
 * Why the dashboard cannot open on the language it was told to (one the scan does not read), or
 * null: said as a language --lang names is refused, rather than opening on another unasked.
 */
export function openingLanguageProblem(
  opts: Pick<CliOptions, "defaultLanguage" | "defaultLanguageFrom">,
  languages: readonly string[],
): string | null {
  const lang = opts.defaultLanguage;
  if (lang === null || languages.includes(lang)) return null;
  const read = languages.length > 0 ? `the scan reads ${languages.join(", ")}` : "no language read";
  return `${opts.defaultLanguageFrom}: no such language: ${JSON.stringify(lang)} (${read})`;
}
