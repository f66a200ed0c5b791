// The English page at raw_commit for translations whose raw_commit is off HEAD's history, where
// the path index cannot answer: asked of git, one process for all of them.
import type { RawState } from "../core/status.js";
import { lookupObjects } from "../git/objects.js";
import type { Repo } from "../git/run.js";
import type { HistoryModel } from "./history-model.js";
import type { Translation } from "./translations.js";

/**
 * The English source at raw_commit for pages whose raw_commit is on another branch: the path
 * index only knows HEAD's history, so git is asked (one process for all of them).
 */
export async function blobsOutsideHistory(
  repo: Repo,
  pages: readonly Translation[],
  rawOf: Map<Translation, RawState>,
  history: HistoryModel,
): Promise<Map<Translation, string | null>> {
  const outside: Array<[Translation, string]> = [];
  for (const t of pages) {
    const raw = rawOf.get(t);
    if (raw?.kind !== "ok") continue;
    const idx = history.table.index.get(raw.hash);
    if (idx !== undefined && history.fromHead[idx] === 1) continue;
    outside.push([t, `${raw.hash}:${t.source}/${t.sourceRel}`]);
  }
  const found = await lookupObjects(
    repo,
    outside.map(([, name]) => name),
  );
  const out = new Map<Translation, string | null>();
  outside.forEach(([t], i) => {
    const l = found[i];
    out.set(t, l && "oid" in l && l.type === "blob" ? l.oid : null);
  });
  return out;
}
