// What each kind of change may touch, as spans of the page's text found by the parser: a change
// is of a kind when the texts have the same layout (see layout.ts) once the spans of that kind
// and of the kinds before it are masked. Spans are replaced by a marker, not removed, so a link
// or code block that is added or removed still shows as a change of the words around it.
import type { Nodes, Root } from "mdast";
import { findShortcodes } from "../meta/shortcode.js";

/** The masking levels, in the kinds' order; NONE masks nothing (whitespace), ATOM is the typo
 * rule's own (see sentences.ts); a span of level NEVER is never masked, only read as lines. */
export const Level = { NONE: 0, FRONT_MATTER: 1, LINKS: 2, CODE: 3, ATOM: 4, NEVER: 5 } as const;
export type LevelValue = (typeof Level)[keyof typeof Level];

export interface Mask {
  start: number;
  end: number;
  level: LevelValue;
  with: string;
  /** Below its level, what the span reads as where its whitespace is meaning: a code block's or
   * the front matter's lines, each with its indentation (see plainLines). */
  plain?: string;
}

/** A link target, a code block, inline code: markers no page text holds (a NUL). */
export const LINK_MARK = "\u0000L";
export const CODE_MARK = "\u0000C";
const INLINE_CODE_MARK = "\u0000c";
export const FRONT_MATTER_MARK = "\u0000F";
/** Starts each line of a code block or the front matter read as lines: its indentation. */
export const INDENT_MARK = "\u0000I";
const DEFINITION_MARK = "\u0000D";
/** Joins a link text's words into one token, so the typo rule sees a changed text as one. */
const GLUE = "\u0001";

/** The HTML blocks whose text keeps its line breaks and spaces (`<pre>`; `<script>` and
 * `<style>`, code) and that a blank line does not end: CommonMark's first kind, which ends at
 * the line holding one of these closing tags. */
export const VERBATIM_TAGS = "pre|script|style|textarea";
const VERBATIM = new RegExp(String.raw`^[ \t]*<(?:${VERBATIM_TAGS})(?=[\s>]|$)`, "i");

/** Hugo's link shortcodes: `[text]({{< relref "page" >}})` is a link target micromark cannot
 * see, since a destination holds no spaces. */
export const LINK_SHORTCODES: ReadonlySet<string> = new Set(["ref", "relref"]);

export function masksOf(text: string, tree: Root): Mask[] {
  const masks: Mask[] = [];
  // A stack, not recursion: a crafted page can nest block quotes thousands deep.
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    switch (node.type) {
      case "yaml":
      case "toml" as Nodes["type"]: {
        const plain = `${FRONT_MATTER_MARK}${plainLines((node as { value: string }).value)}`;
        masks.push({ start, end, level: Level.FRONT_MATTER, with: FRONT_MATTER_MARK, plain });
        continue;
      }
      case "code": {
        const info = `${CODE_MARK} ${node.lang ?? ""} ${node.meta ?? ""}`;
        const plain = `${info}${plainLines(node.value)}`;
        masks.push({ start, end, level: Level.CODE, with: CODE_MARK, plain });
        continue;
      }
      case "html":
        // Its words are prose as before; its line breaks show, as a code block's do.
        if (VERBATIM.test(node.value)) {
          const plain = plainLines(node.value);
          masks.push({ start, end, level: Level.NEVER, with: plain, plain });
        }
        continue;
      case "inlineCode":
        masks.push({ start, end, level: Level.CODE, with: INLINE_CODE_MARK });
        continue;
      case "definition":
        masks.push({
          start,
          end,
          level: Level.LINKS,
          with: `${DEFINITION_MARK}${node.label ?? ""}${titleOf(node)}`,
        });
        continue;
      case "image":
      case "imageReference":
        masks.push({
          start,
          end,
          level: Level.LINKS,
          with: `![${node.alt ?? ""}](${LINK_MARK}${node.type === "image" ? titleOf(node) : ""})`,
        });
        continue;
      // `[text][label]`, `[text][]` and `[text]` name a definition, their target: which one
      // they name is a link target too.
      case "linkReference":
      case "link": {
        const opening = text.charCodeAt(start);
        // An autolink (<https://...>): its text is its target. GFM's literal ones (a bare
        // www.example.com, read only where a table may be, see parse.ts) are text, as in
        // CommonMark.
        if (opening === 0x3c /* < */) {
          masks.push({ start, end, level: Level.LINKS, with: LINK_MARK });
          continue;
        }
        if (opening !== 0x5b /* [ */) continue;
        const last = node.children[node.children.length - 1];
        const textEnd = last?.position?.end.offset ?? start + 1;
        const title = node.type === "link" ? titleOf(node) : "";
        masks.push({ start: textEnd, end, level: Level.LINKS, with: `](${LINK_MARK}${title})` });
        const words = text
          .slice(start + 1, textEnd)
          .split(/\s+/)
          .filter(Boolean);
        masks.push({
          start,
          end,
          level: Level.ATOM,
          with: `[${words.join(GLUE)}](${LINK_MARK}${title})`,
        });
        break;
      }
    }
    if ("children" in node) for (const child of node.children) stack.push(child);
  }
  linkShortcodes(text, masks);
  return masks;
}

/** A link's, image's or definition's title, after its target: words a reader sees (as a
 * tooltip) and a translator translates, so no link target. Its line breaks are a re-wrap. */
function titleOf(node: { title?: string | null }): string {
  const title = words(node.title ?? "").join(" ");
  return title === "" ? "" : ` ${title}`;
}

/** Masks Hugo's ref and relref shortcodes, which stand for link targets (found by the scan's
 * own shortcode reader, which is linear on any page and skips code fences and comments). */
function linkShortcodes(text: string, masks: Mask[]): void {
  for (const s of findShortcodes(text)) {
    if (LINK_SHORTCODES.has(s.name)) {
      masks.push({ start: s.start, end: s.end, level: Level.LINKS, with: LINK_MARK });
    }
  }
}

/**
 * A code block's or the front matter's text as lines whose whitespace is meaning: each line that
 * is not blank, its indentation made a word (YAML, Python and Makefiles read it), its trailing
 * whitespace and line ending dropped. Blank lines are left out: adding one changes nothing.
 */
function plainLines(value: string): string {
  const out: string[] = [];
  for (const line of value.split("\n")) {
    const read = lineWithIndent(INDENT_MARK, line);
    if (read !== "") out.push(`\n${read}`);
  }
  return out.join("");
}

/** A line with its indentation as a word after `mark` (spaces and tabs kept apart: a Makefile
 * reads them otherwise), its trailing whitespace dropped; "" for a blank line. */
export function lineWithIndent(mark: string, line: string): string {
  const content = line.trimEnd();
  if (content === "") return "";
  const indent = /^[ \t]*/.exec(content)?.[0] ?? "";
  return `${mark}${indent.replace(/ /g, "s").replace(/\t/g, "t")} ${content.slice(indent.length)}`;
}

/** The text with the masks up to `level` applied, and the others' plain forms; a mask inside
 * another is left to it. */
export function masked(text: string, masks: readonly Mask[], level: LevelValue): string {
  const chosen = masks
    .filter((m) => m.level <= level || m.plain !== undefined)
    // A mark of no width (see blocks.ts) before a span that starts where it is.
    .sort(
      (a, b) =>
        a.start - b.start || Number(b.start === b.end) - Number(a.start === a.end) || b.end - a.end,
    );
  const parts: string[] = [];
  let at = 0;
  for (const m of chosen) {
    if (m.start < at) continue;
    parts.push(text.slice(at, m.start), m.level <= level ? m.with : (m.plain as string));
    at = m.end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}

/** The words of a text, split at whitespace. */
export function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

export function sameWords(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
