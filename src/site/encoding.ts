// Which pages a writer may add text to. Everything this tool writes is UTF-8 (ASCII for hashes
// and dates), so a page in another encoding would end up as a mix of two that no editor reads.

import { isUtf8 } from "node:buffer";

const WIDE_BOMS: ReadonlyArray<[string, readonly number[]]> = [
  ["UTF-32", [0xff, 0xfe, 0x00, 0x00]],
  ["UTF-32", [0x00, 0x00, 0xfe, 0xff]],
  ["UTF-16", [0xff, 0xfe]],
  ["UTF-16", [0xfe, 0xff]],
];

/**
 * Why no writer may edit these page bytes, or null. A page in UTF-16 or UTF-32 (told by its
 * byte order mark, or by NUL bytes, which no text page holds in UTF-8) is refused by every
 * write. With `adding` (metadata added where there was none, whose title may be any text), a
 * page must be valid UTF-8 as well: the bytes of another encoding cannot be told from stray ones,
 * while an edit of ASCII values in place keeps them whatever they are.
 */
export function writeEncodingProblem(bytes: Uint8Array, adding: boolean): string | null {
  const wide = WIDE_BOMS.find(([, bom]) => bom.every((b, i) => bytes[i] === b))?.[0];
  if (wide !== undefined || bytes.includes(0)) {
    return `the page is ${wide ?? "not UTF-8"} text${wide ? "" : " (it holds NUL bytes)"}, which this tool does not write: convert it to UTF-8 first; nothing written`;
  }
  if (adding && !isUtf8(bytes)) {
    return "the page is not valid UTF-8, so metadata added to it could mix two encodings: convert it to UTF-8 first; nothing written";
  }
  return null;
}
