// The refusal of a list option given no item (`--lang ,`, `--status ''`: most often a CI variable
// that was not set), which would otherwise quietly mean the default or select nothing. Every
// list option says it in these words, from the command line and the config file alike.
import { STATUSES } from "../core/types.js";

/** Why an empty list is refused, said after the option's name: `--lang: needs at least one
 * language`. */
export function emptyListWhy(item: string): string {
  return `needs at least one ${item}`;
}

/** A status, as a refusal names what a list of them holds. */
export const STATUS_ITEM = `status (${STATUSES.join(", ")})`;
