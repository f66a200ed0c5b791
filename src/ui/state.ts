// The dashboard's state and every change to it, as a pure reducer: what is listed and selected,
// which page is open, how far the diff is scrolled, which overlay is up, and the steps of marking
// a page as updated (ask, confirm, outcome).

import { STATUS_FACTS } from "../core/statuses.js";
import type { PageReport } from "../core/types.js";
import { markBlocker } from "../detail/mark.js";
import type { Layout } from "../layout/layout.js";
import {
  blockedLine,
  CANCELLED_LINE,
  editedLine,
  editingLine,
  failedLine,
  markedLine,
  markingLine,
  NO_SCAN_WARNINGS_LINE,
  NOTHING_TO_EDIT_LINE,
  PICK_A_COMMIT_LINE,
  type StatusLine,
  stillMarkingLine,
} from "./mark.js";
import type { OverlayName } from "./overlay-keys.js";
import type { RememberedView } from "./remembered.js";
import {
  buildRows,
  cycle,
  FILTER_KEYS,
  type FilterKey,
  KIND_FILTERS,
  type ListSettings,
  SORT_KEYS,
  type SortKey,
} from "./rows.js";
import { clamp, clampScroll, follow } from "./viewport.js";

export interface ListState extends ListSettings {
  /** Index into `languages`. */
  lang: number;
  search: string;
  /** True while the search prompt takes the keys. */
  searching: boolean;
  /** The search before `/` was pressed, restored when the prompt is cancelled. */
  searchBefore: string;
  /** Indices into `pages`, in display order. */
  rows: number[];
  cursor: number;
  top: number;
}

export type DiffMode = "whole" | "commit";

export interface DetailState {
  /** Index into `pages`. */
  page: number;
  mode: DiffMode;
  /** Index into the page's commits (newest first) in commit mode. */
  commit: number;
  scroll: number;
  hscroll: number;
  /** Whether the page's metadata block is shown above the diff. */
  info: boolean;
  /** Long diff lines wrap (the default); otherwise they are cut and scroll sideways. */
  wrap: boolean;
}

export type Overlay = OverlayName | null;

export interface AppState {
  list: ListState;
  detail: DetailState | null;
  overlay: Overlay;
  overlayScroll: number;
  /** The page waiting for y/n before it is marked as updated. */
  confirm: number | null;
  /** The English commit it is to be marked as covering the changes up to (`U` on a commit);
   * null or absent for HEAD. */
  confirmAt?: string | null;
  /** The dry run of the write found nothing against marking `confirm`: the question is shown
   * (until then the bottom row says the page is being checked). */
  confirmReady?: boolean;
  /** The page being marked (written by the source); one at a time. */
  marking: number | null;
  /** The page just marked, until the list is rebuilt around it: the cursor then stays where it
   * is, on the next page to do, rather than follow the page to the bottom of "most work". */
  marked?: number | null;
  /** A transient line for the bottom row; the next key clears it. */
  message: StatusLine | null;
  /** The page open in the editor (`e`), until it has been read again. */
  editing?: number | null;
}

export interface StateContext {
  pages: readonly PageReport[];
  languages: readonly string[];
  layout: Layout;
  now: number;
  /** The scan's HEAD: the English commit a marked page records. */
  head: string;
  /** The commit a page's raw_commit resolved to, null when none. */
  rawHash: (page: number) => string | null;
  /** Whether the scan classified changes (--kinds): the kind column and filter exist. */
  kinds: boolean;
}

export type Action =
  | { type: "move"; by: number; height: number }
  | { type: "move-to"; to: "first" | "last"; height: number }
  | { type: "sort"; key?: SortKey }
  | { type: "reverse" }
  | { type: "filter"; key?: FilterKey; dir?: 1 | -1 }
  | { type: "kind-filter" }
  | { type: "lang"; dir: 1 | -1 }
  | { type: "search-start" }
  | { type: "search-type"; text: string }
  | { type: "search-erase" }
  | { type: "search-done" }
  | { type: "search-cancel" }
  | { type: "search-clear" }
  | { type: "open" }
  | { type: "open-next"; dir: 1 | -1; height: number }
  | { type: "back" }
  | { type: "scroll"; by: number; total: number; height: number }
  | { type: "scroll-to"; to: "start" | "end"; total: number; height: number }
  | { type: "hscroll"; by: number }
  | { type: "mode" }
  | { type: "commit"; dir: 1 | -1 }
  | { type: "info" }
  /** Wrapping on or off; `scroll` is the line that keeps the same row at the top. */
  | { type: "wrap"; scroll: number }
  | { type: "overlay"; which: Exclude<Overlay, null> }
  /** `w` when the scan gave no warning of its own: say where a page's warnings are instead. */
  | { type: "no-scan-warnings" }
  | { type: "overlay-scroll"; by: number; total: number; height: number }
  | { type: "close-overlay" }
  /** `u`: ask to mark the selected (or open) page as updated, or say why it cannot be. */
  | { type: "mark" }
  /** `U` on a commit: ask to mark the open page as translated up to that commit. */
  | { type: "cover" }
  /** The dry run of marking `page` (up to `at`, else HEAD) ended: `error` says why it would be
   * refused, and the question is then dropped for it. */
  | { type: "mark-checked"; page: number; at: string | null; error: string | null }
  | { type: "mark-confirm" }
  | { type: "mark-cancel" }
  /** The source marked the page; `commit` is what it now records. */
  | { type: "mark-done"; page: number; commit: string }
  | { type: "mark-failed"; page: number; error: string }
  /** `e`: open the selected (or open) page in the editor. */
  | { type: "edit" }
  /** The editor ended and the page was read again (`error` says why not). */
  | { type: "edit-done"; page: number; error: string | null; report?: PageReport }
  /** The pages changed (a page was marked): list them anew, keeping the selection. */
  | { type: "refresh" }
  /** A key with nothing to do: it only clears the transient line. */
  | { type: "dismiss" };

/**
 * Actions that leave the transient line alone: the rest clear it, as the next key should. (The
 * outcome of marking arrives on its own, not from a key.)
 */
const KEEPS_MESSAGE: ReadonlySet<Action["type"]> = new Set([
  "overlay",
  "overlay-scroll",
  "close-overlay",
  "refresh",
  "mark-checked",
  "mark-done",
  "mark-failed",
  "edit-done",
]);

/** Horizontal scroll step of the diff, in columns. */
export const HSCROLL_STEP = 8;

/** The language the dashboard opens on: the default one set, else the first asked for; one the
 * scan does not have falls back to the one with the most work (see initialState). */
export function openingLanguage(opts: {
  defaultLanguage: string | null;
  langs: readonly string[];
}): { initialLang?: string } {
  const lang = opts.defaultLanguage ?? opts.langs[0];
  return lang ? { initialLang: lang } : {};
}

/**
 * The language with the most pages that need work (the first of those tied): where a dashboard
 * opened with no language named starts, rather than on the alphabetically first one, which on
 * Mastodon's documentation has no metadata at all.
 */
export function mostWorkLanguage(ctx: Pick<StateContext, "pages" | "languages">): number {
  const work = new Map<string, number>();
  for (const p of ctx.pages) {
    if (STATUS_FACTS[p.status].needsWork) work.set(p.lang, (work.get(p.lang) ?? 0) + 1);
  }
  let best = 0;
  ctx.languages.forEach((l, i) => {
    if ((work.get(l) ?? 0) > (work.get(ctx.languages[best] as string) ?? 0)) best = i;
  });
  return best;
}

/**
 * The language the list opens on: `lang` when the scan has it, else the remembered view's, else
 * the one with the most work.
 */
export function openingIndex(
  ctx: Pick<StateContext, "pages" | "languages">,
  lang: string | undefined,
  view?: RememberedView | null,
): number {
  const asked = lang ? ctx.languages.indexOf(lang) : -1;
  const known = view ? ctx.languages.indexOf(view.lang) : -1;
  return asked >= 0 ? asked : known >= 0 ? known : mostWorkLanguage(ctx);
}

/**
 * The state the dashboard opens in: on `lang` when named, else on the remembered view's language
 * (with its order, filters and page), else on the language with the most work.
 */
export function initialState(
  ctx: StateContext,
  lang?: string,
  view?: RememberedView | null,
): AppState {
  const list: ListState = {
    lang: openingIndex(ctx, lang, view),
    sort: view?.sort ?? "work",
    reverse: view?.reverse ?? false,
    filter: view?.filter ?? "all",
    kind: ctx.kinds ? (view?.kind ?? "any") : "any",
    search: "",
    searching: false,
    searchBefore: "",
    rows: [],
    cursor: 0,
    top: 0,
  };
  const listed = withRows(ctx, list, false);
  // The remembered page, where it is still listed.
  const at = view?.page ? listed.rows.findIndex((i) => ctx.pages[i]?.path === view.page) : -1;
  return {
    list: at >= 0 ? { ...listed, cursor: at } : listed,
    detail: null,
    overlay: null,
    overlayScroll: 0,
    confirm: null,
    marking: null,
    message: null,
  };
}

/** The page under the list cursor, if any. */
export function selectedPage(state: AppState): number | null {
  return state.list.rows[state.list.cursor] ?? null;
}

/** The page `u` applies to: the open page, else the one under the list cursor. */
export function targetPage(state: AppState): number | null {
  return state.detail ? state.detail.page : selectedPage(state);
}

export function reduce(ctx: StateContext, state: AppState, action: Action): AppState {
  const next = step(ctx, state, action);
  if (next.message !== null && next.message === state.message && !KEEPS_MESSAGE.has(action.type))
    return { ...next, message: null };
  return next;
}

function step(ctx: StateContext, state: AppState, action: Action): AppState {
  const list = state.list;
  switch (action.type) {
    case "move":
      return { ...state, list: moveTo(list, list.cursor + action.by, action.height) };
    case "move-to":
      return {
        ...state,
        list: moveTo(list, action.to === "first" ? 0 : list.rows.length - 1, action.height),
      };
    case "sort": {
      const next = action.key ?? cycle(SORT_KEYS, list.sort);
      return { ...state, list: withRows(ctx, { ...list, sort: next, reverse: false }, true) };
    }
    case "reverse":
      return { ...state, list: withRows(ctx, { ...list, reverse: !list.reverse }, true) };
    case "filter": {
      const next = action.key ?? cycle(FILTER_KEYS, list.filter, action.dir);
      return { ...state, list: withRows(ctx, { ...list, filter: next }, false) };
    }
    case "kind-filter": {
      // Without --kinds no page has a kind: a filter would hide every page.
      if (!ctx.kinds) return state;
      const next = cycle(KIND_FILTERS, list.kind);
      return { ...state, list: withRows(ctx, { ...list, kind: next }, false) };
    }
    case "lang": {
      const n = ctx.languages.length;
      if (n <= 1) return state;
      const lang = (list.lang + action.dir + n) % n;
      return { ...state, list: withRows(ctx, { ...list, lang, cursor: 0, top: 0 }, false) };
    }
    case "search-start":
      return { ...state, list: { ...list, searching: true, searchBefore: list.search } };
    case "search-type":
      return {
        ...state,
        list: withRows(ctx, { ...list, search: list.search + action.text }, false),
      };
    case "search-erase":
      return {
        ...state,
        list: withRows(ctx, { ...list, search: [...list.search].slice(0, -1).join("") }, false),
      };
    case "search-done":
      return { ...state, list: { ...list, searching: false } };
    case "search-cancel":
      return {
        ...state,
        list: withRows(ctx, { ...list, searching: false, search: list.searchBefore }, true),
      };
    case "search-clear":
      // In the prompt (^u) it stays open for the next query: closing it would run the next
      // letters typed as commands (q quits).
      return { ...state, list: withRows(ctx, { ...list, search: "" }, true) };
    case "open": {
      const page = selectedPage(state);
      if (page === null) return state;
      return { ...state, detail: openDetail(page, state.detail) };
    }
    case "open-next": {
      if (!state.detail) return state;
      // Once a mark (or the filter) took the open page away from the cursor, the cursor stands on
      // the page that took its place: that one is the next, and the one before it the previous.
      const away = list.rows[list.cursor] !== state.detail.page;
      const step = away && action.dir === 1 ? 0 : action.dir;
      const moved = moveTo(list, list.cursor + step, action.height);
      const page = moved.rows[moved.cursor];
      if (page === undefined || page === state.detail.page) return state;
      return { ...state, list: moved, detail: openDetail(page, state.detail) };
    }
    case "back":
      return state.detail ? { ...state, detail: null } : state;
    case "scroll": {
      const d = state.detail;
      if (!d) return state;
      return {
        ...state,
        detail: { ...d, scroll: clampScroll(d.scroll + action.by, action.total, action.height) },
      };
    }
    case "scroll-to": {
      const d = state.detail;
      if (!d) return state;
      const scroll =
        action.to === "start" ? 0 : clampScroll(action.total, action.total, action.height);
      return { ...state, detail: { ...d, scroll } };
    }
    case "hscroll": {
      const d = state.detail;
      if (!d) return state;
      return { ...state, detail: { ...d, hscroll: clamp(d.hscroll + action.by, 0, 10_000) } };
    }
    case "mode": {
      const d = state.detail;
      if (!d || commitCount(ctx, d) === 0) return state;
      return {
        ...state,
        detail: { ...d, mode: d.mode === "whole" ? "commit" : "whole", scroll: 0, hscroll: 0 },
      };
    }
    case "commit": {
      const d = state.detail;
      const n = d ? commitCount(ctx, d) : 0;
      if (!d || n === 0) return state;
      // From the whole diff, either direction starts at the newest commit.
      const commit = d.mode === "whole" ? 0 : clamp(d.commit + action.dir, 0, n - 1);
      if (d.mode === "commit" && commit === d.commit) return state;
      return { ...state, detail: { ...d, mode: "commit", commit, scroll: 0, hscroll: 0 } };
    }
    case "info": {
      const d = state.detail;
      return d ? { ...state, detail: { ...d, info: !d.info } } : state;
    }
    case "wrap": {
      const d = state.detail;
      return d
        ? {
            ...state,
            detail: { ...d, wrap: !d.wrap, scroll: Math.max(0, action.scroll), hscroll: 0 },
          }
        : state;
    }
    case "overlay":
      return {
        ...state,
        overlay: state.overlay === action.which ? null : action.which,
        overlayScroll: 0,
      };
    case "no-scan-warnings":
      return { ...state, message: NO_SCAN_WARNINGS_LINE };
    case "overlay-scroll":
      return {
        ...state,
        overlayScroll: clampScroll(state.overlayScroll + action.by, action.total, action.height),
      };
    case "close-overlay":
      return { ...state, overlay: null, overlayScroll: 0 };
    case "mark": {
      const i = targetPage(state);
      const page = i === null ? undefined : ctx.pages[i];
      if (i === null || !page) return state;
      const busy = state.marking === null ? undefined : ctx.pages[state.marking];
      if (busy) return { ...state, message: stillMarkingLine(busy) };
      const blocked = markBlocker(page, ctx.rawHash(i), ctx.head);
      if (blocked) return { ...state, message: blockedLine(blocked, page, ctx.head, ctx.layout) };
      return { ...state, confirm: i, confirmAt: null, confirmReady: false, message: null };
    }
    case "cover": {
      const d = state.detail;
      const page = d ? ctx.pages[d.page] : undefined;
      if (!d || !page) return state;
      const commit = d.mode === "commit" ? page.commits[d.commit] : undefined;
      if (!commit) return { ...state, message: PICK_A_COMMIT_LINE };
      const busy = state.marking === null ? undefined : ctx.pages[state.marking];
      if (busy) return { ...state, message: stillMarkingLine(busy) };
      const blocked = markBlocker(page, ctx.rawHash(d.page), ctx.head, true);
      if (blocked) return { ...state, message: blockedLine(blocked, page, ctx.head, ctx.layout) };
      return {
        ...state,
        confirm: d.page,
        confirmAt: commit.hash,
        confirmReady: false,
        message: null,
      };
    }
    case "mark-checked": {
      const page = ctx.pages[action.page];
      if (state.confirm !== action.page || (state.confirmAt ?? null) !== action.at || !page)
        return state;
      if (action.error === null) return { ...state, confirmReady: true };
      return {
        ...state,
        confirm: null,
        confirmAt: null,
        confirmReady: false,
        message: failedLine(page, action.error),
      };
    }
    case "mark-confirm": {
      const page = state.confirm === null ? undefined : ctx.pages[state.confirm];
      // Only a question on screen can be answered.
      if (state.confirm === null || !state.confirmReady || !page) return state;
      return {
        ...state,
        confirm: null,
        confirmAt: null,
        marking: state.confirm,
        message: markingLine(page),
      };
    }
    case "mark-cancel":
      return state.confirm === null
        ? state
        : { ...state, confirm: null, confirmAt: null, message: CANCELLED_LINE };
    case "mark-done":
    case "mark-failed": {
      if (state.marking !== action.page) return state;
      const page = ctx.pages[action.page];
      const message = !page
        ? null
        : action.type === "mark-done"
          ? markedLine(page, action.commit)
          : failedLine(page, action.error);
      // The open page has no English diff left to scroll: start it at the top.
      const d = state.detail;
      const detail =
        action.type === "mark-done" && d && d.page === action.page
          ? { ...d, mode: "whole" as const, commit: 0, scroll: 0, hscroll: 0 }
          : d;
      const marked = action.type === "mark-done" ? action.page : null;
      return { ...state, marking: null, message, detail, marked };
    }
    case "edit": {
      const i = targetPage(state);
      const page = i === null ? undefined : ctx.pages[i];
      if (i === null || !page) return state;
      if (page.status === "missing") return { ...state, message: NOTHING_TO_EDIT_LINE };
      if ((state.editing ?? null) !== null || state.marking !== null) return state;
      return { ...state, editing: i, message: editingLine(page) };
    }
    case "edit-done": {
      if ((state.editing ?? null) !== action.page) return state;
      const page = action.report ?? ctx.pages[action.page];
      const message = page ? editedLine(page, action.error) : null;
      const d = state.detail;
      // The page's commits may have changed: the open page starts again on its whole diff.
      const detail =
        d && d.page === action.page
          ? { ...d, mode: "whole" as const, commit: 0, scroll: 0, hscroll: 0 }
          : d;
      return { ...state, editing: null, message, detail };
    }
    case "dismiss":
      return state;
    case "refresh": {
      const before = selectedPage(state);
      const rows = withRows(ctx, list, true);
      // A page that no longer passes the filter leaves the list, and a page just marked as
      // updated moves down it: the cursor stays where it was, on the page that took its place.
      const gone =
        before !== null && (!rows.rows.includes(before) || before === (state.marked ?? null));
      const fixed = gone
        ? { ...rows, cursor: Math.min(list.cursor, Math.max(0, rows.rows.length - 1)) }
        : rows;
      const d = state.detail;
      const detail =
        d && d.mode === "commit" && d.commit >= commitCount(ctx, d)
          ? { ...d, mode: "whole" as const, commit: 0, scroll: 0, hscroll: 0 }
          : d;
      return { ...state, list: fixed, detail, marked: null };
    }
  }
}

function openDetail(page: number, previous: DetailState | null): DetailState {
  return {
    page,
    mode: "whole",
    commit: 0,
    scroll: 0,
    hscroll: 0,
    info: previous?.info ?? true,
    wrap: previous?.wrap ?? true,
  };
}

function commitCount(ctx: StateContext, d: DetailState): number {
  return ctx.pages[d.page]?.commits.length ?? 0;
}

function moveTo(list: ListState, index: number, height: number): ListState {
  if (list.rows.length === 0) return { ...list, cursor: 0, top: 0 };
  const cursor = clamp(index, 0, list.rows.length - 1);
  return { ...list, cursor, top: follow(cursor, list.top, height, list.rows.length) };
}

/**
 * Recomputes the rows. A new order keeps the selected page selected (when still listed); a new
 * filter or search starts again at the top, where the page with the most work now is.
 */
function withRows(ctx: StateContext, list: ListState, keepSelection: boolean): ListState {
  const before = list.rows[list.cursor];
  const rows = buildRows(ctx.pages, {
    lang: ctx.languages[list.lang] ?? "",
    layout: ctx.layout,
    sort: list.sort,
    reverse: list.reverse,
    filter: list.filter,
    kind: list.kind,
    search: list.search,
    now: ctx.now,
  });
  let cursor = 0;
  if (keepSelection && before !== undefined) cursor = Math.max(0, rows.indexOf(before));
  return {
    ...list,
    rows,
    cursor: Math.min(cursor, Math.max(0, rows.length - 1)),
    top: keepSelection ? list.top : 0,
  };
}
