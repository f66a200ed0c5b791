// How statuses look: a colour for terminals that have one, and a symbol that reads without it.
import { createContext, useContext } from "react";
import { STATUS_FACTS, STATUS_SYMBOL } from "../core/statuses.js";
import type { Status } from "../core/types.js";

export { STATUS_SYMBOL };

export const STATUS_COLOR: Readonly<Record<Status, string>> = Object.fromEntries(
  Object.entries(STATUS_FACTS).map(([status, facts]) => [status, facts.color]),
) as Record<Status, string>;

export interface UiOptions {
  /** Colours and other styling; off for NO_COLOR, --no-color and tests. */
  color: boolean;
  /** Wrap URLs in OSC 8 hyperlinks (the URL stays visible as the link text). */
  hyperlinks: boolean;
}

export const UiContext = createContext<UiOptions>({ color: false, hyperlinks: false });

export function useUi(): UiOptions {
  return useContext(UiContext);
}

/** A colour prop that is dropped when colour is off (Ink would drop it too; this keeps intent clear). */
export function tint(ui: UiOptions, color: string): string | undefined {
  return ui.color ? color : undefined;
}
