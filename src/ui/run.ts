// Starts the dashboard in the terminal: the only module that renders Ink for real. The build
// bundles it with Ink and React in production mode (scripts/bundle-dashboard.ts); main.ts loads
// it lazily, after deciding on colour (FORCE_COLOR=0 is set before Ink is first imported) and
// after setting the scan going. It gets the data through `load` and never calls git itself.

import path from "node:path";
import { render } from "ink";
import { createElement } from "react";
import type { CliOptions } from "../cli/args.js";
import { colorTestEnv } from "../cli/color.js";
import type { PageReport } from "../core/types.js";
import type { ExitCode } from "../errors.js";
import { workTreeTop } from "../options/config.js";
import { Dashboard, type LoadDashboard } from "./App.js";
import { runEditor } from "./editor.js";
import { ENDING_SIGNALS } from "./first-frame.js";
import { type RememberedView, readView, stateFile, writeView } from "./remembered.js";
import { openingLanguage } from "./state.js";
import { supportsHyperlinks } from "./terminal.js";

const ENTER_ALT_SCREEN = "\x1b[?1049h\x1b[H";
const LEAVE_ALT_SCREEN = "\x1b[?1049l";
const SHOW_CURSOR = "\x1b[?25h";

/** What the shell hands the dashboard: the data's loader, and where the pages are edited. */
export interface DashboardFeed {
  load: LoadDashboard;
  /** The translations' work tree, once the scan has opened the repository. */
  workTree: () => string | null;
}

export async function runDashboardApp(opts: CliOptions, feed: DashboardFeed): Promise<ExitCode> {
  const stdout = process.stdout;
  const color =
    opts.color ??
    (process.env.FORCE_COLOR !== "0" && stdout.hasColors?.(colorTestEnv(process.env)) === true);
  const ui = { color, hyperlinks: supportsHyperlinks(process.env, color, Boolean(stdout.isTTY)) };

  // The view of the last run in this repository, unless --no-state (then none is written either).
  const top = workTreeTop(opts.repo, process.cwd()) ?? path.resolve(opts.repo);
  const saved = opts.state ? stateFile(process.env, top) : null;
  const initialView = saved ? readView(saved) : null;
  const viewRef: { current: RememberedView | null } = { current: null };
  const { load, workTree: openedWorkTree } = feed;

  // The dashboard gets a screen of its own; whatever happens, the user's screen comes back.
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    try {
      stdout.write(`${LEAVE_ALT_SCREEN}${SHOW_CURSOR}`);
    } catch {
      // The terminal is gone (hang-up): nothing left to restore.
    }
  };
  process.once("exit", restore);
  stdout.write(ENTER_ALT_SCREEN);
  // The editor gets the terminal as the user's shell would give it: the normal screen, cooked
  // mode, the cursor shown; the dashboard takes it back afterwards and draws itself anew.
  const stdin = process.stdin;
  // Ctrl-C and Ctrl-\ typed in the editor are the editor's (as git lets its editor have them):
  // the signals, which reach this process too, arrive once the editor has ended, and are let go.
  let editorSignals = false;
  const edit = async (page: PageReport): Promise<string | null> => {
    const workTree = openedWorkTree();
    if (workTree === null) return "the repository is still being read";
    const file = path.join(workTree, ...page.path.split("/"));
    return runEditor(file, process.env, {
      release: () => {
        editorSignals = true;
        if (stdin.isTTY) stdin.setRawMode(false);
        stdout.write(`${LEAVE_ALT_SCREEN}${SHOW_CURSOR}`);
      },
      reclaim: () => {
        stdout.write(ENTER_ALT_SCREEN);
        if (stdin.isTTY) stdin.setRawMode(true);
        // A signal that came while the editor ran is already waiting: the event loop's next
        // turn hands it over (its poll phase) before its check phase runs these.
        setImmediate(() =>
          setImmediate(() => {
            editorSignals = false;
          }),
        );
      },
    });
  };
  try {
    const instance = render(
      createElement(Dashboard, {
        load,
        repoName: path.basename(path.resolve(opts.repo)),
        ui,
        ...openingLanguage(opts),
        redrawOnResize: true,
        edit,
        initialView,
        viewRef,
      }),
      // Ink's incremental mode misplaces frames that end in a newline (as ours do, by one row);
      // whole-frame redraws inside synchronized-output brackets do not flicker.
      { exitOnCtrlC: false },
    );
    // On a hang-up or kill, close as q does, so that the screen is restored before the end.
    // Ctrl-C is a signal too until the list takes the keyboard (raw mode), as while the
    // repository is still being read: Node's default would end the process on the
    // alternate screen.
    const stop = (signal: NodeJS.Signals) => {
      if (editorSignals && (signal === "SIGINT" || signal === "SIGQUIT")) return;
      instance.unmount();
    };
    for (const s of [...ENDING_SIGNALS, "SIGQUIT"] as const) process.on(s, stop);
    try {
      await instance.waitUntilExit();
    } finally {
      for (const s of [...ENDING_SIGNALS, "SIGQUIT"] as const) process.off(s, stop);
    }
  } finally {
    restore();
    process.off("exit", restore);
  }
  if (saved && viewRef.current) writeView(saved, viewRef.current);
  return 0;
}
