// The one place the dashboard asks for data after the scan: a page's English diffs, read and
// computed when the page is opened (never up front), then cached.
import type { PageReport, ScanResult } from "../core/types.js";
import { readGitHubRemote } from "../git/remote.js";
import type { Repo } from "../git/run.js";
import type { PageDetail } from "../scan/scan.js";
import { gitBlobReader, type ReadTexts } from "./blobs.js";
import { computeDiff, DEFAULT_LIMITS, type DiffLimits } from "./diff.js";
import { NO_LINKS, pageLinks } from "./links.js";
import type { BlobText, DetailSource, DiffModel, PageLinks } from "./types.js";

export interface DetailSourceOptions {
  result: ScanResult;
  /** Same order as result.pages. */
  details: readonly PageDetail[];
  read: ReadTexts;
  links?: (page: number) => PageLinks;
  limits?: DiffLimits;
}

/** Diffs of the English source backed by the repository, with GitHub links when origin is on GitHub. */
export async function createDetailLoader(
  repo: Repo,
  result: ScanResult,
  details: readonly PageDetail[],
): Promise<DetailSource> {
  const gh = await readGitHubRemote(repo).catch(() => null);
  return createDetailSource({
    result,
    details,
    read: gitBlobReader(repo),
    links: (i) => {
      const page = result.pages[i];
      return page ? pageLinks(gh, result.head, page, details[i]) : NO_LINKS;
    },
  });
}

/** A DetailSource over any blob reader (git in the CLI, a map in tests). */
export function createDetailSource(opts: DetailSourceOptions): DetailSource {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const diffs = new Map<string, Promise<DiffModel>>();
  const cached = (key: string, make: () => Promise<DiffModel>): Promise<DiffModel> => {
    let p = diffs.get(key);
    if (!p) {
      p = make();
      // A failed read may succeed later (e.g. after a fetch); do not keep the failure.
      p.catch(() => diffs.delete(key));
      if (diffs.size > 200) diffs.delete(diffs.keys().next().value as string);
      diffs.set(key, p);
    }
    return p;
  };
  const diffOf = async (before: string | null, after: string | null): Promise<DiffModel> => {
    const oids = [before, after].filter((o): o is string => o !== null);
    const texts = await opts.read(oids);
    const side = (oid: string | null): BlobText =>
      oid === null ? { kind: "absent" } : (texts.get(oid) ?? { kind: "unreadable" });
    return computeDiff(side(before), side(after), limits);
  };
  return {
    wholeDiff(i) {
      return cached(`${i}`, async () => {
        const page = opts.result.pages[i];
        const detail = opts.details[i];
        if (!page || !detail) return notice("No such page.");
        if (detail.rawHash === null) return notice(noBaseReason(page));
        if (detail.fromBlob !== null && detail.fromBlob === detail.toBlob) {
          return notice("No change: the English page at HEAD is the same as at raw_commit.");
        }
        return diffOf(detail.fromBlob, detail.toBlob);
      });
    },
    commitDiff(i, hash) {
      return cached(`${i}:${hash}`, async () => {
        const blobs = opts.details[i]?.commitBlobs.get(hash);
        if (!blobs) {
          return notice(
            "No change of its own to this page: a merge, whose change is in the commits it merged.",
          );
        }
        if (blobs.before !== null && blobs.before === blobs.after) {
          return notice("This commit did not change the page's text (a rename or move only).");
        }
        return diffOf(blobs.before, blobs.after);
      });
    },
    links(i) {
      return opts.links?.(i) ?? NO_LINKS;
    },
    rawHash(i) {
      return opts.details[i]?.rawHash ?? null;
    },
  };
}

function noBaseReason(page: PageReport): string {
  switch (page.status) {
    case "missing":
      return "Not translated yet: there is no translation to compare with the English page.";
    case "untracked":
      return "The translation does not record the English commit it was made from (no raw_commit), so there is nothing to compare.";
    case "unknown-commit":
      return "The translation's raw_commit is not a commit in this repository, so there is nothing to compare.";
    default:
      return "There is no English commit to compare with.";
  }
}

function notice(text: string): DiffModel {
  return { rows: [], added: 0, removed: 0, notice: text, truncated: false };
}
