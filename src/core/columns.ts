// Terminal columns of text, as Ink lays rows out (string-width: wide East Asian characters and
// emoji take 2, combining marks 0), and text folded into them: for the dashboard (ui/text.ts)
// and for --help, which must not load the dashboard to wrap its lines.
import stringWidth from "string-width";

export function charWidth(ch: string): number {
  // Latin text is one column a character; everything else is measured as Ink measures it.
  return (ch.codePointAt(0) ?? 0) < 0x300 ? 1 : stringWidth(ch);
}

export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch);
  return w;
}

/**
 * `s` folded at spaces into lines of at most `width` columns. A word longer than that is broken
 * after a `/` where it can (a path, a URL), else where the width ends; a wide character that
 * would straddle the edge starts the next line. Always at least one line.
 */
export function wrapWords(s: string, width: number): string[] {
  const room = Math.max(1, width);
  const lines: string[] = [];
  // Leading spaces align the text (a moved page's "to" under its "from"): they stay.
  let line = /^ */.exec(s)?.[0] ?? "";
  let used = line.length;
  const flush = () => {
    lines.push(line);
    line = "";
    used = 0;
  };
  s.slice(line.length)
    .split(" ")
    .forEach((word, n) => {
      const parts = word.match(/[^/]*\/|[^/]+/g) ?? [""];
      parts.forEach((part, k) => {
        const sep = n > 0 && k === 0 && used > 0 ? " " : "";
        const w = sep.length + textWidth(part);
        if (used + w <= room) {
          line += sep + part;
          used += w;
          return;
        }
        if (used > 0) flush();
        for (const ch of part) {
          const cw = charWidth(ch);
          if (used + cw > room && used > 0) flush();
          line += ch;
          used += cw;
        }
      });
    });
  lines.push(line);
  return lines;
}
