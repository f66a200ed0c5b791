// A row too narrow for all it could say: whole parts give way, the least important first, rather
// than a word be cut wherever the width ends. The one rule for every row of the dashboard made of
// parts to spare: the keys' hints, the title line, the list's controls, the languages' counts and
// the overlays' titles.
import { textWidth } from "../core/columns.js";

/** A part of a row, in the row's order. */
export interface Part {
  text: string;
  /** Lower gives way first; parts of one priority give way together; Infinity never does. */
  priority: number;
  /** A shorter wording the part gives way to (with a priority of its own); absent, it leaves. */
  shorter?: Part;
}

/** A part kept: which of the parts given it is, in which wording. */
export interface KeptPart {
  index: number;
  text: string;
}

/**
 * The parts that fit `width` columns together (with `sep` between each two), in their order:
 * while they do not fit, the parts of the lowest priority give way, each to its shorter wording
 * or out of the row. So the parts kept are always those that matter most, and none is cut; a
 * part that could never fit goes in its turn, not before. Parts that never give way stay
 * however wide they are: what is left of the width is theirs to cut. An empty text takes no
 * room (nor a separator).
 */
export function fitParts(parts: readonly Part[], width: number, sep = ""): KeptPart[] {
  const present = (p: Part | undefined): Part | null => {
    let form = p ?? null;
    while (form !== null && form.text === "") form = form.shorter ?? null;
    return form;
  };
  const forms = parts.map(present);
  const sepWidth = textWidth(sep);
  const used = () => {
    let sum = 0;
    let n = 0;
    for (const f of forms) {
      if (f === null) continue;
      sum += textWidth(f.text);
      n++;
    }
    return sum + Math.max(0, n - 1) * sepWidth;
  };
  while (used() > width) {
    let lowest = Infinity;
    for (const f of forms) if (f !== null && f.priority < lowest) lowest = f.priority;
    if (lowest === Infinity) break;
    forms.forEach((f, i) => {
      if (f !== null && f.priority === lowest) forms[i] = present(f.shorter);
    });
  }
  return forms.flatMap((f, index) => (f === null ? [] : [{ index, text: f.text }]));
}

/** The kept parts' texts joined by `sep`, for a row drawn in one style. */
export function fitPartsText(parts: readonly Part[], width: number, sep = ""): string {
  return fitParts(parts, width, sep)
    .map((p) => p.text)
    .join(sep);
}
