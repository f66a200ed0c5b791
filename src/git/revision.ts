// What the tool accepts as a revision from untrusted text: hexadecimal only, so a page can never
// hand git an option (`--output=x`), a reflog or search expression (`@{-1}`, `:/text`) or a path.

const HEX = /^[0-9a-f]+$/;

/** A full object name: 40 hex digits (SHA-1) or 64 (SHA-256). Checked a character at a time:
 * every hash git prints is checked, hundreds of thousands a scan, and the pattern's own cost per
 * call was most of it. */
export function isFullHash(value: string): boolean {
  const n = value.length;
  if (n !== 40 && n !== 64) return false;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c > 102 || c < 48 || (c > 57 && c < 97)) return false; // not 0-9 or a-f
  }
  return true;
}

/** An abbreviated or full commit name as a page may write it (case-insensitive hex, 7+ digits). */
export function parseRawCommit(value: string): string | null {
  const v = value.trim().toLowerCase();
  if (v.length < 7 || v.length > 64 || !HEX.test(v)) return null;
  return v;
}
