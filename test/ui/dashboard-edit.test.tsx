// The dashboard's keys that change a page on disk or reopen where the translator left off,
// driven by keys on a real fixture repository (real git, real files):
// U marks the open page as translated up to the chosen commit, e opens it in $EDITOR (a script
// that records its arguments) and reads it again, and the view is handed out to be remembered.
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

const savedForceColor = vi.hoisted(() => {
  const saved = process.env.FORCE_COLOR;
  process.env.FORCE_COLOR = "0";
  return saved;
});

import { cleanup, render } from "ink-testing-library";
import type { PageReport } from "../../src/core/types.js";
import { createDetailLoader } from "../../src/detail/loader.js";
import { scan } from "../../src/scan/scan.js";
import { Dashboard, type LoadedData } from "../../src/ui/App.js";
import { runEditor } from "../../src/ui/editor.js";
import type { RememberedView } from "../../src/ui/remembered.js";
import { buildFixture, git, type TempSite, tempDir } from "../helpers/site.js";
import { frame, press, type Rendered } from "./drive.js";
import { NOW, waitFor } from "./helpers.js";

const PAGE = "content/zh-cn/user/moderation.md";
let site: TempSite;

beforeAll(() => {
  site = buildFixture();
});
afterAll(() => {
  site?.cleanup();
  if (savedForceColor === undefined) delete process.env.FORCE_COLOR;
  else process.env.FORCE_COLOR = savedForceColor;
});
afterEach(() => {
  cleanup();
  git(site.dir, ["checkout", "-q", "--", "."]);
});

async function loaded(): Promise<LoadedData> {
  const out = await scan({ repo: site.dir, source: "en", content: "content", langs: [] });
  const source = await createDetailLoader(out, out.result, out.details, {
    date: () => "2025-06-01",
  });
  return { result: out.result, source, repoName: "site" };
}

async function open(
  extra: Partial<Parameters<typeof Dashboard>[0]> = {},
): Promise<{ r: Rendered; data: LoadedData }> {
  const data = await loaded();
  const r = render(
    <Dashboard
      load={async () => data}
      repoName="site"
      ui={{ color: false, hyperlinks: false }}
      now={NOW}
      initialLang="zh-cn"
      {...extra}
    />,
  );
  await waitFor(() => frame(r).includes("sort: "), "the page list");
  return { r, data };
}

describe("U: translated up to a commit", () => {
  it("asks, records the chosen commit, and the page then shows only the newer change", async () => {
    const { r, data } = await open();
    const page = data.result.pages.find((p) => p.path === PAGE) as PageReport;
    const [newest, oldest] = page.commits;
    if (!newest || !oldest) throw new Error("the fixture page lists two commits");
    await press(r, "\r", (f) => f.includes("They can also limit accounts."), "the diff");
    // On the whole diff there is no commit to pick yet.
    let f = await press(r, "U", (x) => x.includes("Pick a commit") || x.includes("pick it first"));
    // c shows the newest commit, ] the older one.
    await press(r, "c]", (x) => x.includes("Commit 2 of 2"));
    f = await press(r, "U", (x) => x.includes("y/n"), "the question");
    expect(f).toMatch(new RegExp(`as translated up to (English )?${oldest.hash.slice(0, 8)}`));
    expect(readFileSync(path.join(site.dir, PAGE), "utf8")).not.toContain(oldest.hash);
    f = await press(
      r,
      "y",
      (x) => x.includes(`Marked ${PAGE} as translated from ${oldest.hash.slice(0, 8)}`),
      "the outcome",
    );
    expect(readFileSync(path.join(site.dir, PAGE), "utf8")).toContain(
      `raw_commit="${oldest.hash}"`,
    );
    // What remains: the newer commit only, its lines as git counts them.
    expect(f).toContain("Behind      1 English commit, +2 -0 lines");
    expect(f).toContain("English commits since the translation: 1");
    expect(f).toContain(newest.subject);
    expect(f).not.toContain(oldest.subject);
    await press(r, "\x1b", (x) => x.includes("sort: "));
    expect(frame(r)).toMatch(/! outdated\s+user\/moderation\.md\s+1\s+\+2 -0/);
  });
});

describe("e: the page in $EDITOR", () => {
  it("runs the editor with the page as one argument after --, then reads the page again", async () => {
    const bin = tempDir();
    // Named vim, so the dashboard passes -- before the file, as vim takes it.
    const editor = path.join(bin, "vim");
    const argvFile = path.join(bin, "argv.json");
    const head = git(site.dir, ["rev-parse", "HEAD"]);
    writeFileSync(
      editor,
      `#!${process.execPath}
const fs = require("node:fs");
const args = process.argv.slice(2);
fs.writeFileSync(${JSON.stringify(argvFile)}, JSON.stringify(args));
const file = args[args.length - 1];
fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/raw_commit="[0-9a-f]+"/, 'raw_commit="${head}"'));
`,
    );
    chmodSync(editor, 0o755);
    const released: string[] = [];
    const edit = async (p: PageReport) =>
      runEditor(
        path.join(site.dir, p.path),
        { ...process.env, VISUAL: "", EDITOR: `${editor} -n` },
        { release: () => released.push("release"), reclaim: () => released.push("reclaim") },
      );
    const { r } = await open({ edit });
    expect(frame(r)).toMatch(/› ! outdated\s+user\/moderation\.md/);
    const f = await press(
      r,
      "e",
      (x) => x.includes(`Read ${PAGE} again: up-to-date, 0 behind`),
      "the page read again",
    );
    expect(JSON.parse(readFileSync(argvFile, "utf8"))).toEqual([
      "-n",
      "--",
      path.join(site.dir, PAGE),
    ]);
    expect(released).toEqual(["release", "reclaim"]);
    expect(f).toMatch(/✓ up-to-date\s+user\/moderation\.md\s+0\s+\+0 -0/);
  });

  it("says why when the editor cannot run, and that a missing page has nothing to edit", async () => {
    const edit = async (p: PageReport) =>
      runEditor(
        path.join(site.dir, p.path),
        { ...process.env, VISUAL: path.join(tempDir(), "no-such-editor"), EDITOR: "" },
        { release: () => {}, reclaim: () => {} },
      );
    const { r } = await open({ edit });
    await press(r, "e", (x) => x.includes("could not run the editor"), "the error");
    await press(r, "7", (x) => x.includes("filter: missing"));
    await press(r, "e", (x) => x.includes("there is no page to edit"));
  });
});

describe("the remembered view", () => {
  it("opens where the last run left off and hands the view out as it changes", async () => {
    const view: RememberedView = {
      lang: "ja",
      sort: "path",
      reverse: true,
      filter: "all",
      kind: "any",
      page: "content/ja/user/moderation.md",
    };
    const viewRef: { current: RememberedView | null } = { current: null };
    const data = await loaded();
    const r = render(
      <Dashboard
        load={async () => data}
        repoName="site"
        ui={{ color: false, hyperlinks: false }}
        now={NOW}
        initialView={view}
        viewRef={viewRef}
      />,
    );
    const f = await waitFor(() => frame(r).includes("sort: ") && frame(r), "the page list");
    expect(f).toContain("ja · sort: path (reversed)");
    expect(f).toMatch(/› ! outdated\s+user\/moderation\.md/);
    expect(viewRef.current).toEqual(view);
    await press(r, "j\t", (x) => x.includes("zh-cn · sort"));
    expect(viewRef.current).toMatchObject({ lang: "zh-cn", sort: "path", reverse: true });
  });
});
