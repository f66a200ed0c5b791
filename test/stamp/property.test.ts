// Property: on random pages whose metadata sits among lines that only look like metadata keys
// (block scalars, multi-line strings, comments, nested tables, code fences, Hugo comments, body
// text), with LF or CRLF and with or without a byte order mark, stamping changes exactly the
// metadata's value bytes and nothing else.

import { describe, expect, it } from "vitest";
import { Rng } from "../../bench/prng.js";
import { stampText } from "../../src/meta/stamp.js";

const OLD = "6addd5cf525adec1859f48c52dafcfe1f96e558a";
const NEW = "0123456789abcdef0123456789abcdef01234567";
const OLD_DATE = "2025-04-21";
const NEW_DATE = "2026-12-06";
const C = "\u0001C\u0001";
const D = "\u0001D\u0001";

const YAML_DECOYS: ReadonlyArray<readonly string[]> = [
  ["notes: |", "  last_translation_time: keep this sentence", "  default_lang_commit: decoy"],
  ["summary: >-", "  sourceCommit: not this", "  last_tranlation_time: nor this"],
  ["# last_translation_time: 2020-01-01 is a comment"],
  ['quote: "default_lang_commit: abc1234"'],
  ["params:", "  last_translation_time: 2019-01-01", "  default_lang_commit: nested"],
  ["list:", "  - last_translation_time: 2018-01-01", "  - sourceCommit: 1234567"],
  ["weight: 10"],
];

const TOML_DECOYS: ReadonlyArray<readonly string[]> = [
  ['notes = """', 'default_lang_commit = "decoy"', "last_translation_time = 2020-01-01", '"""'],
  ["raw = '''", "last_translation_time = 2020-01-01", "'''"],
  ['# default_lang_commit = "commented out"'],
  ['summary = "last_translation_time = 2020-01-01"'],
  ["weight = 10"],
];

const TOML_TABLES: ReadonlyArray<readonly string[]> = [
  ["[params]", "last_translation_time = 2019-01-01", 'default_lang_commit = "nested"'],
  ["[[menu.main]]", 'sourceCommit = "x"'],
];

const BODY_DECOYS: ReadonlyArray<readonly string[]> = [
  ["last_translation_time: 2024-01-01 in the body"],
  ['default_lang_commit = "abc" said the page'],
  [
    "```",
    `{{< translation-status raw_commit="${"b".repeat(40)}" last_translation_time="2001-01-01" >}}`,
    "```",
  ],
  [`{{</* translation-status raw_commit="${"c".repeat(40)}" */>}}`],
  ["Some translated text.", ""],
  ["+++", "last_translation_time = 2024-01-01", "+++"],
];

function quoteYaml(r: Rng, v: string): string {
  return r.pick([v, `"${v}"`, `'${v}'`]);
}

function yamlPage(r: Rng): string[] {
  const real: string[][] = [];
  if (r.chance(0.5)) real.push(["l10n:", `  sourceCommit: ${quoteYaml(r, C)}`]);
  else real.push([`default_lang_commit: ${quoteYaml(r, C)}`]);
  if (r.chance(0.7))
    real.push([`${r.pick(["last_translation_time", "last_tranlation_time"])}: ${quoteYaml(r, D)}`]);
  const decoys = YAML_DECOYS.filter(() => r.chance(0.5)).map((d) => [...d]);
  const parts = r.shuffle([["title: A page"], ...real, ...decoys]);
  return ["---", ...parts.flat(), "---"];
}

function tomlPage(r: Rng): string[] {
  const real: string[][] = [];
  if (r.chance(0.3)) real.push([`l10n.sourceCommit = ${r.pick([`"${C}"`, `'${C}'`])}`]);
  else real.push([`default_lang_commit = ${r.pick([`"${C}"`, `'${C}'`])}`]);
  if (r.chance(0.7)) real.push([`last_translation_time = ${r.pick([D, `"${D}"`])}`]);
  const decoys = TOML_DECOYS.filter(() => r.chance(0.5)).map((d) => [...d]);
  const tables = TOML_TABLES.filter(() => r.chance(0.4)).map((d) => [...d]);
  const parts = [...r.shuffle([['title = "A page"'], ...real, ...decoys]), ...tables];
  return ["+++", ...parts.flat(), "+++"];
}

function shortcodeLines(r: Rng): string[] {
  const q = r.pick(['"', "'"]);
  const attrs = r.shuffle([
    `raw_commit=${q}${C}${q}`,
    `raw_title=${q}A page with last_translation_time=${q === '"' ? "'x'" : '"x"'}${q}`,
    ...(r.chance(0.7) ? [`last_translation_time=${q}${D}${q}`] : []),
  ]);
  const sep = r.pick([" ", "\n  "]);
  return [`{{< translation-status-zh-cn${sep}${attrs.join(sep)} >}}`];
}

function randomPage(seed: number): { page: string; expected: string } {
  const r = new Rng(seed);
  const kind = r.pick(["yaml", "toml", "shortcode"] as const);
  const head =
    kind === "yaml"
      ? yamlPage(r)
      : kind === "toml"
        ? tomlPage(r)
        : r.chance(0.5)
          ? ["---", "title: A page", "notes: |", "  last_translation_time: decoy", "---"]
          : [];
  const body = r.shuffle(BODY_DECOYS.filter(() => r.chance(0.5)).map((d) => [...d]));
  if (kind === "shortcode") body.splice(Math.floor(body.length / 2), 0, shortcodeLines(r));
  const eol = r.pick(["\n", "\r\n"]);
  const bom = r.chance(0.3) ? "\ufeff" : "";
  const end = r.chance(0.2) ? "" : eol;
  const template = `${bom}${[...head, "", ...body.flat()].join(eol)}${end}`;
  return {
    page: template.replaceAll(C, OLD).replaceAll(D, OLD_DATE),
    expected: template.replaceAll(C, NEW).replaceAll(D, NEW_DATE),
  };
}

describe("stampText on random pages", () => {
  it("changes exactly the metadata value bytes on 2,000 generated pages", () => {
    const failures: number[] = [];
    for (let seed = 1; seed <= 2000; seed++) {
      const { page, expected } = randomPage(seed);
      const out = stampText(page, NEW, NEW_DATE);
      if (!("text" in out) || out.text !== expected) failures.push(seed);
    }
    if (failures.length > 0) {
      const { page, expected } = randomPage(failures[0] as number);
      expect({
        seed: failures[0],
        count: failures.length,
        out: stampText(page, NEW, NEW_DATE),
      }).toEqual({
        seed: failures[0],
        count: 0,
        out: { text: expected },
      });
    }
    expect(failures).toEqual([]);
  });
});
