// Strings kept to the end of a scan, made to share no memory with what they were cut from.
//
// V8 makes a longer substring a view into the string it came from, so a commit subject or a
// blob name cut from git's output would keep the whole 64 KiB piece of the output it sat in
// alive, and a page's metadata the page's whole text: for a large site, tens of megabytes that
// nobody reads again.

/** A copy of `text` of its own. Through UTF-16, which keeps every code unit: a lone surrogate
 * (which a YAML escape can make) would not survive a trip through UTF-8. */
export function ownString(text: string): string {
  return Buffer.from(text, "utf16le").toString("utf16le");
}
