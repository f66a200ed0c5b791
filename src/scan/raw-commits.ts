// Resolving what pages wrote as raw_commit: each distinct value once, in one git process, and
// only hexadecimal values ever reach git.
import type { RawState } from "../core/status.js";
import { type Lookup, lookupObjects } from "../git/objects.js";
import { parseRawCommit } from "../git/revision.js";
import type { Repo } from "../git/run.js";
import type { Translation } from "./translations.js";

const SHALLOW_HINT =
  "raw_commit is not in this shallow clone; fetch the full history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout)";

export async function resolveRawCommits(
  repo: Repo,
  shallow: boolean,
  pages: readonly Translation[],
): Promise<Map<Translation, RawState>> {
  const candidates = new Set<string>();
  for (const t of pages) {
    const parsed = t.meta ? parseRawCommit(t.meta.rawCommit) : null;
    if (parsed) candidates.add(parsed);
  }
  const list = [...candidates];
  const looked = await lookupObjects(repo, list);
  const resolved = new Map<string, RawState>();
  for (const [i, c] of list.entries()) resolved.set(c, rawState(c, looked[i], shallow));
  const rawOf = new Map<Translation, RawState>();
  for (const t of pages) {
    if (!t.meta) rawOf.set(t, { kind: "none" });
    else {
      const parsed = parseRawCommit(t.meta.rawCommit);
      rawOf.set(
        t,
        parsed ? (resolved.get(parsed) ?? { kind: "malformed" }) : { kind: "malformed" },
      );
    }
  }
  return rawOf;
}

function rawState(written: string, l: Lookup | undefined, shallow: boolean): RawState {
  if (!l || "missing" in l) {
    return {
      kind: "unresolved",
      why: shallow ? SHALLOW_HINT : "raw_commit is not a commit in this repository",
    };
  }
  // git resolves a short hex name as a branch or tag before it tries it as an abbreviated hash,
  // so a pull request could add a branch `cafe1234` pointing at HEAD and have every page that
  // says raw_commit="cafe1234" reported up to date. Only an object whose name starts with what
  // the page wrote is that commit.
  if (!l.oid.startsWith(written)) {
    return {
      kind: "unresolved",
      why: "raw_commit is also the name of a branch or tag; write the full commit hash",
    };
  }
  if (l.type !== "commit")
    return { kind: "unresolved", why: `raw_commit names a ${l.type}, not a commit` };
  return { kind: "ok", hash: l.oid };
}
