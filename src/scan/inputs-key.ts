// What a scan's answer follows from, named by one hash: a report kept under that name is the
// report a scan would make again, so a run that finds it need not scan at all. The answer follows
// from HEAD (the English pages and the history), the translations' files (named by git's index,
// see git/index-state.ts, and by the signatures of the folders and of the files it does not
// track, which the kept report holds), the folders and options, the ignore-revs file, the git
// settings that shape its answers, the tool's own code, and the clock (a date in the future stops
// being one: see `holdsUntil`); and from nothing else, unless a page names a commit that HEAD's
// history does not hold, whose reading depends on what else the object store and the branches
// hold (see `storeDependentRaws`).
import { createHash } from "node:crypto";
import { translationTimeProblemEnds } from "../core/age.js";
import type { RawState } from "../core/status.js";
import { parseRawCommit } from "../git/revision.js";
import type { ScanOptions } from "./scan.js";
import type { ScanStart } from "./start.js";
import type { Translation } from "./translations.js";

/** The name of a scan's inputs (see inputsKey), and of all of them but HEAD and the index. */
export interface InputsKey {
  key: string;
  /** Names every input but HEAD and the index: a report kept under another HEAD with the same
   * base was made by the same options and code (see scan/after-commits.ts). */
  base: string;
}

/**
 * The hash of everything the scan's answer follows from, with `code` naming the tool's build,
 * but the files git does not track (see cli/kept-report.ts); null when git's index does not
 * vouch for the tracked ones (then nothing is kept).
 */
export async function inputsKey(
  opts: ScanOptions,
  start: ScanStart,
  code: string,
): Promise<InputsKey | null> {
  const pages = await start.pages;
  if (!pages) return null;
  const { repo, sourceRepo, head, folders, ignoreRevs } = start;
  const {
    cache: _cache,
    onProgress: _progress,
    ...scope
  } = opts as typeof opts & {
    cache?: unknown;
  };
  let base: string;
  try {
    base = JSON.stringify(
      [
        code,
        [repo.gitDir, repo.workTree, sourceRepo.gitDir, sourceRepo.workTree],
        [
          sourceRepo.shallow,
          sourceRepo.renameLimit,
          sourceRepo.diffAlgorithm,
          sourceRepo.binaryRules,
        ],
        scope,
        folders,
        [...ignoreRevs].sort(),
      ],
      // Sets become lists; the folders' tests are functions of the options named above.
      (_key, value) =>
        value instanceof Set ? [...value] : typeof value === "function" ? undefined : value,
    );
  } catch {
    return null;
  }
  const hash = (text: string) => createHash("sha256").update(text).digest("hex");
  return {
    key: hash(JSON.stringify([base, head.hash, pages.index])),
    base: hash(base),
  };
}

/**
 * The raw_commits whose readings follow from more than the inputs, as they read now: an
 * abbreviation, or a hash that names no commit here, reads otherwise once the object store
 * holds more objects. A report kept with them holds while they read the same (one git process
 * checks). Null when a page names a commit outside HEAD's history: which branches hold it
 * matters too, and asking costs as much as the scan.
 */
export function storeDependentRaws(
  pages: readonly Translation[],
  rawOf: ReadonlyMap<Translation, RawState>,
  inHistory: (hash: string) => boolean,
): Array<[string, RawState]> | null {
  const out = new Map<string, RawState>();
  for (const t of pages) {
    if (!t.meta || t.meta.unreadable !== undefined) continue;
    const written = parseRawCommit(t.meta.rawCommit);
    const raw = rawOf.get(t);
    if (written === null || raw === undefined) continue;
    if (raw.kind === "ok" && !inHistory(raw.hash)) return null;
    if (raw.kind !== "ok" || raw.hash !== written) out.set(written, raw);
  }
  return [...out];
}

/** Until when the pages read as they did at `now`: the first moment a date in the future stops
 * being one; Infinity when none is. */
export function holdsUntil(pages: readonly Translation[], now: number): number {
  let until = Number.POSITIVE_INFINITY;
  for (const t of pages) {
    const ends = t.meta ? translationTimeProblemEnds(t.meta.lastTranslationTime, now) : null;
    if (ends !== null && ends < until) until = ends;
  }
  return until;
}
