// What a write would change in a page, shown before (or instead of) writing it: stamp --dry-run,
// lint --fix --dry-run.
import { createTwoFilesPatch } from "diff";
import { shownName } from "../sanitize/terminal.js";

/** The change from `before` to `after` of the page at `rel`, as `git diff` shows it but with the
 * page named as the reports print it (sanitize/terminal.ts shownName), so that the name can be
 * given back; "" when nothing changes. */
export function pageDiff(rel: string, before: string, after: string): string {
  if (before === after) return "";
  // The diff library quotes an unusual name as git does (`"a/\\303\\251.md"`): the headers are
  // written here instead.
  const name = shownName(rel);
  const [, , , ...hunks] = createTwoFilesPatch("a", "b", before, after, "", "", {
    context: 1,
  }).split("\n");
  return [`--- a/${name}`, `+++ b/${name}`, ...hunks].join("\n");
}
