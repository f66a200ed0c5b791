// Sink: a terminal (plain table or Ink dashboard). Page paths, titles, commit subjects and author
// names come from pull requests by strangers, so any of them may try to recolour the screen, move
// the cursor, set the window title, hide text or reorder it. Each such code point is replaced by a
// printable ASCII escape (`\x1b`, `\u202e`, `\n`, ...) so the reader sees that it was there.
//
// A literal backslash is deliberately NOT escaped: that keeps `visible` idempotent (sinks may
// sanitize text that was already sanitized) at the price that the text `\x1b` and a real ESC look
// alike once escaped. Use `hasUnsafeChars` on the raw value when that difference matters.

/** True for code points that must never reach a terminal raw. */
export function isUnsafeCodePoint(cp: number): boolean {
  return (
    cp <= 0x1f || // C0: ESC starts CSI/OSC/DCS/APC/SOS/PM; also BEL, BS, TAB, LF, CR, NUL
    (cp >= 0x7f && cp <= 0x9f) || // DEL and C1, e.g. 8-bit CSI U+009B and OSC U+009D
    cp === 0x00ad || // soft hyphen: invisible
    cp === 0x061c || // Arabic letter mark: bidi
    cp === 0x180e || // Mongolian vowel separator: invisible format character
    (cp >= 0x200b && cp <= 0x200f) || // ZWSP, ZWNJ, ZWJ (invisible); LRM, RLM (bidi)
    (cp >= 0x2028 && cp <= 0x202e) || // line/paragraph separator; LRE, RLE, PDF, LRO, RLO
    (cp >= 0x2060 && cp <= 0x206f) || // word joiner, invisible operators, LRI..PDI, other formats
    cp === 0xfeff || // zero-width no-break space / BOM
    (cp >= 0xfff9 && cp <= 0xfffb) || // interlinear annotation controls: hide text
    (cp >= 0xd800 && cp <= 0xdfff) || // met only as lone surrogates when iterating code points
    (cp >= 0xe0000 && cp <= 0xe007f) // tag characters: invisible "ASCII smuggling"
  );
}

const NAMED: ReadonlyMap<number, string> = new Map([
  [0x09, "\\t"],
  [0x0a, "\\n"],
  [0x0d, "\\r"],
]);

function escapeCodePoint(cp: number): string {
  const named = NAMED.get(cp);
  if (named !== undefined) return named;
  const hex = cp.toString(16);
  if (cp <= 0xff) return `\\x${hex.padStart(2, "0")}`;
  if (cp <= 0xffff) return `\\u${hex.padStart(4, "0")}`;
  return `\\u{${hex}}`;
}

/** `s` split into code points (a lone surrogate is its own item), each unsafe one escaped. */
function* tokens(s: string): Generator<string> {
  // for..of walks code points: a valid surrogate pair stays together, a lone half comes alone.
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    yield isUnsafeCodePoint(cp) ? escapeCodePoint(cp) : ch;
  }
}

/** Whether `visible(s)` would change `s`. */
export function hasUnsafeChars(s: string): boolean {
  for (const ch of s) if (isUnsafeCodePoint(ch.codePointAt(0) ?? 0)) return true;
  return false;
}

/** `s` with every unsafe code point replaced by a printable ASCII escape. Idempotent. */
export function visible(s: string): string {
  if (!hasUnsafeChars(s)) return s;
  let out = "";
  for (const t of tokens(s)) out += t;
  return out;
}

/**
 * `visible(s)` cut to at most `max` code points in total, the last being `…` when anything was cut.
 * Never splits a surrogate pair or an escape such as `\x1b`.
 */
export function visibleLine(s: string, max: number): string {
  if (!Number.isInteger(max) || max < 0) {
    throw new RangeError(`max must be a natural number: ${max}`);
  }
  const parts = [...tokens(s)];
  const width = (t: string) => [...t].length; // an escape is ASCII; a surrogate pair counts once
  let total = 0;
  for (const t of parts) total += width(t);
  if (total <= max) return parts.join("");
  if (max === 0) return "";
  let out = "";
  let used = 0;
  for (const t of parts) {
    if (used + width(t) > max - 1) break;
    out += t;
    used += width(t);
  }
  return `${out}…`;
}
