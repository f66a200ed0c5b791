// Starts the dashboard in the terminal: the only module that renders Ink for real. The build
// bundles it with Ink and React in production mode (scripts/bundle-dashboard.ts); main.ts loads
// it lazily, after deciding on colour (FORCE_COLOR=0 is set before Ink is first imported) and
// after setting the scan going. It gets the data through `load` and never calls git itself.

import path from "node:path";
import { render } from "ink";
import { createElement } from "react";
import type { CliOptions } from "../cli/args.js";
import type { ExitCode } from "../errors.js";
import { Dashboard, type LoadDashboard } from "./App.js";
import { ENDING_SIGNALS } from "./first-frame.js";
import { openingLanguage } from "./state.js";
import { supportsHyperlinks } from "./terminal.js";

const ENTER_ALT_SCREEN = "\x1b[?1049h\x1b[H";
const LEAVE_ALT_SCREEN = "\x1b[?1049l";
const SHOW_CURSOR = "\x1b[?25h";

export async function runDashboardApp(opts: CliOptions, load: LoadDashboard): Promise<ExitCode> {
  const stdout = process.stdout;
  const color = opts.color ?? (process.env.FORCE_COLOR !== "0" && stdout.hasColors?.() === true);
  const ui = { color, hyperlinks: supportsHyperlinks(process.env, color, Boolean(stdout.isTTY)) };

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
  try {
    const instance = render(
      createElement(Dashboard, {
        load,
        repoName: path.basename(path.resolve(opts.repo)),
        ui,
        ...openingLanguage(opts),
        redrawOnResize: true,
      }),
      // Ink's incremental mode misplaces frames that end in a newline (as ours do, by one row);
      // whole-frame redraws inside synchronized-output brackets do not flicker.
      { exitOnCtrlC: false },
    );
    // On a hang-up or kill, close as q does, so that the screen is restored before the end.
    // Ctrl-C is a signal too until the list takes the keyboard (raw mode), as while the
    // repository is still being read: Node's default would end the process on the
    // alternate screen.
    const stop = () => instance.unmount();
    for (const s of ENDING_SIGNALS) process.once(s, stop);
    try {
      await instance.waitUntilExit();
    } finally {
      for (const s of ENDING_SIGNALS) process.off(s, stop);
    }
  } finally {
    restore();
    process.off("exit", restore);
  }
  return 0;
}
