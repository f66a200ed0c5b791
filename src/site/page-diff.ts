// What a write would change in a page, shown before (or instead of) writing it: stamp --dry-run,
// lint --fix --dry-run.
import { createTwoFilesPatch } from "diff";

/** The change from `before` to `after` of the page at `rel`, as `git diff` shows it; "" when
 * nothing changes. */
export function pageDiff(rel: string, before: string, after: string): string {
  if (before === after) return "";
  return createTwoFilesPatch(`a/${rel}`, `b/${rel}`, before, after, "", "", { context: 1 })
    .split("\n")
    .slice(1)
    .join("\n");
}
