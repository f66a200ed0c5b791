// Every option that is both a flag and a config key goes through one rule (options/values.ts
// OPTION_RULES): the same value is kept the same way, or refused with the same reason, whether
// it comes from the command line or from the config file. Each door names its own source: the
// flag, or the file and the key.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseCli } from "../../src/cli/args.js";
import { AppError } from "../../src/errors.js";
import { readConfig } from "../../src/options/config.js";
import { ConfigSchema } from "../../src/options/schema.js";
import { tempDir } from "../helpers/site.js";

interface Pair {
  key: string;
  flag: string;
  /** A value the rule keeps. */
  good: string;
  list: boolean;
  /** How the flag takes several items: repeated, or as one comma list. */
  comma?: boolean;
  /** The command whose line takes the flag. */
  argv?: string[];
}

const PAIRS: Pair[] = [
  { key: "content", flag: "--content", good: "site/content", list: false },
  { key: "source", flag: "--source", good: "en", list: false },
  { key: "languages", flag: "--lang", good: "zh-cn", list: true },
  { key: "exclude", flag: "--exclude", good: "drafts/**", list: true },
  { key: "extensions", flag: "--extensions", good: "md", list: true },
  { key: "defaultLanguage", flag: "--default-lang", good: "ja", list: false },
  { key: "layout", flag: "--layout", good: "hugo", list: false },
  // --metadata is an option of the commands that write metadata.
  { key: "metadata", flag: "--metadata", good: "shortcode", list: false, argv: ["stamp", "a.md"] },
  { key: "failOn", flag: "--fail-on", good: "outdated", list: true, comma: true },
  { key: "show", flag: "--show", good: "missing", list: true, comma: true },
  { key: "sourceRepo", flag: "--source-repo", good: "../english", list: false },
  {
    key: "pinBranch",
    flag: "--pin-branch",
    good: "main",
    list: false,
    argv: ["stamp", "content/ja/a.md"],
  },
];

/** Keys that are flags too but not held to one rule, and why; every other key is in PAIRS. */
const APART: Record<string, string> = {
  $schema: "no flag: the editor's",
  paths: "the flag is SOURCE:TRANSLATION, the key an object; both end in the same pattern check",
  ignoreRevsFile: "the flag names a file on this machine, the key one inside the repository",
  maxBehind: "a JSON number against a flag's digits: both are whole numbers up to 999,999,999",
  maxLines: "as maxBehind",
  maxAge: "as maxBehind",
  useEstimates: "a switch: the flag has no value to judge",
};

type Outcome = { value: unknown } | { error: string };

const dir = tempDir("ts-doors-");
const FILE = path.join(dir, "translation-status.config.json");

function byFlag(pair: Pair, items: string[]): Outcome {
  const args = pair.comma
    ? [`${pair.flag}=${items.join(",")}`]
    : items.map((v) => `${pair.flag}=${v}`);
  try {
    const parsed = parseCli([...(pair.argv ?? ["check"]), ...args], dir);
    return { value: parsed.given[pair.key as keyof typeof parsed.given] };
  } catch (err) {
    if (err instanceof AppError) return { error: err.message };
    throw err;
  }
}

async function byConfig(pair: Pair, value: unknown): Promise<Outcome> {
  writeFileSync(FILE, JSON.stringify({ [pair.key]: value }));
  try {
    const config = await readConfig(FILE, "cfg.json");
    return { value: config[pair.key as keyof typeof config] };
  } catch (err) {
    if (err instanceof AppError) return { error: err.message };
    throw err;
  }
}

/** Each case as the flag's items and the config's value. */
function cases(pair: Pair): [string, string[], unknown][] {
  const g = pair.good;
  const one = (v: string): unknown => (pair.list ? [v] : v);
  const out: [string, string[], unknown][] = [
    ["an empty string", [""], one("")],
    ["a closing slash", [`${g}/`], one(`${g}/`)],
    ["a leading ./", [`./${g}`], one(`./${g}`)],
    ["the good value", [g], one(g)],
  ];
  if (pair.list) {
    out.push(["a repeated item", [g, g], [g, g]], ["an empty item", [g, ""], [g, ""]]);
    // A repeated flag always holds an item; a comma list can hold none.
    if (pair.comma || pair.key !== "exclude") out.push(["an empty list", [","], []]);
  }
  return out;
}

describe("a flag and its config key", () => {
  it("covers every key of the config that is not set apart with a reason", () => {
    const keys = Object.keys(ConfigSchema.shape).sort();
    expect([...PAIRS.map((p) => p.key), ...Object.keys(APART)].sort()).toEqual(keys);
  });

  const table = PAIRS.flatMap((pair) =>
    cases(pair).map(([what, items, value]) => [pair.key, what, pair, items, value] as const),
  );
  it.each(table)("%s, %s: one verdict, one reason", async (key, _what, pair, items, value) => {
    const flag = byFlag(pair, items);
    const config = await byConfig(pair, value);
    if ("value" in flag && "value" in config) {
      expect(config.value).toEqual(flag.value);
      return;
    }
    expect("error" in flag && "error" in config).toBe(true);
    if (!("error" in flag) || !("error" in config)) return;
    // The flag's door names the flag, the config's the file and the key; the reason is the same.
    expect(flag.error.startsWith(`${pair.flag}: `)).toBe(true);
    expect(config.error.startsWith(`cfg.json: "${key}": `)).toBe(true);
    expect(config.error.slice(`cfg.json: "${key}": `.length)).toBe(
      flag.error.slice(`${pair.flag}: `.length),
    );
  });

  it("refuses every empty list and keeps a repeated item once", async () => {
    for (const pair of PAIRS.filter((p) => p.list)) {
      const refused = await byConfig(pair, []);
      expect(refused).toEqual({
        error: expect.stringMatching(new RegExp(`^cfg\\.json: "${pair.key}": needs at least one`)),
      });
      expect(await byConfig(pair, [pair.good, pair.good])).toEqual({ value: [pair.good] });
    }
  });

  it("reads a closing slash alike where it means a folder, and refuses a leading ./ on a name", async () => {
    const languages = PAIRS.find((p) => p.key === "languages") as Pair;
    expect(await byConfig(languages, ["zh-cn/"])).toEqual({ value: ["zh-cn"] });
    expect(byFlag(languages, ["zh-cn/"])).toEqual({ value: ["zh-cn"] });
    const source = PAIRS.find((p) => p.key === "source") as Pair;
    expect(await byConfig(source, "./en")).toEqual({
      error: expect.stringMatching(/^cfg\.json: "source": "\.\/en": a language is a folder name/),
    });
  });
});
