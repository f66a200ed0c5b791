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

export interface DashboardProps {
  /** Runs the scan, reporting progress; the dashboard renders before this settles. */
  load: (onProgress: (p: Progress) => void) => Promise<LoadedData>;
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

/** Progress updates are shown at most this often (a scan may report thousands per second). */
const PROGRESS_INTERVAL_MS = 60;

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
  const [progress, setProgress] = useState<Progress | null>(null);
  const [data, setData] = useState<LoadedData | null>(null);
  const [startedAt] = useState(() => now ?? Date.now());
  const lastShown = useRef(0);

  useEffect(() => {
    let live = true;
    const onProgress = (p: Progress) => {
      const t = Date.now();
      if (!live || (t - lastShown.current < PROGRESS_INTERVAL_MS && p.done !== p.total)) return;
      lastShown.current = t;
      setProgress({ ...p });
    };
    load(onProgress).then(
      (d) => live && setData(d),
      (err: unknown) => live && exit(err instanceof Error ? err : new Error(String(err))),
    );
    return () => {
      live = false;
    };
  }, [load, exit]);

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
            progress={progress}
            width={size.columns}
            height={frameHeight(size.rows)}
          />
        </Box>
      )}
    </UiContext.Provider>
  );
}
