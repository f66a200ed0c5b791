// The in-memory model of the English site: which pages exist, where they live and their lines (as
// seeds). Page fates (deleted later or not) are fixed at construction so the counts at HEAD are exact.
import type { Rng } from "./prng.js";
import { englishPage, englishTitle } from "./text.js";

const MIN_LINES = 20;
const MAX_LINES = 60;

export interface Page {
  /** Index into the site's "section/sub" directories. */
  dir: number;
  titleSeed: number;
  lines: number[];
}

export class EnglishSite {
  /** Ids are dense: 0..total-1, created in order. */
  readonly total: number;
  /** 1 for pages a later commit deletes; all of them are among the initial pages. */
  readonly willDelete: Uint8Array;
  private readonly pages: (Page | null)[];
  /** Live ids in a swap-remove array, so a random pick is O(1). */
  private readonly live: number[] = [];
  private readonly livePos: Int32Array;
  /** Pages an open feature branch owns; main must not write them until the merge. */
  private readonly locked: Uint8Array;
  private readonly deleteQueue: number[];
  private created = 0;
  private deletedSoFar = 0;

  constructor(
    readonly dirs: readonly string[],
    initialPages: number,
    addedPages: number,
    deletions: number,
    private readonly rng: Rng,
  ) {
    this.total = initialPages + addedPages;
    this.pages = new Array(this.total).fill(null);
    this.livePos = new Int32Array(this.total).fill(-1);
    this.locked = new Uint8Array(this.total);
    this.willDelete = new Uint8Array(this.total);
    const initialIds = Array.from({ length: initialPages }, (_, i) => i);
    this.deleteQueue = rng.shuffle(initialIds).slice(0, deletions);
    for (const id of this.deleteQueue) this.willDelete[id] = 1;
  }

  /** Ids that will have been deleted by HEAD. */
  get doomed(): readonly number[] {
    return this.deleteQueue;
  }

  /** Pages created so far (live or deleted). */
  get createdCount(): number {
    return this.created;
  }

  get liveCount(): number {
    return this.live.length;
  }

  /** The page, or null once it has been deleted (or before it is created). */
  get(id: number): Page | null {
    return this.pages[id] ?? null;
  }

  path(id: number): string {
    return `content/en/${this.rel(id)}.md`;
  }

  /** Content path below content/<lang>/ without ".md"; Hugo's URL is "/<rel>/". */
  rel(id: number): string {
    return `${this.dirs[this.page(id).dir]}/page-${id}`;
  }

  render(id: number): string {
    const p = this.page(id);
    return englishPage(englishTitle(p.titleSeed), (id % 50) + 1, p.lines);
  }

  create(): number {
    const id = this.created++;
    const rng = this.rng;
    const lines = Array.from({ length: rng.range(MIN_LINES, MAX_LINES) }, () => rng.u32());
    this.pages[id] = { dir: rng.int(this.dirs.length), titleSeed: rng.u32(), lines };
    this.livePos[id] = this.live.length;
    this.live.push(id);
    return id;
  }

  /** Change, add or remove a few lines, keeping the body within MIN..MAX lines. */
  edit(id: number): void {
    const rng = this.rng;
    const lines = this.page(id).lines;
    const ops = rng.range(1, 3);
    for (let k = 0; k < ops; k++) {
      const r = rng.float();
      if (r < 0.5 || (r < 0.8 && lines.length >= MAX_LINES) || lines.length <= MIN_LINES) {
        lines[rng.int(lines.length)] = rng.u32();
      } else if (r < 0.8) {
        const fresh = Array.from({ length: rng.range(1, 3) }, () => rng.u32());
        lines.splice(rng.int(lines.length + 1), 0, ...fresh);
      } else {
        lines.splice(rng.int(lines.length), rng.range(1, 2));
      }
    }
  }

  /** Move a page to another section: moves across sections are what strand translations. */
  move(id: number): { from: string; to: string } {
    const p = this.page(id);
    const from = this.path(id);
    p.dir = (p.dir + 1 + this.rng.int(this.dirs.length - 1)) % this.dirs.length;
    return { from, to: this.path(id) };
  }

  /** Delete the next doomed page; returns its path. Doomed pages are never locked by a branch. */
  deleteNext(): string {
    const id = this.deleteQueue[this.deleteQueue.length - 1 - this.deletedSoFar++];
    if (id === undefined) throw new Error("no page left to delete");
    const path = this.path(id);
    const pos = this.livePos[id] as number;
    const last = this.live.pop() as number;
    if (last !== id) {
      this.live[pos] = last;
      this.livePos[last] = pos;
    }
    this.livePos[id] = -1;
    this.pages[id] = null;
    return path;
  }

  /** Up to n distinct random live pages main may write; `forBranch` also avoids doomed pages. */
  pick(n: number, forBranch = false): number[] {
    const chosen = new Set<number>();
    for (let tries = 0; chosen.size < n && tries < n * 50; tries++) {
      const id = this.live[this.rng.int(this.live.length)] as number;
      if (!this.locked[id] && !(forBranch && this.willDelete[id])) chosen.add(id);
    }
    return [...chosen];
  }

  lock(ids: readonly number[], on: boolean): void {
    for (const id of ids) this.locked[id] = on ? 1 : 0;
  }

  private page(id: number): Page {
    const p = this.pages[id];
    if (!p) throw new Error(`page ${id} does not exist`);
    return p;
  }
}
