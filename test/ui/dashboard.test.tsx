// The dashboard as a translator sees it, at a fixed width and without colour, driven by keys.
// Data comes from a real scan of the fixture site; diffs from an in-memory loader (no git).
import { EventEmitter } from "node:events";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

// Before Ink (and chalk) are loaded: no colour, as with NO_COLOR or --no-color.
const savedForceColor = vi.hoisted(() => {
  const saved = process.env.FORCE_COLOR;
  process.env.FORCE_COLOR = "0";
  return saved;
});

import { render as inkRender } from "ink";
import { cleanup, render } from "ink-testing-library";
import type { ScanResult } from "../../src/core/types.js";
import { pageWriter, withEstimatedCommits } from "../../src/detail/loader.js";
import { isUnsafeCodePoint } from "../../src/sanitize/terminal.js";
import { type PageDetail, type ScanOutput, scan } from "../../src/scan/scan.js";
import { Dashboard, type LoadEvents, type LoadedData } from "../../src/ui/App.js";
import { buildFixture, git, type TempSite } from "../helpers/site.js";
import {
  blobsOf,
  listOnlyData,
  MARK_DATE,
  memorySource,
  NOW,
  page,
  recordingWrite,
  resultOf,
  scannedData,
  waitFor,
} from "./helpers.js";

const KEY = {
  enter: "\r",
  esc: "\x1b",
  tab: "\t",
  shiftTab: "\x1b[Z",
  down: "\x1b[B",
  pageDown: "\x1b[6~",
  backspace: "\x7f",
};

let site: TempSite;
let data: LoadedData;
let scanned: ScanOutput;
let blobs: Map<string, string>;

beforeAll(async () => {
  site = buildFixture();
  scanned = await scan({ repo: site.dir, source: "en", content: "content", langs: [] });
  blobs = blobsOf(site.dir, scanned.details);
  data = {
    result: scanned.result,
    source: memorySource(scanned.result, scanned.details, blobs),
    repoName: "site",
  };
});
afterAll(() => {
  site?.cleanup();
  if (savedForceColor === undefined) delete process.env.FORCE_COLOR;
  else process.env.FORCE_COLOR = savedForceColor;
});
afterEach(() => cleanup());

type Rendered = ReturnType<typeof render>;

/** Whether a frame holds anything unsafe for a terminal (colour codes included), newlines aside. */
function hasEscapes(f: string): boolean {
  return [...f].some((ch) => ch !== "\n" && isUnsafeCodePoint(ch.codePointAt(0) ?? 0));
}

function frame(r: Rendered): string {
  return r.lastFrame() ?? "";
}

/**
 * Renders the dashboard and waits for the list; the test stdout is 100 columns, 24 rows. It opens
 * on ja unless told otherwise, as when `--lang ja` is given (with no language named it would open
 * on zh-cn, which has the most work: see the first-frame test).
 */
async function open(loaded: LoadedData = data, initialLang = "ja"): Promise<Rendered> {
  const r = render(
    <Dashboard
      load={async () => loaded}
      repoName="site"
      ui={{ color: false, hyperlinks: false }}
      now={NOW}
      initialLang={initialLang}
    />,
  );
  await waitFor(() => frame(r).includes("sort: "), "the page list");
  return r;
}

/** Types keys, then waits until the screen shows what they should lead to. */
async function press(
  r: Rendered,
  keys: string,
  until: (f: string) => boolean,
  what = "the screen to change",
): Promise<string> {
  r.stdin.write(keys);
  return waitFor(() => (until(frame(r)) ? frame(r) : null), what);
}

/** The page rows of the list screen, in order (the lines under the column header). */
function listRows(f: string): string[] {
  const lines = f.split("\n");
  const header = lines.findIndex((l) => l.includes("PATH") && l.includes("BEHIND"));
  return lines.slice(header + 1, -1).filter((l) => l.trim() !== "");
}

function resize(r: Rendered, columns: number, rows: number): void {
  Object.defineProperty(r.stdout, "columns", { value: columns, configurable: true });
  Object.defineProperty(r.stdout, "rows", { value: rows, configurable: true });
  r.stdout.emit("resize");
}

describe("list", () => {
  it("shows the repository, HEAD and each language's standing, without colour codes", async () => {
    const r = await open();
    const f = frame(r);
    const lines = f.split("\n");
    expect(lines[0]).toContain("site");
    expect(lines[0]).toContain(
      `HEAD ${data.result.head.slice(0, 8)} ${data.result.headDate?.slice(0, 10)}`,
    );
    // Bars read without colour: one symbol per status, in proportion; then counts and percentages.
    expect(f).toMatch(/› ja\s+▕!+\++✓+▏\s+9 {2}! 2 22% {2}\+ 6 67% {2}✓ 1 11%/);
    expect(f).toMatch(/ {2}zh-cn ▕!+→+✗+\?+·+\++✓+▏\s+11 {2}! 3 27% {2}→ 1 9%/);
    expect(f).toContain("! outdated  → moved  ✗ source-missing");
    expect(f).toContain("ja · sort: most work · filter: all");
    expect(hasEscapes(f)).toBe(false);
    expect(lines).toHaveLength(23); // the last terminal row stays free
  });

  it("lists the page with the most work first, with status, path, commits behind, lines and age", async () => {
    const r = await open();
    const rows = listRows(frame(r));
    expect(rows[0]).toMatch(/^› ! outdated\s+admin\/prerequisites\.md\s+2\s+\+4 -1\s+92d$/);
    expect(rows.at(-1)).toMatch(/✓ up-to-date\s+user\/run-your-own\.md\s+0\s+\+0 -0/);
  });

  it("switches language with Tab and Shift+Tab; zh-cn's most outdated page is on top", async () => {
    const r = await open();
    const f = await press(r, KEY.tab, (x) => x.includes("zh-cn · sort"));
    const rows = listRows(f);
    expect(rows[0]).toMatch(/^› ! outdated\s+user\/moderation\.md\s+2\s+\+4 -0\s+41d$/);
    expect(rows[1]).toMatch(/→ moved\s+admin\/optional\/elasticsearch\.md\s+2\s+\+3 -1\s+41d/);
    expect(f).toContain("1/11");
    await press(r, KEY.shiftTab, (x) => x.includes("ja · sort"));
  });

  it("handles a burst of keys in order, as a fast typist or tmux sends them", async () => {
    const r = await open();
    const f = await press(r, `${KEY.tab}jj${KEY.enter}`, (x) =>
      x.includes("‹ zh-cn · user/run-your-own.md"),
    );
    expect(f).toContain("! outdated");
    await press(r, `${KEY.esc}`, (x) => x.includes("3/11"));
    await press(r, `/mod${KEY.enter}`, (x) => x.includes("search: mod") && x.includes("1/1 of 11"));
  });

  it("moves the selection and keeps it visible", async () => {
    const r = await open(data, "zh-cn");
    let f = await press(r, "jj", (x) => x.includes("3/11"));
    expect(listRows(f)[2]).toMatch(/^› /);
    f = await press(r, "G", (x) => x.includes("11/11"));
    expect(listRows(f).at(-1)).toMatch(/^› ✓ up-to-date/);
    await press(r, "g", (x) => x.includes("1/11"));
  });

  it("sorts with s (behind, lines, oldest, path) and reverses with r", async () => {
    const r = await open(data, "zh-cn");
    await press(r, "s", (x) => x.includes("sort: commits behind"));
    await press(r, "s", (x) => x.includes("sort: lines changed"));
    await press(r, "s", (x) => x.includes("sort: oldest translation"));
    let f = await press(r, "s", (x) => x.includes("sort: path"));
    expect(listRows(f).map((l) => l.replace(/^[› ] . \S+\s+(\S+).*$/, "$1"))).toEqual([
      "_index.md",
      "admin/backups.md",
      "admin/optional/elasticsearch.md",
      "admin/prerequisites.md",
      "dev/old-api.md",
      "user/contacts.md",
      "user/filters.md",
      "user/moderation.md",
      "user/notes.md",
      "user/run-your-own.md",
      "user/signup.md",
    ]);
    f = await press(r, "r", (x) => x.includes("sort: path (reversed)"));
    expect(listRows(f)[0]).toContain("user/signup.md");
  });

  it("filters by status with f/F and the digits", async () => {
    const r = await open(data, "zh-cn");
    let f = await press(r, "f", (x) => x.includes("filter: needs work"));
    // user/notes.md translates no English page: source-missing, so it needs work (issue 14).
    expect(listRows(f)).toHaveLength(7);
    expect(f).toContain("1/7 of 11");
    f = await press(r, "2", (x) => x.includes("filter: outdated"));
    expect(listRows(f).every((l) => l.includes("! outdated"))).toBe(true);
    expect(listRows(f)).toHaveLength(3);
    f = await press(r, "F", (x) => x.includes("filter: needs work"));
    f = await press(r, "7", (x) => x.includes("filter: missing"));
    expect(listRows(f)).toEqual([expect.stringMatching(/\+ missing\s+user\/filters\.md/)]);
    await press(r, "0", (x) => x.includes("filter: all"));
  });

  it("searches paths as you type; Enter keeps the search, Esc clears it", async () => {
    const r = await open(data, "zh-cn");
    let f = await press(r, "/", (x) => x.includes("⏎ keep  Esc cancel"));
    f = await press(r, "user/r", (x) => x.includes("/user/r█"));
    expect(listRows(f)).toEqual([expect.stringMatching(/user\/run-your-own\.md/)]);
    f = await press(r, KEY.backspace, (x) => x.includes("/user/█"));
    expect(listRows(f)).toHaveLength(6);
    f = await press(r, "q", (x) => x.includes("/user/q█")); // q is text while searching
    expect(f).toContain("No pages match");
    await press(r, KEY.backspace, (x) => x.includes("/user/█"));
    f = await press(r, KEY.enter, (x) => x.includes("↑↓ move"));
    expect(f).toContain("search: user/");
    f = await press(r, KEY.esc, (x) => !x.includes("search:"));
    expect(listRows(f)).toHaveLength(11);
  });

  it("lists the scan's warnings with w", async () => {
    const result = {
      ...data.result,
      warnings: ["this is a shallow clone: fetch the \x1b[2Jfull history"],
    };
    const r = await open({ ...data, result });
    expect(frame(r).split("\n")[0]).toContain("⚠ 1 warning (w)");
    const f = await press(r, "w", (x) => x.includes("Scan warnings (1)"));
    expect(f).toContain("⚠ this is a shallow clone: fetch the \\x1b[2Jfull history");
    await press(r, KEY.esc, (x) => x.includes("sort: most work"));
  });
});

describe("detail", () => {
  async function openModeration(): Promise<Rendered> {
    const r = await open(data, "zh-cn");
    await press(r, KEY.enter, (x) => x.includes("They can also limit accounts."), "the diff");
    return r;
  }

  it("shows the page's metadata, the English commits and the English diff", async () => {
    const r = await openModeration();
    const f = frame(r);
    expect(f).toContain("‹ zh-cn · user/moderation.md  ! outdated");
    expect(f).toContain("Translation content/zh-cn/user/moderation.md");
    expect(f).toContain("English     content/en/user/moderation.md");
    expect(f).toMatch(
      /Translated {2}from English [0-9a-f]{8} on 2025-04-21 \(41d ago\); metadata on line 7/,
    );
    expect(f).toContain("Behind      2 English commits, +4 -0 lines");
    expect(f).toContain("Title       Moderation");
    expect(f).toContain("English commits since the translation: 2");
    expect(f).toMatch(
      / {2}[0-9a-f]{8} 2025-04-01 Moderation: link the admin guide\s+Fixture Author/,
    );
    expect(f).toMatch(
      /English diff {2}[0-9a-f]{8} → [0-9a-f]{8} \(HEAD\) {2}\+4 -0 {2}lines 1-8 of 8/,
    );
    expect(f).toContain("@@ -3,3 +3,7 @@");
    expect(f).toMatch(/ {2}5 {3}Moderators can suspend accounts\./);
    expect(f).toMatch(/ {2}7 \+ They can also limit accounts\./);
    expect(hasEscapes(f)).toBe(false);
    await press(r, KEY.esc, (x) => x.includes("sort: most work"));
  });

  it("steps through the commits one at a time with c, ] and [", async () => {
    const r = await openModeration();
    let f = await press(r, "c", (x) => x.includes("Commit 1 of 2"));
    expect(f).toMatch(/› [0-9a-f]{8} 2025-04-01 Moderation: link the admin guide/);
    await waitFor(() => frame(r).includes("+ See the admin guide."), "commit 1's diff");
    expect(frame(r)).not.toContain("+ They can also limit accounts.");
    f = await press(
      r,
      "]",
      (x) => x.includes("Commit 2 of 2") && x.includes("+ They can also limit accounts."),
    );
    expect(f).toMatch(/› [0-9a-f]{8} 2025-04-01 Moderation: explain limiting/);
    expect(f).not.toContain("See the admin guide.");
    f = await press(r, "]", (x) => x.includes("Commit 2 of 2")); // stays on the oldest
    f = await press(
      r,
      "[",
      (x) => x.includes("Commit 1 of 2") && x.includes("See the admin guide."),
    );
    f = await press(
      r,
      "c",
      (x) => x.includes("English diff") && x.includes("+ They can also limit accounts."),
    );
    expect(f).toContain("+ See the admin guide.");
  });

  it("shows a moved page's old and new English path, and marks changed words without colour", async () => {
    const r = await open(data, "zh-cn");
    await press(r, "j", (x) => x.includes("2/11"));
    const f = await press(
      r,
      KEY.enter,
      (x) => x.includes("{+ and ES_HOST+}"),
      "the moved page's diff",
    );
    expect(f).toContain("‹ zh-cn · admin/optional/elasticsearch.md  → moved");
    expect(f).toContain("English     moved from content/en/admin/optional/elasticsearch.md");
    expect(f).toContain("                    to content/en/admin/elasticsearch.md");
    // Old and new line numbers in two columns, each blank on the side the line is not on.
    expect(f).toMatch(/^ {2}7 {5}- Set ES_ENABLED=true\./m);
    expect(f).toMatch(/^ {6}7 \+ Set ES_ENABLED=true\{\+ and ES_HOST\+\}\./m);
    expect(f).toMatch(/^ {2}6 {3}6 *$/m);
    const c = await press(
      r,
      "c]",
      (x) => x.includes("Commit 2 of 2") && x.includes("did not change"),
    );
    expect(c).toMatch(/Move Elasticsearch out of the optional section/);
  });

  it("explains pages that have nothing to compare", async () => {
    const r = await open(data, "zh-cn");
    await press(r, "8", (x) => x.includes("filter: up-to-date"));
    let f = await press(r, KEY.enter, (x) => x.includes("No change"), "the notice");
    expect(f).toContain("No change: the English page at HEAD is the same as at raw_commit.");
    await press(r, KEY.esc, (x) => x.includes("filter: up-to-date"));
    await press(r, "7", (x) => x.includes("filter: missing"));
    f = await press(r, KEY.enter, (x) => x.includes("Not translated yet"), "the notice");
    expect(f).toContain("Translated  not yet");
  });

  it("opens the next page with J without going back", async () => {
    const r = await openModeration();
    const f = await press(r, "J", (x) => x.includes("admin/optional/elasticsearch.md  → moved"));
    expect(f).toContain("ES_HOST");
  });
});

/** A page whose English diff is long: 3000 changed lines. */
function longDiff(): LoadedData {
  const before = `${Array.from({ length: 3000 }, (_, i) => `old line ${i + 1}`).join("\n")}\n`;
  const after = `${Array.from({ length: 3000 }, (_, i) => `new line ${i + 1}`).join("\n")}\n`;
  const p = page({
    path: "content/zh-cn/long.md",
    status: "outdated",
    rawCommit: "1".repeat(40),
    commitsBehind: 1,
    linesAdded: 3000,
    linesRemoved: 3000,
    commits: [
      { hash: "2".repeat(40), date: "2025-05-01T00:00:00+00:00", author: "A", subject: "rewrite" },
    ],
  });
  const result = resultOf([p]);
  const details: PageDetail[] = [
    {
      rawHash: "1".repeat(40),
      fromBlob: "b1",
      toBlob: "b2",
      commitBlobs: new Map([["2".repeat(40), { before: "b1", after: "b2" }]]),
    },
  ];
  return {
    result,
    source: memorySource(
      result,
      details,
      new Map([
        ["b1", before],
        ["b2", after],
      ]),
    ),
    repoName: "long",
  };
}

describe("diff scrolling", () => {
  it("opens a long diff at once and scrolls it with j/k, PgDn/PgUp, G/g and sideways", async () => {
    const r = await open(longDiff());
    let f = await press(r, KEY.enter, (x) => x.includes("lines 1-"), "the long diff");
    expect(f).toMatch(/lines 1-(\d+) of 6001/);
    const height = Number(/lines 1-(\d+) of/.exec(f)?.[1]);
    expect(f.split("\n")).toHaveLength(23);
    f = await press(r, "j", (x) => x.includes("lines 2-"));
    expect(f).toMatch(/^ {3}1 {6}- \[-old-\] line 1$/m); // changed words marked without colour
    f = await press(r, KEY.pageDown, (x) => x.includes(`lines ${2 + height}-`));
    f = await press(r, "k", (x) => x.includes(`lines ${1 + height}-`));
    f = await press(
      r,
      "G",
      (x) => x.includes("of 6001") && x.includes(`lines ${6001 - height + 1}-6001`),
    );
    expect(f).toContain("+ {+new+} line 3000");
    f = await press(r, "g", (x) => x.includes("lines 1-"));
    expect(f).toContain("@@ -1,3000 +1,3000 @@");
    // Wrapped lines (the default) have nothing to scroll sideways to; W cuts them instead.
    await press(r, "lW", (x) => x.includes("lines 1-") && x.includes("unwrapped"));
    f = await press(r, "l", (x) => x.includes("→8"));
    expect(f).toMatch(/^ {3}1 {6}- line 1$/m); // "[-old-] line 1" scrolled 8 columns to the left
    await press(r, "h", (x) => !x.includes("→8"));
    await press(r, "W", (x) => !x.includes("unwrapped"));
  });
});

describe("many pages", () => {
  it("renders only the visible window of 5000 rows and keeps the selection on screen", async () => {
    const pages = Array.from({ length: 5000 }, (_, i) =>
      page({
        path: `content/zh-cn/section-${Math.floor(i / 100)}/page-${String(i).padStart(4, "0")}.md`,
        status: i % 3 === 0 ? "outdated" : "up-to-date",
        commitsBehind: i % 3 === 0 ? (i % 17) + 1 : 0,
        linesAdded: i % 50,
        linesRemoved: 0,
      }),
    );
    const r = await open(listOnlyData(resultOf(pages), "big"));
    expect(frame(r).split("\n")).toHaveLength(23);
    let f = await press(r, "G", (x) => x.includes("5000/5000"));
    expect(listRows(f).at(-1)).toMatch(/^› /);
    f = await press(r, "k".repeat(20), (x) => x.includes("4980/5000"));
    expect(listRows(f).filter((l) => l.startsWith("› "))).toHaveLength(1);
    f = await press(r, "g", (x) => x.includes("1/5000"));
    let at = 1;
    for (let i = 0; i < 30; i++) {
      f = await press(r, KEY.pageDown, (x) => Number(/(\d+)\/5000/.exec(x)?.[1]) > at);
      at = Number(/(\d+)\/5000/.exec(f)?.[1]);
      expect(listRows(f).filter((l) => l.startsWith("› "))).toHaveLength(1);
    }
    f = await press(r, "/", (x) => x.includes("█"));
    f = await press(r, "page-4999", (x) => x.includes("1/1 of 5000"));
    expect(listRows(f)).toEqual([expect.stringContaining("section-49/page-4999.md")]);
  });
});

describe("help", () => {
  it("lists every key with ?, scrolls, and closes with Esc", async () => {
    const r = await open();
    let f = await press(r, "?", (x) => x.includes("Keys  ·  Esc or ? closes"));
    expect(f).toContain("Page list");
    expect(f).toMatch(/Tab {2}Shift\+Tab\s+next \/ previous language/);
    expect(f).toMatch(/\/\s+search paths as you type/);
    expect(f).toMatch(/u\s+mark the page as updated: it records HEAD \(asks y\/n\)/);
    expect(f).toMatch(/e\s+edit the page in \$VISUAL or \$EDITOR, then read it again/);
    expect(f).toMatch(/W\s+wrap long lines \(the default\) ⇄ cut them at the edge/);
    f = await press(r, "G", (x) => x.includes("Statuses"));
    expect(f).toMatch(/I\s+the page's metadata and commits in full: whole paths/);
    expect(f).toMatch(/U\s+on a commit \(c, ] \[\): translated up to it/);
    expect(f).toMatch(/\+ missing\s+not translated yet/);
    expect(f).toMatch(/] \[ {2}n p\s+next \(older\) \/ previous \(newer\) commit/);
    await press(r, KEY.esc, (x) => x.includes("sort: most work"));
  });
});

describe("terminal size", () => {
  it("fits 80x24 and adapts when the terminal is resized", async () => {
    const r = await open(data, "zh-cn");
    const fits = (f: string, columns: number, rows: number) =>
      f.split("\n").length === rows - 1 && f.split("\n").every((l) => [...l].length <= columns);
    resize(r, 80, 24);
    let f = await waitFor(() => (fits(frame(r), 80, 24) ? frame(r) : null), "the 80x24 layout");
    expect(listRows(f)[0]).toMatch(/^› ! outdated\s+user\/moderation\.md\s+2\s+\+4 -0\s+41d$/);
    expect(f).toContain("↑↓ move  ⏎ open  Tab language");
    expect(f).toContain("u mark updated  e edit  ? help  q quit");
    resize(r, 60, 20);
    f = await waitFor(() => (fits(frame(r), 60, 20) ? frame(r) : null), "the 60x20 layout");
    expect(f).not.toContain("STATUS"); // the status name gives way; the symbol stays
    expect(listRows(f)[0]).toMatch(/^› ! +user\/moderation\.md\s+2\s+\+4 -0\s+41d$/);
    resize(r, 120, 40);
    f = await waitFor(() => (fits(frame(r), 120, 40) ? frame(r) : null), "the 120x40 layout");
    expect(listRows(f)).toHaveLength(11);
    f = await press(r, KEY.enter, (x) => x.includes("They can also limit accounts."));
    resize(r, 80, 24);
    f = await waitFor(() => (fits(frame(r), 80, 24) ? frame(r) : null), "the 80x24 detail view");
    expect(f).toContain("+ They can also limit accounts.");
    expect(f).toContain("English commits since the translation: 2");
    // The footer stays one line with the keys that change the page.
    expect(f.split("\n").at(-1)).toBe(
      "↑↓ scroll  c by commit  W wrap  u mark  U up to commit  e edit  Esc back  ? help",
    );
  });
});

describe("untrusted text", () => {
  it("escapes control and bidi characters in paths, commits, authors and diff lines", async () => {
    const evil = page({
      path: "content/zh-cn/\x1b[31mred\x07.md",
      status: "outdated",
      rawCommit: "1".repeat(40),
      commitsBehind: 1,
      linesAdded: 1,
      linesRemoved: 0,
      rawTitle: "title\u202eesrever",
      warnings: ["warn\x1b]0;pwned\x07"],
      commits: [
        {
          hash: "2".repeat(40),
          date: "2025-05-01",
          author: "Eve\x1b[2J",
          subject: "subject\r\x1b[1Aup",
        },
      ],
    });
    const result: ScanResult = resultOf([evil]);
    const details: PageDetail[] = [
      { rawHash: "1".repeat(40), fromBlob: "a", toBlob: "b", commitBlobs: new Map() },
    ];
    const source = memorySource(
      result,
      details,
      new Map([
        ["a", "x\n"],
        ["b", "x\n\x1b]8;;http://evil\x07click\t\u200bhere\n"],
      ]),
    );
    const r = await open({ result, source, repoName: "evil\x1b[5m" });
    let f = frame(r);
    expect(f).toContain("\\x1b[31mred\\x07.md");
    expect(f.split("\n")[0]).toContain("evil\\x1b[5m");
    f = await press(r, KEY.enter, (x) => x.includes("click"), "the diff");
    expect(f).toContain("title\\u202eesrever");
    expect(f).toContain("warn\\x1b]0;pwned\\x07");
    expect(f).toContain("Eve\\x1b[2J");
    expect(f).toContain("subject\\r\\x1b[1Aup");
    expect(f).toContain("+ \\x1b]8;;http://evil\\x07click    \\u200bhere");
    expect(hasEscapes(f)).toBe(false);
  });
});

describe("marking a page as updated", () => {
  // Marking writes the fixture's page, which each test finds as the scan left it.
  afterEach(() => git(site.dir, ["checkout", "-q", "--", "."]));
  /** Fresh data for each test (marking changes the source), with a page writer that records
   * before it writes (as the dashboard does) and the scan's own reading of a page again. */
  function markable(error: string | null = null, gate?: Promise<void>) {
    const rec = recordingWrite(error, gate, pageWriter(scanned, scanned.result));
    const loaded: LoadedData = {
      result: scanned.result,
      source: memorySource(scanned.result, scanned.details, blobs, {
        write: rec.write,
        ...(scanned.rescan ? { rescan: scanned.rescan } : {}),
      }),
      repoName: "site",
    };
    return { loaded, calls: rec.calls };
  }
  const head = () => scanned.result.head;
  const selectedRow = (f: string) => listRows(f).find((l) => l.startsWith("› "));
  const question = "Mark content/zh-cn/user/moderation.md as translated from English";

  it("asks, then marks the page: the list shows it up to date and the counts change", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { loaded, calls } = markable(null, gate);
    const r = await open(loaded, "zh-cn");
    expect(frame(r)).toMatch(/› zh-cn ▕.*▏\s+11 {2}! 3 27%.*✓ 2 18%/);
    let f = await press(r, "u", (x) => x.includes(question), "the question");
    expect(f).toContain(`${question} ${head().slice(0, 8)}? y/n`);
    expect(calls).toEqual([]);
    f = await press(r, "y", (x) => x.includes("Marking content/zh-cn/user/moderation.md…"));
    release();
    f = await waitFor(
      () =>
        frame(r).includes(
          `Marked content/zh-cn/user/moderation.md as translated from ${head().slice(0, 8)}`,
        ) && frame(r),
      "the outcome",
    );
    expect(calls).toEqual([
      { path: "content/zh-cn/user/moderation.md", commit: head(), date: MARK_DATE },
    ]);
    // The page is now up to date and last in "most work" order; the cursor stays on the next
    // page to do, which took its place; counts follow.
    expect(selectedRow(f)).toMatch(/^› → moved\s+admin\/optional\/elasticsearch\.md/);
    expect(f).toMatch(/› zh-cn ▕.*▏\s+11 {2}! 2 18%.*✓ 3 27%/);
    // Opened (G goes to the last page), it has nothing left to show.
    f = await press(r, "G", (x) => x.includes("11/11"), "the last page");
    expect(selectedRow(f)).toMatch(/^› ✓ up-to-date\s+user\/moderation\.md\s+0\s+\+0 -0\s+0d$/);
    f = await press(r, KEY.enter, (x) => x.includes("No change"), "the marked page");
    expect(f).toContain("‹ zh-cn · user/moderation.md  ✓ up-to-date");
    expect(f).toContain(`Translated  from English ${head().slice(0, 8)} on ${MARK_DATE} (0d ago)`);
    expect(f).toContain("No English commits since the translation.");
    expect(hasEscapes(f)).toBe(false);
  });

  it("marks the open page from the detail view", async () => {
    const { loaded, calls } = markable();
    const r = await open(loaded, "zh-cn");
    await press(r, KEY.enter, (x) => x.includes("They can also limit accounts."), "the diff");
    await press(r, "c", (x) => x.includes("Commit 1 of 2"));
    await press(r, "u", (x) => x.includes(question), "the question");
    let f = await press(r, "y", (x) => x.includes("Marked content/zh-cn/user/moderation.md"));
    f = await waitFor(() => frame(r).includes("No change") && frame(r), "the empty diff");
    expect(f).toContain("‹ zh-cn · user/moderation.md  ✓ up-to-date");
    expect(f).toContain("No English commits since the translation.");
    expect(f).not.toContain("They can also limit accounts.");
    expect(calls).toHaveLength(1);
    f = await press(r, KEY.esc, (x) => x.includes("sort: most work"));
    expect(f).toMatch(/› zh-cn ▕.*▏\s+11 {2}! 2 18%/);
    // Back in the list, the cursor is on the next page to do.
    expect(selectedRow(f)).toMatch(/→ moved\s+admin\/optional\/elasticsearch\.md/);
  });

  it("cancels on any key but y, changing nothing", async () => {
    const { loaded, calls } = markable();
    const r = await open(loaded, "zh-cn");
    const before = frame(r);
    await press(r, "u", (x) => x.includes(question), "the question");
    let f = await press(r, "n", (x) => x.includes("Not marked: cancelled"));
    expect(listRows(f)).toEqual(listRows(before));
    expect(f.split("\n").slice(0, -1)).toEqual(before.split("\n").slice(0, -1));
    // The cancelling key does nothing else (j does not move), and the next key clears the line.
    await press(r, "u", (x) => x.includes(question), "the question");
    f = await press(r, "j", (x) => x.includes("Not marked: cancelled"));
    expect(f).toContain("1/11");
    f = await press(r, "j", (x) => x.includes("2/11") && x.includes("u mark updated"));
    expect(calls).toEqual([]);
    expect(selectedRow(f)).toMatch(/→ moved/);
  });

  it("shows why a page was not marked when writing fails, sanitized", async () => {
    const { loaded, calls } = markable("cannot write the page: disk \x1b[2Jfull");
    const r = await open(loaded, "zh-cn");
    await press(r, "u", (x) => x.includes(question), "the question");
    const f = await press(r, "y", (x) => x.includes("Could not mark"), "the error");
    expect(f).toContain(
      "Could not mark content/zh-cn/user/moderation.md: cannot write the page: disk \\x1b[2Jfull",
    );
    expect(hasEscapes(f)).toBe(false);
    expect(calls).toHaveLength(1);
    expect(selectedRow(f)).toMatch(/^› ! outdated\s+user\/moderation\.md/);
    expect(f).toMatch(/› zh-cn ▕.*▏\s+11 {2}! 3 27%/);
  });

  it("explains that a moved page must move too, without asking or writing", async () => {
    const { loaded, calls } = markable();
    const r = await open(loaded, "zh-cn");
    await press(r, "j", (x) => x.includes("2/11"));
    let f = await press(r, "u", (x) => x.includes("Not marked"), "the explanation");
    // The fullest wording, wrapped onto a second row rather than a shorter one.
    expect(f.replace(/\s+/g, " ")).toContain(
      "Not marked: the English page moved to content/en/admin/elasticsearch.md; move the translation to content/zh-cn/admin/elasticsearch.md too (marking alone would not fix it)",
    );
    expect(f).not.toContain("y/n");
    f = await press(r, "y", (x) => x.includes("u mark updated")); // y alone does nothing
    expect(calls).toEqual([]);
    expect(selectedRow(f)).toMatch(/→ moved/);
    // A page without metadata can be brought under tracking: it is asked, and n writes nothing.
    await press(r, "6", (x) => x.includes("filter: untracked"));
    f = await press(r, "u", (x) => x.includes("y/n"), "the question");
    f = await press(r, "n", (x) => x.includes("cancelled"), "the cancellation");
    expect(calls).toEqual([]);
  });
});

/** Ink's render with in-memory streams, to see the app exit (ink-testing-library hides it). */
function renderExiting(node: React.ReactElement) {
  const stdout = Object.assign(new EventEmitter(), {
    columns: 100,
    rows: 30,
    last: "",
    write(s: string) {
      stdout.last = s;
      return true;
    },
  });
  const stdin = Object.assign(new EventEmitter(), {
    isTTY: true,
    data: null as string | null,
    setEncoding() {},
    setRawMode() {},
    resume() {},
    pause() {},
    ref() {},
    unref() {},
    read() {
      const d = stdin.data;
      stdin.data = null;
      return d;
    },
    send(d: string) {
      stdin.data = d;
      stdin.emit("readable");
      stdin.emit("data", d);
    },
  });
  const instance = inkRender(node, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  return { instance, stdout, stdin };
}

describe("lifecycle", () => {
  it("draws the first frame before the scan ends, shows its progress, and q leaves", async () => {
    let progress: (p: { phase: "pages"; done: number; total: number }) => void = () => {};
    let finish: (d: LoadedData) => void = () => {};
    const load = (on: LoadEvents) => {
      progress = on.progress;
      return new Promise<LoadedData>((resolve) => {
        finish = resolve;
      });
    };
    const { instance, stdout, stdin } = renderExiting(
      <Dashboard load={load} repoName="docs" ui={{ color: false, hyperlinks: false }} now={NOW} />,
    );
    expect(stdout.last).toContain("translation-status · docs");
    expect(stdout.last).toContain("Opening the repository");
    progress({ phase: "pages", done: 10, total: 10 });
    await waitFor(() => stdout.last.includes("Reading the translated pages…  10/10"), "progress");
    finish(data);
    // With no language named, it opens on the one with the most pages that need work.
    await waitFor(() => stdout.last.includes("zh-cn · sort: most work"), "the list");
    stdin.send(KEY.enter);
    await waitFor(() => stdout.last.includes("‹ zh-cn"), "the detail view");
    stdin.send("q");
    await expect(instance.waitUntilExit()).resolves.toBeUndefined();
  });

  it("shows the languages' figures once every status is known, and the list below them later", async () => {
    const heard: { on?: LoadEvents } = {};
    let finish: (d: LoadedData) => void = () => {};
    const load = (events: LoadEvents) => {
      heard.on = events;
      // What the scan said before the UI listened is replayed, as the shell's loader does.
      events.progress({ phase: "measure", done: 0, total: 6 });
      return new Promise<LoadedData>((resolve) => {
        finish = resolve;
      });
    };
    const { instance, stdout, stdin } = renderExiting(
      <Dashboard load={load} repoName="docs" ui={{ color: false, hyperlinks: false }} now={NOW} />,
    );
    await waitFor(() => stdout.last.includes("Measuring what changed…  0/6"), "progress");
    expect(stdout.last).not.toContain("zh-cn");
    const drawn = heard.on?.figures({ result: data.result, repoName: "site" });
    // The dashboard tells when the figures are on screen (the shell loads the rest only then).
    await drawn;
    expect(stdout.last).toContain("› zh-cn");
    const early = stdout.last;
    const rows = (s: string) => s.split("\n");
    const header = rows(early).slice(0, 3);
    expect(header[0]).toMatch(/^site {2}HEAD [0-9a-f]{8} /);
    expect(header[1]).toMatch(/^ {2}ja\s+▕.*▏\s+9 {2}! 2 22%/);
    expect(header[2]).toMatch(/^› zh-cn ▕.*▏\s+11 {2}! 3 27%/);
    // The counts are final; the list is not drawn until the line counts are in.
    expect(early).toContain("Measuring what changed");
    expect(early).not.toContain("sort: most work");
    expect(rows(early).at(-1)).toBe("q quit");
    finish(data);
    const list = await waitFor(
      () => stdout.last.includes("zh-cn · sort: most work") && stdout.last,
      "the list",
    );
    // The figures stay where they appeared, the list takes the rows below them.
    expect(rows(list).slice(0, 3)).toEqual(header);
    stdin.send("q");
    await expect(instance.waitUntilExit()).resolves.toBeUndefined();
  });

  it("leaves with the scan's error when the scan fails", async () => {
    const { instance } = renderExiting(
      <Dashboard
        load={() => Promise.reject(new Error("not a git work tree: /nowhere"))}
        repoName="x"
        ui={{ color: false, hyperlinks: false }}
      />,
    );
    await expect(instance.waitUntilExit()).rejects.toThrow("not a git work tree");
  });

  it("renders with colour on without losing the symbols", async () => {
    const r = render(
      <Dashboard
        load={async () => data}
        repoName="site"
        ui={{ color: true, hyperlinks: true }}
        now={NOW}
        initialLang="ja"
      />,
    );
    await waitFor(() => frame(r).includes("sort: "), "the page list");
    expect(frame(r)).toContain("! outdated");
    // The page's second warning wraps onto a row of its own: the diff's last line is below.
    await press(r, KEY.enter, (x) => x.includes("apt install build-essential"), "the diff");
  });
});

describe("pages without metadata", () => {
  it("lists them by estimated drift with ~, and opens one on its estimate, marked estimated", async () => {
    const other = buildFixture("no-metadata.json");
    try {
      const out = await scan({ repo: other.dir, source: "en", content: "content", langs: [] });
      const result = withEstimatedCommits(out.result, out.details);
      const loaded: LoadedData = {
        result,
        source: memorySource(result, out.details, blobsOf(other.dir, out.details)),
        repoName: "site",
      };
      const r = await open(loaded);
      const f = await press(r, "6", (x) => x.includes("filter: untracked"));
      expect(listRows(f)[0]).toMatch(/› · untracked\s+concepts\.md\s+~3\s+~\+5 -1/);
      const d = await press(r, KEY.enter, (x) => x.includes("+ Nodes run pods."), "the diff");
      expect(d).toContain("English commits since the estimate (estimated): 3");
      expect(d).toMatch(/English diff {2}\w{8} → \w{8} \(HEAD\) {2}estimated/);
      expect(d).toContain("+ Nodes run pods.");
      expect(d).toContain("~3 English commits, ~+5 -1 lines (estimated)");
    } finally {
      other.cleanup();
    }
  });
});

describe("a diff that git counts otherwise", () => {
  it("titles the whole diff with git's counts, and names the shown diff's own beside them", async () => {
    // fixtures/rewrite.json under histogram: git counts +10 -9, the diff shown has +5 -4.
    const other = buildFixture("rewrite.json");
    try {
      git(other.dir, ["config", "diff.algorithm", "histogram"]);
      const out = await scan({ repo: other.dir, source: "en", content: "content", langs: [] });
      const loaded = scannedData(other.dir, out);
      const r = await open(loaded, "zh-cn");
      const d = await press(r, KEY.enter, (x) => x.includes("@@ "), "the diff");
      expect(d).toContain("Behind      1 English commit, +10 -9 lines");
      expect(d).toMatch(
        /English diff {2}\w{8} → \w{8} \(HEAD\) {2}git \+10 -9, shown \+5 -4 {2}lines/,
      );
      // One commit's diff has no other count: its own stands alone.
      const one = /Commit 1 of 1 {2}\w{8} {2}\+5 -4 {2}lines/;
      await press(r, "c", (x) => one.test(x), "the commit's diff");
    } finally {
      other.cleanup();
    }
  });
});

describe("a site with more languages than the header has lines", () => {
  it("shows a window around the current language and says how many are left out", async () => {
    const langs = Array.from({ length: 15 }, (_, i) => `l${String(i).padStart(2, "0")}`);
    const base = data.result;
    const template = base.pages.find((p) => p.lang === "ja") as ScanResult["pages"][number];
    const pages = langs.map((lang) => ({ ...template, lang, path: `content/${lang}/x.md` }));
    const result: ScanResult = {
      ...base,
      languages: langs,
      pages,
      summary: Object.fromEntries(
        langs.map((l) => [l, { ...(base.summary.ja as ScanResult["summary"][string]) }]),
      ),
    };
    const r = await open({ ...data, result }, "l00");
    const shown = frame(r);
    expect(shown).toMatch(/↓ \d+ more languages \(Tab, Shift\+Tab\)/);
    expect(shown).not.toContain("l14");
  });
});
