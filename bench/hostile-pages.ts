// Hostile page shapes timed at two sizes: reading a page's metadata must grow linearly with the
// page, so four times the page should take about four times as long (not sixteen).
import { readMeta } from "../src/meta/read.js";
import { stampText } from "../src/meta/stamp.js";

interface Shape {
  name: string;
  /** A page of about `bytes` bytes. */
  page: (bytes: number) => string;
}

const SHAPES: readonly Shape[] = [
  {
    // Every name given twice in one shortcode (a red-team case that was quadratic).
    name: "repeated shortcode attributes",
    page: (bytes) => {
      const n = Math.floor(bytes / 20);
      const attrs = Array.from({ length: n }, (_, i) => `k${i}=1`).join(" ");
      return `{{< x ${attrs} ${attrs} >}}\n{{< translation-status raw_commit="abc1234" >}}\n`;
    },
  },
  {
    // Look-alikes of the commit key, each a place a writer would have to ask the parser about.
    name: "front matter repeating the commit key",
    page: (bytes) => {
      const n = Math.floor(bytes / 24);
      return `---\nnotes: |\n${"  default_lang_commit: a\n".repeat(n)}default_lang_commit: abc1234\n---\n`;
    },
  },
  {
    name: "one line repeating the commit key",
    page: (bytes) => {
      const n = Math.floor(bytes / 23);
      return `---\nx: "a${",default_lang_commit: y".repeat(n)}"\ndefault_lang_commit: abc1234\n---\n`;
    },
  },
];

/** Reading the page, and stamping it as a writer would. */
function time(text: string): number {
  const t = performance.now();
  readMeta(text);
  stampText(text, "0".repeat(40), "2026-01-01");
  return performance.now() - t;
}

/** For each shape: milliseconds at about 1 MiB and 4 MiB, and their ratio. */
export function hostilePageScaling(): Array<{ name: string; small: number; large: number }> {
  return SHAPES.map((shape) => {
    const small = shape.page(1 << 20);
    const large = shape.page(4 << 20);
    time(small);
    const runs = [0, 1, 2].map(() => ({ small: time(small), large: time(large) }));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1] as number;
    return {
      name: shape.name,
      small: median(runs.map((r) => r.small)),
      large: median(runs.map((r) => r.large)),
    };
  });
}
