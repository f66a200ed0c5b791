import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../bench/prng.js";
import { findShortcodes, type Shortcode } from "../../src/meta/shortcode.js";

function summary(shortcodes: Shortcode[]) {
  return shortcodes.map((s) => ({
    name: s.name,
    params: Object.fromEntries(s.params),
    line: s.line,
  }));
}

describe("findShortcodes", () => {
  it("reads a name, parameters, offsets and line", () => {
    const text = 'intro\n\n{{< page-ref page="admin/prerequisites" >}}\n';
    const [found] = findShortcodes(text);
    expect(found).toEqual({
      name: "page-ref",
      params: new Map([["page", "admin/prerequisites"]]),
      repeated: [],
      start: 7,
      end: text.length - 1,
      line: 3,
      commitLine: null,
    });
  });

  it("accepts both delimiters and self-closing forms", () => {
    const text = '{{< a x="1" >}} {{% b x="2" %}} {{< c x="3" />}} {{% d x="4" /%}}';
    expect(summary(findShortcodes(text))).toEqual([
      { name: "a", params: { x: "1" }, line: 1 },
      { name: "b", params: { x: "2" }, line: 1 },
      { name: "c", params: { x: "3" }, line: 1 },
      { name: "d", params: { x: "4" }, line: 1 },
    ]);
  });

  it("accepts missing and extra whitespace, including line breaks", () => {
    const text = '{{<a x="1">}}\n{{<\n  b\n  x = "2"\n  y=\'3\'\n/>}}';
    expect(summary(findShortcodes(text))).toEqual([
      { name: "a", params: { x: "1" }, line: 1 },
      { name: "b", params: { x: "2", y: "3" }, line: 2 },
    ]);
  });

  it("reads double, single, backtick and bare values", () => {
    const text = "{{< s a=\"d q\" b='s q' c=`b q` d=/user/x/ e=2025-04-21 >}}";
    expect(summary(findShortcodes(text))[0]?.params).toEqual({
      a: "d q",
      b: "s q",
      c: "b q",
      d: "/user/x/",
      e: "2025-04-21",
    });
  });

  it("ends a bare value before a self-closing delimiter", () => {
    expect(summary(findShortcodes("{{< s a=/x/ />}}"))[0]?.params).toEqual({ a: "/x/" });
    expect(summary(findShortcodes("{{% s a=50% /%}}"))[0]?.params).toEqual({ a: "50%" });
  });

  it("unescapes quotes and keeps closing delimiters inside quoted values", () => {
    const text = '{{< s a="say \\"hi\\" >}}" b=\'it\\\'s\' >}}';
    expect(summary(findShortcodes(text))[0]?.params).toEqual({ a: 'say "hi" >}}', b: "it's" });
  });

  it("reads an empty value", () => {
    expect(summary(findShortcodes('{{< s a="" b= >}}'))[0]?.params).toEqual({ a: "", b: "" });
  });

  it("skips positional parameters", () => {
    const text = '{{< highlight go "linenos=table" a="1" >}}';
    expect(summary(findShortcodes(text))).toEqual([
      { name: "highlight", params: { a: "1" }, line: 1 },
    ]);
  });

  it("keeps the last value of a repeated parameter and names it", () => {
    const [found] = findShortcodes('{{< s a="1" a="2" b="3" a="4" >}}');
    expect(found?.params.get("a")).toBe("4");
    expect(found?.repeated).toEqual(["a"]);
  });

  it("does not return closing tags", () => {
    const text = '{{< hint style="warning" >}}\ntext\n{{< /hint >}}';
    expect(summary(findShortcodes(text))).toEqual([
      { name: "hint", params: { style: "warning" }, line: 1 },
    ]);
  });

  it("ignores Hugo comments and everything inside them", () => {
    const text = [
      '{{</* translation-status raw_commit="a" */>}}',
      '{{%/* translation-status raw_commit="b" */%}}',
      '{{</* x a="{{< translation-status raw_commit=\\"c\\" >}}" */ >}}',
      '{{< live raw_commit="d" >}}',
    ].join("\n");
    expect(summary(findShortcodes(text))).toEqual([
      { name: "live", params: { raw_commit: "d" }, line: 4 },
    ]);
  });

  it("keeps scanning after a comment that never closes", () => {
    const text = '{{</* never closed\n{{< live a="1" >}}';
    expect(summary(findShortcodes(text))).toEqual([{ name: "live", params: { a: "1" }, line: 2 }]);
  });

  it("ignores shortcodes inside fenced code blocks", () => {
    const text = [
      "```markdown",
      '{{< in-backticks a="1" >}}',
      "```",
      "   ~~~~",
      '{{< in-tildes a="2" >}}',
      "~~~",
      "still in the tilde block",
      "~~~~",
      '{{< live a="3" >}}',
    ].join("\n");
    expect(summary(findShortcodes(text))).toEqual([{ name: "live", params: { a: "3" }, line: 9 }]);
  });

  it("treats a fence indented four spaces as text", () => {
    const text = '    ```\n{{< live a="1" >}}\n    ```';
    expect(summary(findShortcodes(text))).toEqual([{ name: "live", params: { a: "1" }, line: 2 }]);
  });

  it("ignores everything after a fence that never closes", () => {
    const text = '{{< before >}}\n```\n{{< after a="1" >}}\n';
    expect(summary(findShortcodes(text))).toEqual([{ name: "before", params: {}, line: 1 }]);
  });

  it("does not open a fence in the middle of a line", () => {
    const text = 'text ```\n{{< live a="1" >}}\n';
    expect(summary(findShortcodes(text))).toEqual([{ name: "live", params: { a: "1" }, line: 2 }]);
  });

  it("lets a shortcode span lines that look like fences", () => {
    const text = '{{< s a="1\n```\n" >}}\n{{< t >}}';
    expect(summary(findShortcodes(text))).toEqual([
      { name: "s", params: { a: "1\n```\n" }, line: 1 },
      { name: "t", params: {}, line: 4 },
    ]);
  });

  it("drops a malformed shortcode and finds the next one on the same line", () => {
    const text = '{{< broken a={x} >}} {{< ok a="1" >}}';
    expect(summary(findShortcodes(text))).toEqual([{ name: "ok", params: { a: "1" }, line: 1 }]);
  });

  it("drops a shortcode whose quoted value never closes and keeps scanning", () => {
    const text = '{{< broken a="1 >}}\n{{< ok b=2 >}}';
    expect(summary(findShortcodes(text))).toEqual([{ name: "ok", params: { b: "2" }, line: 2 }]);
  });

  it("finds a shortcode after extra opening braces", () => {
    expect(findShortcodes('{{{< s a="1" >}}')[0]?.start).toBe(1);
  });

  it("starts at the given offset", () => {
    const text = "{{< a >}}\n{{< b >}}";
    expect(summary(findShortcodes(text, 10))).toEqual([{ name: "b", params: {}, line: 2 }]);
  });

  it("checks for a fence when the start offset is a line start", () => {
    const text = "x\n```\n{{< a >}}\n```\n{{< b >}}";
    expect(summary(findShortcodes(text, 2))).toEqual([{ name: "b", params: {}, line: 5 }]);
  });

  it("passes over lines without fence markers as it would walk them", () => {
    // The scanner walks line by line only while a fence marker lies before the next brace. A
    // first line holding a marker that opens nothing keeps it walking every line: both ways
    // must find the same shortcodes.
    const walked = "x```\n";
    const lines = [
      "```",
      "~~~",
      "   ```",
      "    ```",
      "````",
      "text ``` more",
      "~~~~ info",
      "``` a`b",
      "plain text",
      "",
      '{{< a x="1" >}}',
      '{{% b y="2" %}}',
      '{{< c z="3',
      '" >}}',
      "{{</* gone */>}}",
      "{{< /closing >}}",
      '   {{< d w="4" >}} {{< e >}}',
    ];
    const random = mulberry32(5);
    for (let doc = 0; doc < 3000; doc++) {
      const count = 1 + Math.floor(random() * 12);
      const text = Array.from(
        { length: count },
        () => lines[Math.floor(random() * lines.length)] as string,
      ).join("\n");
      const fast = findShortcodes(text);
      const slow = findShortcodes(walked + text).map((s) => ({
        ...s,
        start: s.start - walked.length,
        end: s.end - walked.length,
        line: s.line - 1,
      }));
      expect(fast, text).toEqual(slow);
    }
  });
});
