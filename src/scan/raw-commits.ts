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
  const resolved = await resolveWritten(repo, shallow, [...candidates]);
  const rawOf = new Map<Translation, RawState>();
  for (const t of pages) {
    if (!t.meta) rawOf.set(t, { kind: "none" });
    else if (t.meta.unreadable !== undefined) {
      rawOf.set(t, { kind: "unresolved", why: t.meta.unreadable });
    } else {
      const parsed = parseRawCommit(t.meta.rawCommit);
      rawOf.set(
        t,
        parsed ? (resolved.get(parsed) ?? { kind: "malformed" }) : { kind: "malformed" },
      );
    }
  }
  return rawOf;
}

/** What each raw_commit as written (parsed by parseRawCommit) resolves to, in one git process. */
export async function resolveWritten(
  repo: Repo,
  shallow: boolean,
  written: readonly string[],
): Promise<Map<string, RawState>> {
  const looked = await lookupObjects(repo, written);
  const resolved = new Map<string, RawState>();
  for (const [i, c] of written.entries()) resolved.set(c, rawState(c, looked[i], shallow));
  return resolved;
}

function rawState(written: string, l: Lookup | undefined, shallow: boolean): RawState {
  const found = commitFromLookup(written, l, "raw_commit");
  if ("hash" in found) return { kind: "ok", hash: found.hash };
  const missing = !l || "missing" in l;
  return missing && shallow && !found.ambiguous
    ? { kind: "unresolved", why: SHALLOW_HINT, shallow: true }
    : { kind: "unresolved", why: found.why };
}

/**
 * What a hex name written by someone resolves to, as a commit. `what` names it in messages
 * ("raw_commit", "--commit").
 */
export function commitFromLookup(
  written: string,
  l: Lookup | undefined,
  what: string,
): { hash: string } | { why: string; ambiguous: boolean } {
  if (!l || "missing" in l) {
    const ambiguous = l?.ambiguous ?? false;
    return ambiguous
      ? {
          why: `${what} is ambiguous: several objects start with ${written}; write more digits`,
          ambiguous,
        }
      : { why: `${what} is not a commit in this repository`, ambiguous };
  }
  // git resolves a short hex name as a branch or tag before it tries it as an abbreviated hash,
  // so a pull request could add a branch `cafe1234` pointing at HEAD and have every page that
  // says raw_commit="cafe1234" reported up to date. Only an object whose name starts with what
  // was written is that commit.
  if (!l.oid.startsWith(written)) {
    return {
      why: `${what} is also the name of a branch or tag; write the full commit hash`,
      ambiguous: false,
    };
  }
  if (l.type !== "commit")
    return { why: `${what} names a ${l.type}, not a commit`, ambiguous: false };
  return { hash: l.oid };
}
