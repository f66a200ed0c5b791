// The English history and the translation folders' changes are read in one git log (see
// src/git/split-log.ts). Whatever the log's parts, the English index must be exactly the one the
// English log alone gives, renames included, and every page's estimate the one a log of the
// translation folders alone gives: on a generated history, and on one commit where git's rename
// detection over both sets of folders would pair an English page with its translation.

import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateRepo } from "../../bench/generate.js";
import { buildSite } from "../../src/demo/build-site.js";
import type { SiteSpec } from "../../src/demo/site-spec.js";
import { openRepo, readHead } from "../../src/git/repo.js";
import {
  estimateCommits,
  heldTranslationHistory,
  loadTranslationHistory,
} from "../../src/scan/estimates.js";
import { completeHistory, loadHeadHistory } from "../../src/scan/history-model.js";
import { scan } from "../../src/scan/scan.js";
import type { Translation } from "../../src/scan/translations.js";
import { comparable } from "../helpers/path-index.js";
import { git, tempDir } from "../helpers/site.js";

let base: string;
beforeAll(() => {
  base = tempDir("ts-one-log-");
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** A translation page as the estimates take it. */
function page(lang: string, rel: string): Translation {
  return {
    lang,
    base: `content/${lang}`,
    source: "content/en",
    rel,
    sourceRel: rel,
    meta: null,
    warnings: [],
  };
}

/** The English log alone, then the one log with `langs`' folders in parts of `part` commits:
 * the two English indexes, and both ways' estimates of `pages`. */
async function bothWays(dir: string, langs: readonly string[], pages: Translation[], part: number) {
  const repo = await openRepo(dir);
  const { hash } = await readHead(repo);
  const alone = await loadHeadHistory(repo, hash, ["content/en"], part);
  const folders = langs.map((l) => `content/${l}`);
  const one = await loadHeadHistory(repo, hash, ["content/en"], part, null, undefined, folders);
  expect(alone.translations).toBeNull();
  const held = one.translations;
  if (!held) throw new Error("the translations' changes were not read");
  const separate = await loadTranslationHistory(repo, hash, pages, 0);
  const fromHeld = heldTranslationHistory(held, one.table, hash, pages, null);
  const history = await completeHistory(repo, alone, []);
  const estimate = (log: typeof separate) =>
    [...estimateCommits(history, log, pages, new Set()).commits].map(([t, c]) => [t.rel, c]);
  return {
    alone,
    one,
    estimates: { separate: estimate(separate), fromHeld: estimate(fromHeld) },
  };
}

describe("one log for the English history and the translations", () => {
  let generated: string;
  beforeAll(async () => {
    generated = path.join(base, "generated");
    await generateRepo(generated, {
      pages: 60,
      commits: 300,
      languages: { "zh-cn": 0.8, ja: 0.5 },
      seed: 7,
      renames: 6,
      deletions: 4,
      merges: 8,
      syncEvery: 20,
    });
  }, 120_000);

  for (const part of [1, 40, 1_000_000]) {
    it(`gives the English log's own index and the same estimates, in parts of ${part}`, async () => {
      const pages = git(generated, ["ls-files", "content/zh-cn", "content/ja"])
        .split("\n")
        .map((p) => {
          const [, lang = "", ...rest] = p.split("/");
          return page(lang, rest.join("/"));
        });
      const { alone, one, estimates } = await bothWays(generated, ["zh-cn", "ja"], pages, part);
      expect(one.table).toEqual(alone.table);
      expect(alone.index.renames.length).toBeGreaterThan(0);
      expect(comparable(one.index)).toEqual(comparable(alone.index));
      expect(estimates.separate.length).toBeGreaterThan(0);
      expect(estimates.fromHeld).toEqual(estimates.separate);
    });
  }

  it("keeps an English rename that git would pair with an added translation", async () => {
    const dir = path.join(base, "crossed");
    const original = "---\ntitle: Guide\n---\n\nStart here.\n\nThen read on.\n\nAnd on.\n";
    const spec: SiteSpec = {
      start: "2025-06-01T00:00:00Z",
      author: { name: "Fixture Author", email: "fixture@example.com" },
      steps: [
        {
          commit: "Add the guide",
          label: "initial",
          write: { "content/en/guide.md": original, "content/en/other.md": "Other.\n" },
        },
        {
          commit: "Translate the other page",
          write: {
            "content/ja/moved/guide.md": `---\ntitle: ガイド\ndefault_lang_commit: {{hash:initial}}\n---\n\nここから。\n`,
            "content/ja/other.md": "他。\n",
          },
        },
        {
          // The deleted English page's bytes reappear whole as a translation: over both sets of
          // folders git pairs them exactly, before it tries the English page that moved.
          commit: "Move the guide, and start its Chinese translation from a copy",
          label: "move",
          delete: ["content/en/guide.md"],
          write: {
            "content/en/moved/guide.md": `${original}\nOne more line.\n`,
            "content/zh-cn/guide.md": original,
          },
        },
        {
          commit: "Edit the moved guide",
          write: { "content/en/moved/guide.md": `${original}\nTwo.\n` },
        },
      ],
    };
    const labels = buildSite(spec, dir);
    const crossed = git(dir, [
      "log",
      "-1",
      "-M",
      "--format=",
      "--name-status",
      labels.move as string,
      "--",
      "content/en/",
      "content/zh-cn/",
    ]);
    // The pairing this guards against, as plain git makes it.
    expect(crossed).toContain("R100\tcontent/en/guide.md\tcontent/zh-cn/guide.md");

    for (const part of [1, 2, 1_000_000]) {
      const pages = [page("zh-cn", "guide.md"), page("ja", "other.md")];
      const { alone, one, estimates } = await bothWays(dir, ["zh-cn", "ja"], pages, part);
      expect(comparable(one.index)).toEqual(comparable(alone.index));
      expect(one.index.renames).toEqual([
        { commit: 1, from: "content/en/guide.md", to: "content/en/moved/guide.md" },
      ]);
      expect(estimates.fromHeld).toEqual(estimates.separate);
      expect(estimates.fromHeld).toEqual([
        ["guide.md", labels.move],
        ["other.md", git(dir, ["rev-parse", "HEAD~2"])],
      ]);
    }

    // The scan follows the English page across its move: two commits since the translation.
    const { result } = await scan({ repo: dir, source: "en", content: "content", langs: ["ja"] });
    const moved = result.pages.find((p) => p.path === "content/ja/moved/guide.md");
    expect(moved?.status).toBe("outdated");
    expect(moved?.commitsBehind).toBe(2);
    expect(
      git(dir, [
        "rev-list",
        "--count",
        `${labels.initial}..HEAD`,
        "--",
        "content/en/guide.md",
        "content/en/moved/guide.md",
      ]),
    ).toBe("2");
  });
});
