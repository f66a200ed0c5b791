// Which top-level front matter keys a change touched. Read line by line, never evaluated: a
// key's value is its line and the lines under it (indented, or YAML's list items); a TOML table
// ([params]) is one key holding its lines. Good enough to name keys, and linear on any input.
import type { Root } from "mdast";

/** Keys named at most: the list is for reading. */
const MAX_KEYS = 20;
const MAX_KEY_CHARS = 100;

interface FrontMatter {
  toml: boolean;
  value: string;
}

function frontMatterOf(tree: Root): FrontMatter | null {
  const first = tree.children[0];
  if (!first) return null;
  const type: string = first.type;
  if (type !== "yaml" && type !== "toml") return null;
  return { toml: type === "toml", value: (first as { value: string }).value };
}

/** Each top-level key of the page's front matter with the text of its value, in order. */
export function frontMatterEntries(tree: Root): Map<string, string> {
  const fm = frontMatterOf(tree);
  const out = new Map<string, string>();
  if (!fm) return out;
  let key: string | null = null;
  let inTable = false;
  for (const line of fm.value.split("\n")) {
    // A blank line is no part of a value (CRLF pages' lines end in CR).
    if (line.trim() === "") continue;
    const first = line[0];
    const continues =
      first === " " ||
      first === "\t" ||
      first === "#" ||
      (!fm.toml && first === "-") ||
      (fm.toml && inTable && first !== "[");
    if (!continues || key === null) {
      const header = fm.toml && first === "[";
      const name = header
        ? line.replace(/^\[+\s*|\s*\]+\s*$/g, "")
        : line
            .split(fm.toml ? "=" : ":")[0]
            ?.trim()
            .replace(/^["']|["']$/g, "");
      if (name !== undefined && name !== "" && !continues) {
        key = name.slice(0, MAX_KEY_CHARS);
        inTable = header;
        out.set(key, `${out.get(key) ?? ""}${line.trimEnd()}\n`);
        continue;
      }
    }
    if (key !== null) out.set(key, `${out.get(key) ?? ""}${line.trimEnd()}\n`);
  }
  return out;
}

/** The top-level keys whose values differ between two pages' front matter entries. */
export function changedKeys(
  a: ReadonlyMap<string, string>,
  b: ReadonlyMap<string, string>,
): string[] {
  const out: string[] = [];
  for (const [k, v] of b) if (a.get(k) !== v) out.push(k);
  for (const k of a.keys()) if (!b.has(k)) out.push(k);
  return out.slice(0, MAX_KEYS);
}
