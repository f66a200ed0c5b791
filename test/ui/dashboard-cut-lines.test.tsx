// The lines the dashboard used to cut mid-word at 40, 60 and 100 columns: the keys' hints drop
// whole hints, the title keeps HEAD and shortens the repository's name in the middle, and a
// refusal to mark a page wraps onto more rows, said at once (found by stamp's dry run) instead
// of after a y/n question. A real repository built here, with a page no metadata style fits.

import { readFileSync } from "node:fs";
import path from "node:path";
import { cleanup } from "ink-testing-library";
import stringWidth from "string-width";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ScanResult } from "../../src/core/types.js";
import { createDetailLoader } from "../../src/detail/loader.js";
import { scan } from "../../src/scan/scan.js";
import type { LoadedData } from "../../src/ui/App.js";
import { DETAIL_HINTS, fitHints, LIST_HINTS } from "../../src/ui/Footer.js";
import { titleParts } from "../../src/ui/Header.js";
import { wrapVariants } from "../../src/ui/text.js";
import { english, TestRepo, tempDir } from "../hostile/helpers.js";
import { renderDashboard, frame as shown } from "./drive.js";
import { waitFor } from "./helpers.js";

const COLUMNS = [40, 60, 100];
const REFUSAL = "no page of this site records metadata yet: give --metadata";

let data: LoadedData;
let dir: string;

beforeAll(async () => {
  const repo = TestRepo.init(path.join(tempDir("ts-cut-"), "site"));
  repo.write("content/en/guide.md", english("Guide"));
  repo.commit("English");
  // A translation without metadata, on a site where no page records any: stamp --init has no
  // style to add, and says which to give.
  repo.write("content/zh-cn/guide.md", "# 指南\n\n译文。\n");
  repo.commit("Translate");
  repo.write("content/en/guide.md", english("Guide", "Text.\n\nMore.\n"));
  repo.commit("More English");
  dir = repo.dir;
  const out = await scan({ repo: dir, source: "en", content: "content", langs: [] });
  const source = await createDetailLoader(out, out.result, out.details);
  data = { result: out.result, source, repoName: "site" };
});
afterEach(() => cleanup());

/** Every hint any variant has, as one whole string each. */
const wholeHints = (variants: readonly string[]) =>
  new Set(variants.flatMap((v) => v.split(/ {2,}/)));

describe.each(COLUMNS)("at %i columns", (columns) => {
  it("the hints are whole ones that fit, the most useful kept", () => {
    for (const variants of [LIST_HINTS, DETAIL_HINTS]) {
      const shown = fitHints(variants, columns);
      expect(stringWidth(shown)).toBeLessThanOrEqual(columns);
      const whole = wholeHints(variants);
      for (const hint of shown.split(/ {2,}/)) expect(whole.has(hint)).toBe(true);
      expect(shown).toContain("↑↓");
    }
    expect(fitHints(LIST_HINTS, columns)).toContain("? help");
  });

  it("the title keeps HEAD and shortens a long name in the middle", () => {
    const result: ScanResult = { ...data.result, headDate: "2026-07-02T10:00:00Z" };
    const name = "open-telemetry+opentelemetry.io";
    const { name: shown, rest, warn } = titleParts(name, result, columns);
    expect(stringWidth(`${shown}${rest}${warn}`)).toBeLessThanOrEqual(columns);
    expect(rest).toContain(`HEAD ${result.head.slice(0, 8)}`);
    expect(shown.startsWith("open-tel")).toBe(true);
    expect(shown.endsWith(".io")).toBe(true);
    if (columns >= 60) expect(shown).toBe(name);
  });

  it("a long status line wraps at spaces into rows that hold it whole", () => {
    const text = `Not marked: ${REFUSAL}, or set "metadata" in the config (shortcode, default_lang_commit or l10n.sourceCommit)`;
    const rows = wrapVariants(
      [`Could not mark content/zh-cn/guide.md: ${text}`, text],
      columns,
      10,
    );
    for (const row of rows) expect(stringWidth(row)).toBeLessThanOrEqual(columns);
    expect(rows.join(" ").replace(/\s+/g, " ")).toContain(text);
  });

  it("u on a page that cannot be marked says why at once, whole, without asking", async () => {
    const before = readFileSync(path.join(dir, "content/zh-cn/guide.md"), "utf8");
    const r = renderDashboard(data, columns, 20);
    const frame = () => shown(r);
    await waitFor(() => frame().includes("sort: "), "the page list");
    r.stdin.write("u");
    await waitFor(
      () => frame().includes("Not marked") || frame().includes("Could not"),
      "the refusal",
    );
    const f = frame();
    expect(f).not.toContain("y/n");
    const lines = f.split("\n");
    expect(lines.length).toBeLessThanOrEqual(19);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
    const at = lines.findIndex((l) => l.includes("Not marked") || l.includes("Could not"));
    const said = lines.slice(at).join(" ").replace(/\s+/g, " ");
    expect(said).toContain(REFUSAL);
    expect(said).toContain("l10n.sourceCommit)");
    expect(said).not.toContain("…");
    // Only a dry run: the page is as it was.
    expect(readFileSync(path.join(dir, "content/zh-cn/guide.md"), "utf8")).toBe(before);
  });

  it.each([12, 20, 30])("the list, a page and I cut no word at %i rows", async (rows) => {
    const r = renderDashboard(data, columns, rows, "open-telemetry+opentelemetry.io");
    const frame = () => shown(r);
    await waitFor(() => frame().includes("1/1"), "the page list");
    const uncut = (f: string, what: string) => {
      for (const line of f.split("\n")) {
        expect(stringWidth(line), `${what}: ${line}`).toBeLessThanOrEqual(columns);
        // A row may shorten a path (its file name kept), never end in a cut word.
        expect(line.trimEnd().endsWith("…"), `${what}: ${line}`).toBe(false);
      }
    };
    uncut(frame(), "list");
    expect(frame().split("\n")[0]).toContain(`HEAD ${data.result.head.slice(0, 8)}`);
    r.stdin.write("\r");
    await waitFor(() => frame().startsWith("‹ zh-cn"), "the page");
    await waitFor(() => !frame().includes("Reading the English versions"), "the diff");
    uncut(frame(), "page");
    r.stdin.write("I");
    await waitFor(() => frame().startsWith("Page details"), "the details");
    uncut(frame(), "I");
    r.stdin.write("?");
    r.stdin.write("\x1b");
    r.stdin.write("?");
    await waitFor(() => frame().startsWith("Keys"), "the help");
    uncut(frame(), "?");
  });
});
