// Suggestions for a mistyped name: a command, an option, a metadata attribute.

/**
 * The closest of `names` to a mistyped `word`, when it is a likely typo: `most` edits at most,
 * or as many as `most` allows for that name (a short name two edits away is another word).
 */
export function nearest(
  word: string,
  names: readonly string[],
  most: number | ((name: string) => number) = 2,
): string | null {
  const limit = typeof most === "number" ? () => most : most;
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  const w = word.slice(0, 40);
  for (const name of names) {
    const allowed = Math.min(limit(name), bestDistance - 1);
    // The lengths' difference is a floor of the distance: most names are passed over on it
    // (every front matter key of every page is compared with the metadata keys).
    if (Math.abs(w.length - name.length) > allowed) continue;
    const d = editDistance(w, name);
    if (d <= allowed) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}
