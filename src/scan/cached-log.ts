// A history log read through the cache: the cached log itself when HEAD has not moved, the
// commits since the cached HEAD merged into it when it has (`git log HEAD ^cached`, and
// `git rev-list HEAD` for git's order), and the whole log otherwise. Whichever way it comes,
// the sink is handed the same log and the table is the same as without a cache.

import { decodeLog, encodeLog, mergeLogs } from "../cache/log-file.js";
import { type CacheChoice, CacheStore, cacheFileName } from "../cache/store.js";
import type { ChangeSink, CommitTable, LogCapture } from "../git/history.js";
import { LogRecorder, readLogCapture, replayCapture, revList } from "../git/history.js";
import type { OpenedRepo } from "../git/repo.js";
import type { Repo } from "../git/run.js";

/** The cache as one scan uses it. */
export interface ScanCache {
  store: CacheStore;
  /** What names this repository and the settings that shape git's answers. */
  identity: readonly unknown[];
  /** git's order of HEAD's commits, read once a run and only when some log needs it. */
  order: () => Promise<string[]>;
  /** Writes left for when the scan is done, so they never delay an answer. */
  pending: Array<() => void>;
}

/** The cache for a scan of `repo` at `head`, or null when there is none: not wanted, or a
 * shallow clone, whose history can change under the same HEAD when it is deepened, or one
 * with a grafts file, whose history changes with the file. */
export function openScanCache(
  choice: CacheChoice | undefined,
  repo: OpenedRepo,
  head: string,
): ScanCache | null {
  if (!choice || repo.shallow || repo.grafted) return null;
  const store = CacheStore.open(choice);
  if (!store) return null;
  let order: Promise<string[]> | null = null;
  return {
    store,
    identity: [repo.gitDir, repo.workTree, repo.renameLimit, repo.binaryRules],
    order: () => {
      order ??= revList(repo, head);
      return order;
    },
    pending: [],
  };
}

/** Runs the writes left for the end of the scan. */
export function flushScanCache(cache: ScanCache | null): void {
  if (!cache) return;
  for (const write of cache.pending.splice(0)) write();
}

const NO_SINK: ChangeSink = { commit() {}, change() {} };

/**
 * HEAD's log of `kind` below `pathspecs`, handed to a sink made by `newSink`; `readFull` reads
 * it whole from git (through the recorder it is given) when the cache cannot say. A cached log that
 * fails the checks git's own output gets is dropped with its sink, and git reads it again.
 */
export async function readCachedLog<S extends ChangeSink>(
  cache: ScanCache,
  repo: Repo,
  head: string,
  kind: string,
  pathspecs: readonly string[],
  newSink: () => S,
  readFull: (recorder: LogRecorder) => Promise<{ table: CommitTable; log: LogCapture }>,
): Promise<{ table: CommitTable; sink: S }> {
  const { identity, name } = logFile(cache, kind, pathspecs);
  const body = cache.store.read(name, kind);
  const stored = body ? decodeLog(body) : null;
  if (body && !stored) cache.store.warnDamaged(name);
  const save = (log: LogCapture) => {
    cache.pending.push(() => {
      const bytes = encodeLog({ identity, head, log });
      if (bytes) cache.store.write(name, kind, bytes);
    });
  };
  // A file of another identity under this name would be a hash collision: not this log.
  if (stored && stored.identity === identity) {
    const log =
      stored.head === head
        ? stored.log
        : await sinceCached(cache, repo, head, stored.head, pathspecs, stored.log);
    if (log) {
      const sink = newSink();
      const table = replayOrNull(log, sink);
      if (table) {
        if (log !== stored.log) save(log);
        return { table, sink };
      }
      if (log === stored.log) cache.store.warnDamaged(name);
    }
  }
  const sink = newSink();
  const { table, log } = await readFull(new LogRecorder(sink));
  save(log);
  return { table, sink };
}

/** The file that holds HEAD's log of `kind` below `pathspecs`, and what it must say it is. */
function logFile(cache: ScanCache, kind: string, pathspecs: readonly string[]) {
  const identity = JSON.stringify([...cache.identity, kind, pathspecs]);
  return { identity, name: cacheFileName(kind, [identity]) };
}

/** Whether the cache holds a log of `kind` below `pathspecs`, of some HEAD: then reading the
 * history costs git little, and may wait until it is needed. */
export function hasCachedLog(
  cache: ScanCache,
  kind: string,
  pathspecs: readonly string[],
): boolean {
  return cache.store.has(logFile(cache, kind, pathspecs).name);
}

/** The log of `head` from the cached log of `cachedHead` and the commits since; null when git
 * cannot say (the cached HEAD was removed by a garbage collection) or the two do not fit. */
async function sinceCached(
  cache: ScanCache,
  repo: Repo,
  head: string,
  cachedHead: string,
  pathspecs: readonly string[],
  cached: LogCapture,
): Promise<LogCapture | null> {
  try {
    const [order, fresh] = await Promise.all([
      cache.order(),
      readLogCapture(repo, head, cachedHead, pathspecs, new LogRecorder(NO_SINK)),
    ]);
    return mergeLogs(order, fresh.log, cached);
  } catch {
    return null;
  }
}

/** The table of a log from the cache as it is handed to the sink; null when it does not hold
 * up to the checks git's own output gets. */
function replayOrNull(log: LogCapture, sink: ChangeSink): CommitTable | null {
  try {
    return replayCapture(log, sink);
  } catch {
    return null;
  }
}
