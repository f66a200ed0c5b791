// The diff pane: old and new line numbers in two columns; long lines wrap by default, each
// screen line counted when scrolling; cut instead (W), a line longer than the pane ends in a
// marker, so a change out of sight is not taken for the end of the line.
import { cleanup, render } from "ink-testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { computeDiff } from "../../src/detail/diff.js";
import { DiffView, diffPane, noticeLines, shownRows } from "../../src/ui/DiffView.js";
import {
  CUT_MARK,
  diffLayout,
  gutterOf,
  MAX_WRAPPED_LINES,
  rowAt,
  sameRowLine,
  wrapPieces,
} from "../../src/ui/diff-lines.js";
import { textWidth } from "../../src/ui/text.js";
import { clampScroll } from "../../src/ui/viewport.js";

afterEach(() => cleanup());

const long = `${"word ".repeat(30)}end`;
const model = computeDiff(
  { kind: "text", text: `short\n${long}\n` },
  { kind: "text", text: `short\n${long} more\n` },
);

const lines = (hscroll: number, wrap = false, scroll = 0, height = 6) =>
  (
    render(
      <DiffView
        model={model}
        error={null}
        notice={noticeLines(model, 40)}
        scroll={scroll}
        hscroll={hscroll}
        wrap={wrap}
        height={height}
        width={40}
      />,
    ).lastFrame() ?? ""
  ).split("\n");

describe("the diff pane, lines cut", () => {
  it("marks lines cut at the right edge, and only those", () => {
    const shown = lines(0);
    const cut = shown.filter((l) => l.trimEnd().endsWith(CUT_MARK));
    expect(cut.length).toBe(2);
    expect(
      shown
        .find((l) => l.includes("short"))
        ?.trimEnd()
        .endsWith(CUT_MARK),
    ).toBe(false);
    for (const l of shown) expect([...l].length).toBeLessThanOrEqual(40);
  });

  it("drops the mark once the line's end is in sight", () => {
    expect(lines(200).some((l) => l.trimEnd().endsWith(CUT_MARK))).toBe(false);
  });
});

describe("line numbers", () => {
  it("shows the old number and the new in two columns, each blank where the line is not", () => {
    const shown = lines(0);
    expect(shown[1]).toMatch(/^ {2}1 {3}1 {3}short$/);
    expect(shown[2]).toMatch(/^ {2}2 {5}- word/);
    expect(shown[3]).toMatch(/^ {6}2 \+ word/);
  });

  it("sizes each column to its largest number", () => {
    const text = (n: number) => Array.from({ length: n }, (_, i) => `l${i}`).join("\n");
    const m = computeDiff({ kind: "text", text: text(12) }, { kind: "text", text: text(12345) });
    expect(gutterOf(m)).toEqual({ old: 3, new: 5 });
  });
});

describe("wrapping", () => {
  it("wraps a long line onto as many lines as it needs, numbered once, with no cut mark", () => {
    const shown = lines(0, true, 0, 16);
    expect(shown.some((l) => l.trimEnd().endsWith(CUT_MARK))).toBe(false);
    for (const l of shown) expect(textWidth(l)).toBeLessThanOrEqual(40);
    const added = shown.findIndex((l) => /^ {6}2 \+ word/.test(l));
    expect(added).toBeGreaterThan(0);
    // The continuation lines have blank number columns and the row's mark.
    expect(shown[added + 1]).toMatch(/^ {8}\+ /);
    // Every word of the added line is on screen, the changed one marked without colour.
    const words = shown
      .slice(added)
      .map((l) => l.slice(10))
      .join(" ");
    expect(words.match(/word/g)).toHaveLength(30);
    expect(words).toContain("end{+ more+}");
  });

  it("counts screen lines, so scrolling reaches the end and the title names the rows shown", () => {
    const layout = diffLayout(model, 40, true, false);
    // Hunk, context, and two rows of 161 and 166 columns at 30 columns a line.
    expect(layout.total).toBe(1 + 1 + 6 + 6);
    const end = clampScroll(layout.total, layout.total, 5);
    expect(end).toBe(layout.total - 5);
    expect(rowAt(layout, end)).toEqual({ row: 3, part: 1 });
    expect(shownRows(layout, end, 5)).toEqual({ first: 4, last: 4 });
    const shown = lines(0, true, end, 5);
    expect(shown[4]).toMatch(/^ {8}\+ end\{\+ more\+\}$/);
    // Without wrapping, one line a row: toggling keeps the same row at the top.
    const cut = diffLayout(model, 40, false, false);
    expect(cut.total).toBe(4);
    expect(sameRowLine(layout, cut, end)).toBe(3);
    expect(sameRowLine(cut, layout, 3)).toBe(8);
  });

  /** The screen lines, 40 columns wide, of the one added row of a diff of a paragraph of about
   * 200 KB, too long to wrap whole, whose English commit changed it as `edit` says. */
  function hugeRow(edit: (para: string) => string): string[] {
    const para = Array.from({ length: 30000 }, (_, i) => `w${i}`).join(" ");
    const huge = computeDiff(
      { kind: "text", text: `t\n\n${para}\n` },
      { kind: "text", text: `t\n\n${edit(para)}\n` },
    );
    const layout = diffLayout(huge, 40, true, false);
    const at = huge.rows.findIndex((r) => r.kind === "add");
    const from = layout.starts[at] as number;
    const rows = (layout.starts[at + 1] as number) - from;
    expect(rows).toBeLessThanOrEqual(MAX_WRAPPED_LINES);
    const frameText =
      render(
        <DiffView
          model={huge}
          error={null}
          notice={[]}
          scroll={from}
          hscroll={0}
          wrap
          height={rows}
          width={40}
        />,
      ).lastFrame() ?? "";
    const shown = frameText.split("\n");
    expect(shown).toHaveLength(rows);
    return shown;
  }

  it("shows a line too long to wrap whole around its change, the change at its end on screen", () => {
    const shown = hugeRow((para) => `${para} END`);
    // Numbered on its first line, which says the line began earlier; its last line is its end.
    expect(shown[0]).toMatch(new RegExp(`^ {6}3 \\+ ${CUT_MARK}w?\\d`));
    const text = shown.map((l) => l.slice(10).trimEnd()).join("");
    expect(text).toMatch(/w29999 END$/);
    expect(shown.some((l) => l.trimEnd().endsWith(CUT_MARK))).toBe(false);
  });

  it("keeps a wrapped line that goes on past its shown lines within the pane, its mark included", () => {
    // The change at its start: its lines from the start are shown, and the last one ends in the
    // mark, within the pane's 40 columns like every other.
    const shown = hugeRow((para) => `START ${para}`);
    expect(shown).toHaveLength(MAX_WRAPPED_LINES);
    expect(shown[0]).toMatch(/^ {6}3 \+ START w0/);
    expect(shown[shown.length - 1]?.trimEnd().endsWith(CUT_MARK)).toBe(true);
    for (const line of shown) expect(textWidth(line)).toBeLessThanOrEqual(40);
  });

  it("never splits a wide character across lines", () => {
    const out = wrapPieces([{ text: "ab漢字cd", changed: false }], 3);
    expect(out.map((l) => l.map((p) => p.text).join(""))).toEqual(["ab", "漢", "字c", "d"]);
    const styled = wrapPieces(
      [
        { text: "abc", changed: false },
        { text: "de", changed: true },
      ],
      4,
    );
    expect(styled).toEqual([
      [
        { text: "abc", changed: false },
        { text: "d", changed: true },
      ],
      [{ text: "e", changed: true }],
    ]);
  });
});

describe("the notice", () => {
  const added = computeDiff({ kind: "absent" }, { kind: "text", text: "a\nb\nc\nd\n" });
  const pane = (height: number, scroll = 0) => {
    const notice = noticeLines(added, 20);
    const p = diffPane(notice, height, 20);
    const shown = (
      render(
        <DiffView
          model={added}
          error={null}
          notice={p.notice}
          scroll={scroll}
          hscroll={0}
          wrap
          height={height}
          width={20}
        />,
      ).lastFrame() ?? ""
    ).split("\n");
    return { notice, p, shown };
  };

  it("is wrapped once, and the pane gives the diff the rows it leaves", () => {
    const { notice, p, shown } = pane(12);
    expect(notice.length).toBeGreaterThan(2);
    expect(p).toEqual({ notice, rows: 12 - notice.length });
    expect(shown.slice(0, notice.length)).toEqual(notice);
    // The rows the keys scroll by are the rows drawn below the notice: the hunk and a to d.
    expect(shown.slice(notice.length).filter((l) => l.trim() !== "")).toHaveLength(5);
    expect(shown).toHaveLength(12);
  });

  it("is cut short on a low pane, its last row marked, and leaves the diff one row", () => {
    const { notice, p, shown } = pane(2, 1);
    expect(p.notice).toHaveLength(2);
    expect(p.notice[1]).toMatch(/…$/);
    expect(p.notice[0]).toBe(notice[0]);
    expect(p.rows).toBe(1);
    expect(shown).toEqual(p.notice);
  });
});
