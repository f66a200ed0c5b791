// Warnings end up in terminals, CI annotations and HTML reports; page text inside them must not
// be able to break lines, move the cursor, reorder text or flood the output.

/** Most page-provided characters a single quoted piece may contribute to a warning. */
export const MAX_QUOTED = 200;

/** Page text made safe to quote in a one-line warning: control characters become spaces, long text is cut. */
export function pageText(raw: string, max = 80): string {
  const limit = Math.min(max, MAX_QUOTED);
  let clipped = raw.length > limit ? raw.slice(0, limit) : raw;
  // A cut between the halves of a surrogate pair would leave half a character.
  if (clipped.length > 0 && /[\uD800-\uDBFF]$/.test(clipped)) clipped = clipped.slice(0, -1);
  const safe = clipped.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, " ");
  return raw.length > limit ? `${safe}…` : safe;
}
