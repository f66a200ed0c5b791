// Bringing an untracked page under tracking: metadata written into a page that has none, in the
// site's own style (learned from a page that has some, or named in the config). Only bytes are
// added, never changed, and the page must read back with exactly the metadata meant.

import type { MetadataChoice } from "../options/defaults.js";
import {
  bomLength,
  frontMatterData,
  frontMatterEnd,
  isData,
  unreadFrontMatter,
} from "./frontmatter.js";
import { sameData } from "./key-spans.js";
import {
  COMMIT_ATTRIBUTE,
  COMMIT_KEY,
  LINK_ATTRIBUTE,
  MDN_COMMIT_KEY,
  MDN_TABLE,
  type ShortcodeAttribute,
  shortcodeAttribute,
  TIME_KEY,
  TITLE_ATTRIBUTE,
} from "./keys.js";
import { metaShortcode, readMeta } from "./read.js";
import { type MeantMeta, readBackMessage, readBackProblem } from "./read-back.js";
import type { StampResult } from "./stamp.js";
import { quotedShortcodeValue, valueText } from "./value-text.js";

export type MetaStyle =
  | {
      kind: "shortcode";
      /** The shortcode's name; `{lang}` stands for the page's language. */
      name: string;
      /** Its parameters in the site's order. */
      params: readonly ShortcodeParam[];
      /** Where the site puts it: the end of the page (Mastodon) or the top of the body. */
      place: "end" | "start";
    }
  | { kind: "front-matter"; key: "default_lang_commit" | "l10n.sourceCommit"; withDate: boolean };

/** The attributes in the order Mastodon writes them, the commit last. */
const SHORTCODE_PARAMS: readonly ShortcodeParam[] = [
  TITLE_ATTRIBUTE,
  LINK_ATTRIBUTE,
  TIME_KEY,
  COMMIT_ATTRIBUTE,
];
type ShortcodeParam = ShortcodeAttribute;
const SHORTCODE_NAME = "translation-status-{lang}";

/** The style a config names; null for "auto". */
export function styleOfChoice(choice: MetadataChoice): MetaStyle | null {
  switch (choice) {
    case "auto":
      return null;
    case "shortcode":
      return { kind: "shortcode", name: SHORTCODE_NAME, params: SHORTCODE_PARAMS, place: "end" };
    default:
      return { kind: "front-matter", key: choice, withDate: false };
  }
}

/** The style of a page that records metadata (in language `lang`); null when it records none. */
export function styleOfPage(text: string, lang: string): MetaStyle | null {
  const { meta } = readMeta(text);
  if (!meta || meta.unreadable !== undefined) return null;
  if (meta.kind === "front-matter") {
    const data = frontMatterEnd(text);
    const mdn =
      data !== null &&
      !("error" in data) &&
      typeof data.data === "object" &&
      data.data !== null &&
      Object.hasOwn(data.data, "l10n");
    return {
      kind: "front-matter",
      key: mdn ? "l10n.sourceCommit" : "default_lang_commit",
      withDate: meta.lastTranslationTime !== null,
    };
  }
  const shortcode = metaShortcode(text);
  if (!shortcode) return null;
  const suffix = `-${lang}`;
  const name = shortcode.name.endsWith(suffix)
    ? `${shortcode.name.slice(0, -suffix.length)}-{lang}`
    : shortcode.name;
  // A misspelt attribute (Mastodon's `last_tranlation_time`) is written as the one it stands
  // for: the page it was learnt from is read that way, and lint would flag it anywhere else.
  const params = [
    ...new Set([...shortcode.params.keys()].map((k) => shortcodeAttribute(k))),
  ].filter((k): k is ShortcodeParam => (SHORTCODE_PARAMS as readonly string[]).includes(k ?? ""));
  const place = text.slice(shortcode.end).trim() === "" ? "end" : "start";
  return { kind: "shortcode", name, params, place };
}

/** The English page's title: its front matter's `title`, else its first heading, else `name`. */
export function pageTitle(text: string, name: string): string {
  const data = frontMatterEnd(text);
  if (data !== null && !("error" in data) && typeof data.data === "object" && data.data !== null) {
    const title = (data.data as Record<string, unknown>).title;
    if (typeof title === "string" && title.trim() !== "") return oneLine(title);
  }
  const heading = /^#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(text);
  return heading?.[1] ? oneLine(heading[1]) : name;
}

/** The link Hugo gives the page at `rel` below its language's folder: `/user/run-your-own/`
 * for `user/run-your-own.md`, the folder for a section's `_index.md` or a bundle's `index.md`. */
export function pageLink(rel: string): string {
  const parts = rel.split("/");
  const file = (parts.pop() as string).replace(/\.[^.]*$/, "");
  if (file !== "_index" && file !== "index") parts.push(file);
  return parts.length === 0 ? "/" : `/${parts.join("/")}/`;
}

export const ALREADY_TRACKED =
  "the page already records metadata; use stamp without --init to update it";

export interface InitValues {
  /** A validated full hash. */
  commit: string;
  /** YYYY-MM-DD. */
  date: string;
  /** The English page's title, for a shortcode's raw_title. */
  title: string;
  /** The English page's link on the site, for a shortcode's raw_link. */
  link: string;
  lang: string;
}

/**
 * `text` with metadata added in `style`, or why it cannot be. The result must read back with
 * exactly the values meant, its front matter must parse to what it held plus the keys added
 * (nothing else of it changed), and the page must have no warning it did not have before.
 */
export function initText(text: string, style: MetaStyle, values: InitValues): StampResult {
  const before = readMeta(text);
  if (before.meta) return { error: ALREADY_TRACKED };
  const added =
    style.kind === "shortcode"
      ? withShortcode(text, style, values)
      : withFrontMatter(text, style, values);
  if ("error" in added) return added;
  if (!sameFrontMatter(text, added.text, addedKeys(style))) {
    return {
      error: readBackMessage({ wrongMeta: true }, "the metadata", "the page was left unchanged"),
    };
  }
  const writes = (param: ShortcodeParam) =>
    style.kind === "shortcode"
      ? style.params.includes(param)
      : param === TIME_KEY && style.withDate;
  const meant: MeantMeta = {
    kind: style.kind,
    rawCommit: values.commit,
    ...(writes(TIME_KEY) ? { lastTranslationTime: values.date } : {}),
    ...(writes(TITLE_ATTRIBUTE) ? { rawTitle: oneLine(values.title) } : {}),
    ...(writes(LINK_ATTRIBUTE) ? { rawLink: oneLine(values.link) } : {}),
  };
  const problem = readBackProblem(before, added.text, meant);
  return problem === null
    ? added
    : { error: readBackMessage(problem, "the metadata", "the page was left unchanged") };
}

/** The top-level front matter keys a style adds. */
function addedKeys(style: MetaStyle): string[] {
  if (style.kind === "shortcode") return [];
  const key = topKey(style);
  return style.withDate ? [key, TIME_KEY] : [key];
}

/** The top-level front matter key that holds a style's commit: MDN's table, or the key itself. */
function topKey(style: MetaStyle & { kind: "front-matter" }): string {
  return style.key === "l10n.sourceCommit" ? MDN_TABLE : COMMIT_KEY;
}

/** Whether the front matter of `after` is that of `before` (none reads as no keys) plus `keys`. */
function sameFrontMatter(before: string, after: string, keys: readonly string[]): boolean {
  const was = frontMatterData(before) ?? {};
  const now = frontMatterData(after) ?? (keys.length === 0 ? {} : null);
  if (!isData(was) || !isData(now)) return false;
  if (keys.some((k) => !Object.hasOwn(now, k) || Object.hasOwn(was, k))) return false;
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(now)) if (!keys.includes(k)) rest[k] = v;
  return sameData(was, rest);
}

/**
 * A title or link as a shortcode records it, on one line: tabs and line breaks as spaces, no
 * space around it. stamp --init writes this, and lint compares raw_title through it, so a title
 * written here is one lint accepts.
 */
export function oneLine(value: string): string {
  return value.replace(/[\r\n\t]+/g, " ").trim();
}

/** A value as a shortcode's quoted parameter, on one line (see value-text.ts). */
function quoted(value: string): string | null {
  return quotedShortcodeValue(oneLine(value));
}

function withShortcode(
  text: string,
  style: Extract<MetaStyle, { kind: "shortcode" }>,
  values: InitValues,
): StampResult {
  const value: Record<ShortcodeParam, string> = {
    [TITLE_ATTRIBUTE]: values.title,
    [LINK_ATTRIBUTE]: values.link,
    [TIME_KEY]: values.date,
    [COMMIT_ATTRIBUTE]: values.commit,
  };
  const params: readonly ShortcodeParam[] = style.params.includes(COMMIT_ATTRIBUTE)
    ? style.params
    : [...style.params, COMMIT_ATTRIBUTE];
  const name = style.name.replace("{lang}", values.lang);
  const written = params.map((p) => [p, quoted(value[p])] as const);
  if (written.some(([, v]) => v === null)) {
    return { error: "a value cannot be written in a shortcode; add the metadata by hand" };
  }
  const shortcode = `{{< ${name} ${written.map(([p, v]) => `${p}=${v}`).join(" ")}>}}`;
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  if (style.place === "end") {
    // One blank line before it, as Mastodon's pages have.
    const lead =
      text === "" || /\n[ \t]*\r?\n$/.test(text) ? "" : text.endsWith("\n") ? eol : `${eol}${eol}`;
    return { text: `${text}${lead}${shortcode}${eol}` };
  }
  const end = frontMatterEnd(text);
  if (end !== null && "error" in end) return end;
  const unread = end === null ? unreadFrontMatter(text) : null;
  if (unread !== null) return { error: unread };
  // A byte order mark stays first.
  const bodyStart = end === null ? bomLength(text) : text.indexOf("\n", end.at) + 1 || text.length;
  const head = text.slice(0, bodyStart);
  const sep = end !== null && !head.endsWith("\n") ? eol : "";
  return { text: `${head}${sep}${shortcode}${eol}${text.slice(bodyStart)}` };
}

function withFrontMatter(
  text: string,
  style: Extract<MetaStyle, { kind: "front-matter" }>,
  values: InitValues,
): StampResult {
  const end = frontMatterEnd(text);
  if (end !== null && "error" in end) return end;
  const unread = end === null ? unreadFrontMatter(text) : null;
  if (unread !== null) return { error: unread };
  if (end !== null && end.data !== null && !isData(end.data)) {
    return {
      error:
        "the page's front matter is a list or a single value, not keys and values: no key can be added to it",
    };
  }
  const format = end?.format ?? "yaml";
  const eol = end?.eol ?? (text.includes("\r\n") ? "\r\n" : "\n");
  const lines: string[] = [];
  // A validated hash and a YYYY-MM-DD date: each syntax can hold them.
  const commit = valueText(format, "", values.commit) as string;
  const date = `"${valueText(format, '"', values.date) as string}"`;
  if (format === "yaml") {
    if (style.key === "l10n.sourceCommit")
      lines.push(`${MDN_TABLE}:`, `  ${MDN_COMMIT_KEY}: ${commit}`);
    else lines.push(`${COMMIT_KEY}: ${commit}`);
    if (style.withDate) lines.push(`${TIME_KEY}: ${date}`);
  } else {
    if (style.withDate) lines.push(`${TIME_KEY} = ${date}`);
    // A TOML table runs to the next one, so it goes last.
    if (style.key === "l10n.sourceCommit")
      lines.push(`[${MDN_TABLE}]`, `${MDN_COMMIT_KEY} = ${commit}`);
    else lines.push(`${COMMIT_KEY} = ${commit}`);
  }
  if (end !== null) {
    const data = end.data;
    const key = topKey(style);
    if (typeof data === "object" && data !== null && Object.hasOwn(data, key)) {
      return { error: `the page's front matter has "${key}" already; fix it by hand` };
    }
    const topLevel = style.key === "default_lang_commit" || style.withDate;
    if (format === "toml" && topLevel && /^\s*\[/m.test(text.slice(0, end.at))) {
      // A key after a [table] header would land inside that table.
      return { error: "the page's TOML front matter ends in a table; add the key by hand" };
    }
    const { at, indent } = format === "yaml" ? yamlPlace(text, end.at) : { at: end.at, indent: "" };
    const add = lines.map((l) => `${indent}${l}${eol}`).join("");
    return { text: text.slice(0, at) + add + text.slice(at) };
  }
  const block = ["---", ...lines, "---"].map((l) => `${l}${eol}`).join("");
  // A byte order mark stays first.
  const bom = text.slice(0, bomLength(text));
  const rest = text.slice(bom.length);
  return { text: `${bom}${block}${rest === "" ? "" : eol}${rest}` };
}

/**
 * Where keys go in a YAML block whose closing line starts at `close`, and how far they are
 * indented: before a document end marker (`...`) that ends the block, and as far as the block's
 * first key, since YAML lets a whole mapping stand indented. (initText checks that it parses.)
 */
function yamlPlace(text: string, close: number): { at: number; indent: string } {
  const open = text.indexOf("\n", bomLength(text)) + 1;
  const content = text
    .slice(open, close)
    .split("\n")
    .find((l) => l.trim() !== "" && !l.trimStart().startsWith("#"));
  const indent = content ? (/^ */.exec(content)?.[0] ?? "") : "";
  let at = close;
  // The lines before the closing one, last first, as far as the last that holds data.
  for (let lineEnd = close - 1; lineEnd >= open; ) {
    const lineStart = Math.max(open, text.lastIndexOf("\n", lineEnd - 1) + 1);
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, "");
    if (/^\.\.\.(?:[ \t]+#.*|[ \t]*)$/.test(line)) at = lineStart;
    else if (line.trim() !== "" && !line.trimStart().startsWith("#")) break;
    lineEnd = lineStart - 1;
  }
  return { at, indent };
}
