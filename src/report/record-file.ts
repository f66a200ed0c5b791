// Where `report --format json-per-page` writes a page's record: `<its path>.json` below the
// output folder, named by the page's bytes (a name that is not UTF-8 keeps them, so two such
// names never become one file). A file's name holds at most 255 bytes on the file systems sites
// are built on; a page's name may hold 251 and more, leaving no room for `.json`, so such a name
// is cut, and a hash of the whole name keeps it apart from every other.
import { createHash } from "node:crypto";
import { encodeBytes } from "../core/path-bytes.js";

/** The longest file name, in bytes, that ext4, APFS, NTFS and their kin take. */
const NAME_MAX = 255;
const SUFFIX = ".json";
/** Hex digits of the name's SHA-256 that a cut name ends with. */
const HASH_DIGITS = 16;

/**
 * The record's path for the page at `page` (relative, `/`-separated, as the scan names it):
 * `page` + `.json`, or, when the file's name would pass NAME_MAX bytes, its folder and the
 * name's first whole characters, `~`, the first 16 hex digits of the SHA-256 of the name's
 * bytes, and `.json` (255 bytes at most).
 */
export function recordFile(page: string): string {
  const cut = page.lastIndexOf("/") + 1;
  const name = page.slice(cut);
  const bytes = encodeBytes(name);
  if (bytes.length + SUFFIX.length <= NAME_MAX) return `${page}${SUFFIX}`;
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, HASH_DIGITS);
  const room = NAME_MAX - SUFFIX.length - 1 - HASH_DIGITS;
  return `${page.slice(0, cut)}${leadingBytes(name, room)}~${hash}${SUFFIX}`;
}

/** The longest start of `name` whose bytes number at most `max`, in whole characters (a byte
 * that was not UTF-8, path-bytes.ts, is one). */
function leadingBytes(name: string, max: number): string {
  let out = "";
  let used = 0;
  for (const ch of name) {
    const size = encodeBytes(ch).length;
    if (used + size > max) break;
    out += ch;
    used += size;
  }
  return out;
}
