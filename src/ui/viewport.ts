// Scrolling arithmetic shared by the page list and the diff: only a window of rows is rendered.

/** The first visible row so that `cursor` stays on screen, moving the window as little as possible. */
export function follow(cursor: number, top: number, height: number, count: number): number {
  if (height <= 0 || count <= height) return 0;
  let t = Math.min(Math.max(0, top), count - height);
  if (cursor < t) t = cursor;
  else if (cursor >= t + height) t = cursor - height + 1;
  return Math.max(0, Math.min(t, count - height));
}

/** A scroll offset kept within [0, count - height]. */
export function clampScroll(scroll: number, count: number, height: number): number {
  return Math.max(0, Math.min(scroll, count - Math.max(1, height)));
}

export function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(n, hi));
}
