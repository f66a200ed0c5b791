// A page whose name holds a byte that is not UTF-8 (`b\xFFad.md`), driven by keys on a real
// repository: `u` marks it and the dashboard reads it again by its bytes, and `e` hands the
// editor those bytes, not a name with U+FFFD in their place.
import { chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const savedForceColor = vi.hoisted(() => {
  const saved = process.env.FORCE_COLOR;
  process.env.FORCE_COLOR = "0";
  return saved;
});

import { cleanup, render } from "ink-testing-library";
import { decodeBytes, fsPath } from "../../src/core/path-bytes.js";
import type { PageReport } from "../../src/core/types.js";
import { createDetailLoader } from "../../src/detail/loader.js";
import { scan } from "../../src/scan/scan.js";
import { Dashboard } from "../../src/ui/App.js";
import { runEditor } from "../../src/ui/editor.js";
import { english, page, TestRepo, tempDir } from "../hostile/helpers.js";
import { frame, press, type Rendered } from "./drive.js";
import { NOW, waitFor } from "./helpers.js";

const NAME = Buffer.from([0x62, 0xff, 0x61, 0x64, 0x2e, 0x6d, 0x64]); // "b\xffad.md"
let base: string;
let repo: TestRepo;
let head: string;

const zhFile = () => Buffer.concat([Buffer.from(`${repo.dir}/content/zh-cn/`), NAME]);

beforeAll(() => {
  base = tempDir();
  repo = TestRepo.init(path.join(base, "repo"));
  const en = Buffer.concat([Buffer.from(`${repo.dir}/content/en/`), NAME]);
  repo.write("content/en/keep.md", english("Keep"));
  writeFileSync(en, english("Bad"));
  const raw = repo.commit("English");
  repo.write("content/zh-cn/keep.md", "");
  writeFileSync(zhFile(), page(raw));
  repo.commit("Translation");
  writeFileSync(en, english("Bad", "More.\n"));
  head = repo.commit("English edit");
});
afterAll(() => {
  cleanup();
  rmSync(base, { recursive: true, force: true });
  if (savedForceColor === undefined) delete process.env.FORCE_COLOR;
  else process.env.FORCE_COLOR = savedForceColor;
});

async function open(edit?: (p: PageReport) => Promise<string | null>): Promise<Rendered> {
  const out = await scan({ repo: repo.dir, source: "en", content: "content", langs: ["zh-cn"] });
  const source = await createDetailLoader(out, out.result, out.details, {
    date: () => "2025-06-01",
  });
  const data = { result: out.result, source, repoName: "repo" };
  const r = render(
    <Dashboard
      load={async () => data}
      repoName="repo"
      ui={{ color: false, hyperlinks: false }}
      now={NOW}
      initialLang="zh-cn"
      {...(edit ? { edit } : {})}
    />,
  );
  await waitFor(() => frame(r).includes("sort: "), "the page list");
  return r;
}

describe("a page whose name is not UTF-8", () => {
  it("u marks it and the list shows it as read again from the disk", async () => {
    const r = await open();
    expect(frame(r)).toMatch(/! outdated\s+b\\xFFad\.md/);
    await press(r, "u", (f) => f.includes("y/n"), "the question");
    const f = await press(r, "y", (x) => /Marked|Could not/.test(x), "the outcome");
    expect(f).toContain("Marked content/zh-cn/b\\xFFad.md as translated from");
    expect(f).toMatch(/✓ up-to-date\s+b\\xFFad\.md\s+0\s+\+0 -0/);
    expect(readFileSync(zhFile(), "utf8")).toContain(head);
    cleanup();
  });

  it("e gives the editor the page's own bytes", async () => {
    const bin = tempDir();
    // Appends a line to its last argument, which must name the page itself.
    const editor = path.join(bin, "ed");
    writeFileSync(editor, '#!/bin/sh\nfor a; do last=$a; done\nprintf "edited\\n" >> "$last"\n');
    chmodSync(editor, 0o755);
    const before = readFileSync(zhFile(), "utf8");
    const r = await open(async (p) =>
      runEditor(
        path.join(repo.dir, p.path),
        { ...process.env, VISUAL: "", EDITOR: editor },
        { release: () => {}, reclaim: () => {} },
      ),
    );
    await press(r, "/ad.md\r", (x) => /› \S+ \S+\s+b\\xFFad\.md/.test(x), "the page chosen");
    const f = await press(r, "e", (x) => /again|b\\xFFad\.md:/.test(x), "the page read again");
    expect(f).toContain("Read content/zh-cn/b\\xFFad.md again");
    expect(readFileSync(zhFile(), "utf8")).toBe(`${before}edited\n`);
    // No page was made under another name.
    const names = readdirSync(path.join(repo.dir, "content/zh-cn"), { encoding: "buffer" });
    expect(names.map((n) => n.toString("latin1")).sort()).toEqual(
      ["keep.md", NAME.toString("latin1")].sort(),
    );
    cleanup();
  });

  it("says an editor that cannot be run could not be run, for such a name too", () => {
    const dir = tempDir();
    const bytesName = Buffer.concat([
      Buffer.from(`${dir}/b`),
      Buffer.from([0xff]),
      Buffer.from("ad.md"),
    ]);
    writeFileSync(bytesName, "x\n");
    for (const file of [decodeBytes(bytesName), `${dir}/good.md`]) {
      writeFileSync(fsPath(file), "x\n");
      const said = runEditor(
        file,
        { ...process.env, VISUAL: "", EDITOR: "no-such-editor-here" },
        { release: () => {}, reclaim: () => {} },
      );
      expect(said).toMatch(/^could not run the editor no-such-editor-here: /);
    }
  });
});
