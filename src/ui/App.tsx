// The dashboard's root: shows the scan's progress from the first frame, then the browser. Holds
// the scan result, so that a page marked as updated replaces the old one everywhere at once.
import { Box, useApp, useInput } from "ink";
import { type RefObject, useCallback, useEffect, useRef, useState } from "react";
import type { PageReport, ScanResult } from "../core/types.js";
import type { DetailSource } from "../detail/types.js";
import type { Progress } from "../scan/scan.js";
import { Browser, type KeyHandler } from "./Browser.js";
import { frameHeight } from "./layout.js";
import { withPage } from "./mark.js";
import type { RememberedView } from "./remembered.js";
import { ScanScreen } from "./ScanScreen.js";
import { useTerminalSize } from "./terminal.js";
import { UiContext, type UiOptions } from "./theme.js";

export interface LoadedData {
  result: ScanResult;
  source: DetailSource;
  /** Work tree folder name. */
  repoName: string;
}

/** The header's figures: the scan's result once every page's status is final. */
export type Figures = Pick<LoadedData, "result" | "repoName">;

/** What the dashboard hears while its data loads; either may have happened before it listens. */
export interface LoadEvents {
  progress: (p: Progress) => void;
  /**
   * Every status is known; the line counts of changed pages may still be coming. May return
   * when the figures are drawn, so that the caller starts what can wait only then.
   */
  figures: (f: Figures) => void | Promise<void>;
}

/** Gathers the data (the scan, which may have started already), telling how far it has got. */
export type LoadDashboard = (on: LoadEvents) => Promise<LoadedData>;

export interface DashboardProps {
  /** The dashboard renders before this settles. */
  load: LoadDashboard;
  /** Shown while scanning, before the work tree is known. */
  repoName: string;
  ui: UiOptions;
  /** "Now" for translation ages; fixed in tests. */
  now?: number;
  initialLang?: string;
  /** Clear the screen on resize (real terminals); tests leave it off. */
  redrawOnResize?: boolean;
  /** Opens a page in the user's editor (see editor.ts); without it, `e` says it cannot. */
  edit?: (page: PageReport) => Promise<string | null>;
  /** The view remembered from the last run in this repository (see remembered.ts). */
  initialView?: RememberedView | null;
  /** Kept up to date with the view while the dashboard runs, to be remembered. */
  viewRef?: RefObject<RememberedView | null>;
}

/**
 * While the scan runs, the screen is drawn again this often (the spinner's next frame and the
 * latest progress together) and no more: every redraw takes the main thread from the scan (a few
 * milliseconds each, more on a busy machine), and a scan may report progress thousands of times
 * a second.
 */
const TICK_MS = 200;

interface Tick {
  frame: number;
  progress: Progress | null;
}

export function Dashboard({
  load,
  repoName,
  ui,
  now,
  initialLang,
  redrawOnResize = false,
  edit,
  initialView,
  viewRef,
}: DashboardProps) {
  const { exit } = useApp();
  const size = useTerminalSize(redrawOnResize);
  const [data, setData] = useState<LoadedData | null>(null);
  const [figures, setFigures] = useState<Figures | null>(null);
  // Settled once the figures have been drawn (see the effect below).
  const figuresDrawn = useRef<(() => void) | null>(null);
  const [startedAt] = useState(() => now ?? Date.now());
  const progress = useRef<Progress | null>(null);
  const [tick, setTick] = useState<Tick>({ frame: 0, progress: null });

  useEffect(() => {
    let live = true;
    load({
      progress: (p) => {
        progress.current = p;
      },
      figures: (f) => {
        if (!live) return undefined;
        setFigures(f);
        return new Promise<void>((resolve) => {
          figuresDrawn.current = resolve;
        });
      },
    }).then(
      (d) => live && setData(d),
      (err: unknown) => live && exit(err instanceof Error ? err : new Error(String(err))),
    );
    return () => {
      live = false;
      // Nothing is drawn any more: whoever waits for the figures need not wait.
      figuresDrawn.current?.();
    };
  }, [load, exit]);

  // Effects run after Ink has drawn the frame they belong to.
  useEffect(() => {
    if (!figures) return;
    figuresDrawn.current?.();
    figuresDrawn.current = null;
  }, [figures]);

  useEffect(() => {
    if (data) return;
    const timer = setInterval(
      () => setTick((t) => ({ frame: t.frame + 1, progress: progress.current })),
      TICK_MS,
    );
    return () => clearInterval(timer);
  }, [data]);

  // One subscription to the keyboard for the whole session: while scanning, q and Ctrl+C leave;
  // afterwards keys go to the browser's handler, which it sets as it renders. No key typed at
  // the switch (or in the same burst as the one before) can be lost or see stale state.
  const keys = useRef<KeyHandler | null>(null);
  useInput((input, key) => {
    if (keys.current) keys.current(input, key);
    else if (input === "q" || (key.ctrl && input === "c")) exit();
  });

  // The list, the header's counts and bars, and the open page all read the result from here.
  const onPageUpdated = useCallback((index: number, page: PageReport) => {
    setData((d) => (d ? { ...d, result: withPage(d.result, index, page) } : d));
  }, []);

  return (
    <UiContext.Provider value={ui}>
      {data ? (
        <Browser
          result={data.result}
          source={data.source}
          repoName={data.repoName}
          size={size}
          now={startedAt}
          {...(initialLang ? { initialLang } : {})}
          onQuit={() => exit()}
          onPageUpdated={onPageUpdated}
          keys={keys}
          {...(edit ? { edit } : {})}
          {...(initialView ? { initialView } : {})}
          {...(viewRef ? { viewRef } : {})}
        />
      ) : (
        <Box
          flexDirection="column"
          width={size.columns}
          height={frameHeight(size.rows)}
          overflow="hidden"
        >
          <ScanScreen
            repoName={repoName}
            progress={tick.progress}
            frame={tick.frame}
            figures={figures}
            size={size}
            {...(initialLang ? { initialLang } : {})}
            {...(initialView ? { initialView } : {})}
          />
        </Box>
      )}
    </UiContext.Provider>
  );
}
