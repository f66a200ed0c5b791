// Which key does what, in one table-like place: the key handler and the `?` screen both read it.
import { OVERLAYS } from "./overlay-keys.js";
import { FILTER_KEYS } from "./rows.js";
import { type Action, type AppState, HSCROLL_STEP } from "./state.js";

/** The parts of Ink's key event the dashboard looks at (so tests can build them by hand). */
export interface KeyInfo {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  ctrl?: boolean;
  shift?: boolean;
  tab?: boolean;
  backspace?: boolean;
  delete?: boolean;
  meta?: boolean;
}

export type Command = Action | { type: "quit" };

export interface KeyEvent {
  input: string;
  key: KeyInfo;
}

/**
 * Splits a burst of input (keys typed or sent faster than they are read arrive as one string,
 * without key flags) into key events: each control character becomes its key (Tab, Enter,
 * Backspace, Ctrl+letter), and each run of printable characters stays one piece of text.
 * Escape sequences never get here: Ink separates them.
 */
export function splitInput(input: string): KeyEvent[] {
  const out: KeyEvent[] = [];
  let run = "";
  const flush = () => {
    if (run) out.push({ input: run, key: {} });
    run = "";
  };
  for (const ch of input) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0x20 && cp !== 0x7f) {
      run += ch;
      continue;
    }
    flush();
    if (ch === "\t") out.push({ input: "", key: { tab: true } });
    else if (ch === "\r" || ch === "\n") out.push({ input: "", key: { return: true } });
    else if (ch === "\x7f") out.push({ input: "", key: { delete: true } });
    else if (ch === "\b") out.push({ input: "", key: { backspace: true } });
    else if (ch === "\x1b") out.push({ input: "", key: { escape: true } });
    else if (cp >= 1 && cp <= 26)
      out.push({ input: String.fromCharCode(cp + 96), key: { ctrl: true } });
  }
  flush();
  return out;
}

export interface KeyContext {
  state: AppState;
  /** Rows of the page list on screen. */
  listHeight: number;
  /** Rows of the diff on screen, and rows in the loaded diff. */
  diffHeight: number;
  diffTotal: number;
  /** The first screen line of the diff once wrapping is toggled, keeping the top row there
   * (asked only on W: laying out a long diff the other way is work). */
  rewrapScroll?: () => number;
  hasWarnings: boolean;
  /** Rows of the overlay's scrolling part on screen, and rows it has. */
  overlayHeight: number;
  overlayTotal: number;
}

export function keyToCommand(input: string, key: KeyInfo, ctx: KeyContext): Command | null {
  const { state } = ctx;
  if (key.ctrl && input === "c") return { type: "quit" };
  // The y/n question takes the next key: y marks the page, anything else cancels. Until it is on
  // screen (the dry run still checking), a key typed ahead answers nothing and is dropped; Esc
  // gives up waiting.
  if (state.confirm !== null) {
    if (!state.confirmReady) return key.escape ? { type: "mark-cancel" } : null;
    return input === "y" || input === "Y" ? { type: "mark-confirm" } : { type: "mark-cancel" };
  }
  if (state.list.searching && !state.detail && !state.overlay) return searchKey(input, key, ctx);
  if (state.overlay) {
    if (input === "q") return { type: "quit" };
    // Its own key closes an overlay, and so does help's from any of them.
    if (key.escape || input === OVERLAYS.help.key || input === OVERLAYS[state.overlay].key) {
      return { type: "close-overlay" };
    }
    const h = ctx.overlayHeight;
    const scroll = (by: number): Command => ({
      type: "overlay-scroll",
      by,
      total: ctx.overlayTotal,
      height: h,
    });
    if (key.downArrow || input === "j") return scroll(1);
    if (key.upArrow || input === "k") return scroll(-1);
    if (key.pageDown || input === " " || (key.ctrl && input === "f")) return scroll(h);
    if (key.pageUp || input === "b" || (key.ctrl && input === "b")) return scroll(-h);
    if (key.home || input === "g") return scroll(-ctx.overlayTotal);
    if (key.end || input === "G") return scroll(ctx.overlayTotal);
    return null;
  }
  if (input === "q") return { type: "quit" };
  if (input === OVERLAYS.help.key) return { type: "overlay", which: "help" };
  if (input === OVERLAYS.warnings.key) {
    return ctx.hasWarnings ? { type: "overlay", which: "warnings" } : { type: "no-scan-warnings" };
  }
  return state.detail ? detailKey(input, key, ctx) : listKey(input, key, ctx);
}

function searchKey(input: string, key: KeyInfo, ctx: KeyContext): Command | null {
  const h = ctx.listHeight;
  if (key.return) return { type: "search-done" };
  if (key.escape) return { type: "search-cancel" };
  if (key.backspace || key.delete) return { type: "search-erase" };
  if (key.ctrl && input === "u") return { type: "search-clear" };
  if (key.upArrow) return { type: "move", by: -1, height: h };
  if (key.downArrow) return { type: "move", by: 1, height: h };
  if (key.ctrl || key.meta || key.tab) return null;
  // Typed or pasted text; control characters never reach the query.
  const text = [...input]
    .filter((ch) => (ch.codePointAt(0) ?? 0) >= 0x20 && ch !== "\x7f")
    .join("");
  return text ? { type: "search-type", text } : null;
}

function listKey(input: string, key: KeyInfo, ctx: KeyContext): Command | null {
  const h = ctx.listHeight;
  const half = Math.max(1, Math.floor(h / 2));
  if (key.downArrow || input === "j") return { type: "move", by: 1, height: h };
  if (key.upArrow || input === "k") return { type: "move", by: -1, height: h };
  if (key.pageDown || (key.ctrl && input === "f") || input === " ")
    return { type: "move", by: h, height: h };
  if (key.pageUp || (key.ctrl && input === "b")) return { type: "move", by: -h, height: h };
  if (key.ctrl && input === "d") return { type: "move", by: half, height: h };
  if (key.ctrl && input === "u") return { type: "move", by: -half, height: h };
  if (key.home || input === "g") return { type: "move-to", to: "first", height: h };
  if (key.end || input === "G") return { type: "move-to", to: "last", height: h };
  if (key.return || key.rightArrow || input === "l") return { type: "open" };
  if (key.tab) return { type: "lang", dir: key.shift ? -1 : 1 };
  if (input === "s") return { type: "sort" };
  if (input === "r") return { type: "reverse" };
  if (input === "f") return { type: "filter", dir: 1 };
  if (input === "F") return { type: "filter", dir: -1 };
  if (input === "t") return { type: "kind-filter" };
  if (/^[0-8]$/.test(input)) return { type: "filter", key: FILTER_KEYS[Number(input)] ?? "all" };
  if (input === "/") return { type: "search-start" };
  if (input === "u") return { type: "mark" };
  if (input === "e") return { type: "edit" };
  if (key.escape && ctx.state.list.search) return { type: "search-clear" };
  return null;
}

function detailKey(input: string, key: KeyInfo, ctx: KeyContext): Command | null {
  const total = ctx.diffTotal;
  const height = ctx.diffHeight;
  const half = Math.max(1, Math.floor(height / 2));
  const scroll = (by: number): Command => ({ type: "scroll", by, total, height });
  if (key.escape || key.backspace || key.delete) return { type: "back" };
  if (key.downArrow || input === "j" || key.return) return scroll(1);
  if (key.upArrow || input === "k") return scroll(-1);
  if (key.pageDown || (key.ctrl && input === "f") || input === " ") return scroll(height);
  if (key.pageUp || (key.ctrl && input === "b") || input === "b") return scroll(-height);
  if (key.ctrl && input === "d") return scroll(half);
  if (key.ctrl && input === "u") return scroll(-half);
  if (key.home || input === "g") return { type: "scroll-to", to: "start", total, height };
  if (key.end || input === "G") return { type: "scroll-to", to: "end", total, height };
  // Wrapped lines have nothing beyond the right edge to scroll to.
  const sideways = !ctx.state.detail?.wrap;
  if (sideways && (key.rightArrow || input === "l")) return { type: "hscroll", by: HSCROLL_STEP };
  if (sideways && (key.leftArrow || input === "h")) return { type: "hscroll", by: -HSCROLL_STEP };
  if (input === "W") return { type: "wrap", scroll: ctx.rewrapScroll?.() ?? 0 };
  if (input === "c") return { type: "mode" };
  if (input === "]" || input === "n") return { type: "commit", dir: 1 };
  if (input === "[" || input === "p") return { type: "commit", dir: -1 };
  if (input === "i") return { type: "info" };
  if (input === OVERLAYS.details.key) return { type: "overlay", which: "details" };
  if (input === "U") return { type: "cover" };
  if (input === "e") return { type: "edit" };
  if (input === "J") return { type: "open-next", dir: 1, height: ctx.listHeight };
  if (input === "K") return { type: "open-next", dir: -1, height: ctx.listHeight };
  if (input === "u") return { type: "mark" };
  return null;
}

export interface KeyHelp {
  keys: string;
  what: string;
}

/** Every key, by screen, for the `?` overlay. Keep in step with the handlers above. */
export const KEY_HELP: ReadonlyArray<{ title: string; keys: readonly KeyHelp[] }> = [
  {
    title: "Page list",
    keys: [
      { keys: "↑ ↓  k j", what: "move" },
      { keys: "PgUp PgDn  ^b ^f", what: "page up / down (space: down)" },
      { keys: "^u ^d", what: "half a page up / down" },
      { keys: "g G  Home End", what: "first / last page" },
      { keys: "Enter  →  l", what: "open the page: metadata, English commits, diff" },
      { keys: "Tab  Shift+Tab", what: "next / previous language" },
      { keys: "s  r", what: "sort (most work, behind, lines, oldest, path) / reverse" },
      { keys: "f F  0-8", what: "filter: cycle / pick (0 all, 1 needs work, 2-8 a status)" },
      { keys: "t", what: "with --kinds: only pages whose English change is prose, typo, ..." },
      { keys: "/", what: "search paths as you type (⏎ keeps, Esc cancels, ^u clears)" },
      { keys: "u", what: "mark the page as updated: it records HEAD (asks y/n)" },
      { keys: "e", what: "edit the page in $VISUAL or $EDITOR, then read it again" },
      { keys: "Esc", what: "clear the search" },
    ],
  },
  {
    title: "Page detail",
    keys: [
      { keys: "↑ ↓  k j  Enter", what: "scroll the diff" },
      { keys: "PgUp PgDn  b space", what: "page up / down" },
      { keys: "^u ^d", what: "half a page up / down" },
      { keys: "g G  Home End", what: "top / bottom of the diff" },
      { keys: "W", what: "wrap long lines (the default) ⇄ cut them at the edge" },
      { keys: "← →  h l", what: "scroll sideways (lines not wrapped)" },
      { keys: "c", what: "whole diff ⇄ one commit at a time" },
      { keys: "] [  n p", what: "next (older) / previous (newer) commit" },
      { keys: "i", what: "hide / show the page's metadata" },
      {
        keys: OVERLAYS.details.key,
        what: "the page's metadata and commits in full: whole paths, every warning and structure note, every commit's subject",
      },
      { keys: "J K", what: "open the next / previous page of the list" },
      { keys: "u", what: "mark this page as updated: it records HEAD (asks y/n)" },
      { keys: "e", what: "edit this page in $VISUAL or $EDITOR, then read it again" },
      {
        keys: "U",
        what: "on a commit (c, ] [): translated up to it, newer changes still to do (asks y/n)",
      },
      { keys: "Esc  Backspace", what: "back to the list" },
    ],
  },
  {
    title: "Everywhere",
    keys: [
      {
        keys: OVERLAYS.help.key,
        what: `this help (↑ ↓ scroll it; Esc or ${OVERLAYS.help.key} closes it)`,
      },
      { keys: OVERLAYS.warnings.key, what: "the scan's warnings, when there are any" },
      { keys: "q  ^c", what: "quit" },
    ],
  },
];
