// The dashboard once the scan is done: the page list, an opened page, and the overlays. Holds the
// state (see state.ts) and turns keys into actions (see keys.ts); the views below only render.
// Marking a page as updated is the one action that waits for the source: the outcome comes back
// as an action, and the updated page goes up to the root, which holds the scan result.

import { Box, type Key } from "ink";
import { type RefObject, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { PageReport, ScanResult } from "../core/types.js";
import type { DetailSource, DiffModel } from "../detail/types.js";
import { layoutOfResult } from "../layout/layout.js";
import { commitLines } from "./commits.js";
import { CommitList, DetailTitle, DiffTitle, DiffView, PageInfo } from "./DetailScreen.js";
import { diffPane, noticeLines } from "./DiffView.js";
import { diffLayout, sameRowLine } from "./diff-lines.js";
import {
  ConfirmPrompt,
  DETAIL_HINTS,
  Footer,
  LIST_HINTS,
  SearchPrompt,
  StatusFooter,
  statusRows,
} from "./Footer.js";
import { ListHeader, listLayoutOf } from "./Header.js";
import { infoRows, infoWindow, pageInfo } from "./info.js";
import { type KeyInfo, keyToCommand, splitInput } from "./keys.js";
import { detailLayout, frameHeight } from "./layout.js";
import { checkingLine } from "./mark.js";
import { detailLines, helpLines, Overlay, warningLines } from "./Overlays.js";
import { OVERLAYS } from "./overlay-keys.js";
import { ColumnHeader, ListControls, PageList } from "./PageList.js";
import type { RememberedView } from "./remembered.js";
import {
  type Action,
  type AppState,
  type DetailState,
  initialState,
  reduce,
  type StateContext,
} from "./state.js";
import type { TerminalSize } from "./terminal.js";
import { useUi } from "./theme.js";
import { follow } from "./viewport.js";

export interface BrowserProps {
  result: ScanResult;
  source: DetailSource;
  repoName: string;
  size: TerminalSize;
  now: number;
  initialLang?: string;
  onQuit: () => void;
  /** A page was marked as updated: `page` replaces `result.pages[index]` (the root holds the result). */
  onPageUpdated?: (index: number, page: PageReport) => void;
  /** Where the browser puts its key handler; the root forwards every key to it. */
  keys: RefObject<KeyHandler | null>;
  /** Opens the page in the user's editor and resolves when it ends (to why not, or null). */
  edit?: (page: PageReport) => Promise<string | null>;
  /** Where the dashboard opens: the view remembered from the last run. */
  initialView?: RememberedView | null;
  /** Kept up to date with the view, to be remembered for the next run. */
  viewRef?: RefObject<RememberedView | null>;
}

export type KeyHandler = (input: string, key: Key) => void;

interface Loaded {
  key: string;
  /** The page as it was when asked: a marked page is a new object, and its diff is asked anew. */
  report: PageReport | undefined;
  model: DiffModel | null;
  error: string | null;
}

/** The diff of the open page (whole or one commit), loaded when asked for, never up front. */
function useDiff(
  source: DetailSource,
  result: ScanResult,
  detail: DetailState | null,
): Loaded | null {
  const hash =
    detail?.mode === "commit"
      ? (result.pages[detail.page]?.commits[detail.commit]?.hash ?? null)
      : null;
  const key = detail ? `${detail.page}:${hash ?? "whole"}` : null;
  const page = detail?.page ?? -1;
  const report = detail ? result.pages[detail.page] : undefined;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    if (key === null) return;
    let live = true;
    const p = hash ? source.commitDiff(page, hash) : source.wholeDiff(page);
    p.then(
      (model) => live && setLoaded({ key, report, model, error: null }),
      (err: unknown) =>
        live &&
        setLoaded({
          key,
          report,
          model: null,
          error: err instanceof Error ? err.message : String(err),
        }),
    );
    return () => {
      live = false;
    };
  }, [source, key, page, hash, report]);
  return loaded && loaded.key === key && loaded.report === report ? loaded : null;
}

export function Browser({
  result,
  source,
  repoName,
  size,
  now,
  initialLang,
  onQuit,
  onPageUpdated,
  keys,
  edit,
  initialView,
  viewRef,
}: BrowserProps) {
  const siteLayout = useMemo(() => layoutOfResult(result), [result]);
  const ctx: StateContext = useMemo(
    () => ({
      pages: result.pages,
      languages: result.languages,
      layout: siteLayout,
      now,
      head: result.head,
      rawHash: (i: number) => source.rawHash(i),
      kinds: result.kinds !== undefined,
    }),
    [result, now, source, siteLayout],
  );
  // The state lives in a ref as well, so that keys arriving in one burst each see the state the
  // previous one left (React state would only catch up at the next render).
  const [state, setState] = useState<AppState>(() => initialState(ctx, initialLang, initialView));
  const current = useRef(state);
  // When the pages change (one was marked as updated), the rows are listed anew before this
  // render is shown, so that rows and pages always agree on screen.
  const [listedFor, setListedFor] = useState(ctx);
  if (listedFor !== ctx) {
    const next = reduce(ctx, current.current, { type: "refresh" });
    current.current = next;
    setListedFor(ctx);
    setState(next);
  }
  const latestCtx = useRef(ctx);
  latestCtx.current = ctx;
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const diff = useDiff(source, result, state.detail);

  const width = size.columns;
  const frame = frameHeight(size.rows);
  // The bottom row, when it says something other than the keys: the y/n question, the check
  // before it, or the outcome, wrapped onto as many rows as it needs (the views above give them).
  const asking = state.confirm === null ? undefined : result.pages[state.confirm];
  const status =
    asking && !state.confirmReady ? checkingLine(asking) : asking ? null : state.message;
  const statusLines = status ? statusRows(status, width, Math.max(1, frame - 3)) : [];
  const rows = size.rows - Math.max(0, statusLines.length - 1);
  const list = listLayoutOf(result, { ...size, rows });
  const listTop = follow(
    state.list.cursor,
    state.list.top,
    list.listHeight,
    state.list.rows.length,
  );

  const detail = state.detail;
  const page = detail ? result.pages[detail.page] : undefined;
  const infoAll = useMemo(() => {
    if (!detail || !page) return [];
    return infoRows(
      pageInfo(page, source.rawHash(detail.page), source.links(detail.page), now),
      width,
    );
  }, [detail, page, source, now, width]);
  const model = diff?.model ?? null;
  const ui = useUi();
  const wrap = detail?.wrap ?? true;
  const lines = diffLayout(model, width, wrap, ui.color);
  const notice = useMemo(() => noticeLines(model, width), [model, width]);
  // A short diff (none at all, on an up-to-date page with a structure warning) leaves its rows
  // to the metadata; until it is loaded, it keeps its share.
  const layout = detailLayout(
    rows,
    detail?.info ? infoAll.length : 0,
    page?.commits.length ?? 0,
    model ? lines.total + notice.length : undefined,
  );
  const pane = diffPane(notice, layout.diffHeight, width);

  const overlayLines = useMemo(() => {
    if (state.overlay === "help") return helpLines(width);
    if (state.overlay === "warnings") return warningLines(result.warnings, width);
    if (state.overlay === "details" && detail && page) {
      const all = pageInfo(
        page,
        source.rawHash(detail.page),
        source.links(detail.page),
        now,
        Infinity,
      );
      return [...detailLines(all, width), ...commitLines(page, width)];
    }
    return [];
  }, [state.overlay, result.warnings, width, detail, page, source, now]);

  const handleKey: KeyHandler = (input, key) => {
    // Keys typed faster than they are read arrive as one string; each is handled in turn. Text
    // typed into the search prompt stays whole (a paste is one search, not one per character).
    if ([...input].length > 1 && !key.ctrl && !key.meta) {
      for (const part of splitInput(input)) {
        if (part.input.length <= 1 || current.current.list.searching)
          handleOne(part.input, part.key);
        else for (const ch of part.input) handleOne(ch, { shift: ch !== ch.toLowerCase() });
      }
      return;
    }
    handleOne(input, key);
  };
  const handleOne = (input: string, key: KeyInfo) => {
    const cmd = keyToCommand(input, key, {
      state: current.current,
      listHeight: list.listHeight,
      diffHeight: pane.rows,
      diffTotal: lines.total,
      rewrapScroll: () =>
        sameRowLine(
          lines,
          diffLayout(model, width, !wrap, ui.color),
          current.current.detail?.scroll ?? 0,
        ),
      hasWarnings: result.warnings.length > 0,
      overlayHeight: frame - 1,
      overlayTotal: overlayLines.length,
    });
    if (!cmd) {
      // Any key clears the transient line, even one that does nothing here.
      if (current.current.message) dispatch({ type: "dismiss" });
      return;
    }
    if (cmd.type === "quit") {
      onQuit();
      return;
    }
    const asked = cmd.type === "mark-confirm" ? current.current.confirm : null;
    const upTo = current.current.confirmAt ?? undefined;
    const editingBefore = current.current.editing ?? null;
    dispatch(cmd);
    if (asked !== null && current.current.marking === asked) mark(asked, upTo);
    const asking = current.current.confirm;
    if ((cmd.type === "mark" || cmd.type === "cover") && asking !== null)
      check(asking, current.current.confirmAt ?? null);
    const editing = current.current.editing ?? null;
    if (cmd.type === "edit" && editing !== null && editing !== editingBefore) editPage(editing);
  };
  const dispatch = (action: Action) => {
    const next = reduce(latestCtx.current, current.current, action);
    if (next === current.current) return;
    current.current = next;
    setState(next);
  };
  /** Asks the source to mark the page (up to `commit`, else HEAD); its outcome comes back as an
   * action. */
  const mark = (page: number, commit?: string) => {
    source.markUpdated(page, commit).then(
      (outcome) => {
        if (!mounted.current) return;
        if (outcome.ok) {
          onPageUpdated?.(page, outcome.page);
          dispatch({ type: "mark-done", page, commit: outcome.page.rawCommit ?? result.head });
        } else {
          dispatch({ type: "mark-failed", page, error: outcome.error });
        }
      },
      (err: unknown) =>
        mounted.current &&
        dispatch({
          type: "mark-failed",
          page,
          error: err instanceof Error ? err.message : String(err),
        }),
    );
  };
  /** Asks the source whether the page can be marked (a dry run of the write) before the
   * translator is asked; the answer comes back as an action. */
  const check = (page: number, at: string | null) => {
    source.checkMark(page, at ?? undefined).then(
      (error) => mounted.current && dispatch({ type: "mark-checked", page, at, error }),
      (err: unknown) =>
        mounted.current &&
        dispatch({
          type: "mark-checked",
          page,
          at,
          error: err instanceof Error ? err.message : String(err),
        }),
    );
  };
  /** Opens the page in the editor, then has the source read it again; the outcome comes back
   * as an action. */
  const editPage = (i: number) => {
    const report = result.pages[i];
    const done = (error: string | null, updated?: PageReport) =>
      mounted.current &&
      dispatch({ type: "edit-done", page: i, error, ...(updated ? { report: updated } : {}) });
    if (!edit || !report) {
      done("this dashboard cannot open an editor");
      return;
    }
    edit(report)
      .then(async (error) => {
        // Read again even when the editor failed: it may have saved first.
        const outcome = await source.rescan(i);
        if (!mounted.current) return;
        if (outcome.ok) onPageUpdated?.(i, outcome.page);
        done(
          error ?? (outcome.ok ? null : `could not read it again: ${outcome.error}`),
          outcome.ok ? outcome.page : undefined,
        );
      })
      .catch((err: unknown) => done(err instanceof Error ? err.message : String(err)));
  };
  // Set synchronously with each commit, so the handler always knows the latest layout.
  useLayoutEffect(() => {
    keys.current = handleKey;
    if (viewRef) {
      const l = state.list;
      const selected = l.rows[l.cursor];
      viewRef.current = {
        lang: result.languages[l.lang] ?? "",
        sort: l.sort,
        reverse: l.reverse,
        filter: l.filter,
        kind: l.kind,
        page: selected === undefined ? null : (result.pages[selected]?.path ?? null),
      };
    }
  });
  useLayoutEffect(
    () => () => {
      keys.current = null;
    },
    [keys],
  );

  const bottom = status ? (
    <StatusFooter rows={statusLines} tone={status.tone} />
  ) : asking ? (
    <ConfirmPrompt
      path={asking.path}
      commit={state.confirmAt ?? result.head}
      upTo={(state.confirmAt ?? null) !== null}
      width={width}
    />
  ) : null;

  let body: React.ReactNode;
  if (state.overlay) {
    body = (
      <Overlay
        title={
          state.overlay === "warnings"
            ? `${OVERLAYS.warnings.title} (${result.warnings.length})`
            : OVERLAYS[state.overlay].title
        }
        closeKey={OVERLAYS[state.overlay].key}
        lines={overlayLines}
        scroll={state.overlayScroll}
        height={frame}
        width={width}
      />
    );
  } else if (detail && page) {
    body = (
      <>
        <DetailTitle page={page} layout={ctx.layout} width={width} />
        <PageInfo rows={infoWindow(infoAll, layout.info, width)} />
        <CommitList page={page} state={detail} height={layout.commits} width={width} />
        <DiffTitle
          page={page}
          state={detail}
          rawHash={source.rawHash(detail.page)}
          head={result.head}
          model={model}
          lines={lines}
          rows={pane.rows}
          width={width}
        />
        <DiffView
          model={model}
          error={diff?.error ?? null}
          notice={pane.notice}
          scroll={detail.scroll}
          hscroll={detail.hscroll}
          wrap={detail.wrap}
          height={layout.diffHeight}
          width={width}
        />
        {bottom ?? <Footer hints={DETAIL_HINTS} width={width} />}
      </>
    );
  } else {
    const lang = result.languages[state.list.lang] ?? "";
    const total = result.summary[lang]?.total ?? 0;
    body = (
      <>
        <ListHeader
          repoName={repoName}
          result={result}
          current={state.list.lang}
          layout={list}
          width={width}
        />
        <ListControls
          lang={lang}
          sort={state.list.sort}
          reverse={state.list.reverse}
          filter={state.list.filter}
          kind={state.list.kind}
          search={state.list.search}
          shown={state.list.rows.length}
          total={total}
          cursor={state.list.cursor}
          width={width}
        />
        <ColumnHeader width={width} kinds={ctx.kinds} />
        <PageList
          pages={result.pages}
          rows={state.list.rows}
          cursor={state.list.cursor}
          top={listTop}
          height={list.listHeight}
          width={width}
          layout={ctx.layout}
          now={now}
          kinds={ctx.kinds}
        />
        {state.list.searching ? (
          <SearchPrompt query={state.list.search} width={width} />
        ) : (
          (bottom ?? <Footer hints={LIST_HINTS} width={width} />)
        )}
      </>
    );
  }
  return (
    <Box flexDirection="column" width={width} height={frame} overflow="hidden">
      {body}
    </Box>
  );
}
