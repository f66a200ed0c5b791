// What does not fit a row in an opened page: a structure warning and the Structure line are
// shown whole, wrapped; a long path is shortened in the middle, keeping its file name, as the
// list shortens it; and at a small height, a row says what is left out and `I` shows it all.
// Data from a real scan (with --kinds) of a repository built here; diffs from memory.

import path from "node:path";
import { cleanup } from "ink-testing-library";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PageReport } from "../../src/core/types.js";
import { scan } from "../../src/scan/scan.js";
import type { LoadedData } from "../../src/ui/App.js";
import { TestRepo, tempDir, page as translated } from "../hostile/helpers.js";
import { frame, openPage as openOn, type Rendered, resize } from "./drive.js";
import { scannedData, waitFor } from "./helpers.js";

const DEEP = `${Array.from({ length: 12 }, (_, i) => `very-long-folder-name-${i + 1}`).join("/")}/`;
const NAME = "deep-page-with-a-very-long-name.md";

const GUIDE = [
  "---\ntitle: Guide\n---\n\n## Introduction\n\nIntro text.\n",
  "## Configuring X\n\nConfig text.\n\n```yaml\na: 1\n```\n",
  "## Limits\n\n- one\n- two\n- three\n\n| A | B |\n|---|---|\n| 1 | 2 |\n",
].join("\n");
/** The translation leaves out two sections, a list item and the table, and recodes the block. */
const GUIDE_ZH = '## 简介\n\n简介文本。\n\n```json\n{"a": 1}\n```\n\n- 一\n- 二\n';

let data: LoadedData;
let guide: PageReport;
let deep: PageReport;

beforeAll(async () => {
  const repo = TestRepo.init(path.join(tempDir("ts-long-lines-"), "site"));
  repo.write("content/en/guide.md", GUIDE);
  repo.write(`content/en/${DEEP}${NAME}`, "---\ntitle: Deep\n---\n\nText.\n");
  const raw = repo.commit("English");
  repo.write("content/zh-cn/guide.md", translated(raw, GUIDE_ZH));
  repo.write(`content/zh-cn/${DEEP}${NAME}`, translated(raw, "文本。\n"));
  repo.commit("Translate");
  repo.write(
    `content/en/${DEEP}${NAME}`,
    `---\ntitle: Deep\n---\n\nText.\n\n${GUIDE.split("---\n\n")[1]}\n## Troubleshooting\n\nMore.\n`,
  );
  repo.commit("Deep: the whole guide");
  const out = await scan({
    repo: repo.dir,
    source: "en",
    content: "content",
    langs: [],
    kinds: true,
  });
  guide = out.result.pages.find((p) => p.path === "content/zh-cn/guide.md") as PageReport;
  deep = out.result.pages.find((p) => p.path.endsWith(NAME) && p.lang === "zh-cn") as PageReport;
  data = scannedData(repo.dir, out);
});
afterEach(() => cleanup());

/** The dashboard at `columns`×`rows`, opened on the page whose path holds `search`. */
async function openPage(search: string, columns: number, rows: number): Promise<Rendered> {
  const r = await openOn(data, search, columns, rows, (f) => f.includes("English diff"));
  await waitFor(() => !frame(r).includes("Reading the English versions"), "the diff");
  return r;
}

/** The text of the labelled line, with the rows it wraps onto (indented under it) joined. */
function labelled(f: string, label: string): string | null {
  const lines = f.split("\n");
  const at = lines.findIndex((l) => l.startsWith(label));
  if (at < 0) return null;
  const parts = [(lines[at] as string).slice(12).trimEnd()];
  for (const l of lines.slice(at + 1)) {
    if (!/^ {12}\S/.test(l)) break;
    parts.push(l.slice(12).trimEnd());
  }
  return parts.join(" ");
}

function fits(f: string, columns: number, rows: number): boolean {
  const lines = f.split("\n");
  return lines.length <= rows - 1 && lines.every((l) => [...l].length <= columns);
}

describe("a structure warning in an opened page", () => {
  it("is the scan's whole text, wrapped, at 80 and at 40 columns", async () => {
    const warning = guide.warnings.find((w) => w.startsWith("structure differs"));
    expect(warning?.length).toBeGreaterThan(200);
    const r = await openPage("guide", 80, 24);
    let f = frame(r);
    expect(fits(f, 80, 24)).toBe(true);
    expect(labelled(f, "⚠ Warning")).toBe(warning);
    resize(r, 40, 24);
    f = await waitFor(() => (fits(frame(r), 40, 24) ? frame(r) : null), "the 40x24 layout");
    expect(labelled(f, "⚠ Warning")).toBe(warning);
    expect(f).not.toContain("more rows");
  });

  it("at a small height, says how many rows are left out, and I shows them all", async () => {
    const warning = guide.warnings.find((w) => w.startsWith("structure differs")) as string;
    const r = await openPage("guide", 40, 12);
    const f = frame(r);
    expect(fits(f, 40, 12)).toBe(true);
    expect(f).toMatch(/… \d+ more rows, 1 warning: I shows them/);
    expect(f).toContain("English diff");
    r.stdin.write("I");
    await waitFor(() => frame(r).startsWith("Page details"), "the details");
    // Every row of the overlay, read a screen at a time by its "a-b of n".
    const rows: string[] = [];
    for (;;) {
      const lines = frame(r).split("\n");
      const m = /(\d+)-(\d+)(?: of |\/)(\d+)/.exec(lines[0] ?? "");
      expect(m).not.toBeNull();
      const [first = 0, last = 0, total = 0] = (m as RegExpExecArray).slice(1).map(Number);
      lines.slice(1, 1 + last - first + 1).forEach((l, i) => {
        rows[first - 1 + i] = l;
      });
      if (last === total) break;
      r.stdin.write(" ");
      await waitFor(() => !frame(r).startsWith(lines[0] as string), "the next screen");
    }
    expect(rows.every((l) => [...l].length <= 40)).toBe(true);
    expect(labelled(rows.join("\n"), "⚠ Warning")).toBe(warning);
    expect(labelled(rows.join("\n"), "Translation")).toBe("content/zh-cn/guide.md");
    r.stdin.write("I");
    await waitFor(() => frame(r).includes("1 warning: I shows them"), "the page again");
  });
});

describe("a long path in an opened page", () => {
  it("keeps the file name, shortened in the middle as in the list, and the Structure line whole", async () => {
    const structure = deep.structureChanges?.join("; ") ?? "";
    expect(structure.length).toBeGreaterThan(120 - 12);
    const r = await openPage("deep", 120, 30);
    let f = frame(r);
    expect(fits(f, 120, 30)).toBe(true);
    const title = f.split("\n")[0] as string;
    expect(title).toMatch(
      new RegExp(`^‹ zh-cn · very-long-folder-name-1/…/.*${NAME}  ! outdated$`),
    );
    expect(labelled(f, "Translation")).toMatch(new RegExp(`^content/zh-cn/.*…/.*/${NAME}$`));
    expect(labelled(f, "English")).toMatch(new RegExp(`^content/en/.*…/.*/${NAME}$`));
    expect(labelled(f, "Structure")).toBe(structure);
    // The list shortens the same path the same way, to its column.
    r.stdin.write("\x1b");
    const list = await waitFor(() => (frame(r).includes("PATH") ? frame(r) : null), "the list");
    expect(list).toMatch(new RegExp(`very-long-folder-name-1/…/.*${NAME} +1 +`));
    r.stdin.write("\r");
    await waitFor(() => frame(r).includes("English diff"), "the page again");
    resize(r, 40, 24);
    f = await waitFor(() => (fits(frame(r), 40, 24) ? frame(r) : null), "the 40x24 layout");
    expect(f.split("\n")[0]).toMatch(/^‹ zh-cn · …[^ ]*\.md {2}! outdated$/);
    expect(labelled(f, "Translation")).toMatch(/^…[^ ]*very-long-name\.md$/);
  });
});
