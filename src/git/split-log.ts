// One history log for two sets of folders: the English ones, whose renames the scan follows,
// and the translation folders, whose changes the estimates need (scan/estimates.ts), read in
// the English log's own walk rather than in a walk of their own, which cost git about as much
// again.
//
// git pairs renames among every path a log is asked about, so with both sets in one log an
// English page deleted beside an added translation could be paired across them, and a basename
// shared by a page and its translation changes which pairs git tries first. So the log runs
// without rename detection, and a commit that both adds and deletes English files (the only
// kind that can hold an English rename: -M pairs deletions with additions) is read again below
// the English folders alone with -M, exactly as the English log alone reads it. Its English
// changes are held back until its last entry has come, and replaced by that reading.
//
// The translations' changes are passed on as read: the estimates look up each page by its own
// path (its touches, whether each edited it in place, its version at a commit), and for that a
// rename without -M reads the same, as the deletion and the addition it is.

import { AppError } from "../errors.js";
import type { ChangeSink } from "./history.js";
import { isFullHash } from "./revision.js";

/** A sink for one part of a log, whose commits come in order; `end` is awaited once that part's
 * log has ended, with the part's table (its commits numbered from `base`). */
export interface PartSink extends ChangeSink {
  end(hashes: readonly string[], base: number): Promise<void>;
}

/** What a log reads (below `pathspecs`, with or without rename detection) and where its changes
 * go: a sink of its own for each part. */
export interface LogShape {
  pathspecs: readonly string[];
  renames: boolean;
  partSink(): PartSink;
}

/** Folders read in the same log as the English ones, and the sink for their changes. */
export interface AlsoBelow {
  folders: readonly string[];
  sink: ChangeSink;
}

/** Reads `hashes` (listed commits) below the English folders with -M into `sink`, numbering
 * them 0.. in the order given. */
export type Relog = (hashes: readonly string[], sink: ChangeSink) => Promise<void>;

/** A log below `pathspecs` with rename detection, every change going to `sink`. */
export function plainShape(pathspecs: readonly string[], sink: ChangeSink): LogShape {
  const part: PartSink = {
    commit: (commit, parents) => sink.commit(commit, parents),
    change: (commit, header, path, from, newMode) =>
      sink.change(commit, header, path, from, newMode),
    end: async () => {},
  };
  return { pathspecs, renames: true, partSink: () => part };
}

/** The log below the English folders (`below`, each ending in "/") and `also`'s, as described
 * above. */
export function splitShape(
  below: readonly string[],
  english: ChangeSink,
  also: AlsoBelow,
  relog: Relog,
): LogShape {
  const alsoBelow = also.folders.map((f) => `${f}/`);
  return {
    pathspecs: [...new Set([...below, ...alsoBelow])],
    renames: false,
    partSink: () => new SplitPart(below, english, alsoBelow, also.sink, relog),
  };
}

const ADDED = 65; // A
const DELETED = 68; // D

class SplitPart implements PartSink {
  private current = -1;
  private held: Array<[header: string, path: string, newMode: number]> = [];
  private adds = false;
  private deletes = false;
  /** Commits to read again with -M. */
  private readonly again: number[] = [];

  constructor(
    private readonly below: readonly string[],
    private readonly english: ChangeSink,
    private readonly alsoBelow: readonly string[],
    private readonly also: ChangeSink,
    private readonly relog: Relog,
  ) {}

  commit(commit: number, parents: number): void {
    this.settle();
    this.current = commit;
    this.english.commit(commit, parents);
    this.also.commit(commit, parents);
  }

  change(commit: number, header: string, path: string, from: string | null, newMode: number) {
    if (from !== null || commit !== this.current) {
      throw new AppError(2, "unexpected output from git log");
    }
    if (isBelow(this.alsoBelow, path)) this.also.change(commit, header, path, null, newMode);
    if (!isBelow(this.below, path)) return;
    this.held.push([header, path, newMode]);
    const status = header.charCodeAt(header.lastIndexOf(" ") + 1);
    if (status === ADDED) this.adds = true;
    else if (status === DELETED) this.deletes = true;
  }

  async end(hashes: readonly string[], base: number): Promise<void> {
    this.settle();
    if (this.again.length === 0) return;
    const numbers = this.again;
    const listed = numbers.map((c) => hashes[c - base] ?? "");
    if (!listed.every(isFullHash)) throw new AppError(2, "internal: unvalidated revision");
    await this.relog(listed, {
      commit: () => {},
      change: (i, header, path, from, newMode) => {
        const commit = numbers[i];
        if (commit === undefined) throw new AppError(2, "unexpected output from git log");
        this.english.change(commit, header, path, from, newMode);
      },
    });
  }

  /** The commit read so far is whole: its English changes go on, or it is read again. */
  private settle(): void {
    if (this.adds && this.deletes) this.again.push(this.current);
    else
      for (const [header, path, mode] of this.held) {
        this.english.change(this.current, header, path, null, mode);
      }
    this.held.length = 0;
    this.adds = false;
    this.deletes = false;
  }
}

function isBelow(folders: readonly string[], path: string): boolean {
  for (const f of folders) if (path.startsWith(f)) return true;
  return false;
}
