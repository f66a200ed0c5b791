import { describe, expect, it } from "vitest";
import { classifyChange } from "../../src/kinds/classify.js";
import { MAX_PARSED_CHARS } from "../../src/kinds/parse.js";
import { newWork, type Work } from "../../src/kinds/work.js";

// One English page, edited each way the issue names. Each case is [name, before, after, kind].
const PAGE = `---
title: Running your own server
weight: 10
aliases:
  - /admin/run/
---

# Running your own server

Mastodon is free software. You can run it on your own server, as many people do.
See [the requirements](/admin/prerequisites/) before you start.

\`\`\`yaml
port: 3000
\`\`\`

Set \`LOCAL_DOMAIN\` to your domain. Then start the server.

- Install the packages.
- Create the database.
`;

const edit = (from: string, to: string) => {
  if (!PAGE.includes(from)) throw new Error(`not in the page: ${from}`);
  return PAGE.replace(from, to);
};

const CASES: Array<[string, string, string]> = [
  // whitespace: the words are the same, in the same order
  ["a paragraph re-wrapped", edit("own server, as many", "own\nserver, as many"), "whitespace"],
  ["trailing spaces and a blank line", `${PAGE.replace("do.\n", "do.   \n")}\n\n`, "whitespace"],
  // The same words in other blocks: Markdown reads another page.
  [
    "list items joined into one",
    edit(
      "- Install the packages.\n- Create the database.",
      "- Install the packages. - Create the database.",
    ),
    "prose",
  ],
  [
    "two paragraphs joined",
    edit("do.\nSee [the", "do.\n\nSee [the").replace("\n\n# Running", "\n# Running"),
    "prose",
  ],
  ["a paragraph split in two", edit("software. You", "software.\n\nYou"), "prose"],
  // front-matter
  ["a weight changed", edit("weight: 10", "weight: 20"), "front-matter"],
  [
    "a key added and a list item changed",
    edit("  - /admin/run/", "  - /admin/running/\ndescription: How"),
    "front-matter",
  ],
  // links: targets only
  ["a link target changed", edit("(/admin/prerequisites/)", "(/admin/requirements/)"), "links"],
  [
    "a link target and the front matter changed",
    edit("(/admin/prerequisites/)", "(/admin/requirements/)").replace("weight: 10", "weight: 5"),
    "links",
  ],
  // code: inside fences or inline code
  ["code in a fence changed", edit("port: 3000", "port: 4000\nhost: x"), "code"],
  ["inline code changed", edit("`LOCAL_DOMAIN`", "`WEB_DOMAIN`"), "code"],
  // typo: a few words inside existing sentences
  ["a misspelling fixed", edit("Mastodon is free", "Mastodon is fre"), "typo"],
  ["a word added to a sentence", edit("start the server.", "start the web server."), "typo"],
  [
    "a rewrap plus one changed word",
    edit("You can run it on your own server,", "You can\nrun it on your\nown machine,"),
    "typo",
  ],
  // prose: everything else
  [
    "a sentence added",
    edit("Then start the server.", "Then start the server. It listens on port 3000."),
    "prose",
  ],
  ["a link whose text changed", edit("[the requirements]", "[the prerequisites]"), "prose"],
  ["a heading reworded", edit("# Running your own server", "# Hosting a server"), "prose"],
  ["a heading's level changed", edit("# Running", "## Running"), "prose"],
  [
    "a list item added",
    edit("- Create the database.", "- Create the database.\n- Migrate."),
    "prose",
  ],
  [
    "a sentence rewritten",
    edit("Mastodon is free software.", "Anyone may host this open program."),
    "prose",
  ],
];

describe("classifyChange", () => {
  it.each(CASES)("%s", (_name, after, kind) => {
    expect(classifyChange(PAGE, after).kind).toBe(kind);
  });

  it("names the front matter keys that changed", () => {
    const after = edit("weight: 10", "weight: 20").replace("  - /admin/run/", "  - /x/");
    expect(classifyChange(PAGE, after)).toEqual({
      kind: "front-matter",
      changedKeys: ["weight", "aliases"],
    });
  });

  it("names TOML keys, a table as one key, and a removed key", () => {
    const before = '+++\ntitle = "A"\ndraft = true\n[params]\nx = 1\n+++\n\nText.\n';
    const after = '+++\ntitle = "A"\n[params]\nx = 2\n+++\n\nText.\n';
    expect(classifyChange(before, after)).toEqual({
      kind: "front-matter",
      changedKeys: ["params", "draft"],
    });
  });

  it("calls a page created or deleted prose", () => {
    expect(classifyChange(null, PAGE).kind).toBe("prose");
    expect(classifyChange(PAGE, null).kind).toBe("prose");
  });

  it("reads a Hugo relref shortcode as a link target", () => {
    const before = 'See [the API]({{< relref "api/v1" >}}) for details.\n';
    const after = 'See [the API]({{< relref "api/v2" >}}) for details.\n';
    expect(classifyChange(before, after).kind).toBe("links");
  });

  it("reads an image's target as a link, its alt text as prose", () => {
    const before = "Look: ![a diagram](/img/a.png)\n";
    expect(classifyChange(before, "Look: ![a diagram](/img/b.png)\n").kind).toBe("links");
    expect(classifyChange(before, "Look: ![the big diagram](/img/a.png)\n").kind).not.toMatch(
      /^(whitespace|front-matter|links|code)$/,
    );
  });

  it("calls a cell filled in an empty table row prose, a misspelling in a full one a typo", () => {
    const before = "| Name | Note |\n| - | - |\n|  |  |\n| Sharing your usrname | a long note |\n";
    const filled = before.replace("|  |  |", "| Sharing your username |  |");
    expect(classifyChange(before, filled).kind).toBe("prose");
    const fixed = before.replace("usrname", "username");
    expect(classifyChange(before, fixed).kind).toBe("typo");
  });

  it("counts fewer than half of a sentence's words as a typo, half or more as prose", () => {
    const page = (s: string) => `Intro paragraph here.\n\n${s}\n\nOutro paragraph here.\n`;
    const of = (before: string, after: string) => classifyChange(page(before), page(after)).kind;
    expect(of("Short one here now.", "Shrt one here now.")).toBe("typo"); // 1 of 4
    expect(of("Short one here now.", "Shrt won here now.")).toBe("prose"); // 2 of 4
    expect(of("Alpha beta gamma delta epsilon zeta.", "Alfa bita gama delta epsilon zeta.")).toBe(
      "prose", // 3 of 6
    );
    expect(
      of("Alpha beta gamma delta epsilon zeta eta.", "Alfa bita gama delta epsilon zeta eta."),
    ).toBe(
      "typo", // 3 of 7
    );
    expect(of("Click here.", "Click there.")).toBe("prose"); // 1 of 2
  });

  it("calls a link reference that names another definition links, wherever the definitions are", () => {
    const filler = Array.from({ length: 5 }, (_, i) => `Paragraph ${i} of filler text.`).join(
      "\n\n",
    );
    const page = `See [the guide][g] for more about the thing.\n\n${filler}\n\n[g]: https://example.com/g\n[h]: https://example.com/h\n`;
    expect(classifyChange(page, page.replace("[g] for", "[h] for")).kind).toBe("links");
    expect(classifyChange(page, page.replace("[the guide][g]", "[the guide](/guide/)")).kind).toBe(
      "links",
    );
    expect(classifyChange(page, page.replace("[the guide][g]", "[the manual][g]")).kind).toBe(
      "prose",
    );
    const image = page.replace("[the guide][g]", "![a diagram][g]");
    expect(classifyChange(image, image.replace("][g]", "][h]")).kind).toBe("links");
  });

  it("reads a link's, an image's and a definition's title as prose, not a link target", () => {
    const link =
      'See [the guide](https://example.com/guide "Read this before you upgrade") first.\n';
    const of = (before: string, from: string, to: string) =>
      classifyChange(before, before.replace(from, to)).kind;
    expect(of(link, "Read this before you upgrade", "Never upgrade without a backup")).toBe(
      "prose",
    );
    expect(of(link, "Read this before you upgrade", "Read this before you update")).toBe("typo");
    expect(of(link, "/guide", "/manual")).toBe("links");
    expect(of(link, "this before", "this\nbefore")).toBe("whitespace");
    const image = 'Look: ![a diagram](/img/a.png "How the parts of the server fit together")\n';
    expect(of(image, "How the parts of the server", "Where every piece of it")).toBe("prose");
    expect(of(image, "/img/a.png", "/img/b.png")).toBe("links");
    const definition =
      'See [the guide][g] first.\n\n[g]: https://example.com/g "Read this before you upgrade"\n';
    expect(of(definition, "Read this before you upgrade", "Never upgrade without a backup")).toBe(
      "prose",
    );
    expect(of(definition, "example.com/g", "example.org/g")).toBe("links");
  });

  it("calls a table row added prose", () => {
    const before = "| a | b |\n| - | - |\n| 1 | 2 |\n";
    expect(classifyChange(before, `${before}| 3 | 4 |\n`).kind).toBe("prose");
  });
});

describe("classifyChange on hostile pages", () => {
  it("does not parse pages over the cap, and still tells whitespace", () => {
    const big = "word ".repeat(MAX_PARSED_CHARS / 4);
    expect(classifyChange(big, `${big}\n`).kind).toBe("whitespace");
    expect(classifyChange(big, `${big} more`).kind).toBe("prose");
  });

  it("parses the changed blocks of a page of any length, up to the cap on each side", () => {
    // One paragraph of exactly MAX_PARSED_CHARS characters, changed by a typo, in a longer page.
    const block = (n: number) => `${"a".repeat(n - 25)} The cat sat on the mats.`;
    const around = (b: string) => `Intro paragraph here.\n\n${b}\n\nOutro paragraph here.\n`;
    const at = block(MAX_PARSED_CHARS);
    expect(at.length).toBe(MAX_PARSED_CHARS);
    expect(classifyChange(around(at), around(at.replace("cat", "dog"))).kind).toBe("typo");
    const over = block(MAX_PARSED_CHARS + 1);
    expect(classifyChange(around(over), around(over.replace("cat", "dog"))).kind).toBe("prose");
    // A page of 1.1 MiB with a one-word fix: only its paragraph is parsed.
    const paragraphs = Array.from(
      { length: 16_000 },
      (_, i) => `Paragraph ${i} has a sentence about the server and its many settings here.`,
    );
    const big = paragraphs.join("\n\n");
    expect(big.length).toBeGreaterThan(1.1 * 1024 * 1024);
    const fixed = big.replace(
      "Paragraph 7000 has a sentence about",
      "Paragraph 7000 has a sentence on",
    );
    expect(classifyChange(big, fixed).kind).toBe("typo");
  });

  it("does work linear in a long page of short lines, changed everywhere", () => {
    const page = (n: number) => Array.from({ length: n }, (_, i) => `l${i}`);
    const changed = (lines: string[]) => lines.map((l, i) => (i % 2 ? l : `${l}x`)).join("\n");
    // Diffed line by line (under 20,000 changed lines), then too many to diff, as 100,000 are.
    // A diff not bounded by its edits compares lines as often as the square of their number:
    // doubling the page would then quadruple the count.
    const sizes = [2_000, 4_000, 50_000, 100_000];
    const costs = sizes.map((n) => {
      const lines = page(n);
      const work = newWork();
      expect(classifyChange(lines.join("\n"), changed(lines), false, work).kind).toBe("prose");
      return cost(work);
    });
    expect(costs[0]).toBeGreaterThan(0);
    sizes.slice(1).forEach((n, i) => {
      const growth = n / (sizes[i] as number);
      expect(costs[i + 1]).toBeLessThanOrEqual(1.1 * growth * (costs[i] as number));
    });
  });

  it("does work linear in crafted nesting and brackets under the cap", () => {
    // 2-14 KiB, far past the nesting cap: micromark's work on a line grows with the square of
    // its nesting (see parse.ts), so a nested line given to it would quadruple the count when
    // doubled. Its speed on dense syntax is the bench's to watch.
    const cases: Array<(n: number) => string> = [
      (n) => "[".repeat(40 * n),
      (n) => `${"> ".repeat(20 * n)}x`,
      (n) => "{{< relref ".repeat(5 * n),
      (n) => "a. ".repeat(20 * n),
      (n) => `${"* ".repeat(20 * n)}x`,
      (n) => "[a](b) ".repeat(6 * n),
    ];
    for (const text of cases) {
      const work = (n: number) => {
        const counted = newWork();
        classifyChange(text(n), `${text(n)}y`, false, counted);
        return cost(counted);
      };
      const [small, big] = [work(100), work(200)];
      // A few line comparisons for the one line changed, whatever its length.
      expect(big).toBeLessThanOrEqual(2.2 * small + 10);
    }
  });
});

/**
 * The work a classification did, counted rather than timed: the line diff's comparisons, and
 * for each text parsed, each of its lines' length times the containers it opens (micromark's
 * work on a line grows with the square of its nesting: the length grows with it too).
 */
function cost(work: Work): number {
  let n = work.lineComparisons;
  for (const text of work.parsed) {
    for (const line of text.split("\n")) n += line.length * (1 + opened(line));
  }
  return n;
}

/** The block quotes and list items a line opens at its start (`> `, `* `, `- `, `+ `, `1. `). */
function opened(line: string): number {
  let n = 0;
  let rest = line;
  for (;;) {
    const m = /^[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))/.exec(rest);
    if (!m) return n;
    n++;
    rest = rest.slice(m[0].length);
  }
}
