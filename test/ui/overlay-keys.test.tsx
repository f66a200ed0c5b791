// Every key the screen names for an overlay (in the footer's hints, in the overlay's title) is the
// key that opens or closes it: what is shown and what is handled come from one table.
import { cleanup, render } from "ink-testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { contentLayout } from "../../src/layout/layout.js";
import { DETAIL_HINTS, LIST_HINTS } from "../../src/ui/Footer.js";
import { KEY_HELP, keyToCommand } from "../../src/ui/keys.js";
import { Overlay } from "../../src/ui/Overlays.js";
import { OVERLAYS, type OverlayName } from "../../src/ui/overlay-keys.js";
import { type AppState, initialState, reduce, type StateContext } from "../../src/ui/state.js";
import { NOW, page } from "./helpers.js";

afterEach(() => cleanup());

const pages = [
  page({
    path: "content/zh-cn/a.md",
    status: "outdated",
    commits: [{ hash: "1".repeat(40), date: "2025-05-01", author: "A", subject: "s" }],
  }),
];
const ctx: StateContext = {
  pages,
  languages: ["zh-cn"],
  layout: contentLayout("content", "en"),
  now: NOW,
  head: "f".repeat(40),
  rawHash: () => null,
  kinds: false,
};
const list = initialState(ctx, "zh-cn");
const detail = reduce(ctx, list, { type: "open" });
const press = (input: string, state: AppState) =>
  keyToCommand(
    input,
    {},
    {
      state,
      listHeight: 10,
      diffHeight: 8,
      diffTotal: 20,
      hasWarnings: true,
      overlayHeight: 10,
      overlayTotal: 30,
    },
  );
const names = Object.keys(OVERLAYS) as OverlayName[];

describe("the overlays' keys", () => {
  it("are what the footer's hints say they are, on the screen that shows them", () => {
    let named = 0;
    for (const [hints, state] of [
      [LIST_HINTS, list],
      [DETAIL_HINTS, detail],
    ] as const) {
      expect(state.detail === null).toBe(hints === LIST_HINTS);
      for (const hint of hints.flatMap((h) => h.split(/ {2,}/))) {
        const [key = "", ...words] = hint.split(" ");
        const which = names.find(
          (n) => "hint" in OVERLAYS[n] && OVERLAYS[n].hint === words.join(" "),
        );
        if (which === undefined) continue;
        named++;
        expect(press(key, state)).toEqual({ type: "overlay", which });
      }
    }
    // Help on both screens, and the page's details on a page.
    expect(named).toBeGreaterThanOrEqual(DETAIL_HINTS.length + LIST_HINTS.length + 2);
  });

  it.each(names)("%s: the key its title names closes it, as the key that opened it", (which) => {
    const open = reduce(ctx, detail, { type: "overlay", which });
    expect(open.overlay).toBe(which);
    const r = render(
      <Overlay
        title={OVERLAYS[which].title}
        closeKey={OVERLAYS[which].key}
        lines={[{ text: "line" }]}
        scroll={0}
        height={4}
        width={80}
      />,
    );
    const named = /Esc or (\S+) closes/.exec(r.lastFrame() ?? "")?.[1];
    expect(named).toBe(OVERLAYS[which].key);
    expect(press(named ?? "", open)).toEqual({ type: "close-overlay" });
    expect(press(named ?? "", detail)).toEqual({ type: "overlay", which });
  });

  it("are each listed on the ? screen", () => {
    const listed = KEY_HELP.flatMap((g) => g.keys.map((k) => k.keys));
    for (const which of names) expect(listed).toContain(OVERLAYS[which].key);
  });
});
