// The scan's page reader keeps each metadata value as a string of its own; the copy must be the
// value readMeta finds, code unit for code unit.

import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { contentLayout, type FolderPair } from "../../src/layout/layout.js";
import { readMeta } from "../../src/meta/read.js";
import { listTranslations } from "../../src/scan/listing.js";
import { readTranslation, readTranslations } from "../../src/scan/translations.js";
import { tempDir } from "../helpers/site.js";

const base = tempDir();
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe("readTranslations", () => {
  it("keeps metadata values exactly as readMeta reads them, lone surrogates included", async () => {
    const folder = path.join(base, "zh-cn");
    mkdirSync(folder);
    const pages: Record<string, string> = {
      "surrogate.md": '---\ndefault_lang_commit: "\\ud800abc"\ntitle: "\\udc00"\n---\nbody\n',
      "shortcode.md":
        '{{< translation-status-zh-cn raw_title="标题 \\"x\\"" raw_link="/a/" last_translation_time="2025-04-21" raw_commit="abc1234">}}\n',
    };
    for (const [name, text] of Object.entries(pages)) writeFileSync(path.join(folder, name), text);
    const listing = await listTranslations([
      {
        lang: "zh-cn",
        rel: "zh-cn",
        abs: folder,
        pair: contentLayout(".", "en").pairs[0] as FolderPair,
        inside: null,
      },
    ]);
    const { pages: read } = await readTranslations(listing);
    expect(read.map((t) => t.rel)).toEqual(["shortcode.md", "surrogate.md"]);
    for (const t of read) {
      const expected = readMeta(pages[t.rel] as string).meta;
      expect(t.meta).toEqual(expected);
    }
    expect(read[1]?.meta?.rawCommit).toBe("\ud800abc");
  });
});

describe("a page that could not be read", () => {
  it("records an unknown commit with the reason, never no metadata", () => {
    const folder = path.join(base, "ja");
    // A name the listing gave as a page that is a folder by the time it is read.
    mkdirSync(path.join(folder, "gone.md"), { recursive: true });
    const lang = {
      lang: "ja",
      rel: "ja",
      abs: folder,
      pair: contentLayout(".", "en").pairs[0] as FolderPair,
      inside: null,
    };
    for (const rel of ["gone.md", "absent.md"]) {
      const t = readTranslation(lang, rel);
      expect(t.unread).toBe(true);
      expect(t.warnings).toEqual([]);
      expect(t.meta).toMatchObject({
        rawCommit: "",
        line: 1,
        unreadable: "file could not be read, so its English commit is unknown",
      });
    }
  });
});
