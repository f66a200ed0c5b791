// Marking a page as updated: the page's own metadata gets the new English commit (and date, where
// the page records one). The reader locates the values (meta/read.ts, meta/frontmatter.ts) and
// this edits exactly those spans, so nothing else in the page can change: not a line inside a
// block scalar or a string that merely looks like a metadata key, not a copy in a code fence.
import { frontMatterData, frontMatterPlaces } from "./frontmatter.js";
import { onlyChanged, replacement, type Span } from "./key-spans.js";
import { TIME_KEYS } from "./keys.js";
import { metaShortcode, readMeta } from "./read.js";

export type StampResult = { text: string } | { error: string };

/** Why a page without metadata is not stamped (stamp --init adds it). */
export const NO_METADATA = "the page has no translation metadata to update";

interface Edit extends Span {
  value: string;
}

/** `commit` must be a validated full hash and `date` a YYYY-MM-DD string. */
export function stampText(text: string, commit: string, date: string): StampResult {
  const { meta } = readMeta(text);
  if (!meta) return { error: NO_METADATA };
  if (meta.unreadable !== undefined) return { error: meta.unreadable };
  const planned =
    meta.kind === "shortcode"
      ? shortcodeEdits(text, commit, date)
      : frontMatterEdits(text, commit, date);
  if ("error" in planned) return planned;
  let out = text;
  for (const e of [...planned.edits].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, e.start) + e.value + out.slice(e.end);
  }
  // The edit must read back as intended, with nothing else in the metadata changed, or the
  // page is left alone.
  const check = readMeta(out).meta;
  const dateOk = meta.lastTranslationTime === null || check?.lastTranslationTime === date;
  const sameRest =
    check !== null &&
    check.kind === meta.kind &&
    check.line === meta.line &&
    check.rawTitle === meta.rawTitle &&
    check.rawLink === meta.rawLink;
  if (check?.rawCommit !== commit || !sameRest || !dateOk || !planned.verify(out)) {
    return {
      error: "updating the metadata would not read back correctly; the page was left unchanged",
    };
  }
  return { text: out };
}

type Planned = { edits: Edit[]; verify: (out: string) => boolean } | { error: string };

function shortcodeEdits(text: string, commit: string, date: string): Planned {
  const chosen = metaShortcode(text);
  const spans = chosen?.spans;
  const commitSpan = spans?.get("raw_commit");
  if (!spans || !commitSpan) return { error: "could not find where the page records raw_commit" };
  const edits: Edit[] = [{ ...commitSpan, value: commit }];
  for (const key of TIME_KEYS) {
    const span = spans.get(key);
    if (span) edits.push({ ...span, value: date });
  }
  // Everything outside the shortcode's own value spans is untouched by construction; its other
  // parameters must read the same.
  const before = chosen?.params;
  const verify = (out: string) => {
    const after = metaShortcode(out)?.params;
    if (!before || !after || before.size !== after.size) return false;
    for (const [key, value] of before) {
      const want =
        key === "raw_commit"
          ? commit
          : (TIME_KEYS as readonly string[]).includes(key)
            ? date
            : value;
      if (after.get(key) !== want) return false;
    }
    return true;
  };
  return { edits, verify };
}

function frontMatterEdits(text: string, commit: string, date: string): Planned {
  const places = frontMatterPlaces(text);
  if ("error" in places) return places;
  const quoteBare = places.format === "toml";
  const edits: Edit[] = [
    { ...places.commit.spot.value, value: replacement(places.commit.spot, commit, quoteBare) },
  ];
  for (const d of places.dates)
    edits.push({ ...d.spot.value, value: replacement(d.spot, date, false) });
  const paths = [places.commit.path, ...places.dates.map((d) => d.path)];
  const verify = (out: string) => {
    const after = frontMatterData(out);
    return (
      after !== null &&
      onlyChanged(places.data, after, paths, (p) => (p === places.commit.path ? commit : date))
    );
  };
  return { edits, verify };
}
