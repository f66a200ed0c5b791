// The dashboard's pure parts: ordering, filtering, searching, selection, scrolling, keys, and the
// steps of marking a page as updated.

import { describe, expect, it } from "vitest";
import type { PageReport } from "../../src/core/types.js";
import { markBlocker, movedTranslationPath } from "../../src/detail/mark.js";
import { contentLayout } from "../../src/layout/layout.js";
import { fitHints, LIST_HINTS } from "../../src/ui/Footer.js";
import { type KeyContext, type KeyInfo, keyToCommand, splitInput } from "../../src/ui/keys.js";
import { detailLayout, frameHeight, listLayout } from "../../src/ui/layout.js";
import { confirmPrompt, withPage } from "../../src/ui/mark.js";
import {
  buildRows,
  cycle,
  matchesSearch,
  type RowQuery,
  SORT_KEYS,
  shortPath,
  shownPath,
} from "../../src/ui/rows.js";
import {
  type AppState,
  initialState,
  mostWorkLanguage,
  openingLanguage,
  reduce,
  type StateContext,
  selectedPage,
} from "../../src/ui/state.js";
import { fitVariants } from "../../src/ui/text.js";
import { clampScroll, follow } from "../../src/ui/viewport.js";
import { NOW, page, resultOf } from "./helpers.js";

const SITE = contentLayout("content", "en");
const HEAD = "f".repeat(40);

const commit = (n: number) => ({
  hash: `${n}`.repeat(40).slice(0, 40),
  date: "2025-05-01T00:00:00+00:00",
  author: "A",
  subject: `c${n}`,
});

const pages: PageReport[] = [
  page({
    path: "content/zh-cn/a/up.md",
    status: "up-to-date",
    rawCommit: HEAD,
    commitsBehind: 0,
    linesAdded: 0,
    linesRemoved: 0,
    lastTranslationTime: "2025-05-01",
  }),
  page({
    path: "content/zh-cn/a/small.md",
    status: "outdated",
    rawCommit: "1".repeat(40),
    commitsBehind: 1,
    linesAdded: 1,
    linesRemoved: 0,
    lastTranslationTime: "2025-01-01",
    commits: [commit(1)],
  }),
  page({
    path: "content/zh-cn/b/big.md",
    status: "outdated",
    rawCommit: "1".repeat(40),
    commitsBehind: 5,
    linesAdded: 40,
    linesRemoved: 2,
    lastTranslationTime: "2025-04-01",
    commits: [commit(1), commit(2), commit(3)],
  }),
  page({
    path: "content/zh-cn/b/moved.md",
    status: "moved",
    rawCommit: "1".repeat(40),
    sourcePath: "content/en/d/moved-here.md",
    movedFrom: "content/en/b/moved.md",
    commitsBehind: 5,
    linesAdded: 40,
    linesRemoved: 2,
    lastTranslationTime: "2024-01-01",
  }),
  page({ path: "content/zh-cn/c/new.md", status: "missing" }),
  page({ path: "content/zh-cn/c/bare.md", status: "untracked" }),
  page({
    path: "content/zh-cn/c/gone.md",
    status: "source-missing",
    commitsBehind: 2,
    rawCommit: "f".repeat(40),
  }),
  page({ path: "content/zh-cn/c/bad.md", status: "unknown-commit", rawCommit: "zzz" }),
  page({ path: "content/ja/a/up.md", status: "up-to-date", lang: "ja" }),
];
/** What raw_commit resolved to: nothing for an unknown commit. */
const rawHashOf = (list: readonly PageReport[]) => (i: number) => {
  const p = list[i];
  return !p || p.status === "unknown-commit" ? null : p.rawCommit;
};
const ctx: StateContext = {
  pages,
  languages: ["ja", "zh-cn"],
  layout: SITE,
  now: NOW,
  head: HEAD,
  rawHash: rawHashOf(pages),
  kinds: false,
};
const q = (over: Partial<RowQuery> = {}): RowQuery => ({
  lang: "zh-cn",
  layout: SITE,
  sort: "work",
  reverse: false,
  filter: "all",
  search: "",
  now: NOW,
  ...over,
});
const paths = (rows: number[]) => rows.map((i) => shortPath(pages[i] as PageReport, SITE));

describe("rows", () => {
  it("puts the most work first: pages that need work by commits and lines, then untracked, missing, up-to-date", () => {
    expect(paths(buildRows(pages, q()))).toEqual([
      "b/big.md", // outdated beats moved on a tie of commits and lines
      "b/moved.md",
      "c/gone.md",
      "a/small.md",
      "c/bad.md",
      "c/bare.md",
      "c/new.md",
      "a/up.md",
    ]);
  });

  it("sorts by commits behind, lines, age and path, and reverses", () => {
    expect(paths(buildRows(pages, q({ sort: "behind" }))).slice(0, 4)).toEqual([
      "b/big.md",
      "b/moved.md",
      "c/gone.md",
      "a/small.md",
    ]);
    expect(paths(buildRows(pages, q({ sort: "lines" }))).slice(0, 3)).toEqual([
      "b/big.md",
      "b/moved.md",
      "a/small.md",
    ]);
    expect(paths(buildRows(pages, q({ sort: "age" }))).slice(0, 4)).toEqual([
      "b/moved.md",
      "a/small.md",
      "b/big.md",
      "a/up.md",
    ]);
    expect(paths(buildRows(pages, q({ sort: "path" })))).toEqual([
      "a/small.md",
      "a/up.md",
      "b/big.md",
      "b/moved.md",
      "c/bad.md",
      "c/bare.md",
      "c/gone.md",
      "c/new.md",
    ]);
    expect(paths(buildRows(pages, q({ sort: "path", reverse: true })))[0]).toBe("c/new.md");
  });

  it("filters by status, by 'needs work', and by language", () => {
    expect(paths(buildRows(pages, q({ filter: "outdated" })))).toEqual(["b/big.md", "a/small.md"]);
    expect(paths(buildRows(pages, q({ filter: "needs-work" })))).toHaveLength(5);
    expect(paths(buildRows(pages, q({ lang: "ja" })))).toEqual(["a/up.md"]);
  });

  it("cycles through a list of choices round both ends, one way or the other", () => {
    expect(cycle(SORT_KEYS, "work")).toBe("behind");
    expect(cycle(SORT_KEYS, "path")).toBe("work");
    expect(cycle(SORT_KEYS, "work", -1)).toBe("path");
    expect(cycle(["only"], "only", -1)).toBe("only");
  });

  it("searches paths inside the language folder, every term, ignoring case", () => {
    expect(paths(buildRows(pages, q({ search: "B/" })))).toEqual(["b/big.md", "b/moved.md"]);
    expect(paths(buildRows(pages, q({ search: "c/ g" })))).toEqual(["c/gone.md"]);
    expect(buildRows(pages, q({ search: "zh-cn" }))).toEqual([]);
    expect(matchesSearch("user/x.md", "   ")).toBe(true);
  });

  it("finds a page by its path as the list shows it, escapes and all, and as it is", () => {
    const named = [
      "content/zh-cn/zero\u200bwidth.md", // a zero-width space, shown `\u200b`
      "content/zh-cn/c\\xFFd.md", // a backslash, x, F, F: shown `c\\xFFd.md`
      "content/zh-cn/c\udcffd.md", // the byte 0xFF (not UTF-8): shown `c\xFFd.md`
    ].map((path) => page({ path, status: "untracked" }));
    const found = (search: string) =>
      buildRows(named, q({ search })).map((i) => (named[i] as PageReport).path);
    const [zero, slash, byte] = named.map((p) => p.path);
    expect(named.map((p) => shownPath(p, SITE))).toEqual([
      "zero\\u200bwidth.md",
      "c\\\\xFFd.md",
      "c\\xFFd.md",
    ]);
    // Typed as shown, whole or in part, in either case. The byte's name as shown is the other
    // name as it is: both are found.
    expect(named.map((p) => found(shownPath(p, SITE)))).toEqual([[zero], [slash], [slash, byte]]);
    expect(found("\\u200b")).toEqual([zero]);
    expect(found("O\\U200BW")).toEqual([zero]);
    expect(found("c\\xff")).toEqual([slash, byte]);
    expect(found("c\\\\x")).toEqual([slash]);
    // Pasted as it is.
    expect(found("o\u200bw")).toEqual([zero]);
    expect(found("c\udcffd")).toEqual([byte]);
    expect(found("width")).toEqual([zero]);
  });

  it("shows names a workflow command's escape could make alike each its own way", () => {
    const named = [
      "content/zh-cn/##[x].md", // its `[` shown `\x5b`, as every report prints it
      "content/zh-cn/##\\[x].md", // a backslash before the `[`: itself
      "content/zh-cn/::x.md", // its first `:` shown `\x3a`, the list showing it from there
    ].map((path) => page({ path, status: "untracked" }));
    const found = (search: string) =>
      buildRows(named, q({ search })).map((i) => (named[i] as PageReport).path);
    const [bracket, slash, colons] = named.map((p) => p.path);
    expect(named.map((p) => shownPath(p, SITE))).toEqual([
      "##\\x5bx].md",
      "##\\[x].md",
      "\\x3a:x.md",
    ]);
    expect(found("##\\x5b")).toEqual([bracket]);
    expect(found("##[")).toEqual([bracket]);
    expect(found("##\\[")).toEqual([slash]);
    expect(found("\\x3a:")).toEqual([colons]);
  });
});

describe("viewport", () => {
  it("moves the window only as far as needed to keep the cursor visible", () => {
    expect(follow(0, 0, 10, 5)).toBe(0);
    expect(follow(12, 0, 10, 100)).toBe(3);
    expect(follow(5, 3, 10, 100)).toBe(3);
    expect(follow(2, 3, 10, 100)).toBe(2);
    expect(follow(99, 0, 10, 100)).toBe(90);
    expect(follow(50, 95, 10, 100)).toBe(50);
    expect(clampScroll(500, 100, 10)).toBe(90);
    expect(clampScroll(-3, 100, 10)).toBe(0);
    expect(clampScroll(4, 3, 10)).toBe(0);
  });
});

describe("state", () => {
  const run = (s: AppState, ...actions: Parameters<typeof reduce>[2][]) =>
    actions.reduce((st, a) => reduce(ctx, st, a), s);
  const start = initialState(ctx, "zh-cn");
  const selected = (s: AppState) => shortPath(pages[selectedPage(s) as number] as PageReport, SITE);

  it("starts on the given language at the page with the most work", () => {
    expect(selected(start)).toBe("b/big.md");
    // With no language asked for, the one with the most pages that need work.
    expect(initialState(ctx).list.lang).toBe(mostWorkLanguage(ctx));
  });

  it("opens on the default language when one is set, else on the first asked for", () => {
    expect(openingLanguage({ defaultLanguage: "zh-cn", langs: ["ja", "zh-cn"] })).toEqual({
      initialLang: "zh-cn",
    });
    expect(openingLanguage({ defaultLanguage: null, langs: ["ja"] })).toEqual({
      initialLang: "ja",
    });
    expect(openingLanguage({ defaultLanguage: null, langs: [] })).toEqual({});
    // One the scan does not have falls back to the one with the most work.
    expect(initialState(ctx, "xx").list.lang).toBe(mostWorkLanguage(ctx));
    const pagesOf = (lang: string, status: PageReport["status"], n: number) =>
      Array.from({ length: n }, () => ({ ...(pages[0] as PageReport), lang, status }));
    const tally = {
      languages: ["ja", "pl", "zh-cn"],
      pages: [
        ...pagesOf("ja", "untracked", 5),
        ...pagesOf("pl", "outdated", 1),
        ...pagesOf("zh-cn", "outdated", 3),
      ],
    };
    expect(mostWorkLanguage(tally)).toBe(2);
    expect(mostWorkLanguage({ ...tally, pages: [] })).toBe(0);
  });

  it("moves within bounds and scrolls the window with the cursor", () => {
    const s = run(start, { type: "move", by: 3, height: 2 });
    expect(s.list.cursor).toBe(3);
    expect(s.list.top).toBe(2);
    expect(run(s, { type: "move", by: 100, height: 2 }).list.cursor).toBe(7);
    expect(run(s, { type: "move-to", to: "first", height: 2 }).list).toMatchObject({
      cursor: 0,
      top: 0,
    });
    expect(run(s, { type: "move-to", to: "last", height: 2 }).list).toMatchObject({
      cursor: 7,
      top: 6,
    });
  });

  it("keeps the selected page across a new order, but starts at the top for a new filter", () => {
    const s = run(start, { type: "move", by: 3, height: 20 });
    expect(selected(s)).toBe("a/small.md");
    const sorted = run(s, { type: "sort" });
    expect(sorted.list.sort).toBe("behind");
    expect(selected(sorted)).toBe("a/small.md");
    expect(run(s, { type: "sort", key: "path" }).list.cursor).toBe(0);
    const filtered = run(s, { type: "filter", key: "outdated" });
    expect(filtered.list.rows).toHaveLength(2);
    expect(filtered.list.cursor).toBe(0);
    expect(run(filtered, { type: "filter", dir: 1 }).list.filter).toBe("moved");
    expect(run(start, { type: "filter", dir: -1 }).list.filter).toBe("up-to-date");
  });

  it("cycles languages", () => {
    const s = run(start, { type: "lang", dir: 1 });
    expect(ctx.languages[s.list.lang]).toBe("ja");
    expect(run(s, { type: "lang", dir: -1 }).list.lang).toBe(1);
  });

  it("searches as you type, keeps it on Enter, restores it on Esc", () => {
    let s = run(
      start,
      { type: "search-start" },
      { type: "search-type", text: "c/" },
      { type: "search-type", text: "g" },
    );
    expect(s.list.searching).toBe(true);
    expect(paths(s.list.rows)).toEqual(["c/gone.md"]);
    s = run(s, { type: "search-erase" });
    expect(s.list.search).toBe("c/");
    s = run(s, { type: "search-done" });
    expect(s.list).toMatchObject({ searching: false, search: "c/" });
    s = run(
      s,
      { type: "search-start" },
      { type: "search-type", text: "zz" },
      { type: "search-cancel" },
    );
    expect(s.list).toMatchObject({ searching: false, search: "c/" });
    expect(run(s, { type: "search-clear" }).list.rows).toHaveLength(8);
    // ^u in the prompt empties the query and leaves the prompt open: what is typed next is the
    // new query, not commands.
    const cleared = run(
      s,
      { type: "search-start" },
      { type: "search-type", text: "zz" },
      { type: "search-clear" },
      { type: "search-type", text: "gone" },
    );
    expect(cleared.list).toMatchObject({ searching: true, search: "gone" });
    expect(paths(cleared.list.rows)).toEqual(["c/gone.md"]);
  });

  it("opens a page, scrolls its diff, steps through its commits and goes back", () => {
    let s = run(start, { type: "open" });
    expect(s.detail).toMatchObject({ page: 2, mode: "whole", scroll: 0 });
    s = run(
      s,
      { type: "scroll", by: 5, total: 100, height: 10 },
      { type: "scroll", by: 200, total: 100, height: 10 },
    );
    expect(s.detail?.scroll).toBe(90);
    expect(run(s, { type: "scroll-to", to: "start", total: 100, height: 10 }).detail?.scroll).toBe(
      0,
    );
    s = run(s, { type: "commit", dir: 1 });
    expect(s.detail).toMatchObject({ mode: "commit", commit: 0, scroll: 0 });
    s = run(s, { type: "commit", dir: 1 }, { type: "commit", dir: 1 }, { type: "commit", dir: 1 });
    expect(s.detail?.commit).toBe(2);
    s = run(s, { type: "commit", dir: -1 });
    expect(s.detail?.commit).toBe(1);
    s = run(s, { type: "mode" });
    expect(s.detail?.mode).toBe("whole");
    s = run(s, { type: "hscroll", by: -8 }, { type: "hscroll", by: 16 }, { type: "info" });
    expect(s.detail).toMatchObject({ hscroll: 16, info: false });
    s = run(s, { type: "open-next", dir: 1, height: 5 });
    expect(s.detail).toMatchObject({ page: 3, info: false, mode: "whole" });
    expect(run(s, { type: "back" }).detail).toBeNull();
  });

  it("does not enter commit mode for a page without commits", () => {
    const s = run(start, { type: "move", by: 5, height: 20 }, { type: "open" });
    expect(s.detail?.page).toBe(5);
    expect(run(s, { type: "mode" })).toBe(s);
    expect(run(s, { type: "commit", dir: 1 })).toBe(s);
  });

  it("toggles and scrolls overlays", () => {
    let s = run(
      start,
      { type: "overlay", which: "help" },
      { type: "overlay-scroll", by: 3, total: 30, height: 10 },
    );
    expect(s).toMatchObject({ overlay: "help", overlayScroll: 3 });
    s = run(s, { type: "overlay", which: "help" });
    expect(s).toMatchObject({ overlay: null, overlayScroll: 0 });
  });
});

describe("keys", () => {
  const base = initialState(ctx, "zh-cn");
  const kc = (state: AppState): KeyContext => ({
    state,
    listHeight: 10,
    diffHeight: 8,
    diffTotal: 50,
    hasWarnings: true,
    overlayHeight: 20,
    overlayTotal: 30,
  });
  const key = (input: string, k: KeyInfo = {}, state: AppState = base) =>
    keyToCommand(input, k, kc(state));

  it("maps list keys", () => {
    expect(key("j")).toEqual({ type: "move", by: 1, height: 10 });
    expect(key("", { upArrow: true })).toEqual({ type: "move", by: -1, height: 10 });
    expect(key("", { pageDown: true })).toEqual({ type: "move", by: 10, height: 10 });
    expect(key("d", { ctrl: true })).toEqual({ type: "move", by: 5, height: 10 });
    expect(key("G")).toEqual({ type: "move-to", to: "last", height: 10 });
    expect(key("", { return: true })).toEqual({ type: "open" });
    expect(key("", { tab: true })).toEqual({ type: "lang", dir: 1 });
    expect(key("", { tab: true, shift: true })).toEqual({ type: "lang", dir: -1 });
    expect(key("s")).toEqual({ type: "sort" });
    expect(key("r")).toEqual({ type: "reverse" });
    expect(key("f")).toEqual({ type: "filter", dir: 1 });
    expect(key("2")).toEqual({ type: "filter", key: "outdated" });
    expect(key("/")).toEqual({ type: "search-start" });
    expect(key("?")).toEqual({ type: "overlay", which: "help" });
    expect(key("w")).toEqual({ type: "overlay", which: "warnings" });
    expect(key("q")).toEqual({ type: "quit" });
    expect(key("c", { ctrl: true })).toEqual({ type: "quit" });
    expect(key("", { escape: true })).toBeNull();
  });

  it("sends text to the search prompt, q included, without control characters", () => {
    const searching = reduce(ctx, base, { type: "search-start" });
    expect(key("q", {}, searching)).toEqual({ type: "search-type", text: "q" });
    expect(key("a\x1bb\x07", {}, searching)).toEqual({ type: "search-type", text: "ab" });
    expect(key("", { delete: true }, searching)).toEqual({ type: "search-erase" });
    expect(key("", { escape: true }, searching)).toEqual({ type: "search-cancel" });
    expect(key("", { return: true }, searching)).toEqual({ type: "search-done" });
    expect(key("", { downArrow: true }, searching)).toEqual({ type: "move", by: 1, height: 10 });
  });

  it("maps detail keys", () => {
    const open = reduce(ctx, base, { type: "open" });
    expect(key("j", {}, open)).toEqual({ type: "scroll", by: 1, total: 50, height: 8 });
    expect(key("", { pageUp: true }, open)).toEqual({
      type: "scroll",
      by: -8,
      total: 50,
      height: 8,
    });
    expect(key("g", {}, open)).toEqual({ type: "scroll-to", to: "start", total: 50, height: 8 });
    expect(key("c", {}, open)).toEqual({ type: "mode" });
    expect(key("]", {}, open)).toEqual({ type: "commit", dir: 1 });
    expect(key("p", {}, open)).toEqual({ type: "commit", dir: -1 });
    // Lines wrap when a page opens: nothing to scroll sideways to until W cuts them.
    expect(open.detail?.wrap).toBe(true);
    expect(key("l", {}, open)).toBeNull();
    expect(key("W", {}, open)).toEqual({ type: "wrap", scroll: 0 });
    const cut = reduce(ctx, open, { type: "wrap", scroll: 0 });
    expect(cut.detail?.wrap).toBe(false);
    expect(key("l", {}, cut)).toEqual({ type: "hscroll", by: 8 });
    expect(key("U", {}, open)).toEqual({ type: "cover" });
    expect(key("e", {}, open)).toEqual({ type: "edit" });
    expect(key("J", {}, open)).toEqual({ type: "open-next", dir: 1, height: 10 });
    expect(key("", { escape: true }, open)).toEqual({ type: "back" });
    expect(key("q", {}, open)).toEqual({ type: "quit" });
  });

  it("splits a burst of keys into key events", () => {
    expect(splitInput("\t\rjj/abc\x7f\x15q")).toEqual([
      { input: "", key: { tab: true } },
      { input: "", key: { return: true } },
      { input: "jj/abc", key: {} },
      { input: "", key: { delete: true } },
      { input: "u", key: { ctrl: true } },
      { input: "q", key: {} },
    ]);
  });

  it("maps overlay keys", () => {
    const help = reduce(ctx, base, { type: "overlay", which: "help" });
    expect(key("j", {}, help)).toEqual({ type: "overlay-scroll", by: 1, total: 30, height: 20 });
    expect(key("", { escape: true }, help)).toEqual({ type: "close-overlay" });
    expect(key("?", {}, help)).toEqual({ type: "close-overlay" });
    expect(key("s", {}, help)).toBeNull();
  });
});

describe("layout", () => {
  it("leaves the last row free and gives the rest to the list", () => {
    expect(frameHeight(24)).toBe(23);
    expect(listLayout(24, 2, true)).toEqual({ langLines: 2, legend: true, listHeight: 16 });
    expect(listLayout(24, 30, true).langLines).toBe(6);
    expect(listLayout(10, 3, true)).toMatchObject({ legend: false });
  });

  it("keeps at least five diff rows by folding commits, then metadata", () => {
    expect(detailLayout(30, 6, 2)).toEqual({ info: 6, commits: 2, diffHeight: 17 });
    expect(detailLayout(24, 6, 40)).toEqual({ info: 6, commits: 4, diffHeight: 9 });
    const small = detailLayout(12, 8, 10);
    expect(small.diffHeight).toBeGreaterThanOrEqual(5);
    expect(small.commits).toBe(1);
  });
});

describe("marking a page as updated", () => {
  const run = (c: StateContext, s: AppState, ...actions: Parameters<typeof reduce>[2][]) =>
    actions.reduce((st, a) => reduce(c, st, a), s);
  const start = initialState(ctx, "zh-cn");
  const kc = (state: AppState): KeyContext => ({
    state,
    listHeight: 10,
    diffHeight: 8,
    diffTotal: 50,
    hasWarnings: false,
    overlayHeight: 20,
    overlayTotal: 30,
  });
  /** Selects the page at `path` in the zh-cn list. */
  const at = (path: string): AppState => {
    const i = pages.findIndex((p) => p.path === path);
    return run(ctx, start, { type: "move", by: start.list.rows.indexOf(i), height: 20 });
  };
  const said = (s: AppState, width = 200) =>
    s.message ? fitVariants(s.message.variants, width) : null;
  /** The dry run found nothing against marking the page asked about: the question is shown. */
  const checked = (s: AppState, c: StateContext = ctx): AppState =>
    s.confirm === null
      ? s
      : run(c, s, { type: "mark-checked", page: s.confirm, at: s.confirmAt ?? null, error: null });

  it("asks first: u on an outdated page waits for y/n, and y starts marking it", () => {
    expect(keyToCommand("u", {}, kc(start))).toEqual({ type: "mark" });
    let s = run(ctx, start, { type: "mark" });
    expect(s).toMatchObject({ confirm: 2, marking: null, message: null });
    expect(s.list).toBe(start.list);
    // Until the dry run has answered, the question is not on screen: a key typed ahead answers
    // nothing (y least of all), and Esc gives up waiting.
    for (const input of ["y", "Y", "n", "j"]) expect(keyToCommand(input, {}, kc(s))).toBeNull();
    expect(keyToCommand("", { escape: true }, kc(s))).toEqual({ type: "mark-cancel" });
    expect(run(ctx, s, { type: "mark-confirm" })).toBe(s);
    s = checked(s);
    // While the question is up, y confirms and every other key cancels (Ctrl+C still quits).
    expect(keyToCommand("y", {}, kc(s))).toEqual({ type: "mark-confirm" });
    expect(keyToCommand("Y", {}, kc(s))).toEqual({ type: "mark-confirm" });
    for (const [input, key] of [
      ["n", {}],
      ["q", {}],
      ["j", {}],
      ["u", {}],
      ["", { escape: true }],
      ["", { return: true }],
    ] as Array<[string, KeyInfo]>) {
      expect(keyToCommand(input, key, kc(s))).toEqual({ type: "mark-cancel" });
    }
    expect(keyToCommand("c", { ctrl: true }, kc(s))).toEqual({ type: "quit" });
    s = run(ctx, s, { type: "mark-confirm" });
    expect(s).toMatchObject({ confirm: null, marking: 2 });
    expect(said(s)).toBe("Marking content/zh-cn/b/big.md…");
    s = run(ctx, s, { type: "mark-done", page: 2, commit: HEAD });
    expect(s).toMatchObject({ confirm: null, marking: null });
    expect(s.message?.tone).toBe("ok");
    expect(said(s)).toBe("Marked content/zh-cn/b/big.md as translated from ffffffff");
    // The next key clears the line, even one that does nothing.
    expect(run(ctx, s, { type: "move", by: 1, height: 20 }).message).toBeNull();
    expect(run(ctx, s, { type: "dismiss" }).message).toBeNull();
    expect(run(ctx, s, { type: "overlay", which: "help" }).message).toBe(s.message);
  });

  it("stays on the next page to do after marking one, as the marked page moves down", () => {
    const s0 = run(ctx, checked(run(ctx, start, { type: "mark" })), { type: "mark-confirm" });
    const before = s0.list.cursor;
    const marked = s0.marking as number;
    const done = run(ctx, s0, { type: "mark-done", page: marked, commit: HEAD });
    // The scan's answer for the marked page: up to date, so "most work" puts it lower down.
    const pages2 = pages.map((p, i) =>
      i === marked ? { ...p, status: "up-to-date" as const, commitsBehind: 0 } : p,
    );
    const ctx2 = { ...ctx, pages: pages2 };
    const after = run(ctx2, done, { type: "refresh" });
    expect(after.list.cursor).toBe(before);
    expect(selectedPage(after)).not.toBe(marked);
    // Without a page just marked, a refresh keeps the selection on its page.
    const moved = run(ctx2, { ...done, marked: null }, { type: "refresh" });
    expect(selectedPage(moved)).toBe(marked);
  });

  it("opens the page that took the marked one's place with J, and the one before it with K", () => {
    const opened = run(ctx, start, { type: "open" });
    const marked = opened.detail?.page as number;
    const at = opened.list.cursor;
    const next = opened.list.rows[at + 1];
    const s0 = run(ctx, checked(run(ctx, opened, { type: "mark" })), { type: "mark-confirm" });
    const done = run(ctx, s0, { type: "mark-done", page: marked, commit: HEAD });
    const pages2 = pages.map((p, i) =>
      i === marked ? { ...p, status: "up-to-date" as const, commitsBehind: 0 } : p,
    );
    const after = run({ ...ctx, pages: pages2 }, done, { type: "refresh" });
    expect(after.detail?.page).toBe(marked);
    // The page after the marked one in the list the translator was reading, not the one after.
    const j = run({ ...ctx, pages: pages2 }, after, { type: "open-next", dir: 1, height: 20 });
    expect(j.detail?.page).toBe(next);
    // Then J goes on one by one.
    const j2 = run({ ...ctx, pages: pages2 }, j, { type: "open-next", dir: 1, height: 20 });
    expect(j2.detail?.page).toBe(j2.list.rows[j.list.cursor + 1]);
    if (at > 0) {
      const k = run({ ...ctx, pages: pages2 }, after, { type: "open-next", dir: -1, height: 20 });
      expect(k.detail?.page).toBe(opened.list.rows[at - 1]);
    }
  });

  it("says where a page's warnings are when w finds none about the scan", () => {
    expect(keyToCommand("w", {}, kc(start))).toEqual({ type: "no-scan-warnings" });
    expect(keyToCommand("w", {}, { ...kc(start), hasWarnings: true })).toEqual({
      type: "overlay",
      which: "warnings",
    });
    const s = run(ctx, start, { type: "no-scan-warnings" });
    expect(s.overlay).toBeNull();
    expect(said(s)).toBe(
      "No warnings about the scan as a whole; a page's own show in its view, and I lists them all",
    );
    expect(said(s, 40)).toBe("No scan warnings");
  });

  it("cancels on anything but y, changing nothing", () => {
    const asked = run(ctx, start, { type: "mark" });
    const s = run(ctx, asked, { type: "mark-cancel" });
    expect(s).toMatchObject({ confirm: null, marking: null, list: start.list, detail: null });
    expect(said(s)).toMatch(/^Not marked: cancelled/);
    // Without a question up, confirming does nothing.
    expect(run(ctx, start, { type: "mark-confirm" })).toBe(start);
  });

  it("marks the open page from the detail view", () => {
    const open = run(ctx, at("content/zh-cn/a/small.md"), { type: "open" });
    expect(keyToCommand("u", {}, kc(open))).toEqual({ type: "mark" });
    const s = run(ctx, checked(run(ctx, open, { type: "mark" })), { type: "mark-confirm" });
    expect(s.marking).toBe(1);
    const done = run(ctx, s, { type: "mark-done", page: 1, commit: HEAD });
    expect(done.detail).toMatchObject({ page: 1, mode: "whole", scroll: 0 });
  });

  it("says why a page cannot be marked instead of asking", () => {
    const cases: Array<[string, RegExp]> = [
      [
        "content/zh-cn/b/moved.md",
        /^Not marked: the English page moved to content\/en\/d\/moved-here\.md; move the translation to content\/zh-cn\/d\/moved-here\.md too/,
      ],
      ["content/zh-cn/c/new.md", /not translated yet/],
      ["content/zh-cn/c/gone.md", /English page content\/en\/c\/gone\.md was deleted/],
      ["content/zh-cn/a/up.md", /already records HEAD ffffffff/],
    ];
    for (const [path, message] of cases) {
      const s = run(ctx, at(path), { type: "mark" });
      expect(s.confirm, path).toBeNull();
      expect(said(s), path).toMatch(message);
    }
    // A moved page's explanation still names the new path on a narrow screen.
    expect(said(run(ctx, at("content/zh-cn/b/moved.md"), { type: "mark" }), 80)).toBe(
      "Not marked: moved in English; move it to content/zh-cn/d/moved-here.md too",
    );
    // An unknown commit recorded in metadata can be replaced; an up-to-date page not at HEAD too;
    // an untracked page gets its metadata.
    expect(run(ctx, at("content/zh-cn/c/bare.md"), { type: "mark" }).confirm).toBe(5);
    expect(run(ctx, at("content/zh-cn/c/bad.md"), { type: "mark" }).confirm).toBe(7);
    const older = pages.map((p, i) => (i === 0 ? { ...p, rawCommit: "1".repeat(40) } : p));
    const c2 = { ...ctx, pages: older, rawHash: rawHashOf(older) };
    expect(run(c2, at("content/zh-cn/a/up.md"), { type: "mark" }).confirm).toBe(0);
  });

  it("marks one page at a time and reports failures", () => {
    const s = run(ctx, checked(run(ctx, start, { type: "mark" })), { type: "mark-confirm" });
    const again = run(ctx, s, { type: "move", by: 3, height: 20 }, { type: "mark" });
    expect(again.confirm).toBeNull();
    expect(said(again)).toBe("Still marking content/zh-cn/b/big.md…");
    const failed = run(ctx, s, { type: "mark-failed", page: 2, error: "disk \x1b[2Jfull" });
    expect(failed).toMatchObject({ marking: null, confirm: null });
    expect(failed.message?.tone).toBe("error");
    expect(said(failed)).toBe("Could not mark content/zh-cn/b/big.md: disk \\x1b[2Jfull");
    // An outcome for a page not being marked is ignored.
    expect(run(ctx, s, { type: "mark-done", page: 1, commit: HEAD })).toBe(s);
  });

  it("lists the pages anew after one is marked, keeping it selected", () => {
    const before = run(ctx, at("content/zh-cn/b/big.md"), { type: "move", by: 0, height: 20 });
    const marked: PageReport = {
      ...(pages[2] as PageReport),
      status: "up-to-date",
      rawCommit: HEAD,
      commitsBehind: 0,
      linesAdded: 0,
      linesRemoved: 0,
      commits: [],
    };
    const result = withPage(resultOf(pages, ["ja", "zh-cn"]), 2, marked);
    expect(result.pages[2]).toBe(marked);
    expect(result.summary["zh-cn"]).toMatchObject({ outdated: 1, "up-to-date": 2, total: 8 });
    const c2 = { ...ctx, pages: result.pages, rawHash: rawHashOf(result.pages) };
    const s = run(c2, before, { type: "refresh" });
    expect(paths(s.list.rows).at(-1)).toBe("b/big.md");
    expect(selectedPage(s)).toBe(2);
    // Filtered to outdated pages, the marked page leaves; the cursor stays where it was.
    const filtered = run(ctx, start, { type: "filter", key: "outdated" });
    expect(paths(filtered.list.rows)).toEqual(["b/big.md", "a/small.md"]);
    const after = run(c2, filtered, { type: "refresh" });
    expect(paths(after.list.rows)).toEqual(["a/small.md"]);
    expect(selectedPage(after)).toBe(1);
    // An open page in commit mode whose commits are gone goes back to the whole diff.
    const open = run(ctx, start, { type: "open" }, { type: "commit", dir: 1 });
    expect(open.detail?.mode).toBe("commit");
    expect(run(c2, open, { type: "refresh" }).detail).toMatchObject({ page: 2, mode: "whole" });
  });

  it("decides which pages can be marked, and where a moved page's translation belongs", () => {
    const p = (i: number) => pages[i] as PageReport;
    expect(markBlocker(p(2), "1".repeat(40), HEAD)).toBeNull();
    expect(markBlocker(p(0), HEAD, HEAD)).toBe("at-head");
    expect(markBlocker(p(3), "1".repeat(40), HEAD)).toBe("moved");
    expect(markBlocker(p(4), null, HEAD)).toBe("missing");
    // Untracked: marking adds metadata, unless the English page moved since the estimate.
    expect(markBlocker(p(5), null, HEAD)).toBeNull();
    expect(markBlocker({ ...p(5), movedFrom: "content/en/c/old.md" }, null, HEAD)).toBe("moved");
    expect(markBlocker({ ...p(5), movedFrom: "content/en/c/old.md" }, null, HEAD, true)).toBeNull();
    expect(markBlocker(p(6), null, HEAD)).toBe("source-missing");
    // Without metadata, nothing says its English page ever existed (issue 14).
    expect(markBlocker({ ...p(6), rawCommit: null }, null, HEAD)).toBe("no-metadata");
    // Up to an older commit (U), a deleted or moved English page may have been there: stamp
    // --commit's dry run tells, as stamp would.
    expect(markBlocker(p(6), null, HEAD, true)).toBeNull();
    expect(markBlocker(p(3), "1".repeat(40), HEAD, true)).toBeNull();
    expect(markBlocker({ ...p(6), rawCommit: null }, null, HEAD, true)).toBe("no-metadata");
    expect(markBlocker(p(7), null, HEAD)).toBeNull();
    expect(markBlocker({ ...p(7), rawCommit: null }, null, HEAD)).toBe("no-metadata");
    expect(movedTranslationPath(p(3), SITE)).toBe("content/zh-cn/d/moved-here.md");
    expect(
      movedTranslationPath(
        { ...p(3), sourcePath: "site/content/en/x.md", path: "site/content/zh-cn/y.md" },
        contentLayout("site/content", "en"),
      ),
    ).toBe("site/content/zh-cn/x.md");
  });

  it("fits the question and the hints to the width, sanitized", () => {
    expect(confirmPrompt("content/zh-cn/b/big.md", HEAD, 100)).toBe(
      "Mark content/zh-cn/b/big.md as translated from English ffffffff? y/n",
    );
    const long = `content/zh-cn/${"deep/".repeat(10)}page.md`;
    const narrow = confirmPrompt(long, HEAD, 60);
    expect([...narrow].length).toBeLessThanOrEqual(60);
    // Shortened in the middle, as every path on screen: its start and its file name stay.
    expect(narrow).toMatch(/^Mark content\/….*deep\/page\.md as updated\? y\/n$/);
    expect(confirmPrompt("content/zh-cn/\x1b[31mred.md", HEAD, 100)).toContain(
      "content/zh-cn/\\x1b[31mred.md",
    );
    for (const width of [100, 80, 60]) {
      expect([...fitHints(LIST_HINTS, width)].length).toBeLessThanOrEqual(width);
      expect(fitHints(LIST_HINTS, width)).toContain("u mark updated");
    }
  });
});
