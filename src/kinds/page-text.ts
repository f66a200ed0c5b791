// One version of a page as the classifier reads it. What it works out (the layout, the masks) is
// kept, so a version compared twice (after one commit, before the next) is parsed once; the
// syntax tree itself is not kept, being many times the page's size.
import { blockMarks } from "./blocks.js";
import { frontMatterEntries } from "./front-matter-keys.js";
import { type Layout, rawLayout } from "./layout.js";
import { type Mask, masksOf } from "./masks.js";
import { parseMarkdown } from "./parse.js";
import { mayHoldTable, type Structure, structureOf, structureOfTree } from "./structure.js";
import type { Work } from "./work.js";

export interface Parsed {
  masks: Mask[];
  frontMatter: Map<string, string>;
}

export class PageText {
  private layoutOfText: Layout | null = null;
  private parsedPage: Parsed | null | undefined;
  private structureOfPage: Structure | null | undefined;

  /** `structure`: its structure will be asked for too, so it is read from the same parse
   * when it can be (see structure). `work`: where its parses are recorded. `tables`: parse
   * with GFM, whose tables are blocks (see classify.ts). */
  constructor(
    readonly text: string,
    private readonly wantsStructure = false,
    private readonly work?: Work,
    private readonly tables = false,
  ) {}

  /** Its layout before any parse (see rawLayout). */
  get layout(): Layout {
    this.layoutOfText ??= rawLayout(this.text);
    return this.layoutOfText;
  }

  /** Null when the page is too long or too deep to parse. */
  get parsed(): Parsed | null {
    if (this.parsedPage === undefined) {
      const tree = parseMarkdown(this.text, this.tables, this.work);
      this.parsedPage = tree && {
        masks: [...masksOf(this.text, tree), ...blockMarks(tree)],
        frontMatter: frontMatterEntries(tree),
      };
      // The structure's parse is with GFM where a table may be: the one above serves when it
      // was made the same way.
      if (tree && this.wantsStructure && this.tables === mayHoldTable(this.text)) {
        this.structureOfPage = structureOfTree(tree, this.text);
      }
    }
    return this.parsedPage;
  }

  /** The structure (see structure.ts); null when the page is too long or deep to parse. */
  get structure(): Structure | null {
    if (this.structureOfPage === undefined) {
      // A text the parser gave up on is not tried again.
      if (this.wantsStructure && this.parsed === null) this.structureOfPage = null;
      this.structureOfPage ??= structureOf(this.text, this.work);
    }
    return this.structureOfPage;
  }
}
