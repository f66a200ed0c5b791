// End to end: the built CLI in a real pseudo-terminal (tmux, 100x30). A translator opens the
// dashboard on the fixture repository, finds the zh-cn page that needs the most work, reads its
// English diff, marks the page as updated, and quits; the terminal must come back as it was.
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, git, ROOT, type TempSite } from "../helpers/site.js";

const CLI = path.join(ROOT, "dist/src/cli/main.js");
const hasTmux = spawnSync("tmux", ["-V"], { encoding: "utf8" }).status === 0;
const socket = `ts-e2e-${process.pid}-${Date.now()}`;
/** The dashboard remembers its view here, never in the user's own state folder. */
const stateHome = mkdtempSync(path.join(tmpdir(), "ts-e2e-state-"));
const cacheHome = mkdtempSync(path.join(tmpdir(), "ts-e2e-cache-"));
const target = "dash";

/** The environment of the tmux server (and so of the CLI): not in CI, a colour terminal. */
function tmuxEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (
      k === "CI" ||
      k === "CONTINUOUS_INTEGRATION" ||
      k === "TMUX" ||
      k === "NO_COLOR" ||
      k === "FORCE_COLOR"
    )
      continue;
    if (k.startsWith("VITEST") || k === "NODE_OPTIONS") continue;
    env[k] = v;
  }
  env.TERM = "xterm-256color";
  env.XDG_STATE_HOME = stateHome;
  env.XDG_CACHE_HOME = cacheHome;
  return env;
}

function tmux(...args: string[]): string {
  const res = spawnSync("tmux", ["-L", socket, "-f", "/dev/null", ...args], {
    encoding: "utf8",
    env: tmuxEnv(),
  });
  if (res.status !== 0) throw new Error(`tmux ${args[0]} failed: ${res.stderr}`);
  return res.stdout;
}

/** A 100x30 tmux session named `name` running `script` in sh. */
function startSession(name: string, script: string): void {
  tmux("new-session", "-d", "-s", name, "-x", "100", "-y", "30", "sh", "-c", script);
}

function screen(pane = target): string {
  return tmux("capture-pane", "-p", "-t", pane);
}

/** Polls the pane until `check` holds; fails after `ms` with what the screen showed. */
async function waitForScreen(
  check: (s: string) => boolean,
  what: string,
  ms = 8000,
  pane = target,
): Promise<string> {
  const until = Date.now() + ms;
  let last = "";
  while (Date.now() < until) {
    last = screen(pane);
    if (check(last)) return last;
    await new Promise((r) => setTimeout(r, 40));
  }
  throw new Error(`timed out waiting for ${what}; the screen showed:\n${last}`);
}

function keys(...k: string[]): void {
  tmux("send-keys", "-t", target, ...k);
}

let site: TempSite;

const title = hasTmux
  ? "dashboard in a terminal (tmux)"
  : "dashboard in a terminal: SKIPPED because tmux is not installed (apt-get install tmux)";

describe.skipIf(!hasTmux)(title, () => {
  beforeAll(() => {
    if (!existsSync(CLI))
      throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
    site = buildFixture();
    git(site.dir, ["remote", "add", "origin", "https://github.com/example/docs.git"]);
  });
  afterAll(() => {
    const where = spawnSync("tmux", ["-L", socket, "display-message", "-p", "#{socket_path}"], {
      encoding: "utf8",
      env: tmuxEnv(),
    }).stdout.trim();
    spawnSync("tmux", ["-L", socket, "kill-server"], { env: tmuxEnv() });
    if (where.endsWith(socket)) rmSync(where, { force: true });
    site?.cleanup();
    rmSync(stateHome, { recursive: true, force: true });
    rmSync(cacheHome, { recursive: true, force: true });
  });

  it("opens, finds the most outdated zh-cn page, shows its English diff, marks it updated, and quits cleanly", async () => {
    // An editor that records its arguments and waits to be told to end, so the test can look at
    // the terminal while it runs. It also sends the dashboard the SIGINT a Ctrl-C typed in the
    // editor would: the editor's to handle, so the dashboard must still be there afterwards.
    const bin = path.join(site.dir, "..", "editor-bin");
    mkdirSync(bin, { recursive: true });
    const argv = path.join(bin, "argv");
    const go = path.join(bin, "go");
    writeFileSync(
      path.join(bin, "vi"),
      `#!/bin/sh\nprintf '%s\\n' "$@" > '${argv}'\nkill -INT $PPID\nwhile [ ! -e '${go}' ]; do sleep 0.05; done\n`,
      { mode: 0o755 },
    );
    const command = `VISUAL= EDITOR=${JSON.stringify(path.join(bin, "vi"))} node ${JSON.stringify(CLI)} --repo ${JSON.stringify(site.dir)}; echo EXITED:$?`;
    startSession(target, `${command}; sleep 60`);

    // The dashboard takes the screen: the list, in the language with the most work (zh-cn), the
    // page with the most work on top, selected.
    let s = await waitForScreen((x) => x.includes("zh-cn · sort: most work"), "the page list");
    expect(tmux("display-message", "-p", "-t", target, "#{alternate_on}").trim()).toBe("1");
    expect(s).toMatch(/^site {2}HEAD [0-9a-f]{8} \d{4}-\d{2}-\d{2}/);
    expect(s).toMatch(/ {2}ja\s+▕.*▏\s+9 {2}! 2 22%/);
    expect(s).toMatch(/› zh-cn ▕.*▏\s+11 {2}! 3 27%/);
    const list = (x: string) => x.slice(x.indexOf("STATUS")).split("\n").slice(1);
    expect(list(s)[0]).toMatch(/^› ! outdated\s+user\/moderation\.md\s+2\s+\+4 -0\s+\d+d/);
    const listView = s;

    // Open it: metadata, the English commits, and the English diff.
    keys("Enter");
    s = await waitForScreen(
      (x) => x.includes("+ They can also limit accounts."),
      "the English diff",
    );
    expect(s).toContain("‹ zh-cn · user/moderation.md  ! outdated");
    expect(s).toContain("English     content/en/user/moderation.md");
    expect(s).toMatch(
      /Compare {5}https:\/\/github\.com\/example\/docs\/compare\/[0-9a-f]{12}\.\.\.[0-9a-f]{12}/,
    );
    expect(s).toMatch(/[0-9a-f]{8} 2025-04-01 Moderation: link the admin guide\s+Fixture Author/);
    expect(s).toContain("+ See the admin guide.");
    const detailView = s;

    // One commit at a time.
    keys("c");
    s = await waitForScreen(
      (x) => x.includes("Commit 1 of 2") && x.includes("+ See the admin guide."),
      "commit 1",
    );
    keys("]");
    s = await waitForScreen(
      (x) => x.includes("Commit 2 of 2") && x.includes("+ They can also limit accounts."),
      "commit 2",
    );
    expect(s).not.toContain("See the admin guide.");

    // Back in the list, mark the page as updated: a question first, then the page records HEAD.
    const head = git(site.dir, ["rev-parse", "HEAD"]);
    const page = path.join(site.dir, "content/zh-cn/user/moderation.md");
    expect(readFileSync(page, "utf8")).not.toContain(head);
    keys("Escape");
    s = await waitForScreen((x) => x.includes("zh-cn · sort: most work"), "the list again");
    expect(list(s)[0]).toMatch(/^› ! outdated\s+user\/moderation\.md/);
    keys("u");
    s = await waitForScreen(
      (x) =>
        x.includes(
          `Mark content/zh-cn/user/moderation.md as translated from English ${head.slice(0, 8)}? y/n`,
        ),
      "the question",
    );
    expect(readFileSync(page, "utf8")).not.toContain(head);
    keys("y");
    s = await waitForScreen(
      (x) =>
        x.includes(
          `Marked content/zh-cn/user/moderation.md as translated from ${head.slice(0, 8)}`,
        ),
      "the page to be marked",
    );
    // The cursor stays on the next page to do; the marked one is up to date, last.
    expect(list(s).find((l) => l.startsWith("›"))).toMatch(/^› → moved\s+admin\/optional/);
    expect(list(s).find((l) => l.includes("user/moderation.md"))).toMatch(
      /^ {2}✓ up-to-date\s+user\/moderation\.md\s+0\s+\+0 -0\s+0d/,
    );
    expect(s).toMatch(/› zh-cn ▕.*▏\s+11 {2}! 2 18%.*✓ 3 27%/);
    expect(readFileSync(page, "utf8")).toContain(`raw_commit="${head}"`);
    expect(git(site.dir, ["status", "--porcelain"])).toBe("M content/zh-cn/user/moderation.md");

    // e: the editor gets the user's screen (no alternate screen, cursor shown) and the page's
    // path as one argument after --; when it ends, the dashboard is back.
    keys("e");
    await waitForScreen(
      () => tmux("display-message", "-p", "-t", target, "#{alternate_on}").trim() === "0",
      "the editor to take the screen",
    );
    await waitForScreen(() => existsSync(argv), "the editor to start");
    expect(readFileSync(argv, "utf8")).toBe(
      `--\n${path.join(site.dir, "content/zh-cn/admin/optional/elasticsearch.md")}\n`,
    );
    expect(tmux("display-message", "-p", "-t", target, "#{cursor_flag}").trim()).toBe("1");
    writeFileSync(go, "");
    s = await waitForScreen(
      (x) => x.includes("Read content/zh-cn/admin/optional/elasticsearch.md again: moved"),
      "the dashboard after the editor",
    );
    expect(tmux("display-message", "-p", "-t", target, "#{alternate_on}").trim()).toBe("1");
    expect(s).toContain("zh-cn · sort: most work");

    // Quit: the process ends and the user's screen comes back, cursor visible.
    keys("q");
    s = await waitForScreen((x) => x.includes("EXITED:"), "the process to exit");
    expect(s).toContain("EXITED:0");
    expect(s).not.toContain("sort: most work");
    expect(
      tmux("display-message", "-p", "-t", target, "#{alternate_on} #{cursor_flag}").trim(),
    ).toBe("0 1");
    // The view is remembered outside the repository, for the next run.
    expect(readdirSync(path.join(stateHome, "translation-status"))).toHaveLength(1);
    // The dashboard's scan keeps the history in the cache, as scan does.
    expect(readdirSync(path.join(cacheHome, "translation-status"))).toContainEqual(
      expect.stringMatching(/^history-[0-9a-f]{32}$/),
    );

    if (process.env.UPDATE_DOCS === "1") {
      mkdirSync(path.join(ROOT, "docs"), { recursive: true });
      const trim = (x: string) => x.replace(/[ \t]+$/gm, "").replace(/\n+$/, "\n");
      writeFileSync(
        path.join(ROOT, "docs/dashboard.txt"),
        `The dashboard on the fixture site at 100x30, as the end-to-end test sees it.\n\nList (zh-cn, most work first):\n\n${trim(listView)}\nDetail (Enter on the first page):\n\n${trim(detailView)}`,
      );
    }
  }, 20_000);

  it("starts git before it loads the UI, and loads the UI as the build's one bundle", async () => {
    // The CLI as built, watched from inside: each process it starts and each module it loads
    // is written to a log, in order, by a module preloaded with --import (git runs for real).
    const dir = path.join(site.dir, "..", "watch");
    mkdirSync(dir, { recursive: true });
    const log = path.join(dir, "events.log");
    writeFileSync(
      path.join(dir, "hooks.mjs"),
      `import { appendFileSync } from "node:fs";
export async function resolve(specifier, context, next) {
  const found = await next(specifier, context);
  appendFileSync(${JSON.stringify(log)}, "load " + found.url + "\\n");
  return found;
}
`,
    );
    writeFileSync(
      path.join(dir, "watch.mjs"),
      `import childProcess from "node:child_process";
import { appendFileSync } from "node:fs";
import { register, syncBuiltinESMExports } from "node:module";
const spawn = childProcess.spawn;
childProcess.spawn = function (command, ...rest) {
  appendFileSync(${JSON.stringify(log)}, "spawn " + command + "\\n");
  return spawn.call(this, command, ...rest);
};
const fetch = globalThis.fetch;
globalThis.fetch = function (resource, ...rest) {
  appendFileSync(${JSON.stringify(log)}, "fetch " + String(resource).slice(0, 40) + "\\n");
  return fetch.call(this, resource, ...rest);
};
syncBuiltinESMExports();
register("./hooks.mjs", import.meta.url);
`,
    );
    const watch = path.join(dir, "watch.mjs");
    const pane = "startup";
    startSession(
      pane,
      `node --import ${JSON.stringify(watch)} ${JSON.stringify(CLI)} --repo ${JSON.stringify(site.dir)}; echo EXITED:$?; sleep 60`,
    );
    await waitForScreen((s) => s.includes("zh-cn · sort: most work"), "the list", 8000, pane);
    tmux("send-keys", "-t", pane, "q");
    await waitForScreen((s) => s.includes("EXITED:0"), "the process to exit", 8000, pane);

    const events = readFileSync(log, "utf8").trim().split("\n");
    const firstGit = events.findIndex((e) => /^spawn \S*\/git$/.test(e));
    const ui = events.findIndex((e) => e.endsWith("/dist/src/ui/run.js"));
    expect(firstGit).toBeGreaterThanOrEqual(0);
    expect(ui, "git is started before the UI is loaded").toBeGreaterThan(firstGit);
    const uiLibraries = events.filter((e) =>
      /\/node_modules\/(ink|react|react-reconciler|scheduler|es-toolkit)\//.test(e),
    );
    expect(
      uiLibraries,
      "the UI is loaded as the bundle `npm run build` makes, not from Ink's files",
    ).toEqual([]);
    expect(
      events.filter((e) => e.startsWith("fetch ")),
      "nothing is fetched: Yoga's loader decoded its inline WebAssembly with fetch, which loads Node's HTTP client",
    ).toEqual([]);
  }, 20_000);

  it("gives the screen back on Ctrl-C while the repository is still being read", async () => {
    // A real git that starts slowly, so the first screen stays up long enough to interrupt.
    const bin = path.join(site.dir, "..", "slow-bin");
    mkdirSync(bin, { recursive: true });
    const realGit = spawnSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).stdout.trim();
    writeFileSync(path.join(bin, "git"), `#!/bin/sh\nsleep 2\nexec '${realGit}' "$@"\n`, {
      mode: 0o755,
    });
    const command = `PATH=${JSON.stringify(bin)}:"$PATH" node ${JSON.stringify(CLI)} --repo ${JSON.stringify(site.dir)}; echo EXITED:$?`;
    // The shell around the tool keeps running on Ctrl-C (a handler, which the tool does not
    // inherit), so the screen can be read after the tool has gone.
    const pane = "interrupt";
    startSession(pane, `trap true INT; ${command}; sleep 60`);
    const shown = (what: string) => tmux("display-message", "-p", "-t", pane, what).trim();
    const text = () => tmux("capture-pane", "-p", "-t", pane);
    await waitForScreen(
      () => shown("#{alternate_on}") === "1",
      "the dashboard to take the screen",
      8000,
      pane,
    );
    tmux("send-keys", "-t", pane, "C-c");
    await waitForScreen(() => text().includes("EXITED:"), "the process to exit", 8000, pane);
    expect(text()).not.toContain("sort: most work");
    expect(text()).toContain("EXITED:130");
    expect(shown("#{alternate_on} #{cursor_flag}")).toBe("0 1");
  }, 20_000);

  it("keeps colour for an empty NO_COLOR and drops it for a set one, as no-color.org asks", async () => {
    const coloured = async (noColor: string, pane: string) => {
      const command = `NO_COLOR=${noColor} node ${JSON.stringify(CLI)} --no-state --repo ${JSON.stringify(site.dir)}`;
      startSession(pane, `${command}; sleep 60`);
      await waitForScreen((x) => x.includes("sort: most work"), "the page list", 8000, pane);
      // With its escapes: a foreground colour (SGR 30-37, 90-97 or 38;…) anywhere on screen.
      const raw = tmux("capture-pane", "-p", "-e", "-t", pane);
      tmux("send-keys", "-t", pane, "q");
      const sgr = raw.split("\x1b[").slice(1);
      return sgr.some((p) => /^(?:[0-9;]*;)?(?:3[0-8]|9[0-7])[;m]/.test(p));
    };
    expect(await coloured("", "no-color-empty")).toBe(true);
    expect(await coloured("1", "no-color-set")).toBe(false);
  }, 30_000);

  it("refuses a --default-lang the scan does not read, in one line, as --lang does", async () => {
    const pane = "default-lang";
    const command = `node ${JSON.stringify(CLI)} --no-state --repo ${JSON.stringify(site.dir)} --default-lang xx; echo EXITED:$?`;
    startSession(pane, `${command}; sleep 60`);
    const s = await waitForScreen((x) => x.includes("EXITED:"), "the process to exit", 8000, pane);
    expect(s).toContain(
      'translation-status: --default-lang: no such language: "xx" (the scan reads',
    );
    expect(s).toContain("EXITED:2");
  }, 20_000);

  it("ends at once on q while the repository is still being read, not when git is done", async () => {
    // Every git call takes 30 s: the exit must come within the wait for the screen (8 s), which
    // waiting for even one git call would outlast by far, so no clock is read here.
    const bin = path.join(site.dir, "..", "slower-bin");
    mkdirSync(bin, { recursive: true });
    const realGit = spawnSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).stdout.trim();
    writeFileSync(path.join(bin, "git"), `#!/bin/sh\nsleep 30\nexec '${realGit}' "$@"\n`, {
      mode: 0o755,
    });
    const command = `PATH=${JSON.stringify(bin)}:"$PATH" node ${JSON.stringify(CLI)} --repo ${JSON.stringify(site.dir)}; echo EXITED:$?`;
    const pane = "quit-early";
    startSession(pane, `${command}; sleep 60`);
    const shown = (what: string) => tmux("display-message", "-p", "-t", pane, what).trim();
    const text = () => tmux("capture-pane", "-p", "-t", pane);
    await waitForScreen(
      () => shown("#{alternate_on}") === "1",
      "the dashboard to take the screen",
      8000,
      pane,
    );
    await waitForScreen(() => text().includes("q quit"), "the loading screen", 8000, pane);
    tmux("send-keys", "-t", pane, "q");
    await waitForScreen(() => text().includes("EXITED:"), "the process to exit", 8000, pane);
    expect(text()).toContain("EXITED:0");
    expect(shown("#{alternate_on} #{cursor_flag}")).toBe("0 1");
  }, 30_000);
});
