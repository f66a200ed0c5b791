// Marking a page as updated: the page's own metadata gets the new English commit (and date, where
// the page records one). Only those value bytes change; everything else stays byte for byte.
import type { PageMeta } from "../core/types.js";
import { readMeta } from "./read.js";
import { findShortcodes } from "./shortcode.js";
import { isTranslationStatusName } from "./status-shortcode.js";

export type StampResult = { text: string } | { error: string };

interface Edit {
  start: number;
  end: number;
  value: string;
}

/** `commit` must be a validated full hash and `date` a YYYY-MM-DD string. */
export function stampText(text: string, commit: string, date: string): StampResult {
  const { meta } = readMeta(text);
  if (!meta) return { error: "the page has no translation metadata to update" };
  const edits =
    meta.kind === "shortcode"
      ? shortcodeEdits(text, commit, date)
      : frontMatterEdits(text, meta, commit, date);
  if (!edits) return { error: "could not find where the page records raw_commit" };
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, e.start) + e.value + out.slice(e.end);
  }
  // The edit must read back as intended, or the page is left alone.
  const check = readMeta(out).meta;
  const dateOk = meta.lastTranslationTime === null || check?.lastTranslationTime === date;
  if (check?.rawCommit !== commit || check.kind !== meta.kind || !dateOk) {
    return {
      error: "updating the metadata would not read back correctly; the page was left unchanged",
    };
  }
  return { text: out };
}

function shortcodeEdits(text: string, commit: string, date: string): Edit[] | null {
  // The page's own reader finds the shortcode and where its values are written, so the edit
  // lands where readMeta reads, quotes with escapes and all.
  const live = findShortcodes(text, 0, true).filter(
    (s) => isTranslationStatusName(s.name) && s.params.has("raw_commit"),
  );
  const spans = live[live.length - 1]?.spans;
  const commitSpan = spans?.get("raw_commit");
  if (!spans || !commitSpan) return null;
  const edits: Edit[] = [{ ...commitSpan, value: commit }];
  for (const key of ["last_translation_time", "last_tranlation_time"]) {
    const span = spans.get(key);
    if (span) edits.push({ ...span, value: date });
  }
  return edits;
}

function frontMatterEdits(
  text: string,
  meta: PageMeta,
  commit: string,
  date: string,
): Edit[] | null {
  const edits: Edit[] = [];
  const commitEdit = keyValueOnLine(
    text,
    meta.line,
    ["sourceCommit", "default_lang_commit"],
    commit,
  );
  if (!commitEdit) return null;
  edits.push(commitEdit);
  if (meta.lastTranslationTime !== null) {
    const end = frontMatterEnd(text);
    for (let line = 1; line <= end; line++) {
      const e = keyValueOnLine(text, line, ["last_translation_time", "last_tranlation_time"], date);
      if (e) edits.push(e);
    }
  }
  return edits;
}

function lineBounds(text: string, line: number): { start: number; end: number } | null {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const nl = text.indexOf("\n", start);
    if (nl < 0) return null;
    start = nl + 1;
  }
  const nl = text.indexOf("\n", start);
  return { start, end: nl < 0 ? text.length : nl };
}

function keyValueOnLine(
  text: string,
  line: number,
  keys: readonly string[],
  value: string,
): Edit | null {
  const bounds = lineBounds(text, line);
  if (!bounds) return null;
  const content = text.slice(bounds.start, bounds.end);
  const m = new RegExp(`^(\\s*(?:${keys.join("|")})\\s*[:=][ \\t]*)(["']?)([^"'\\s#]*)\\2`).exec(
    content,
  );
  if (!m) return null;
  const valueStart = bounds.start + (m[1]?.length ?? 0) + (m[2]?.length ?? 0);
  return { start: valueStart, end: valueStart + (m[3]?.length ?? 0), value };
}

/** Last line number of the front matter block (0 when there is none). */
function frontMatterEnd(text: string): number {
  const lines = text.split("\n", 2000);
  const delim = lines[0]?.replace(/^\uFEFF/, "").trim();
  if (delim !== "---" && delim !== "+++") return 0;
  for (let i = 1; i < lines.length; i++) if (lines[i]?.trim() === delim) return i + 1;
  return 0;
}
