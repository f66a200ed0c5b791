// What the tool accepts as a revision from untrusted text: hexadecimal only, so a page can never
// hand git an option (`--output=x`), a reflog or search expression (`@{-1}`, `:/text`) or a path.

const HEX = /^[0-9a-f]+$/;

/** A full object name: 40 hex digits (SHA-1) or 64 (SHA-256). */
export function isFullHash(value: string): boolean {
  return (value.length === 40 || value.length === 64) && HEX.test(value);
}

/** An abbreviated or full commit name as a page may write it (case-insensitive hex, 7+ digits). */
export function parseRawCommit(value: string): string | null {
  const v = value.trim().toLowerCase();
  if (v.length < 7 || v.length > 64 || !HEX.test(v)) return null;
  return v;
}
