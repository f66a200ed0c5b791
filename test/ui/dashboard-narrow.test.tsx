// An opened page at 40, 60, 80 and 120 columns: no row runs past the edge. A commit's row gives
// up its author, kind and date before its subject, ends a long subject in `…`, and `I` shows
// every commit whole; the titles take shorter wordings; the diff's notice wraps. Control and
// invisible characters in subjects, authors and a raw_commit stay escaped. Data from a real scan
// (with --kinds) of a repository built here; diffs from memory.

import path from "node:path";
import { cleanup } from "ink-testing-library";
import stringWidth from "string-width";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { scan } from "../../src/scan/scan.js";
import type { LoadedData } from "../../src/ui/App.js";
import { english, TestRepo, tempDir, page as translated } from "../hostile/helpers.js";
import { frame, openPage as openOn, type Rendered } from "./drive.js";
import { scannedData, waitFor } from "./helpers.js";

/** Each commit to the English guide, newest last: its subject and author as git has them, and
 * as the dashboard shows them. */
const COMMITS = [
  {
    subject:
      "Rewrite the whole guide so that it explains the configuration of every single option in detail",
    author: "Bartholomew Featherstonehaugh-Cholmondeley",
  },
  {
    subject:
      "Subject with \x1b]0;title\x07 escape, a zero\u200bwidth space and \u202eright-to-left text",
    author: "Eve\x1b[31m\u200bRed",
    shownSubject:
      "Subject with \\x1b]0;title\\x07 escape, a zero\\u200bwidth space and \\u202eright-to-left text",
    shownAuthor: "Eve\\x1b[31m\\u200bRed",
  },
  { subject: "修正指南中的多个拼写错误并更新所有配置选项的说明文字", author: "李小龍" },
].map((c) => ({ shownSubject: c.subject, shownAuthor: c.author, ...c }));

let data: LoadedData;
/** The commits' short hashes, newest first as the page lists them. */
let hashes: string[];

beforeAll(async () => {
  const repo = TestRepo.init(path.join(tempDir("ts-narrow-"), "site"));
  repo.write("content/en/guide.md", english("Guide"));
  repo.write("content/en/same.md", english("Same"));
  repo.write("content/en/odd.md", english("Odd"));
  const raw = repo.commit("English");
  repo.write("content/zh-cn/guide.md", translated(raw));
  repo.write("content/zh-cn/same.md", translated(raw));
  // A raw_commit holding a right-to-left override: the diff's notice names it.
  repo.write("content/zh-cn/odd.md", translated("abc\u202edef"));
  repo.commit("Translate");
  hashes = [];
  COMMITS.forEach((c, i) => {
    repo.write("content/en/guide.md", english("Guide", `Text.\n\nLine ${i}.\n`));
    hashes.unshift(
      repo.commit(c.subject, { GIT_AUTHOR_NAME: c.author, GIT_AUTHOR_EMAIL: "a@example.com" }),
    );
  });
  hashes = hashes.map((h) => h.slice(0, 8));
  const out = await scan({
    repo: repo.dir,
    source: "en",
    content: "content",
    langs: [],
    kinds: true,
  });
  data = scannedData(repo.dir, out);
});
afterEach(() => cleanup());

/** The dashboard at `columns`×`rows`, opened on the page whose path holds `search`. */
async function openPage(search: string, columns: number, rows: number): Promise<Rendered> {
  const r = await openOn(data, search, columns, rows, (f) => f.startsWith(`‹ zh-cn · ${search}`));
  await waitFor(() => !frame(r).includes("Reading the English versions"), "the diff");
  return r;
}

/** Every row within `columns` as the terminal measures them (a wide character takes 2), and no
 * character a terminal would act on. */
function fits(f: string, columns: number, rows: number): boolean {
  const lines = f.split("\n");
  return (
    lines.length <= rows - 1 &&
    lines.every((l) => stringWidth(l) <= columns) &&
    !["\x1b", "\x07", "\u200b", "\u202e"].some((ch) => f.includes(ch))
  );
}

/** Every row of the `I` overlay, read a screen at a time by its "a-b of n". */
async function overlayRows(r: Rendered): Promise<string[]> {
  r.stdin.write("I");
  await waitFor(() => frame(r).startsWith("Page details"), "the details");
  const rows: string[] = [];
  for (;;) {
    const lines = frame(r).split("\n");
    const m = /(\d+)-(\d+)(?: of |\/)(\d+)/.exec(lines[0] ?? "");
    if (!m) return lines.slice(1);
    const [first = 0, last = 0, total = 0] = m.slice(1).map(Number);
    lines.slice(1, 1 + last - first + 1).forEach((l, i) => {
      rows[first - 1 + i] = l;
    });
    if (last === total) return rows;
    r.stdin.write(" ");
    await waitFor(() => !frame(r).startsWith(lines[0] as string), "the next screen");
  }
}

const squeezed = (s: string) => s.replace(/\s+/g, "");

describe.each([40, 60, 80, 120])("an opened page at %i columns", (columns) => {
  it("fits each commit's row, keeps its subject's start, and I shows it whole", async () => {
    const r = await openPage("guide", columns, 30);
    const f = frame(r);
    expect(fits(f, columns, 30)).toBe(true);
    const lines = f.split("\n");
    expect(lines.find((l) => l.startsWith("English commits") || l.startsWith("Commits"))).toMatch(
      /: 3$/,
    );
    const newestFirst = [...COMMITS].reverse();
    newestFirst.forEach((c, i) => {
      const row = lines.find((l) => l.startsWith(`  ${hashes[i]} `)) as string;
      expect(row).toBeDefined();
      const rest = row.slice(2 + 8 + 1);
      // The date while the subject keeps its 16 columns; the author from 60 columns.
      expect(rest.startsWith("2025-01-01 ")).toBe(true);
      // The subject whole, or its start, at least 15 columns of it, and `…`.
      const subject = rest.slice(11);
      const cut = subject.indexOf("…");
      if (cut < 0) expect(subject.startsWith(c.shownSubject)).toBe(true);
      else {
        expect(stringWidth(subject.slice(0, cut))).toBeGreaterThanOrEqual(15);
        expect(c.shownSubject.startsWith(subject.slice(0, cut))).toBe(true);
      }
      if (columns >= 60) expect(row).toContain(c.shownAuthor.slice(0, 5));
      else expect(row).not.toContain(c.shownAuthor.slice(0, 3));
      if (columns >= 120) expect(cut < 0 || cut >= 50).toBe(true);
    });
    expect(lines.some((l) => l.startsWith("English diff") || l.startsWith("Diff "))).toBe(true);
    const all = squeezed((await overlayRows(r)).join("\n"));
    expect(all).toContain(squeezed("English commits since the translation: 3"));
    newestFirst.forEach((c, i) => {
      expect(all).toContain(squeezed(`${hashes[i]} 2025-01-01 ${c.shownAuthor}`));
      expect(all).toContain(squeezed(c.shownSubject));
    });
  });

  it("fits a page with no commits to list, and wraps the diff's notice", async () => {
    const r = await openPage("same", columns, 24);
    const f = frame(r);
    expect(fits(f, columns, 24)).toBe(true);
    expect(f).toMatch(/^No English commits since the translation\.?$/m);
    expect(squeezed(f)).toContain(
      squeezed("No change: the English page at HEAD is the same as at raw_commit."),
    );
  });

  it("escapes a raw_commit's invisible characters in the diff's notice", async () => {
    const r = await openPage("odd", columns, 40);
    const f = frame(r);
    expect(fits(f, columns, 40)).toBe(true);
    expect(squeezed(f)).toContain(squeezed('The translation\'s raw_commit "abc\\u202edef"'));
  });
});
