// Warnings for people, grouped: a pull request can plant 20,000 symbolic links, and 20,000 lines
// that say the same thing would bury the report (and fill a job summary). Warnings that say the
// same thing, about a file in the content folder or word for word, become one line with a count
// and the first file's path. The JSON keeps every warning as it is.

export interface WarningGroup {
  /** The warning itself when it stands alone, else what every warning of the group says. */
  text: string;
  /** How many warnings the group stands for. */
  count: number;
  /** For a group of "<path>: <what>" warnings, the first one's path. */
  first: string | null;
}

/**
 * Groups in the order each first appears. A warning about a file is "<path>: <what>", the path
 * inside the content folder `content`; paths may hold ": " too, so <what> is taken after the last
 * one (the scan's reasons never hold one).
 */
export function groupWarnings(warnings: readonly string[], content: string): WarningGroup[] {
  const groups = new Map<string, { group: WarningGroup; original: string }>();
  for (const w of warnings) {
    const cut = w.startsWith(`${content}/`) ? w.lastIndexOf(": ") : -1;
    const key = cut > 0 ? `file\0${w.slice(cut + 2)}` : `same\0${w}`;
    const found = groups.get(key);
    if (found) {
      found.group.count += 1;
      continue;
    }
    const group =
      cut > 0
        ? { text: w.slice(cut + 2), count: 1, first: w.slice(0, cut) }
        : { text: w, count: 1, first: null };
    groups.set(key, { group, original: w });
  }
  return [...groups.values()].map(({ group, original }) =>
    group.count === 1 ? { text: original, count: 1, first: null } : group,
  );
}

/** "20,000 ×": how many warnings a line stands for. */
export function timesText(count: number): string {
  return `${String(count).replace(/\B(?=(\d{3})+$)/g, ",")} ×`;
}

/**
 * One group as a line: the warning itself, or e.g.
 * "symbolic link not followed (20,000 ×), first: content/zh-cn/a.md". `show` escapes untrusted
 * text for the output at hand, `showPath` the path.
 */
export function warningText(
  g: WarningGroup,
  show: (s: string) => string,
  showPath: (s: string) => string = show,
): string {
  if (g.count === 1) return show(g.text);
  const first = g.first === null ? "" : `, first: ${showPath(g.first)}`;
  return `${show(g.text)} (${timesText(g.count)})${first}`;
}
