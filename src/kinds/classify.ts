// The kind of one change to an English page: pure, over the two texts. Each check is cheaper
// than the next, and the parser runs only when the words themselves changed.
import { changedKeys } from "./front-matter-keys.js";
import type { Classified } from "./kinds.js";
import { Level, masked, sameWords, words } from "./masks.js";
import { PageText } from "./page-text.js";
import { typoOnly } from "./sentences.js";

type Version = string | PageText | null;

const asPage = (v: string | PageText) => (typeof v === "string" ? new PageText(v) : v);

/**
 * The first kind that fits the change from `before` to `after` (null: the page did not exist
 * on that side, which is new or removed prose).
 */
export function classifyChange(beforeVersion: Version, afterVersion: Version): Classified {
  if (beforeVersion === null || afterVersion === null) return { kind: "prose" };
  const before = asPage(beforeVersion);
  const after = asPage(afterVersion);
  if (before.text === after.text || sameWords(before.words, after.words)) {
    return { kind: "whitespace" };
  }
  const a = before.parsed;
  const b = after.parsed;
  // Too long or too deep to parse: a change, and more than whitespace.
  if (!a || !b) return { kind: "prose" };
  const sameUpTo = (level: (typeof Level)[keyof typeof Level]) =>
    sameWords(
      words(masked(before.text, a.masks, level)),
      words(masked(after.text, b.masks, level)),
    );
  if (sameUpTo(Level.FRONT_MATTER)) {
    return { kind: "front-matter", changedKeys: changedKeys(a.frontMatter, b.frontMatter) };
  }
  if (sameUpTo(Level.LINKS)) return { kind: "links" };
  if (sameUpTo(Level.CODE)) return { kind: "code" };
  const typo = typoOnly(
    masked(before.text, a.masks, Level.ATOM),
    masked(after.text, b.masks, Level.ATOM),
  );
  return { kind: typo ? "typo" : "prose" };
}
