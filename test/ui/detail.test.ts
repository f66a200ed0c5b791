// The data side of an opened page: diffs, word highlighting, metadata rows and text fitting.

import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { translationAge } from "../../src/core/age.js";
import { blobText } from "../../src/detail/blobs.js";
import { computeDiff, rowSegments, wordDiff } from "../../src/detail/diff.js";
import { pageLinks } from "../../src/detail/links.js";
import type { BlobText } from "../../src/detail/types.js";
import { visible } from "../../src/sanitize/terminal.js";
import { barParts, formatAge, percent } from "../../src/ui/format.js";
import { infoRows, infoWindow, labelText, pageInfo } from "../../src/ui/info.js";
import { detailLayout } from "../../src/ui/layout.js";
import { detailLines, helpLines, warningLines } from "../../src/ui/Overlays.js";
import {
  cell,
  fitEnd,
  fitPath,
  fitStart,
  slicePieces,
  textWidth,
  wrapWords,
} from "../../src/ui/text.js";
import { tempDir } from "../helpers/site.js";
import { NOW, page } from "./helpers.js";

const text = (t: string): BlobText => ({ kind: "text", text: t });

describe("computeDiff", () => {
  it("gives hunks with line numbers and pairs replaced lines", () => {
    const d = computeDiff(text("a\nb\nc\nd\n"), text("a\nB b\nc\nd\ne\n"));
    expect(d.rows.map((r) => r.kind)).toEqual([
      "hunk",
      "context",
      "del",
      "add",
      "context",
      "context",
      "add",
    ]);
    expect(d.rows[0]).toEqual({ kind: "hunk", text: "@@ -1,4 +1,5 @@" });
    expect(d.rows[2]).toMatchObject({ kind: "del", text: "b", oldNo: 2, pair: 3 });
    expect(d.rows[3]).toMatchObject({ kind: "add", text: "B b", newNo: 2, pair: 2 });
    expect(d.rows[6]).toMatchObject({ kind: "add", text: "e", newNo: 5, pair: null });
    expect(d).toMatchObject({ added: 2, removed: 1, notice: null, truncated: false });
  });

  it("says why there is no diff", () => {
    expect(computeDiff(text("x"), text("x")).notice).toMatch(/No change/);
    expect(computeDiff({ kind: "binary" }, text("x")).notice).toMatch(/binary/);
    expect(computeDiff({ kind: "too-large", size: 9e6 }, text("x")).notice).toMatch(/too large/);
    expect(computeDiff({ kind: "unreadable" }, text("x")).notice).toMatch(/not in this repository/);
    expect(computeDiff({ kind: "absent" }, text("x\n")).notice).toMatch(/every line is new/);
    expect(computeDiff(text("x\n"), { kind: "absent" })).toMatchObject({
      removed: 1,
      notice: expect.stringMatching(/deleted/),
    });
  });

  it("caps a very long diff and says so, counting every line", () => {
    const big = `${Array.from({ length: 5000 }, (_, i) => `line ${i}`).join("\n")}\n`;
    // The work is bounded by maxWork, not by the clock: the answer says where it stopped.
    const d = computeDiff({ kind: "absent" }, text(big), {
      maxRows: 1000,
      maxWork: 20_000_000,
      maxWordLine: 2000,
    });
    expect(d.rows).toHaveLength(1001);
    expect(d.added).toBe(5000);
    expect(d.truncated).toBe(true);
    expect(d.notice).toMatch(/first 1000 of 5001 lines/);
  });

  it("stays quick on a huge rewrite, showing it as blocks and saying so", () => {
    const a = `${Array.from({ length: 20_000 }, (_, i) => `old ${i}`).join("\n")}\n`;
    const b = `${Array.from({ length: 20_000 }, (_, i) => `new ${i}`).join("\n")}\n`;
    const d = computeDiff(text(a), text(b));
    expect(d).toMatchObject({ added: 20_000, removed: 20_000 });
    expect(d.notice).toMatch(/Large change/);
    expect(d.notice).toMatch(/first 20000 of 40001 lines/);
  });

  it("agrees with git diff on hunks, line numbers and missing final newlines", () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const dir = tempDir("ts-diff-");
    try {
      for (let round = 0; round < 25; round++) {
        const base = Array.from({ length: 5 + rand(60) }, (_, i) => `line ${i} ${rand(3)}`);
        const edited = [...base];
        for (let e = rand(6); e >= 0; e--) {
          const at = rand(edited.length + 1);
          const what = rand(3);
          if (what === 0) edited.splice(at, 1);
          else if (what === 1) edited.splice(at, 0, `new ${rand(100)}`);
          else edited.splice(at, 1, `changed ${rand(100)}`);
        }
        const oldText = base.join("\n") + (rand(4) === 0 ? "" : "\n");
        const newText = edited.join("\n") + (rand(4) === 0 ? "" : "\n");
        writeFileSync(path.join(dir, "a"), oldText);
        writeFileSync(path.join(dir, "b"), newText);
        const res = spawnSync(
          "git",
          ["diff", "--no-index", "--no-color", "-U3", "--diff-algorithm=myers", "a", "b"],
          {
            cwd: dir,
            encoding: "utf8",
          },
        );
        const expected = res.stdout
          .split("\n")
          .filter((l) => /^(@@|[-+ \\])/.test(l) && !/^(---|\+\+\+) /.test(l));
        const rows = computeDiff(text(oldText), text(newText)).rows;
        const got = rows.map((r) =>
          r.kind === "hunk"
            ? r.text
            : r.kind === "note"
              ? r.text
              : `${{ del: "-", add: "+", context: " " }[r.kind]}${r.text}`,
        );
        // Hunk headers, and the same lines removed and added (the order within a change may differ).
        expect(got.filter((l) => l.startsWith("@@")).map((l) => l.replace(/ @@.*/, " @@"))).toEqual(
          expected.filter((l) => l.startsWith("@@")).map((l) => l.replace(/ @@.*/, " @@")),
        );
        expect(got.filter((l) => !l.startsWith("@@")).sort()).toEqual(
          expected.filter((l) => !l.startsWith("@@")).sort(),
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("highlights the changed words of paired lines, lazily", () => {
    const d = computeDiff(
      text("Set ES_ENABLED=true.\n"),
      text("Set ES_ENABLED=true and ES_HOST.\n"),
    );
    expect(rowSegments(d, 1)).toEqual([{ text: "Set ES_ENABLED=true.", changed: false }]);
    expect(rowSegments(d, 2)).toEqual([
      { text: "Set ES_ENABLED=true", changed: false },
      { text: " and ES_HOST", changed: true },
      { text: ".", changed: false },
    ]);
    const r = computeDiff(
      text("Moderators can suspend accounts.\n"),
      text("Moderators can limit accounts.\n"),
    );
    expect(rowSegments(r, 1)).toEqual([
      { text: "Moderators can ", changed: false },
      { text: "suspend", changed: true },
      { text: " accounts.", changed: false },
    ]);
    expect(rowSegments(d, 0)).toBeNull();
    expect(wordDiff("completely different", "nothing alike here")).toBeNull();
  });

  it("decodes blobs like git: a NUL early on means binary", () => {
    expect(blobText(Buffer.from("héllo"))).toEqual({ kind: "text", text: "héllo" });
    expect(blobText(Buffer.from([0x61, 0, 0x62]))).toEqual({ kind: "binary" });
    expect(blobText(null)).toEqual({ kind: "unreadable" });
  });
});

describe("links", () => {
  it("links to GitHub's compare view and history with short hashes, only for GitHub remotes", () => {
    const p = page({ path: "content/zh-cn/a b.md", status: "outdated" });
    const d = { rawHash: "1".repeat(40), fromBlob: null, toBlob: null, commitBlobs: new Map() };
    expect(pageLinks({ owner: "o", name: "r" }, "2".repeat(40), p, d)).toEqual({
      compare: `https://github.com/o/r/compare/${"1".repeat(12)}...${"2".repeat(12)}`,
      history: `https://github.com/o/r/commits/${"2".repeat(12)}/content/en/a%20b.md`,
    });
    expect(pageLinks(null, "2".repeat(40), p, d)).toEqual({ compare: null, history: null });
  });
});

describe("page info", () => {
  it("shows old and new path of a moved page, the translation date and warnings, sanitized", () => {
    const p = page({
      path: "content/zh-cn/x.md",
      status: "moved",
      movedFrom: "content/en/old/x.md",
      sourcePath: "content/en/x.md",
      rawCommit: "abc",
      lastTranslationTime: "2025-05-01",
      commitsBehind: 2,
      linesAdded: 3,
      linesRemoved: 1,
      warnings: ["bad \x1b[31m thing"],
      metaLine: 7,
    });
    const rows = infoRows(pageInfo(p, "f".repeat(40), { compare: null, history: null }, NOW), 100);
    const plain = rows.map((r) => `${r.label}|${r.text}`);
    expect(plain).toContain("English|moved from content/en/old/x.md");
    expect(plain).toContain("|        to content/en/x.md");
    expect(plain).toContain(
      "Translated|from English ffffffff on 2025-05-01 (31d ago); metadata on line 7",
    );
    expect(plain).toContain("Behind|2 English commits, +3 -1 lines");
    expect(plain).toContain("Warning|bad \\x1b[31m thing");
  });

  it("puts a link too long for its row on rows of its own, whole", () => {
    const url = `https://github.com/owner/repo/compare/${"1".repeat(40)}...${"2".repeat(40)}`;
    const p = page({ path: "content/zh-cn/x.md", status: "outdated" });
    const rows = infoRows(pageInfo(p, null, { compare: url, history: null }, NOW), 60);
    const link = rows.filter((r) => r.url === url);
    expect(link.map((r) => r.text).join("")).toBe(url);
    expect(link.every((r) => textWidth(r.text) <= 60)).toBe(true);
  });
});

describe("page info too long for its rows", () => {
  const deep = `${"very-long-folder-name/".repeat(6)}deep-page-with-a-long-name.md`;
  const structure =
    "structure differs from the English: English has 2 more `##` sections: Configuring X, Limits; code block 1: English `yaml`, translation `json`; list 1: English 3 items, translation 2";
  const long = page({
    path: `content/zh-cn/${deep}`,
    status: "source-missing",
    rawCommit: "c".repeat(40),
    warnings: [structure, "two\x1b[2J", "three", "four", "five"],
    structureChanges: ["added 1 `##` section: Configuring X", "a list: 3 → 5 items"],
  });

  it("wraps every warning and the Structure line whole, within the width", () => {
    for (const width of [120, 80, 40]) {
      const rows = infoRows(pageInfo(long, null, { compare: null, history: null }, NOW), width);
      expect(rows.every((r) => 12 + textWidth(r.text) <= width)).toBe(true);
      const line = (label: string) => {
        const at = rows.findIndex((r) => r.label === label);
        const next = rows.slice(at + 1);
        const end = next.findIndex((r) => r.label !== "" || r.tone !== rows[at]?.tone);
        return [rows[at], ...next.slice(0, end < 0 ? next.length : end)];
      };
      const warning = line("Warning");
      expect(warning.map((r) => r?.text).join(" ")).toBe(structure);
      expect(warning.slice(1).map((r) => labelText(r as never))).toEqual(
        warning.slice(1).map(() => ""),
      );
      expect(
        line("Structure")
          .map((r) => r?.text)
          .join(" "),
      ).toBe("added 1 `##` section: Configuring X; a list: 3 → 5 items");
      // Sanitized, and the warnings past three counted, with the key that shows them.
      expect(rows.map((r) => r.text)).toContain("two\\x1b[2J");
      expect(rows.map((r) => r.text).join(" ")).toContain("(2 more warnings: I shows every one)");
    }
  });

  it("shortens a long path in the middle, keeping the file name and what follows it", () => {
    const rows = infoRows(pageInfo(long, null, { compare: null, history: null }, NOW), 100);
    const english = rows.find((r) => r.label === "English")?.text ?? "";
    expect(english).toBe(
      "content/en/…/deep-page-with-a-long-name.md (deleted since the translation)",
    );
    const narrow = infoRows(pageInfo(long, null, { compare: null, history: null }, NOW), 80);
    expect(narrow.find((r) => r.label === "English")?.text).toBe(
      "…/deep-page-with-a-long-name.md (deleted since the translation)",
    );
    const translation = rows.find((r) => r.label === "Translation")?.text ?? "";
    expect(translation).toMatch(/^content\/.*…\/.*\/deep-page-with-a-long-name\.md$/);
  });

  it("says how many rows a small height leaves out, and the overlay has every one whole", () => {
    const rows = infoRows(pageInfo(long, null, { compare: null, history: null }, NOW), 40);
    const shown = infoWindow(rows, 4, 40);
    expect(shown.slice(0, 3)).toEqual(rows.slice(0, 3));
    // The rows left out hold the three warnings listed: the row says so, in the warnings' colour.
    expect(shown[3]).toEqual({
      label: "",
      text: `… ${rows.length - 3} more rows, 3 warnings: I shows them`,
      tone: "warning",
      full: true,
    });
    expect(infoWindow(rows, 4, 30)[3]?.text).toBe(`… ${rows.length - 3} more rows: I shows them`);
    expect(infoWindow(rows.slice(0, 3), 2, 40)[1]).toEqual({
      label: "",
      text: "… 2 more rows: I shows them",
      tone: "more",
      full: true,
    });
    expect(infoWindow(rows, rows.length, 40)).toEqual(rows);
    const all = pageInfo(long, null, { compare: null, history: null }, NOW, Infinity);
    const overlay = detailLines(all, 40).map((l) => l.text);
    expect(overlay.every((l) => textWidth(l) <= 40)).toBe(true);
    expect(overlay.join("\n")).toContain("five");
    // The translation's path whole, over as many rows as it takes.
    const at = overlay.findIndex((l) => l.startsWith("Translation"));
    const end = overlay.findIndex((l, i) => i > at && !l.startsWith(" "));
    expect(
      overlay
        .slice(at, end)
        .map((l) => l.slice(12))
        .join(""),
    ).toBe(`content/zh-cn/${deep}`);
  });

  it("gives a short diff's rows to the metadata", () => {
    // 24 rows: 19 for metadata, commits and diff. Until the diff is read it keeps 5.
    // No commits to list: their title alone says so.
    expect(detailLayout(24, 20, 0)).toEqual({ info: 14, commits: 0, diffHeight: 5 });
    expect(detailLayout(24, 20, 0, 1)).toEqual({ info: 18, commits: 0, diffHeight: 1 });
    expect(detailLayout(24, 20, 0, 40)).toEqual({ info: 14, commits: 0, diffHeight: 5 });
    expect(detailLayout(24, 20, 2, 40)).toEqual({ info: 13, commits: 1, diffHeight: 5 });
    // Too small for the metadata and five diff rows: one row says what is left out.
    expect(detailLayout(10, 20, 3)).toEqual({ info: 1, commits: 1, diffHeight: 3 });
  });

  it("wraps the overlays' lines instead of cutting them", () => {
    const warning = `a scan warning ${"that goes on ".repeat(10)}to the end`;
    for (const width of [80, 40]) {
      const lines = warningLines([warning], width).map((l) => l.text);
      expect(lines.every((l) => textWidth(l) <= width)).toBe(true);
      expect(lines.map((l) => l.trim()).join(" ")).toBe(`⚠ ${warning}`);
      expect(helpLines(width).every((l) => textWidth(l.text) <= width)).toBe(true);
      expect(helpLines(width).some((l) => l.text.includes("…"))).toBe(false);
    }
  });
});

describe("shortening a path", () => {
  it("keeps its start and its file name, with as many of the nearest folders as fit", () => {
    const p = "content/zh-cn/aa/bb/cc/dd/page.md";
    expect(fitPath(p, 40)).toBe(p);
    expect(fitPath(p, 30)).toBe("content/…/aa/bb/cc/dd/page.md");
    expect(fitPath(`content/zh-cn/${"a".repeat(20)}/page.md`, 30)).toBe("content/zh-cn/…/page.md");
    expect(fitPath(p, 20)).toBe("content/…/dd/page.md");
    expect(fitPath(p, 12)).toBe("…/dd/page.md");
    // A file name too long for that keeps its end (the extension); so does a lone name.
    expect(fitPath("a/a-very-long-file-name.md", 12)).toBe("…ile-name.md");
    expect(fitPath("a-very-long-file-name.md", 12)).toBe("…ile-name.md");
    // Wide characters count twice; the result never passes the width.
    expect(fitPath("文档/指南/很长的文件名.md", 17)).toBe("…/很长的文件名.md");
    expect(fitPath("文档/指南/很长的文件名.md", 14)).toBe("…长的文件名.md");
    for (let w = 1; w < 40; w++) expect(textWidth(fitPath(`文档/${p}`, w))).toBeLessThanOrEqual(w);
  });
});

describe("formatting", () => {
  it("formats ages, percentages and bars", () => {
    expect(translationAge("2025-04-27", NOW)).toBe(35);
    expect(translationAge("not a date", NOW)).toBeNull();
    expect(formatAge(34)).toBe("34d");
    expect(formatAge(2000)).toBe("5y");
    expect(percent(1, 300)).toBe("<1%");
    expect(percent(1, 3)).toBe("33%");
    const counts = {
      outdated: 1,
      moved: 0,
      "source-missing": 0,
      "unknown-commit": 0,
      untracked: 0,
      missing: 0,
      "up-to-date": 99,
    };
    const parts = barParts(counts, 20);
    expect(parts.reduce((s, p) => s + p.width, 0)).toBe(20);
    expect(parts[0]).toEqual({ status: "outdated", width: 1 });
  });

  it("measures every character as Ink does (string-width), emoji included", () => {
    // Emoji and symbols outside the old hand-written table: 🚀 ✅ ⌚ took one column there.
    for (const s of ["🚀 launch", "✅ done", "⌚", "ｱ", "한국어", "e\u0301", "Ω≈ç√"]) {
      expect([s, textWidth(s)]).toEqual([s, stringWidth(s)]);
    }
    let differ = 0;
    for (let cp = 0x300; cp < 0x30000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (textWidth(visible(ch)) !== stringWidth(visible(ch))) differ++;
    }
    expect(differ).toBe(0);
  });

  it("fits text to columns, counting wide characters twice", () => {
    expect(textWidth("运行abc")).toBe(7);
    expect(fitEnd("abcdef", 4)).toBe("abc…");
    expect(fitStart("user/very/long/path.md", 10)).toBe("…g/path.md");
    expect(wrapWords("one two three", 7)).toEqual(["one two", "three"]);
    expect(wrapWords("运行运行运", 5)).toEqual(["运行", "运行", "运"]);
    expect(wrapWords("a/bb/ccc/dddd.md", 8)).toEqual(["a/bb/", "ccc/", "dddd.md"]);
    expect(wrapWords("        to x", 8)).toEqual(["        ", "to x"]);
    expect(wrapWords("", 5)).toEqual([""]);
    expect(cell("运行", 5)).toBe("运行 ");
    expect(cell("42", 4, "right")).toBe("  42");
    expect(slicePieces([{ text: "abc" }, { text: "defg" }], 2, 3)).toEqual([
      { text: "c" },
      { text: "de" },
    ]);
  });
});
