// Estimated baselines kept between runs. A page's estimate follows from HEAD's history, the
// page's path and the ignore-revs file alone (and the rules that choose it), so for the same
// three it is the same answer, and a rescan need not read the translations' history log at all.
import { isFullHash } from "../git/revision.js";
import { type CacheStore, cacheFileName } from "./store.js";

const KIND = "estimates-by-page";

/** Each page's estimate by its path; null for a page without one. */
export type PageEstimates = Map<string, string | null>;

/**
 * Which rules chose the estimates (scan/estimates.ts): a file another version of them wrote is
 * another file. 2: a merge that edited the English page and the translation against its first
 * parent is skipped as an ordinary commit that did is.
 */
const RULES = 2;

export function estimatesFile(identity: readonly unknown[]): string {
  return cacheFileName(KIND, [...identity, RULES]);
}

/** What the file says for these paths at `head` with these ignored commits; null unless it
 * holds every one of them. */
export function readEstimates(
  store: CacheStore,
  name: string,
  head: string,
  ignored: ReadonlySet<string>,
  paths: readonly string[],
): PageEstimates | null {
  const body = store.read(name, KIND);
  if (!body) return null;
  const stored = parse(body.toString("utf8"));
  if (!stored) {
    store.warnDamaged(name);
    return null;
  }
  if (stored.head !== head || stored.ignored !== ignoredKey(ignored)) return null;
  const out: PageEstimates = new Map();
  for (const p of paths) {
    const e = stored.pages.get(p);
    if (e === undefined) return null;
    out.set(p, e);
  }
  return out;
}

export function writeEstimates(
  store: CacheStore,
  name: string,
  head: string,
  ignored: ReadonlySet<string>,
  estimates: PageEstimates,
): void {
  const body = JSON.stringify({ head, ignored: ignoredKey(ignored), pages: [...estimates] });
  store.write(name, KIND, Buffer.from(body, "utf8"));
}

function ignoredKey(ignored: ReadonlySet<string>): string {
  return [...ignored].sort().join(" ");
}

function parse(
  text: string,
): { head: string; ignored: string; pages: Map<string, string | null> } | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const v = value as { head?: unknown; ignored?: unknown; pages?: unknown };
  if (typeof v?.head !== "string" || !isFullHash(v.head) || typeof v.ignored !== "string") {
    return null;
  }
  if (!Array.isArray(v.pages)) return null;
  const pages = new Map<string, string | null>();
  for (const entry of v.pages) {
    if (!Array.isArray(entry) || entry.length !== 2) return null;
    const [p, e] = entry as [unknown, unknown];
    if (typeof p !== "string" || !(e === null || (typeof e === "string" && isFullHash(e)))) {
      return null;
    }
    pages.set(p, e);
  }
  return { head: v.head, ignored: v.ignored, pages };
}
