import { describe, expect, it } from "vitest";
import { mdCode, mdLink, mdName, mdText, mdTextWithCode } from "../../src/sanitize/markdown.js";
import { firstForbidden, fuzzStrings } from "./fuzz.js";

describe("mdText", () => {
  it.each([
    ["</details>", "&lt;/details&gt;"],
    ["<script>alert(1)</script>", "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"],
    ["a | b", "a \\| b"],
    ["@octocat and @org/team", "@&#8203;octocat and @&#8203;org/team"],
    ["mail a@b.co", "mail a@&#8203;b.co"],
    ["[x](javascript:alert(1))", "\\[x\\]\\(javascript:alert\\(1\\)\\)"],
    ["![img](http://evil)", "\\!\\[img\\]\\(http:&#8203;//evil\\)"],
    ["line1\nline2\r\nline3\rline4", "line1 line2 line3 line4"],
    [
      "see https://e.example, www.e.example, WWW.E.x",
      "see https:&#8203;//e.example, www&#8203;.e.example, WWW&#8203;.E.x",
    ],
    ["fixes #12 and owner/repo#3", "fixes #&#8203;12 and owner/repo#&#8203;3"],
    ["fixes GH-5, gh-12 and GH-x", "fixes GH&#8203;-5, gh&#8203;-12 and GH-x"],
    ["*b* _i_ ~~s~~ `c` \\ $x$", "\\*b\\* \\_i\\_ \\~\\~s\\~\\~ \\`c\\` \\\\ \\$x\\$"],
    ["&amp; &#64;", "&amp;amp; &amp;#&#8203;64;"],
    ["- item", "\\- item"],
    ["+ item", "\\+ item"],
    ["1. item", "1\\. item"],
    ["10) item", "10\\) item"],
    ["===", "\\==="],
    ["# heading", "#&#8203; heading"],
    ["> quote", "&gt; quote"],
    ["\x1b[31m\u202e\ttab", "\\\\x1b\\[31m\\\\u202e\\\\ttab"],
    ["C# é 漢字 😀 a-b 2.0", "C#&#8203; é 漢字 😀 a-b 2.0"],
    ["", ""],
  ])("mdText(%j) is %j", (input, expected) => {
    expect(mdText(input)).toBe(expected);
  });

  it("leaves no live Markdown, HTML, link, mention or line break on generated input", () => {
    for (const s of fuzzStrings(1234, 2000)) {
      const out = mdText(s);
      expect(firstForbidden(out)).toBeNull();
      expect(out).not.toMatch(/[\r\n]/);
      // Drop what is escaped (backslash pairs, entities, `@`/`#` defused by the ZWSP entity, which
      // becomes a harmless placeholder so `://` and `www.` stay split); nothing live may remain.
      const bare = out
        .replace(/\\[\s\S]/g, "")
        .replace(/[@#]?&#8203;/g, "¤")
        .replace(/&(amp|lt|gt);/g, "");
      expect(bare).not.toMatch(/[\\`*_~[\]()!|$<>&@#]|:\/\/|www\./i);
    }
  });
});

describe("mdTextWithCode", () => {
  it.each([
    ["added 1 `##` section: Intro", "added 1 `##` section: Intro"],
    ["English `yaml`, translation `js<b>`", "English `yaml`, translation `js<b>`"],
    // One backquote from a title: no span is made, the whole is text.
    ["section: a`b *c*", mdText("section: a`b *c*")],
    ["`a|b` [x](y)", "<code>a\\|b</code> \\[x\\]\\(y\\)"],
  ])("mdTextWithCode(%j) is %j", (input, expected) => {
    expect(mdTextWithCode(input)).toBe(expected);
  });

  it("leaves nothing active on generated input", () => {
    for (const s of fuzzStrings(91, 1000)) expect(firstForbidden(mdTextWithCode(s))).toBeNull();
  });
});

describe("mdCode", () => {
  it.each([
    ["docs/fr/intro.md", "`docs/fr/intro.md`"],
    ["a`b", "``a`b``"],
    ["``x``", "``` ``x`` ```"],
    ["`", "`` ` ``"],
    [" a ", "`  a  `"],
    ["  ", "`  `"],
    ["<b>&amp;</b> @me #1", "`<b>&amp;</b> @me #1`"],
    ["x\ny\x1b", "`x\\ny\\x1b`"],
    ["a|b", "<code>a\\|b</code>"],
    ["", "<code></code>"],
  ])("mdCode(%j) is %j", (input, expected) => {
    expect(mdCode(input)).toBe(expected);
  });

  it("uses a fence longer than any backtick run on generated input", () => {
    for (const s of fuzzStrings(77, 1000)) {
      const out = mdCode(s);
      expect(firstForbidden(out)).toBeNull();
      if (out.startsWith("<code>")) continue;
      const fence = /^`+/.exec(out)?.[0] ?? "";
      const inner = out.slice(fence.length, out.length - fence.length);
      expect(out.endsWith(fence)).toBe(true);
      for (const run of inner.match(/`+/g) ?? []) expect(run.length).toBeLessThan(fence.length);
    }
  });
});

describe("mdName", () => {
  // The code span's text is the name as every report prints it, however the name would fare as
  // mdCode's text: no zero-width space to be copied with it, no `##[` broken up into `##\\[`.
  it.each([
    ["a|@b #1.md", "`a|@b #1.md`"],
    ["##[x].md", "`##\\x5bx].md`"],
    ["##\\[x].md", "`##\\[x].md`"],
    ["::x`y`.md", "``\\x3a:x`y`.md``"],
    ["new\nline.md", "`new\\nline.md`"],
  ])("mdName(%j) is %j", (name, expected) => {
    expect(mdName(name)).toBe(expected);
  });
});

describe("mdLink", () => {
  it.each([
    ["docs", "https://example.com/page", "[docs](https://example.com/page)"],
    [
      "docs",
      'https://example.com/a b/(x)|y?q=<1>&r="2"`',
      "[docs](https://example.com/a%20b/\\(x\\)\\|y?q=%3C1%3E\\&r=%222%22\\`)",
    ],
    ["[x](y) @a", "https://ex.com/", "[\\[x\\]\\(y\\) @&#8203;a](https://ex.com/)"],
    ["", "https://ex.com/p", "[https:&#8203;//ex.com/p](https://ex.com/p)"],
    ["x", "HTTPS://EX.com\\a", "[x](https://ex.com/a)"],
    ["x", "http://evil", "x"],
    ["x", "javascript:alert(1)", "x"],
    ["x", "data:text/html,<script>", "x"],
    ["x", "https://user:pw@evil.example", "x"],
    ["x", "//evil.example", "x"],
    ["<b>x</b>", "not a url", "&lt;b&gt;x&lt;/b&gt;"],
  ])("mdLink(%j, %j) is %j", (text, url, expected) => {
    expect(mdLink(text, url)).toBe(expected);
  });
});
