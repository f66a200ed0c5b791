// The view the dashboard remembers per repository: where its file lives, that it round-trips,
// that anything else found there is ignored; and the editor's command line, built without a
// shell, the page's path one argument of its own.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseCli } from "../../src/cli/args.js";
import { editorArgs, editorCommand } from "../../src/ui/editor.js";
import {
  parseView,
  type RememberedView,
  readView,
  stateFile,
  stateFolder,
  writeView,
} from "../../src/ui/remembered.js";
import { tempDir } from "../helpers/site.js";

const VIEW: RememberedView = {
  lang: "zh-cn",
  sort: "behind",
  reverse: true,
  filter: "needs-work",
  kind: "prose",
  page: "content/zh-cn/docs/a b.md",
};

describe("the remembered view", () => {
  it("lives in XDG_STATE_HOME, else ~/.local/state, one file per repository's real path", () => {
    expect(stateFolder({ XDG_STATE_HOME: "/s", HOME: "/h" })).toBe("/s/translation-status");
    expect(stateFolder({ XDG_STATE_HOME: "relative", HOME: "/h" })).toBe(
      "/h/.local/state/translation-status",
    );
    expect(stateFolder({})).toBeNull();
    const dir = tempDir();
    const repo = path.join(dir, "repo");
    mkdirSync(repo);
    const env = { XDG_STATE_HOME: path.join(dir, "state") };
    const file = stateFile(env, repo);
    expect(file).toMatch(/translation-status\/[0-9a-f]{32}\.json$/);
    expect(stateFile(env, `${repo}/./`)).toBe(file);
    expect(stateFile(env, path.join(dir, "other"))).not.toBe(file);
  });

  it("round-trips, written atomically with nothing left beside it", () => {
    const dir = tempDir();
    const file = path.join(dir, "state", "translation-status", "x.json");
    expect(readView(file)).toBeNull();
    expect(writeView(file, VIEW)).toBe(true);
    expect(readView(file)).toEqual(VIEW);
    expect(writeView(file, { ...VIEW, page: null })).toBe(true);
    expect(readView(file)).toEqual({ ...VIEW, page: null });
    expect(readdirSync(path.dirname(file))).toEqual(["x.json"]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("is read and written unless --no-state, an option of the dashboard only", () => {
    expect(parseCli([]).state).toBe(true);
    expect(parseCli(["--no-state"]).state).toBe(false);
    expect(parseCli(["dashboard", "--no-state"]).state).toBe(false);
    expect(() => parseCli(["scan", "--no-state"])).toThrow(
      /--no-state is an option of the dashboard/,
    );
  });

  it("ignores a file that is not one it wrote", () => {
    const dir = tempDir();
    const file = path.join(dir, "v.json");
    const good = JSON.parse(JSON.stringify({ version: 1, ...VIEW }));
    for (const text of [
      "",
      "{",
      "null",
      "[]",
      '"zh-cn"',
      JSON.stringify({ ...good, version: 2 }),
      JSON.stringify({ ...good, sort: "constructor" }),
      JSON.stringify({ ...good, filter: "__proto__" }),
      JSON.stringify({ ...good, reverse: "yes" }),
      JSON.stringify({ ...good, lang: 7 }),
      JSON.stringify({ ...good, page: 7 }),
      JSON.stringify({ ...good, lang: "x".repeat(5000) }),
      `{"version":1,"lang":"zh-cn","__proto__":{"sort":"path"}}`,
    ]) {
      writeFileSync(file, text);
      expect(readView(file), text.slice(0, 60)).toBeNull();
    }
    writeFileSync(file, " ".repeat(70 * 1024) + JSON.stringify(good));
    expect(readView(file)).toBeNull();
    expect(parseView(JSON.stringify(good))).toEqual(VIEW);
    expect(readFileSync(file).length).toBeGreaterThan(0);
  });
});

describe("the editor's command line", () => {
  it("is $VISUAL, else $EDITOR, else vi, split into words without a shell", () => {
    expect(editorCommand({ VISUAL: "code --wait", EDITOR: "nano" })).toEqual({
      command: "code",
      args: ["--wait"],
    });
    expect(editorCommand({ VISUAL: "  ", EDITOR: "emacs -nw" })).toEqual({
      command: "emacs",
      args: ["-nw"],
    });
    expect(editorCommand({})).toEqual({ command: "vi", args: [] });
  });

  it("passes the page as one argument, after -- where the editor takes it", () => {
    const file = "/site/content/zh-cn/$(touch x); a b.md";
    expect(editorArgs({ command: "/usr/bin/vim", args: [] }, file)).toEqual(["--", file]);
    expect(editorArgs({ command: "nano", args: ["-w"] }, file)).toEqual(["-w", "--", file]);
    expect(editorArgs({ command: "code", args: ["--wait"] }, file)).toEqual(["--wait", file]);
  });
});
