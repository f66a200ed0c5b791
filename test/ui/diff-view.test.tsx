// A diff line longer than the pane ends in a marker, so a change out of sight is not taken for
// the end of the line; scrolled to its end, the marker goes.
import { cleanup, render } from "ink-testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { computeDiff } from "../../src/detail/diff.js";
import { CUT_MARK, DiffView } from "../../src/ui/DiffView.js";

afterEach(() => cleanup());

const long = `${"word ".repeat(30)}end`;
const model = computeDiff(
  { kind: "text", text: `short\n${long}\n` },
  { kind: "text", text: `short\n${long} more\n` },
);

const lines = (hscroll: number) =>
  (
    render(
      <DiffView model={model} error={null} scroll={0} hscroll={hscroll} height={6} width={40} />,
    ).lastFrame() ?? ""
  ).split("\n");

describe("the diff pane", () => {
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
