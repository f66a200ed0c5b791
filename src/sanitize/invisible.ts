// The one definition of an invisible character, shared by every sink (terminal, dashboard, JSON,
// Markdown, GitHub log): a code point that shows nothing of its own, or only changes how its
// neighbours show, so untrusted text could hide words in it, smuggle data (tag characters,
// variation selectors) or make a line wider or narrower than it is measured.
//
// - Default_Ignorable_Code_Point: what Unicode says a renderer may draw as nothing. It holds the
//   zero-width characters, bidi marks and embeddings, soft hyphen, the Hangul fillers (U+115F,
//   U+1160, U+3164, U+FFA0), the combining grapheme joiner U+034F, musical beam and slur controls
//   (U+1D173..1D17A), variation selectors and tag characters, and code points reserved to join
//   them later.
// - Cf, format controls, which are mostly in the above; the rest change the text around them
//   (interlinear annotation U+FFF9..FFFB hides text, Egyptian hieroglyph format controls, the
//   Arabic number signs that span the digits after them).
// - Fillers that are neither but render blank in common fonts: U+2800 BRAILLE PATTERN BLANK and
//   U+1D159 MUSICAL SYMBOL NULL NOTEHEAD.
//
// Control characters, line separators and lone surrogates are unsafe for other reasons; the
// terminal sanitizer (terminal.ts) adds them to this class.

/** The class's contents, for a `[...]` in a regular expression with the `u` flag. */
export const INVISIBLE_CLASS = String.raw`\p{Default_Ignorable_Code_Point}\p{Cf}\u2800\u{1D159}`;

const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`, "u");

/** Whether the code point is invisible in the sense above. */
export function isInvisible(cp: number): boolean {
  return INVISIBLE.test(String.fromCodePoint(cp));
}
