// The translation folders' changes, read in the English history's own log (git/split-log.ts)
// before anyone knows which pages will need them: only the pages without metadata do, for their
// estimates, and which those are is known once the pages are read. The changes are held until
// then, and handed on for those pages only (see heldTranslationHistory in estimates.ts).

import type { ChangeSink } from "../git/history.js";

/** The changes held, with the log's commits in its order once it has ended. */
export interface HeldLog {
  held: HeldChanges;
  hashes: readonly string[];
}

export class HeldChanges implements ChangeSink {
  private commits: number[] = [];
  private parents: number[] = [];
  private numbers: number[] = [];
  private headers: string[] = [];
  private paths: string[] = [];
  private modes: number[] = [];

  commit(commit: number, parents: number): void {
    this.commits.push(commit);
    this.parents.push(parents);
  }

  change(commit: number, header: string, path: string, _from: string | null, newMode: number) {
    this.numbers.push(commit);
    this.headers.push(header);
    this.paths.push(path);
    this.modes.push(newMode);
  }

  /** Hands `sink` every commit, then the changes to the paths `keep` accepts; the changes held
   * are let go, as by `drop`. */
  replay(sink: ChangeSink, keep: (path: string) => boolean): void {
    // Every commit first: a sink learns which are merges before their changes come.
    this.commits.forEach((c, i) => {
      sink.commit(c, this.parents[i] as number);
    });
    this.paths.forEach((path, i) => {
      if (!keep(path)) return;
      const commit = this.numbers[i] as number;
      sink.change(commit, this.headers[i] as string, path, null, this.modes[i] as number);
    });
    this.drop();
  }

  /** Lets the changes held go: no page needs them. */
  drop(): void {
    this.commits = [];
    this.parents = [];
    this.numbers = [];
    this.headers = [];
    this.paths = [];
    this.modes = [];
  }
}
