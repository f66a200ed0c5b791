// A warning about one file or folder the scan set aside (a symbolic link, a page too large, a
// folder that is no language): "<path>: <why>". Written and read back here alone, so that the
// grouping of warnings, the files a page check was not shown and the reason a path named on the
// command line selects nothing all read the path the scan wrote.

/** The path (repo-relative, as the reports print it) and the reason of such a warning. */
export interface FileWarning {
  path: string;
  why: string;
}

/** The warning about `path`. */
export function fileWarningText(path: string, why: string): string {
  return `${path}: ${why}`;
}

/**
 * The path and reason of a warning about a file inside the content folder `content`; null for
 * any other warning. Paths may hold ": " too, so the reason is taken after the last one (the
 * scan's reasons never hold one).
 */
export function fileWarning(warning: string, content: string): FileWarning | null {
  const cut = warning.startsWith(`${content}/`) ? warning.lastIndexOf(": ") : -1;
  return cut > 0 ? { path: warning.slice(0, cut), why: warning.slice(cut + 2) } : null;
}

/** Why the scan set `path` aside, from its warning among `warnings` (in any folder, the
 * content folder or not); null when none is about it. */
export function whyFileSetAside(warnings: readonly string[], path: string): string | null {
  const start = fileWarningText(path, "");
  for (const w of warnings) {
    // As in fileWarning: what follows the path is the reason only if it holds no ": ".
    if (w.startsWith(start) && !w.includes(": ", start.length)) return w.slice(start.length);
  }
  return null;
}
