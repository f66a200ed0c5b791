// Offset helpers for single-pass scans. Both remember what they last found, so asking for
// increasing offsets walks the text once instead of once per question.

/** The next occurrence of a fixed string at or after an offset; offsets asked for only grow. */
export class NextIndex {
  private found = -2;
  private searchedFrom = 0;

  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {}

  from(offset: number): number {
    const stale =
      this.found === -2 || offset < this.searchedFrom || (this.found !== -1 && this.found < offset);
    if (stale) {
      this.found = this.text.indexOf(this.needle, offset);
      this.searchedFrom = offset;
    }
    return this.found;
  }
}

/** 1-based line numbers for offsets; cheap when offsets are asked for in increasing order. */
export class LineCounter {
  private offset = 0;
  private line = 1;
  private nextNewline: number;

  constructor(private readonly text: string) {
    this.nextNewline = text.indexOf("\n");
  }

  lineAt(offset: number): number {
    if (offset < this.offset) {
      this.offset = 0;
      this.line = 1;
      this.nextNewline = this.text.indexOf("\n");
    }
    while (this.nextNewline !== -1 && this.nextNewline < offset) {
      this.line++;
      this.nextNewline = this.text.indexOf("\n", this.nextNewline + 1);
    }
    this.offset = offset;
    return this.line;
  }
}
