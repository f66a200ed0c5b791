// --exclude globs: picomatch's syntax (which the tool used before), matched without backtracking,
// so that a hostile glob against a hostile name still answers at once.
import picomatch from "picomatch";
import { describe, expect, it } from "vitest";
import { globMatcher, globProblem, MAX_GLOB_ALTERNATIVES } from "../../src/core/glob.js";

const GLOBS = [
  "_TEMPLATE.md",
  "drafts/**",
  "**/_*.md",
  "**/drafts/**/*.md",
  "*.md",
  "a/**/b.md",
  "a/*/b.md",
  "a**b.md",
  "x/**b",
  "?.md",
  "[abc].md",
  "[a-c]x.md",
  "[]]",
  "[[:digit:]]*.md",
  "[abc",
  "*.{md,mdx}",
  "{a,b/{c,d}}/*.md",
  "{a}",
  "\\*.md",
  "**",
  "*",
  ".drafts/**",
  "*/",
  "docs/**/drafts/**",
  "docs/*/x*.md",
  // More than 30 steps: run without the bit masks.
  `a/**/${"?*".repeat(16)}.md`,
  `**/${"[a-z]".repeat(31)}*`,
];

const PATHS = [
  "_TEMPLATE.md",
  "a/_TEMPLATE.md",
  "drafts",
  "drafts/x.md",
  "drafts/y/z.md",
  "x/drafts/y.md",
  "x/drafts/y/z.md",
  "_x.md",
  "a/b/_x.md",
  "x.md",
  "x.mdx",
  "a/b.md",
  "a/x/b.md",
  "a/x/y/b.md",
  "axxb.md",
  "ax/xb.md",
  "x/ab",
  "x/y/ab",
  "b.md",
  "d.md",
  "bx.md",
  "]",
  "1a.md",
  "[abc",
  "{a}",
  "a",
  "a.md",
  "b/c/x.md",
  "b/e/x.md",
  "*.md",
  ".drafts/x.md",
  ".x.md",
  "页面.md",
  "docs/drafts/x.md",
  "docs/a/drafts/b/c.md",
  "docs/a/x1.md",
  "docs/a/b/x1.md",
  `a/b/${"x".repeat(20)}.md`,
  `a/${"x".repeat(15)}.md`,
  `z/${"q".repeat(31)}`,
  `z/${"q".repeat(30)}`,
];

describe("globMatcher", () => {
  it("answers as picomatch (dot: true) did for the globs sites write", () => {
    for (const glob of GLOBS) {
      const ours = globMatcher([glob]);
      const theirs = picomatch(glob, { dot: true });
      for (const p of PATHS) {
        expect([glob, p, ours(p)]).toEqual([glob, p, theirs(p)]);
      }
    }
  });

  it("matches any of several globs, and `a/**` matches the folder's own name", () => {
    const m = globMatcher(["_TEMPLATE.md", "drafts/**"]);
    expect(["_TEMPLATE.md", "drafts", "drafts/a/b.md", "a.md"].map(m)).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it("answers a glob of many stars against a long name without backtracking", () => {
    const glob = `${"*a".repeat(12)}*b`;
    const m = globMatcher([glob]);
    // Each of these is out of reach of a backtracking regex (C(4000, 12) ways to try).
    expect(m("a".repeat(60))).toBe(false);
    expect(m(`${"a".repeat(4000)}.md`)).toBe(false);
    expect(m(`${"a".repeat(4000)}b`)).toBe(true);
    // Ending in a class, nothing turns the name away before the steps run over all of it.
    const classEnd = globMatcher([`${"*a".repeat(12)}*[b]`]);
    expect(classEnd(`${"a".repeat(4000)}c`)).toBe(false);
    expect(classEnd(`${"a".repeat(4000)}b`)).toBe(true);
    const deep = globMatcher([`${"**/".repeat(20)}*a*a*a*a*a*a*b`]);
    expect(deep(`${"a/".repeat(2000)}x`)).toBe(false);
  });

  it("refuses what would backtrack or mean something else, with the reason", () => {
    expect(globProblem("+(a|aa)+(a|aa)b")).toMatch(/extglobs like \+\(a\|b\) are not supported/);
    expect(globProblem("@(a).md")).toMatch(/extglobs/);
    expect(globProblem("!drafts/**")).toMatch(/cannot start with "!"/);
    expect(globProblem("{1..9}.md")).toMatch(/brace ranges/);
    expect(globProblem("{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}")).toMatch(
      new RegExp(`more than ${MAX_GLOB_ALTERNATIVES} alternatives`),
    );
    expect(globProblem("")).toMatch(/not empty/);
    // Escaped, they are characters.
    expect(globProblem("\\!x.md")).toBeNull();
    expect(globMatcher(["\\+(a).md"])("+(a).md")).toBe(true);
    expect(globProblem("**/_*.{md,mdx}")).toBeNull();
  });
});
