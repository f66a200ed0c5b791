// The JSON Schema editors read (`npm run build` writes it from the zod schema, and the package
// ships it) refuses what the config reader refuses and accepts what it accepts, on values the
// reader's rules were written for: the rules an editor can be told (patterns, sizes, choices)
// are in the schema, not only in the reader's code.
import { describe, expect, it } from "vitest";
import { ConfigSchema, configJsonSchema } from "../../src/options/schema.js";
import { schemaAccepts } from "../helpers/json-schema.js";

const schema = configJsonSchema() as Record<string, unknown>;

const CASES: [unknown, boolean][] = [
  [{ content: "content", source: "en", languages: ["zh-cn", "ja"], failOn: ["outdated"] }, true],
  [{ languages: [] }, false],
  [{ languages: [""] }, false],
  [{ languages: ["zh-cn/"] }, true],
  [{ languages: ["./zh-cn"] }, false],
  [{ languages: ["-x"] }, false],
  [{ show: [] }, false],
  [{ show: ["missing"] }, true],
  [{ exclude: [] }, false],
  [{ exclude: ["drafts/**", "_*.md"] }, true],
  [{ exclude: ["!a"] }, false],
  [{ exclude: ["a{1..3}"] }, false],
  [{ exclude: ["a{1,3}"] }, true],
  [{ exclude: [""] }, false],
  [{ content: "content/" }, true],
  [{ content: "./content" }, true],
  [{ content: "" }, false],
  [{ content: "../content" }, false],
  [{ content: ".hidden" }, false],
  [{ ignoreRevsFile: "../x" }, false],
  [{ ignoreRevsFile: "." }, false],
  [{ ignoreRevsFile: "a/../b" }, false],
  [{ ignoreRevsFile: "./x" }, true],
  [{ ignoreRevsFile: ".git-blame-ignore-revs" }, true],
  [{ sourceRepo: "a\u001bb" }, false],
  [{ sourceRepo: "a\u202eb" }, false],
  [{ sourceRepo: "" }, false],
  [{ sourceRepo: "../english" }, true],
  [{ pinBranch: "main" }, true],
  [{ pinBranch: "-x" }, false],
  [{ defaultLanguage: "-x" }, false],
  [{ extensions: ["MD"] }, true],
  [{ extensions: [".md"] }, false],
  [{ extensions: [] }, false],
  [{ failOn: [] }, false],
  [{ failOn: ["outdated", "outdated"] }, true],
  [{ failOn: ["late"] }, false],
  [{ layout: "hugo" }, true],
  [{ layout: "jekyll" }, false],
  [{ metadata: "shortcode" }, true],
  [{ maxBehind: 5 }, true],
  [{ maxBehind: 1.5 }, false],
  [{ maxBehind: -1 }, false],
  [{ paths: [] }, false],
  [{ unknown: 1 }, false],
];

describe("the published JSON Schema and the config reader", () => {
  it.each(CASES)("agree on %j", (config, accepted) => {
    expect(ConfigSchema.safeParse(config).success).toBe(accepted);
    expect(schemaAccepts(schema, config)).toBe(accepted);
  });
});
