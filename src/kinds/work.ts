// The work a classification does that could grow faster than the page if a bound were lost: the
// line diff that finds the changed blocks (O(lines × edits)), and the Markdown parser (whose work
// on a line grows with the square of its nesting, see parse.ts). Counted into a record the
// caller owns, when it asks, so that tests bound the work by counting it, never by a clock.

export interface Work {
  /** Comparisons of two lines made by the diff that finds the changed blocks. */
  lineComparisons: number;
  /** Each text handed to the Markdown parser, in order. */
  parsed: string[];
}

export function newWork(): Work {
  return { lineComparisons: 0, parsed: [] };
}
