// Strings kept to the end of a scan, made to share no memory with what they were cut from.
//
// V8 makes a longer substring a view into the string it came from, so a commit subject or a
// blob name cut from git's output would keep the whole 64 KiB piece of the output it sat in
// alive, and a page's metadata the page's whole text: for a large site, tens of megabytes that
// nobody reads again.

/**
 * A copy of `text` of its own. Cutting from a joined string makes V8 flatten the join into a
 * new string first, so the copy keeps no link to `text` or what `text` was cut from, only to
 * that string, one character longer; it keeps every code unit (a lone surrogate too), in the
 * width `text` has. A trip through a UTF-16 Buffer, which also narrows ASCII text to one byte
 * per character, costs about four times as much, in a scan that keeps some 100,000 strings.
 */
export function ownString(text: string): string {
  return ` ${text}`.slice(1);
}
