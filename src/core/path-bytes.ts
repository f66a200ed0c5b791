// File names are bytes. git and the file system both allow names that are not valid UTF-8
// (`b\xffad.md`); decoding them the usual way turns every bad byte into U+FFFD, so the name no
// longer matches the English file of the same bytes, and cannot be opened again. Here such a
// byte becomes the lone surrogate U+DC80 + byte (as Python's "surrogateescape" does): valid
// UTF-8 never decodes to a lone surrogate, so the mapping is reversible, and names compare as
// their bytes do. Outputs show these characters as `\xFF`, and a name given as printed is read
// back (sanitize/terminal.ts shownName, nameFromShown).

import { isUtf8 } from "node:buffer";

/** A byte kept as a lone low surrogate: one a high surrogate before it pairs is a character. */
const ESCAPED = /(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/;

/** The bytes as text, valid UTF-8 as usual and every other byte as U+DC80 + byte. */
export function decodeBytes(bytes: Uint8Array): string {
  const buf = Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (isUtf8(buf)) return buf.toString("utf8");
  let out = "";
  let i = 0;
  while (i < buf.length) {
    const len = sequenceLength(buf, i);
    if (len === 0) {
      out += String.fromCharCode(0xdc00 + (buf[i] as number));
      i++;
    } else {
      out += buf.toString("utf8", i, i + len);
      i += len;
    }
  }
  return out;
}

/** Length of the valid UTF-8 sequence at `i`, or 0 when the byte there does not start one. */
function sequenceLength(b: Buffer, i: number): number {
  const c = b[i] as number;
  if (c < 0x80) return 1;
  const cont = (k: number) => i + k < b.length && ((b[i + k] as number) & 0xc0) === 0x80;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const c1 = b[i + 1] as number;
    // No overlong forms (E0 80..9F) and no UTF-16 surrogates (ED A0..BF).
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f)) return 0;
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const c1 = b[i + 1] as number;
    if ((c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** Whether `text` holds bytes that were not valid UTF-8 (see decodeBytes). */
export function hasEscapedBytes(text: string): boolean {
  return ESCAPED.test(text);
}

/** The bytes `text` stands for: decodeBytes reversed. */
export function encodeBytes(text: string): Buffer {
  if (!hasEscapedBytes(text)) return Buffer.from(text, "utf8");
  const parts: Buffer[] = [];
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    const lone = u >= 0xdc80 && u <= 0xdcff && !(i > 0 && isHigh(text.charCodeAt(i - 1)));
    if (!lone) continue;
    parts.push(Buffer.from(text.slice(run, i), "utf8"), Buffer.from([u - 0xdc00]));
    run = i + 1;
  }
  parts.push(Buffer.from(text.slice(run), "utf8"));
  return Buffer.concat(parts);
}

function isHigh(u: number): boolean {
  return u >= 0xd800 && u <= 0xdbff;
}

/** A path for node:fs: the text itself, or its bytes when it holds non-UTF-8 bytes. */
export function fsPath(text: string): string | Buffer {
  return hasEscapedBytes(text) ? encodeBytes(text) : text;
}

/**
 * Why a name given on the command line that names no file may not be the name meant: Node
 * reads the arguments as UTF-8 and turns every other byte into U+FFFD, so a file whose name
 * holds such a byte can only be given as the reports print it. Null for any other name.
 */
export function replacedBytesHint(given: string): string | null {
  return given.includes("\uFFFD")
    ? "the command line turned bytes that are not UTF-8 into U+FFFD: give each byte as \\xFF, as the reports print the name"
    : null;
}
