import { describe, expect, it } from "vitest";
import { structureWarning } from "../../src/kinds/structure.js";

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
