// stamp --init on pages translated long ago: the date written is the estimate's (the
// translation's last change), so check --max-age ages a shortcode page and a front matter page
// alike; the style learnt from a page with a misspelt date attribute is written spelt right;
// and a page that does not exist is refused as such.
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/demo/build-site.js";
import type { SiteSpec } from "../../src/demo/site-spec.js";
import { FIXTURE_AUTHOR, git, tempDir } from "../helpers/site.js";
import { runCli } from "../hostile/helpers.js";

// Translated on 2020-01-01 (one hour a step); the English pages changed after that.
const SPEC: SiteSpec = {
  start: "2020-01-01T00:00:00Z",
  author: FIXTURE_AUTHOR,
  steps: [
    {
      commit: "Add the English pages",
      label: "initial",
      write: {
        "content/en/a.md": "---\ntitle: A\n---\n\nhello\n",
        "content/en/b.md": "---\ntitle: B\n---\n\nhello\n",
        "content/en/c.md": "---\ntitle: C\n---\n\nhello\n",
      },
    },
    {
      commit: "Translate",
      label: "translate",
      write: {
        "content/fr/a.md": "---\ntitle: A\n---\n\nbonjour\n",
        "content/fr/b.md": "---\ntitle: B\n---\n\nbonjour\n",
        "content/ja/c.md": "---\ntitle: C\n---\n\nこんにちは\n",
        // Mastodon's zh-cn pages misspell the date attribute.
        "content/zh-cn/c.md":
          '---\ntitle: C\n---\n\n你好\n\n{{< translation-status-zh-cn raw_title="C" raw_link="/c/" last_tranlation_time="2020-01-01" raw_commit="{{hash:initial}}">}}\n',
      },
    },
    {
      commit: "English edits",
      write: {
        "content/en/a.md": "---\ntitle: A\n---\n\nhello\n\nmore\n",
        "content/en/b.md": "---\ntitle: B\n---\n\nhello\n\nmore\n",
      },
    },
  ],
};

let base: string;
let dir: string;
let translated: string;
beforeAll(() => {
  base = tempDir();
  dir = path.join(base, "site");
  translated = buildSite(SPEC, dir).translate as string;
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const read = (rel: string) => readFileSync(path.join(dir, rel), "utf8");
const stamp = (...args: string[]) => runCli(["stamp", "--repo", dir, "--no-cache", ...args]);

describe("stamp --init at an old estimate", () => {
  it("records the estimate's day, so check --max-age ages both styles by it", () => {
    const shortcode = stamp("--init", "--metadata", "shortcode", "content/fr/a.md");
    expect(shortcode.stderr).toBe("");
    expect(read("content/fr/a.md")).toBe(
      `---\ntitle: A\n---\n\nbonjour\n\n{{< translation-status-fr raw_title="A" raw_link="/a/" last_translation_time="2020-01-01" raw_commit="${translated}">}}\n`,
    );
    const frontMatter = stamp("--init", "--metadata", "default_lang_commit", "content/fr/b.md");
    expect(frontMatter.stderr).toBe("");
    expect(read("content/fr/b.md")).toContain(`default_lang_commit: ${translated}\n`);

    const check = runCli([
      "check",
      "--repo",
      dir,
      "--no-cache",
      "--max-age",
      "365",
      "--lang",
      "fr",
    ]);
    expect(check.code).toBe(1);
    // Both are as old as the translation: one by its date, one by raw_commit's.
    const days = Math.floor((Date.now() - Date.parse("2020-01-01T00:00:00Z")) / 86_400_000);
    const reasons = check.stdout.match(/over the limit: .*/g) ?? [];
    expect(reasons).toHaveLength(2);
    for (const reason of reasons) {
      expect(reason).toMatch(new RegExp(`translated (${days - 1}|${days}) days ago`));
    }
    git(dir, ["checkout", "--", "content"]);
  });

  it("lets --date win, and keeps today for --commit", () => {
    const dated = stamp(
      "--init",
      "--metadata",
      "shortcode",
      "--date",
      "2024-05-06",
      "content/fr/a.md",
    );
    expect(dated.stderr).toBe("");
    expect(read("content/fr/a.md")).toContain('last_translation_time="2024-05-06"');
    git(dir, ["checkout", "--", "content"]);
    const head = git(dir, ["rev-parse", "HEAD"]);
    const pinned = stamp("--init", "--metadata", "shortcode", "--commit", head, "content/fr/a.md");
    expect(pinned.stderr).toBe("");
    const day = /last_translation_time="(\d{4}-\d{2}-\d{2})"/.exec(read("content/fr/a.md"))?.[1];
    expect(day).not.toBe("2020-01-01");
    expect(Math.abs(Date.parse(day ?? "") - Date.now())).toBeLessThan(2 * 86_400_000);
    git(dir, ["checkout", "--", "content"]);
  });
});

describe("stamp --init learning a misspelt style", () => {
  it("writes the date under the name the tool reads", () => {
    const res = stamp("--init", "content/ja/c.md");
    expect(res.stderr).toBe("");
    expect(read("content/ja/c.md")).toBe(
      `---\ntitle: C\n---\n\nこんにちは\n\n{{< translation-status-ja raw_title="C" raw_link="/c/" last_translation_time="2020-01-01" raw_commit="${translated}">}}\n`,
    );
    const lint = runCli(["lint", "--repo", dir, "--no-cache", "content/ja/c.md"]);
    expect(lint.stdout).not.toMatch(/misspelled/);
    git(dir, ["checkout", "--", "content"]);
  });
});

describe("stamp on a page that does not exist", () => {
  it("says the translation does not exist, and writes nothing", () => {
    const plain = stamp("content/ja/a.md");
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/content\/ja\/a\.md: the translation does not exist: translate/);
    const init = stamp("--init", "--metadata", "shortcode", "content/ja/a.md");
    expect(init.code).toBe(2);
    expect(init.stderr).toMatch(
      /the translation does not exist, so there is nothing to initialise/,
    );
    expect(git(dir, ["status", "--porcelain", "--untracked-files=all"])).toBe("");
  });
});
