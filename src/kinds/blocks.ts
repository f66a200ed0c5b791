// The blocks of a page as CommonMark reads them, for the masks (see masks.ts): a mark after each
// leaf block (paragraph, heading, code, HTML, thematic break, definition, front matter, table
// cell) naming it and the containers it sits in. Two texts whose words and marks agree have the
// same words in the same blocks, as the parser reads them: a paragraph turned into a setext
// heading, a line become a thematic break or an HTML block, a paragraph moved out of its list
// item, a list split in two, all change a mark. A line-by-line look cannot tell these apart.
import type { Nodes, Root } from "mdast";
import { Level, type Mask } from "./masks.js";

/** Starts a leaf block's mark: a marker no page text holds (a NUL). */
export const LEAF_MARK = "\u0000B";

/** Nodes that hold blocks; every other block node is a leaf. */
const CONTAINERS: ReadonlySet<string> = new Set([
  "root",
  "blockquote",
  "list",
  "listItem",
  "footnoteDefinition",
  "table",
  "tableRow",
]);

/**
 * A mark after each leaf block, as a mask of no width at its end: the leaf's type and the path
 * of containers to it, each by its type and its place among its siblings (which list a paragraph
 * is in, not only that it is in one), with what else the rendered page shows of it: a heading's
 * level, an ordered list's first number, a task item's box.
 */
export function blockMarks(tree: Root): Mask[] {
  const out: Mask[] = [];
  // A stack, not recursion: a crafted page can nest block quotes thousands deep.
  const stack: Array<[Nodes, string]> = [[tree, LEAF_MARK]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, path] = top;
    const end = node.position?.end.offset;
    if (!CONTAINERS.has(node.type) || !("children" in node) || node.children.length === 0) {
      if (end !== undefined && node.type !== "root") {
        out.push({ start: end, end, level: Level.NONE, with: ` ${path}${node.type}${own(node)} ` });
      }
      continue;
    }
    node.children.forEach((child, i) => {
      stack.push([child as Nodes, `${path}${node.type}${own(node)}${i}.`]);
    });
  }
  return out;
}

/** What a block shows besides its words: a heading's level, an ordered list's first number, a
 * task list item's box. */
function own(node: Nodes): string {
  switch (node.type) {
    case "heading":
      return String(node.depth);
    case "list":
      return node.ordered ? `o${node.start ?? 1}` : "u";
    case "listItem":
      return node.checked === true ? "x" : node.checked === false ? "_" : "";
    default:
      return "";
  }
}
