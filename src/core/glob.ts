// Globs of files that are not pages (--exclude, the config's `exclude`), matched without a regular
// expression. A glob comes from the command line or from a config file a pull request may write,
// and the page names it meets come from strangers too: a glob compiled to a backtracking regex
// (`*a*a*a*a*a*a*b` against a long name) can take longer than the universe. Here each glob is a
// list of steps run as a set of states over the name, one character at a time, so a match costs at
// most (name length × glob length) whatever either holds; brace lists are bounded in number.
//
// The syntax is picomatch's with `dot: true`, which this replaces: `*` any run of characters but
// `/` (a leading dot too), `?` one such character, `[abc]` `[a-z]` `[!a]` `[^a]` `[[:digit:]]` one
// of a class, `**` as a whole segment any number of segments (none too: `**/x.md` matches `x.md`,
// `a/**` matches `a`), `{a,b}` either, and `\` takes the next character as it is (a leading `./`
// is the options' to drop: options/values.ts excludeGlob). Extglobs (`+(a|b)`) and a leading `!`
// are refused: the first is what makes a matcher exponential, the second would exclude every page
// but the one named.

/** One step of a glob. */
type Step =
  | { kind: "char"; char: string; code: number }
  | { kind: "one" }
  /** `test` takes a code point. */
  | { kind: "class"; test: (code: number) => boolean }
  /** Any run of characters but `/`. */
  | { kind: "star" }
  /** `**​/`: none or more whole segments, each with its `/`. */
  | { kind: "segments" }
  /** A closing `/**`: nothing, or `/` and then anything. */
  | { kind: "tail" }
  /** `**` alone: anything. */
  | { kind: "all" };

/** The most alternatives a glob's brace lists may make (`{a,b}{c,d}` makes 4). */
export const MAX_GLOB_ALTERNATIVES = 64;

const EXTGLOB = /[?*+@!]\(/;
const SLASH = 0x2f;
const POSIX: Readonly<Record<string, RegExp>> = {
  alnum: /[A-Za-z0-9]/,
  alpha: /[A-Za-z]/,
  digit: /[0-9]/,
  lower: /[a-z]/,
  upper: /[A-Z]/,
  space: /\s/,
  xdigit: /[0-9A-Fa-f]/,
  punct: /[!-/:-@[-`{-~]/,
  word: /\w/,
};

/** Why `glob` cannot be used, or null when it can. */
export function globProblem(glob: string): string | null {
  try {
    compile(glob);
    return null;
  } catch (err) {
    if (err instanceof GlobError) return err.message;
    throw err;
  }
}

class GlobError extends Error {}

/** A glob alternative ready to run: the text every match starts and ends with (the characters
 * before its first wildcard and after its last), which turns most names away at once, and the
 * steps between them, run on what is between. */
interface Program {
  steps: Step[];
  /** The steps as bit masks, when there are at most 30 of them (nearly always). */
  bits: Bits | null;
  prefix: string;
  suffix: string;
  /** No wildcard at all: the name is the prefix. */
  exact: boolean;
  /** `**​/` and then one segment (`**​/_*.md`, the common shape): only the last segment of a name
   * is matched, against the steps after the first. */
  lastSegment: boolean;
}

/** One test for several globs: whether a path matches any of them. Each glob must be one
 * globProblem accepts (it throws otherwise). */
export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  const programs = globs.flatMap(compile).map(program);
  return (path) => {
    const last = path.slice(path.lastIndexOf("/") + 1);
    for (const p of programs) {
      const name = p.lastSegment ? last : path;
      if (p.exact) {
        if (name === p.prefix) return true;
        continue;
      }
      if (name.length < p.prefix.length + p.suffix.length) continue;
      if (!name.startsWith(p.prefix) || !name.endsWith(p.suffix)) continue;
      const middle = name.slice(p.prefix.length, name.length - p.suffix.length);
      if (p.bits ? runBits(p.bits, middle) : run(p.steps, middle)) return true;
    }
    return false;
  };
}

function program(all: Step[]): Program {
  const lastSegment =
    all[0]?.kind === "segments" &&
    all.slice(1).every((s) => s.kind !== "segments" && s.kind !== "tail" && s.kind !== "all") &&
    all.every((s) => s.kind !== "char" || s.char !== "/");
  const steps = lastSegment ? all.slice(1) : all;
  const literal = (s: Step | undefined) => (s?.kind === "char" ? s.char : null);
  let head = 0;
  while (head < steps.length && literal(steps[head]) !== null) head++;
  if (head === steps.length) {
    const prefix = steps.map(literal).join("");
    return { steps, bits: null, prefix, suffix: "", exact: true, lastSegment };
  }
  let tail = steps.length;
  while (tail > head && literal(steps[tail - 1]) !== null) tail--;
  const core = steps.slice(head, tail);
  return {
    steps: core,
    bits: core.length <= 30 ? bitsOf(core) : null,
    prefix: steps.slice(0, head).map(literal).join(""),
    suffix: steps.slice(tail).map(literal).join(""),
    exact: false,
    lastSegment,
  };
}

/** The glob as one list of steps per brace alternative. */
function compile(glob: string): Step[][] {
  if (glob === "") throw new GlobError("a glob is not empty");
  if (glob.startsWith("!")) {
    throw new GlobError(
      'a glob cannot start with "!" (name the files to leave out; "\\!" for a name)',
    );
  }
  if (EXTGLOB.test(unescaped(glob))) {
    throw new GlobError("extglobs like +(a|b) are not supported (use {a,b})");
  }
  return expandBraces(glob).map(steps);
}

/** `glob` with every escaped character and class left out, to look for syntax. */
function unescaped(glob: string): string {
  return glob.replace(/\\./g, "").replace(/\[[^\]]*\]/g, "");
}

/** The alternatives `{a,b}` lists make, escapes kept for `steps`. */
function expandBraces(glob: string): string[] {
  const open = findBrace(glob);
  if (open === null) return [glob];
  const { start, end, parts } = open;
  const head = glob.slice(0, start);
  const rest = expandBraces(glob.slice(end + 1));
  const out: string[] = [];
  for (const part of parts) {
    for (const inner of expandBraces(part)) {
      for (const tail of rest) {
        out.push(head + inner + tail);
        if (out.length > MAX_GLOB_ALTERNATIVES) {
          throw new GlobError(
            `its brace lists make more than ${MAX_GLOB_ALTERNATIVES} alternatives`,
          );
        }
      }
    }
  }
  return out;
}

/** The first `{...}` holding a comma at its own level: where it is and its parts. A brace without
 * such a comma is a character, as picomatch takes `{a}`; `{1..9}` is refused rather than read. */
function findBrace(glob: string): { start: number; end: number; parts: string[] } | null {
  for (let i = 0; i < glob.length; i++) {
    if (glob[i] === "\\") {
      i++;
      continue;
    }
    if (glob[i] !== "{") continue;
    let depth = 0;
    const commas: number[] = [];
    for (let j = i; j < glob.length; j++) {
      const c = glob[j];
      if (c === "\\") {
        j++;
        continue;
      }
      if (c === "{") depth++;
      else if (c === "}") {
        depth--;
        if (depth === 0) {
          if (commas.length > 0) {
            const bounds = [i, ...commas, j];
            const parts = bounds.slice(1).map((b, k) => glob.slice((bounds[k] as number) + 1, b));
            return { start: i, end: j, parts };
          }
          if (glob.slice(i + 1, j).includes("..")) {
            throw new GlobError("brace ranges like {1..9} are not supported (list them: {1,2,3})");
          }
          break;
        }
      } else if (c === "," && depth === 1) commas.push(j);
    }
  }
  return null;
}

/** One brace-free glob as steps. */
function steps(glob: string): Step[] {
  if (glob === "**") return [{ kind: "all" }];
  const chars = Array.from(glob);
  const out: Step[] = [];
  let i = 0;
  while (i < chars.length) {
    const c = chars[i] as string;
    if (c === "\\") {
      out.push(char(chars[i + 1] ?? "\\"));
      i += 2;
    } else if (c === "*") {
      let j = i;
      while (chars[j] === "*") j++;
      const segmentStart = i === 0 || chars[i - 1] === "/";
      if (j - i >= 2 && segmentStart && chars[j] === "/") {
        out.push({ kind: "segments" });
        j++;
      } else if (j - i >= 2 && segmentStart && j === chars.length && out.at(-1)?.kind === "char") {
        // `a/**`: the `/` before it is part of the tail, so that `a` itself matches.
        out.pop();
        out.push({ kind: "tail" });
      } else out.push({ kind: "star" });
      i = j;
    } else if (c === "?") {
      out.push({ kind: "one" });
      i++;
    } else if (c === "[") {
      const parsed = charClass(chars, i);
      if (parsed) {
        out.push({ kind: "class", test: parsed.test });
        i = parsed.next;
      } else {
        out.push(char(c));
        i++;
      }
    } else {
      out.push(char(c));
      i++;
    }
  }
  return out;
}

function char(c: string): Step {
  return { kind: "char", char: c, code: c.codePointAt(0) as number };
}

/** The class opening at `chars[start]`, or null when it does not close (then `[` is a character). */
function charClass(
  chars: readonly string[],
  start: number,
): { test: (code: number) => boolean; next: number } | null {
  let i = start + 1;
  const negated = chars[i] === "!" || chars[i] === "^";
  if (negated) i++;
  const tests: ((code: number) => boolean)[] = [];
  let first = true;
  while (i < chars.length) {
    let c = chars[i] as string;
    if (c === "]" && !first) {
      const test = (code: number) => code !== SLASH && tests.some((t) => t(code)) !== negated;
      return { test, next: i + 1 };
    }
    first = false;
    if (c === "[" && chars[i + 1] === ":") {
      const close = chars.indexOf(":", i + 2);
      const name = close > 0 && chars[close + 1] === "]" ? chars.slice(i + 2, close).join("") : "";
      const posix = POSIX[name];
      if (posix) {
        tests.push((code) => posix.test(String.fromCodePoint(code)));
        i = close + 2;
        continue;
      }
    }
    if (c === "\\" && i + 1 < chars.length) c = chars[++i] as string;
    if (chars[i + 1] === "-" && chars[i + 2] !== undefined && chars[i + 2] !== "]") {
      let hi = chars[i + 2] as string;
      let skip = 3;
      if (hi === "\\" && chars[i + 3] !== undefined) {
        hi = chars[i + 3] as string;
        skip = 4;
      }
      const lo = c.codePointAt(0) as number;
      const top = hi.codePointAt(0) as number;
      tests.push((code) => code >= lo && code <= top);
      i += skip;
    } else {
      const one = c.codePointAt(0) as number;
      tests.push((code) => code === one);
      i++;
    }
  }
  return null;
}

/**
 * Whether `steps` match all of `chars`: the set of steps reached so far, advanced one character
 * at a time (a state is a step index; `mid` marks a segments or tail step inside its run).
 */
function run(steps: readonly Step[], name: string): boolean {
  const n = steps.length;
  let at = new Uint8Array(n + 1);
  let mid = new Uint8Array(n + 1);
  let nextAt = new Uint8Array(n + 1);
  let nextMid = new Uint8Array(n + 1);
  at[0] = 1;
  close(steps, at);
  for (let k = 0; k < name.length; ) {
    const c = name.codePointAt(k) as number;
    k += c > 0xffff ? 2 : 1;
    nextAt.fill(0);
    nextMid.fill(0);
    let alive = false;
    for (let i = 0; i < n; i++) {
      if (at[i] === 0 && mid[i] === 0) continue;
      const step = steps[i] as Step;
      if (at[i]) {
        let to = -1;
        switch (step.kind) {
          case "char":
            if (c === step.code) to = i + 1;
            break;
          case "one":
            if (c !== SLASH) to = i + 1;
            break;
          case "class":
            if (step.test(c)) to = i + 1;
            break;
          case "star":
            if (c !== SLASH) to = i;
            break;
          case "segments":
            if (c !== SLASH) nextMid[i] = 1;
            break;
          case "tail":
            if (c === SLASH) nextMid[i] = 1;
            break;
          case "all":
            to = i;
            break;
        }
        if (to >= 0) nextAt[to] = 1;
      }
      if (mid[i]) {
        if (step.kind !== "tail" && c === SLASH) nextAt[i] = 1;
        else nextMid[i] = 1;
      }
    }
    close(steps, nextAt);
    const swapAt = at;
    at = nextAt;
    nextAt = swapAt;
    const swapMid = mid;
    mid = nextMid;
    nextMid = swapMid;
    for (let i = 0; i <= n && !alive; i++) alive = at[i] === 1 || mid[i] === 1;
    if (!alive) return false;
  }
  return at[n] === 1 || (n > 0 && steps[n - 1]?.kind === "tail" && mid[n - 1] === 1);
}

/** Steps as masks over their indexes (bit i is step i, bit n past the last), so that one
 * character moves every state at once. */
interface Bits {
  n: number;
  /** The char steps that take each character. */
  chars: Map<number, number>;
  one: number;
  classes: [number, (code: number) => boolean][];
  star: number;
  all: number;
  segments: number;
  tail: number;
  /** Steps that may match nothing. */
  empty: number;
}

function bitsOf(steps: readonly Step[]): Bits {
  const b: Bits = {
    n: steps.length,
    chars: new Map(),
    one: 0,
    classes: [],
    star: 0,
    all: 0,
    segments: 0,
    tail: 0,
    empty: 0,
  };
  steps.forEach((step, i) => {
    const bit = 1 << i;
    if (step.kind === "char") b.chars.set(step.code, (b.chars.get(step.code) ?? 0) | bit);
    else if (step.kind === "one") b.one |= bit;
    else if (step.kind === "class") b.classes.push([bit, step.test]);
    else {
      b[step.kind] |= bit;
      b.empty |= bit;
    }
  });
  return b;
}

/** `run` with the states as bits of one number. */
function runBits(b: Bits, name: string): boolean {
  let at = closeBits(1, b.empty);
  let mid = 0;
  for (let k = 0; k < name.length; ) {
    const c = name.codePointAt(k) as number;
    k += c > 0xffff ? 2 : 1;
    const slash = c === SLASH;
    let moves = (b.chars.get(c) ?? 0) | (slash ? 0 : b.one);
    for (const [bit, test] of b.classes) if (test(c)) moves |= bit;
    const stays = slash ? b.all : b.all | b.star;
    const nextAt = ((at & moves) << 1) | (at & stays) | (slash ? mid & b.segments : 0);
    mid = slash ? (at | mid) & b.tail : (at & b.segments) | (mid & (b.segments | b.tail));
    at = closeBits(nextAt, b.empty);
    if (at === 0 && mid === 0) return false;
  }
  return (at & (1 << b.n)) !== 0 || (mid & b.tail & (1 << (b.n - 1))) !== 0;
}

function closeBits(at: number, empty: number): number {
  let out = at;
  for (let before = -1; before !== out; ) {
    before = out;
    out |= (out & empty) << 1;
  }
  return out;
}

/** Adds the steps reached without a character: past a run that may be empty. */
function close(steps: readonly Step[], at: Uint8Array): void {
  for (let i = 0; i < steps.length; i++) {
    const kind = steps[i]?.kind;
    if (at[i] && (kind === "star" || kind === "segments" || kind === "tail" || kind === "all")) {
      at[i + 1] = 1;
    }
  }
}
