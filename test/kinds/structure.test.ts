import { describe, expect, it } from "vitest";
import { classifyChange } from "../../src/kinds/classify.js";
import { mayHoldTable, structureOf, structureWarning } from "../../src/kinds/structure.js";

const ENGLISH = `---
title: Installing
---

# Installing

Some text.

## Requirements

- Ruby
- Node.js
- PostgreSQL

\`\`\`yaml
port: 3000
\`\`\`

## Configuring X

Text.

| a | b |
| - | - |
| 1 | 2 |

## Limits

![diagram](/img/limits.png)

{{< hint >}}Careful.{{< /hint >}}
`;

/** The same page in Chinese, structure kept. */
const FAITHFUL = `---
title: 安装
---

# 安装

一些文字。

## 要求

- Ruby
- Node.js
- PostgreSQL

\`\`\`yaml
port: 3000
\`\`\`

## 配置 X

文字。

| 甲 | 乙 |
| - | - |
| 1 | 2 |

## 限制

![图](/zh-cn/img/limits.png)

{{< hint >}}小心。{{< /hint >}}

{{< translation-status-zh-cn raw_commit="abc" >}}
`;

describe("structureWarning", () => {
  it("says nothing for a faithful translation", () => {
    expect(structureWarning(ENGLISH, FAITHFUL)).toBeNull();
  });

  it("names the English sections a partial update left out", () => {
    const partial = FAITHFUL.slice(0, FAITHFUL.indexOf("## 配置 X"));
    const warning = structureWarning(ENGLISH, partial);
    expect(warning).toContain("English has 2 more `##` sections: Configuring X, Limits");
    expect(warning).toContain("English has 1 more table (1, translation 0)");
    expect(warning).toContain("shortcode `hint`: English 1, translation 0");
  });

  it("names a code block whose language changed, and a list that lost an item", () => {
    const changed = FAITHFUL.replace("```yaml", "```json").replace("- PostgreSQL\n", "");
    expect(structureWarning(ENGLISH, changed)).toBe(
      "structure differs from the English: code block 1: English `yaml`, translation `json`; list 1: English 3 items, translation 2",
    );
  });

  it("counts a heading of another level as a difference", () => {
    expect(structureWarning(ENGLISH, FAITHFUL.replace("## 限制", "### 限制"))).toContain(
      "English has 1 more `##` section: Limits; translation has 1 more `###` section",
    );
  });

  it("gives up quietly on pages too deep to parse", () => {
    const deep = `${"> ".repeat(5000)}x`;
    expect(structureWarning(deep, FAITHFUL)).toBeNull();
  });
});

describe("what the English change did to the structure", () => {
  const changesOf = (before: string, after: string) =>
    classifyChange(before, after, true).structureChanges;

  it("names sections added and removed by their text, without Hugo's heading ids", () => {
    const after = ENGLISH.replace("## Limits", "## Quotas {#quotas}\n\nMore.\n\n## Limits");
    expect(changesOf(ENGLISH, after)).toEqual(["added 1 `##` section: Quotas"]);
    expect(changesOf(after, ENGLISH)).toEqual(["removed 1 `##` section: Quotas"]);
  });

  it("tells a renamed section, a new code language, a longer list and table, a new shortcode", () => {
    const after = ENGLISH.replace("## Limits", "## Boundaries")
      .replace("```yaml", "```toml")
      .replace("- PostgreSQL\n", "- PostgreSQL\n- Redis\n")
      .replace("| 1 | 2 |\n", "| 1 | 2 |\n| 3 | 4 |\n")
      .replace(
        "{{< hint >}}Careful.{{< /hint >}}",
        "{{< hint >}}Careful.{{< /hint >}} {{< note >}}x{{< /note >}}",
      );
    expect(changesOf(ENGLISH, after)).toEqual([
      "added 1 `##` section: Boundaries",
      "removed 1 `##` section: Limits",
      "a code block's language: `yaml` → `toml`",
      // Rows without the delimiter row; the longer list and the new shortcode are counted.
      "a table: 2 × 2 → 3 rows × 2 columns",
      "2 more changes",
    ]);
  });

  it("says nothing of a change that left the structure alone, or of link shortcodes", () => {
    expect(changesOf(ENGLISH, ENGLISH.replace("Some text.", "Some other text."))).toBeUndefined();
    const link = ENGLISH.replace("Text.", 'Text, see [it]({{< relref "other" >}}).');
    expect(changesOf(ENGLISH, link)).toBeUndefined();
  });

  it("reads tables only where a delimiter row may be, with the same structure either way", () => {
    expect(mayHoldTable("a | b\n- | -\n")).toBe(true);
    expect(mayHoldTable("> | a |\n> | --- |\n")).toBe(true);
    expect(mayHoldTable("- item | with a pipe\n---\n")).toBe(false);
    const plain = "# A\n\n- x\n- y\n\n```js\nx | y\n```\n";
    expect(mayHoldTable(plain)).toBe(false);
    expect(structureOf(plain)).toEqual({
      headings: [{ depth: 1, text: "A", id: null, slug: "a" }],
      code: ["js"],
      lists: [2],
      tables: [],
      images: 0,
      shortcodes: [],
    });
  });

  it("takes two names of one code language as one, and ignores what a comment shortcode hides", () => {
    const english =
      "```javascript\nx\n```\n\n```text\ny\n```\n\n{{% comment %}}\n{{% param X %}}\n{{% /comment %}}\n{{< note >}}n{{< /note >}}\n";
    const translation = "```js\nx\n```\n\n```\ny\n```\n\n{{< note >}}注{{< /note >}}\n";
    expect(structureWarning(english, translation)).toBeNull();
    expect(structureWarning(english, translation.replace("```js", "```yaml"))).toBe(
      "structure differs from the English: code block 1: English `js`, translation `yaml`",
    );
  });

  it("names the sections a translation lacks by the English anchors it keeps", () => {
    const english = "## Intro\n\n## Setup\n\n## Usage\n";
    // Which `##` is missing cannot be told by level; the ids say it is the middle one.
    const translation = "## 介绍 {#intro}\n\n## 用法 {#usage}\n";
    expect(structureWarning(english, translation)).toBe(
      "structure differs from the English: English has 1 more `##` section: Setup",
    );
  });
});
