// Reads what `--diff` shows: the English versions of the listed pages at their baseline and at
// HEAD, all in one batch (gitBlobReader), then renders them with report/unified-diff.ts.
import type { PageReport, ScanResult } from "../core/types.js";
import { gitBlobReader } from "../detail/blobs.js";
import type { Repo } from "../git/run.js";
import { type PageDiffInput, renderDiffs } from "../report/unified-diff.js";
import type { PageDetail } from "../scan/scan.js";

/**
 * The diffs of the listed pages whose English changed since their baseline (outdated and moved
 * pages, and untracked ones measured from an estimate). `full` is the whole scan, whose
 * `details` follow its order; `listed` may be narrowed from it.
 */
export async function pageDiffs(
  sourceRepo: Repo,
  full: ScanResult,
  details: readonly PageDetail[],
  listed: ScanResult,
  color: boolean,
): Promise<string> {
  const detailOf = new Map<PageReport, PageDetail>();
  full.pages.forEach((p, i) => {
    const d = details[i];
    if (d) detailOf.set(p, d);
  });
  const wanted = listed.pages.flatMap((page) => {
    const d = detailOf.get(page);
    if (!d?.rawHash || d.fromBlob === d.toBlob) return [];
    if (page.status === "up-to-date" || page.status === "missing") return [];
    return [{ page, d, rawHash: d.rawHash }];
  });
  const texts = await gitBlobReader(sourceRepo)(
    wanted.flatMap(({ d }) => [d.fromBlob, d.toBlob].filter((b): b is string => b !== null)),
  );
  const items: PageDiffInput[] = wanted.map(({ page, d, rawHash }) => ({
    page,
    before: d.fromBlob === null ? { kind: "absent" } : (texts.get(d.fromBlob) ?? null),
    after: d.toBlob === null ? { kind: "absent" } : (texts.get(d.toBlob) ?? null),
    from: rawHash,
    fromPath: page.movedFrom ?? page.sourcePath,
  }));
  return renderDiffs(items, color);
}
