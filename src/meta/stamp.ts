// Marking a page as updated: the page's own metadata gets the new English commit (and date, where
// the page records one). The reader locates the values (meta/read.ts, meta/frontmatter.ts) and
// this edits exactly those spans, so nothing else in the page can change: not a line inside a
// block scalar or a string that merely looks like a metadata key, not a copy in a code fence.
import { type FrontMatterPlaces, frontMatterData, frontMatterPlaces } from "./frontmatter.js";
import { keySpots, onlyChanged, replacement, type Span, sameData } from "./key-spans.js";
import { COMMIT_ATTRIBUTE, DRIFT_KEY, TIME_KEYS } from "./keys.js";
import { metaShortcode, readMeta } from "./read.js";
import { type MeantMeta, readBackMessage, readBackProblem } from "./read-back.js";
import { shortcodeValueAt } from "./value-text.js";

export type StampResult = { text: string } | { error: string };

/** Why a page without metadata is not stamped (stamp --init adds it). */
export const NO_METADATA = "the page has no translation metadata to update";

const CANNOT_WRITE = "the metadata is written in a way this value cannot be; update it by hand";

interface Edit extends Span {
  value: string;
}

/**
 * `commit` must be a validated full hash and `date` a YYYY-MM-DD string. `inSync` says whether
 * the English page at `commit` is the one at HEAD: only then does a page's record of its drift
 * (OpenTelemetry's `drifted_from_default`) go; a page pinned to an older commit has still
 * drifted, and its record stays as it is.
 */
export function stampText(text: string, commit: string, date: string, inSync = true): StampResult {
  const before = readMeta(text);
  const { meta } = before;
  if (!meta) return { error: NO_METADATA };
  if (meta.unreadable !== undefined) return { error: meta.unreadable };
  const planned =
    meta.kind === "shortcode"
      ? shortcodeEdits(text, commit, date)
      : frontMatterEdits(text, commit, date, inSync);
  if ("error" in planned) return planned;
  let out = text;
  for (const e of [...planned.edits].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, e.start) + e.value + out.slice(e.end);
  }
  // The edit must read back as intended, with nothing else in the metadata changed and no new
  // problem in reading the page, or the page is left alone.
  const meant: MeantMeta = {
    rawCommit: commit,
    line: meta.line - (planned.linesRemovedAbove ?? 0),
    ...(meta.lastTranslationTime !== null || planned.writesDate
      ? { lastTranslationTime: date }
      : {}),
    ...(planned.removesDrift ? { drifted: undefined } : {}),
  };
  const problem =
    readBackProblem(before, out, meant) ?? (planned.verify(out) ? null : { wrongMeta: true });
  if (problem !== null) {
    return {
      error: readBackMessage(problem, "the updated metadata", "the page was left unchanged"),
    };
  }
  return { text: out };
}

type Planned =
  | {
      edits: Edit[];
      verify: (out: string) => boolean;
      /** Lines removed above the metadata's own line (which moves up by as many). */
      linesRemovedAbove?: number;
      /** Whether a date is written (the page reads it after). */
      writesDate: boolean;
      /** Whether OpenTelemetry's drift key is removed. */
      removesDrift?: boolean;
    }
  | { error: string };

function shortcodeEdits(text: string, commit: string, date: string): Planned {
  const chosen = metaShortcode(text);
  const spans = chosen?.spans;
  const commitSpan = spans?.get(COMMIT_ATTRIBUTE);
  if (!spans || !commitSpan) return { error: "could not find where the page records raw_commit" };
  // Quoted or bare as the page wrote it; a hash and a date need no escape in any quote.
  const write = (span: Span, value: string): Edit | { error: string } => {
    const written = shortcodeValueAt(text, span, value);
    return written === null ? { error: CANNOT_WRITE } : { ...span, value: written };
  };
  const edits: Edit[] = [];
  for (const [span, value] of [
    [commitSpan, commit],
    ...TIME_KEYS.flatMap((key) => {
      const span = spans.get(key);
      return span ? [[span, date] as const] : [];
    }),
  ] as const) {
    const edit = write(span, value);
    if ("error" in edit) return edit;
    edits.push(edit);
  }
  // Everything outside the shortcode's own value spans is untouched by construction; its other
  // parameters must read the same.
  const before = chosen?.params;
  const verify = (out: string) => {
    const after = metaShortcode(out)?.params;
    if (!before || !after || before.size !== after.size) return false;
    for (const [key, value] of before) {
      const want =
        key === COMMIT_ATTRIBUTE
          ? commit
          : (TIME_KEYS as readonly string[]).includes(key)
            ? date
            : value;
      if (after.get(key) !== want) return false;
    }
    return true;
  };
  return { edits, verify, writesDate: TIME_KEYS.some((key) => spans.has(key)) };
}

function frontMatterEdits(text: string, commit: string, date: string, inSync: boolean): Planned {
  const places = frontMatterPlaces(text);
  if ("error" in places) return places;
  const pin = places.commit.spot.value;
  const pinText = replacement(places.commit.spot, commit, places.format);
  if (pinText === null) return { error: CANNOT_WRITE };
  const edits: Edit[] = [{ ...pin, value: pinText }];
  // OpenTelemetry marks a pin reconciled by hand with `# patched`; a new pin supersedes it. The
  // comment follows the value as written, past its closing quote.
  const written = places.commit.spot.writtenEnd;
  const lineEnd = lineEndAt(text, written);
  if (PATCHED.test(text.slice(written, lineEnd)))
    edits.push({ start: written, end: lineEnd, value: "" });
  for (const d of places.dates) {
    const value = replacement(d.spot, date, places.format);
    if (value === null) return { error: CANNOT_WRITE };
    edits.push({ ...d.spot.value, value });
  }
  // ...and its record of the page's drift goes, as its own scripts remove it once in sync.
  const drift = inSync ? driftLine(text, places) : null;
  if (drift && "error" in drift) return drift;
  if (drift) edits.push({ ...drift, value: "" });
  const paths = [places.commit.path, ...places.dates.map((d) => d.path)];
  const before = drift ? withoutKey(places.data, DRIFT_KEY) : places.data;
  const verify = (out: string) => {
    const after = frontMatterData(out);
    return (
      after !== null &&
      !(drift && hasKey(after, DRIFT_KEY)) &&
      onlyChanged(before, after, paths, (p) => (p === places.commit.path ? commit : date))
    );
  };
  const above = drift && drift.start < pin.start ? 1 : 0;
  return {
    edits,
    verify,
    linesRemovedAbove: above,
    writesDate: places.dates.length > 0,
    removesDrift: drift !== null,
  };
}

/** A comment that says the pin was reconciled by hand, after the value on its line. */
const PATCHED = /^[ \t]*#[ \t]*patched\b[^\n]*$/i;

function lineEndAt(text: string, from: number): number {
  const nl = text.indexOf("\n", from);
  const end = nl === -1 ? text.length : nl;
  return text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}

function hasKey(data: unknown, key: string): boolean {
  return typeof data === "object" && data !== null && Object.hasOwn(data, key);
}

/** `data` without `key`, of the same prototype (TOML's parser makes objects without one, and a
 * deep comparison tells the two apart). */
function withoutKey(data: unknown, key: string): unknown {
  if (!hasKey(data, key)) return data;
  const rest = Object.create(Object.getPrototypeOf(data)) as Record<string, unknown>;
  for (const [k, v] of Object.entries(data as Record<string, unknown>)) if (k !== key) rest[k] = v;
  return rest;
}

/**
 * The whole line of the front matter's top-level drift key, when it has one; an error when the
 * key is written so that removing one line would not remove exactly it.
 */
function driftLine(
  text: string,
  places: FrontMatterPlaces,
): { start: number; end: number } | { error: string } | null {
  if (!hasKey(places.data, DRIFT_KEY)) return null;
  const spots = keySpots(text, places.keys.from, places.keys.to, DRIFT_KEY).filter((s) => {
    const lineStart = text.lastIndexOf("\n", s.keyAt - 1) + 1;
    return lineStart === s.keyAt;
  });
  const refuse = { error: `could not tell which line writes "${DRIFT_KEY}"; remove it by hand` };
  if (spots.length !== 1) return refuse;
  const spot = spots[0] as (typeof spots)[number];
  const nl = text.indexOf("\n", spot.keyAt);
  const end = nl === -1 ? places.keys.to : nl + 1;
  const rest = text.slice(0, spot.keyAt) + text.slice(end);
  const after = frontMatterData(rest);
  if (after === null || !sameData(after, withoutKey(places.data, DRIFT_KEY))) {
    return refuse;
  }
  return { start: spot.keyAt, end };
}
