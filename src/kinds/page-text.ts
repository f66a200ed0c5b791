// One version of a page as the classifier reads it. What it works out (the words, the masks) is
// kept, so a version compared twice (after one commit, before the next) is parsed once; the
// syntax tree itself is not kept, being many times the page's size.
import { frontMatterEntries } from "./front-matter-keys.js";
import { type Mask, masksOf, words } from "./masks.js";
import { parseMarkdown } from "./parse.js";

export interface Parsed {
  masks: Mask[];
  frontMatter: Map<string, string>;
}

export class PageText {
  private wordList: string[] | null = null;
  private parsedPage: Parsed | null | undefined;

  constructor(readonly text: string) {}

  get words(): string[] {
    this.wordList ??= words(this.text);
    return this.wordList;
  }

  /** Null when the page is too long or too deep to parse. */
  get parsed(): Parsed | null {
    if (this.parsedPage === undefined) {
      const tree = parseMarkdown(this.text);
      this.parsedPage = tree && {
        masks: masksOf(this.text, tree),
        frontMatter: frontMatterEntries(tree),
      };
    }
    return this.parsedPage;
  }
}
