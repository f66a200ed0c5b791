// The overlays and the key that opens and closes each: one table, read by the key handler, the
// overlays' titles, the footer's hints, the `?` screen and every line that names one of the keys,
// so that no screen names a key the handler does not take.

export interface OverlayKey {
  key: string;
  /** What its title calls it. */
  title: string;
  /** Its name in the footer's hints ("? help"), for those the footer names. */
  hint?: string;
}

export const OVERLAYS = {
  /** Every key. */
  help: { key: "?", title: "Keys", hint: "help" },
  /** The scan's warnings: the title line names the key beside their count. */
  warnings: { key: "w", title: "Scan warnings" },
  /** In a page: its metadata and commits in full, for what the page view shortens, cuts or
   * leaves out. */
  details: { key: "I", title: "Page details", hint: "details" },
} as const satisfies Record<string, OverlayKey>;

export type OverlayName = keyof typeof OVERLAYS;

/** The overlays the footer's hints name. */
type Hinted = {
  [K in OverlayName]: (typeof OVERLAYS)[K] extends { hint: string } ? K : never;
}[OverlayName];

/** An overlay's key as the footer's hints name it: "? help". */
export function overlayHint(which: Hinted): string {
  return `${OVERLAYS[which].key} ${OVERLAYS[which].hint}`;
}
