// The kinds of change an English edit can be, from least to most work for a translator. The
// order is the classifier's: a change is the first kind that fits, and each kind allows what
// the kinds before it allow (a front matter edit plus a new link target is `links`).
import { AppError } from "../errors.js";

export const CHANGE_KINDS = [
  "whitespace",
  "front-matter",
  "links",
  "code",
  "typo",
  "prose",
] as const;

export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** What reports count and filter pages by: the kinds, then `unknown` for a change whose kind
 * could not be told (a binary English file, or one over 4 MiB), which is no kind of its own. */
export const COUNTED_KINDS = [...CHANGE_KINDS, "unknown"] as const;
export type CountedKind = (typeof COUNTED_KINDS)[number];

/** The kind a change is counted by: `unknown` when it could not be told (null), none when no
 * kind was asked for or the English did not change (undefined). */
export function countedKind(kind: ChangeKind | null | undefined): CountedKind | undefined {
  return kind === null ? "unknown" : kind;
}

/** What a change to an English page was. */
export interface Classified {
  kind: ChangeKind;
  /** For `front-matter`: the top-level keys whose values changed, in page order. */
  changedKeys?: readonly string[];
  /** When asked for: what the change did to the page's structure (sections, code blocks,
   * lists, tables, images, shortcodes), absent when nothing. */
  structureChanges?: readonly string[];
}

/** The kinds named on the command line (`--ignore typo,links`), checked: a usage error names
 * the kinds the option takes (`offered`), not kinds it would then refuse. */
export function parseKinds(
  names: readonly string[],
  flag: string,
  offered: readonly ChangeKind[] = CHANGE_KINDS,
): ChangeKind[] {
  const out: ChangeKind[] = [];
  for (const raw of names) {
    const name = raw.trim();
    if (name === "") continue;
    const kind = CHANGE_KINDS.find((k) => k === name);
    if (!kind) {
      throw new AppError(
        2,
        `unknown change kind in ${flag}: ${JSON.stringify(name.slice(0, 100))} (use ${offered.join(", ")})`,
      );
    }
    if (!out.includes(kind)) out.push(kind);
  }
  return out;
}

/** Five characters at most, for the dashboard's list column. */
export const KIND_SHORT: Readonly<Record<ChangeKind, string>> = {
  whitespace: "space",
  "front-matter": "meta",
  links: "links",
  code: "code",
  typo: "typo",
  prose: "prose",
};

/** A kind as reports write it: `front-matter (weight, title)`; `unknown` when it could not be
 * told (a binary or over-large file), as pages are counted. Keys are untrusted page text:
 * callers escape the result. */
export function kindText(c: {
  changeKind?: ChangeKind | null;
  changedKeys?: readonly string[];
}): string {
  if (c.changeKind === undefined || c.changeKind === null) return countedKind(c.changeKind) ?? "";
  const keys = c.changedKeys && c.changedKeys.length > 0 ? ` (${c.changedKeys.join(", ")})` : "";
  return `${c.changeKind}${keys}`;
}

/** What the English change did to a page's structure, as one line ("" when nothing):
 * `added 1 \`##\` section: Limits; a list: 3 → 4 items`. Headings are untrusted page text:
 * callers escape the result. */
export function structureChangesText(c: { structureChanges?: readonly string[] }): string {
  return c.structureChanges?.join("; ") ?? "";
}

/** A listed commit's kind as reports write it, and whether it changed the translation too:
 * `links, with the translation`. */
export function commitKindText(c: {
  changeKind?: ChangeKind | null;
  changedKeys?: readonly string[];
  withTranslation?: true;
}): string {
  return `${kindText(c)}${c.withTranslation ? ", with the translation" : ""}`;
}

/** Pages counted by the kind of their English change, in the kinds' order: `3 prose, 1 typo,
 * 2 unknown` ("" when none). */
export function kindCounts(row: Readonly<Partial<Record<CountedKind, number>>>): string {
  return COUNTED_KINDS.filter((k) => (row[k] ?? 0) > 0)
    .map((k) => `${row[k]} ${k}`)
    .join(", ");
}
