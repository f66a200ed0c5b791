// The cache never changes an answer: the CLI's JSON with a cache is byte for byte the JSON
// without one, through edits, new commits, a rebase, a branch switch and damaged cache files (of
// every kind, anywhere in them: one warning each, and the file made again);
// and a cache folder others could write to is refused.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import type { PageReport } from "../../src/core/types.js";
import { buildFixture, type TempSite, tempDir } from "../helpers/site.js";
import { CLI, cleanEnv, gitIn, runCli, TestRepo } from "../hostile/helpers.js";

let site: TempSite;
let cacheDir: string;
beforeAll(() => {
  site = buildFixture();
  cacheDir = path.join(tempDir(), "cache");
});
afterAll(() => site?.cleanup());

const ZH = "content/zh-cn";
/** Commits of an English page with more than a page lists (500). */
const RS = 503;

function cli(args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const res = spawnSync(process.execPath, [CLI, ...args, "--repo", site.dir], {
    env: cleanEnv(env),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

/**
 * Sets every work-tree file's and folder's modification time an hour back, as if written before
 * the run: the cache trusts their metadata only once it has settled (see site/files.ts).
 * An edit before it still shows, in the change time and the size, and to git.
 */
function settle(dir = site.dir): void {
  const back = new Date(Date.now() - 3_600_000);
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory() && e.name !== ".git") walk(abs);
      else if (e.isFile()) utimesSync(abs, back, back);
    }
    utimesSync(dir, back, back);
  };
  walk(dir);
  // git's index keeps the files' times too: it is brought up to date, as `git status` does.
  gitIn(dir, ["update-index", "-q", "--refresh"]);
}

/** Waits until the clock's second changes. */
function nextSecond(): void {
  const second = Math.floor(Date.now() / 1000);
  const cell = new Int32Array(new SharedArrayBuffer(4));
  while (Math.floor(Date.now() / 1000) === second) Atomics.wait(cell, 0, 0, 20);
  // The file system stamps times from a clock that lags this one by up to a tick.
  Atomics.wait(cell, 0, 0, 50);
}

/** The scan with and without the cache: the same bytes, whatever the cache held. */
function sameWithCache(
  extra: readonly string[] = [],
  settled = true,
): { stderr: string; stdout: string } {
  // Settling moves every file's time, and git's index with it: a kept report is then another's.
  if (settled) settle();
  const plain = cli(["scan", "--format", "json", "--no-cache", ...extra]);
  expect(plain.code).toBe(0);
  const cached = cli(["scan", "--format", "json", "--cache-dir", cacheDir, ...extra]);
  expect(cached.code).toBe(0);
  expect(cached.stdout).toBe(plain.stdout);
  return cached;
}

/** Commits with dates of their own (an hour apart from `hour`), so git's order is by date. */
function commit(message: string, files: Record<string, string>, hour: number): string {
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(site.dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
  const date = `${Date.UTC(2025, 6, 1) / 1000 + hour * 3600} +0000`;
  const env = { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  gitIn(site.dir, ["add", "-A"], { env });
  gitIn(site.dir, ["commit", "-q", "--allow-empty", "-m", message], { env });
  return gitIn(site.dir, ["rev-parse", "HEAD"]).trim();
}

function cacheFiles(kind: string): string[] {
  return readdirSync(cacheDir)
    .filter((f) => new RegExp(`^${kind}-[0-9a-f]{32}$`).test(f))
    .map((f) => path.join(cacheDir, f));
}

/** The kept report written last in `dir`: a cache may also hold reports of other settings. */
function newestReport(dir: string): string {
  const reports = readdirSync(dir)
    .filter((f) => /^report-[0-9a-f]{32}$/.test(f))
    .map((f) => path.join(dir, f));
  const newest = reports.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (!newest) throw new Error(`no kept report in ${dir}`);
  return newest;
}

/** Rewrites a cache file's body with a checksum that matches, as only this tool should. */
function forge(file: string, edit: (body: string) => string): void {
  const bytes = readFileSync(file);
  const first = bytes.indexOf(10);
  const second = bytes.indexOf(10, first + 1);
  const [magic, version, kind] = bytes.toString("latin1", 0, first).split(" ");
  const body = Buffer.from(edit(bytes.subarray(second + 1).toString("utf8")), "utf8");
  const sum = createHash("sha256").update(body).digest("hex");
  writeFileSync(
    file,
    Buffer.concat([Buffer.from(`${magic} ${version} ${kind} ${body.length}\n${sum}\n`), body]),
  );
}

/** Where in a cache file's bytes: its header line's end, and where the body starts. */
function parts(b: Buffer): { first: number; body: number } {
  const first = b.indexOf(10);
  return { first, body: b.indexOf(10, first + 1) + 1 };
}

function set(b: Buffer, at: number, text: string): Buffer {
  b.write(text, at, "latin1");
  return b;
}

/** Another byte where one was: its lowest bit changed (a digit stays a digit). */
function flip(b: Buffer, at: number): Buffer {
  b[at] = (b[at] as number) ^ 1;
  return b;
}

/** Damage in every part of a cache file. */
const DAMAGES: Record<string, (b: Buffer) => Buffer> = {
  "the header's name": (b) => flip(b, 3),
  "the header's size": (b) => flip(b, parts(b).first - 1),
  "the checksum line, with other characters": (b) => set(b, parts(b).first + 20, "garbage"),
  "the checksum line, with another hex digit": (b) =>
    set(b, parts(b).first + 1, b[parts(b).first + 1] === 0x30 ? "1" : "0"),
  "the checksum line's end": (b) => set(b, parts(b).body - 1, " "),
  "the body's first byte": (b) => flip(b, parts(b).body),
  "the middle of the body": (b) => flip(b, Math.floor((parts(b).body + b.length) / 2)),
  "the body's last byte": (b) => flip(b, b.length - 1),
  "a cut in the body": (b) => b.subarray(0, Math.floor((parts(b).body + b.length) / 2)),
  "a cut after the checksum": (b) => b.subarray(0, parts(b).body),
  "a cut in the header": (b) => b.subarray(0, 10),
  "a byte added": (b) => Buffer.concat([b, Buffer.from("x")]),
};

/** Each kind of cache file, and the files that must be out of the way for it to be read: the
 * kept report answers first, and the estimates kept by page before their log. */
const KINDS: Record<string, string[]> = {
  report: [],
  "report-facts": ["report"],
  history: ["report"],
  lines: ["report"],
  pages: ["report"],
  "estimates-by-page": ["report"],
  estimates: ["report", "estimates-by-page"],
};

describe("the cache", () => {
  it("gives the same JSON on a first run, a hit, and with estimates and kinds", () => {
    const first = sameWithCache();
    expect(first.stderr).toBe("");
    expect(cacheFiles("history")).toHaveLength(1);
    expect(cacheFiles("estimates")).toHaveLength(1);
    expect(cacheFiles("estimates-by-page")).toHaveLength(1);
    expect(cacheFiles("lines")).toHaveLength(1);
    expect(cacheFiles("pages")).toHaveLength(1);
    expect(cacheFiles("report")).toHaveLength(1);
    expect(cacheFiles("report-facts")).toHaveLength(1);
    expect(sameWithCache().stderr).toBe("");
    sameWithCache(["--kinds"]);
  });

  it("is read on a hit, and the commits before a moved HEAD come from it", () => {
    // Without the report a run keeps (see the tests of it below), the history is read.
    for (const f of cacheFiles("report")) rmSync(f);
    const [history] = cacheFiles("history");
    const before = readFileSync(history as string);
    // A subject changed in the cache (with a checksum that matches) shows where the answer
    // came from; the real cache is put back afterwards.
    forge(history as string, (b) => b.replace("Signup: reword", "Signup: FROM THE CACHE"));
    const hit = cli(["scan", "--format", "json", "--cache-dir", cacheDir]);
    expect(hit.stdout).toContain("Signup: FROM THE CACHE");
    commit("Signup: one more line", { "content/en/user/signup.md": "Signup.\n\nMore.\n" }, 1);
    const moved = cli(["scan", "--format", "json", "--cache-dir", cacheDir]);
    expect(moved.stdout).toContain("Signup: FROM THE CACHE");
    expect(moved.stdout).toContain("Signup: one more line");
    writeFileSync(history as string, before);
    gitIn(site.dir, ["reset", "-q", "--hard", "HEAD~1"]);
  });

  it("follows edits of the work tree", () => {
    const file = path.join(site.dir, ZH, "user/signup.md");
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace("注册", "注册（新）"));
    sameWithCache();
    writeFileSync(path.join(site.dir, ZH, "user/new-page.md"), "---\ntitle: 新\n---\n\n新。\n");
    sameWithCache();
    gitIn(site.dir, ["checkout", "-q", "--", "."]);
    gitIn(site.dir, ["clean", "-q", "-fd"]);
    sameWithCache();
  });

  it("follows new commits: edits, a rename, a merge of older commits, pages without metadata", () => {
    commit("Contacts: more", { "content/en/user/contacts.md": "Contacts.\n\nMore.\n" }, 10);
    sameWithCache();
    gitIn(site.dir, ["mv", "content/en/user/moderation.md", "content/en/user/moderating.md"]);
    commit("Rename moderation", {}, 11);
    commit("Notes: Chinese", { [`${ZH}/user/notes.md`]: "笔记。\n" }, 12);
    sameWithCache();
    // A branch whose commits are older than HEAD's, merged: git's order interleaves them.
    const tip = gitIn(site.dir, ["rev-parse", "HEAD"]).trim();
    gitIn(site.dir, ["checkout", "-q", "-b", "old-side", "HEAD~5"]);
    commit("Backups: weekly", { "content/en/admin/backups.md": "Weekly.\n" }, -400);
    commit("Signup: side edit", { "content/en/user/signup.md": "Side.\n" }, -399);
    gitIn(site.dir, ["checkout", "-q", "main"]);
    expect(gitIn(site.dir, ["rev-parse", "HEAD"]).trim()).toBe(tip);
    const date = `${Date.UTC(2025, 6, 1) / 1000 + 13 * 3600} +0000`;
    gitIn(site.dir, ["merge", "-q", "--no-ff", "-m", "Merge old-side", "old-side"], {
      env: { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    });
    sameWithCache();
    for (let i = 0; i < 10; i++) {
      commit(`Contacts ${i}`, { "content/en/user/contacts.md": `Contacts ${i}.\n` }, 20 + i);
    }
    sameWithCache();
  });

  it("follows a rebase and a branch switch", () => {
    // Rewrite the last three commits: the cached HEAD is no longer an ancestor.
    gitIn(site.dir, ["reset", "-q", "--hard", "HEAD~3"]);
    commit("Contacts: rewritten", { "content/en/user/contacts.md": "Rewritten.\n" }, 40);
    sameWithCache();
    gitIn(site.dir, ["checkout", "-q", "-b", "older", "HEAD~8"]);
    sameWithCache();
    gitIn(site.dir, ["checkout", "-q", "main"]);
    sameWithCache();
    // The cached HEAD, dropped and gone from the repository, cannot be read: the cache does
    // without it.
    gitIn(site.dir, ["reset", "-q", "--hard", "HEAD~1"]);
    gitIn(site.dir, ["reflog", "expire", "--expire=now", "--all"]);
    gitIn(site.dir, ["gc", "-q", "--prune=now"]);
    commit("Signup: after gc", { "content/en/user/signup.md": "After gc.\n" }, 41);
    sameWithCache();
  });

  it("does not trust a body of the wrong shape, even with a checksum that matches", () => {
    sameWithCache();
    // Written as only this tool should write it, the history says what git never would (the
    // report kept would answer without the history).
    for (const f of cacheFiles("report")) rmSync(f);
    const [history] = cacheFiles("history");
    forge(history as string, (b) => b.replace(/:100644 100644 /, ":100644 1006 "));
    expect(sameWithCache().stderr).toBe(
      `translation-status: warning: ignoring a damaged cache file ${history}; it is made again\n`,
    );
    expect(sameWithCache().stderr).toBe("");
  });

  it("follows the git settings that make a page binary to git's diff", () => {
    const lines = (json: string) =>
      (JSON.parse(json) as { pages: PageReport[] }).pages.filter((p) => p.linesAdded === null)
        .length;
    const counted = lines(sameWithCache().stdout);
    // Every changed page is binary past a threshold of 10 bytes, or with `* -diff` in the
    // attributes git reads outside the work tree: git's numstat says "-", and so must the cache.
    gitIn(site.dir, ["config", "core.bigFileThreshold", "10"]);
    expect(lines(sameWithCache().stdout)).toBeGreaterThan(counted);
    gitIn(site.dir, ["config", "--unset", "core.bigFileThreshold"]);
    expect(lines(sameWithCache().stdout)).toBe(counted);
    const attributes = path.join(site.dir, ".git", "info", "attributes");
    mkdirSync(path.dirname(attributes), { recursive: true });
    writeFileSync(attributes, "* -diff\n");
    expect(lines(sameWithCache().stdout)).toBeGreaterThan(counted);
    rmSync(attributes);
    expect(lines(sameWithCache().stdout)).toBe(counted);
    // The reports kept under the other settings are not the ones later tests look at.
    for (const f of [...cacheFiles("report"), ...cacheFiles("report-facts")]) rmSync(f);
  });

  it("is not used where a grafts file can change the history under the same HEAD", () => {
    sameWithCache();
    // HEAD~3 without parents: every raw_commit below it leaves HEAD's history.
    const cut = gitIn(site.dir, ["rev-parse", "HEAD~3"]).trim();
    const grafts = path.join(site.dir, ".git", "info", "grafts");
    mkdirSync(path.dirname(grafts), { recursive: true });
    writeFileSync(grafts, `${cut}\n`);
    try {
      expect(sameWithCache().stdout).toContain("not an ancestor of HEAD");
    } finally {
      rmSync(grafts);
    }
    sameWithCache();
  });

  it("follows the ignore-revs file, which changes the estimates", () => {
    const index = gitIn(site.dir, ["log", "-1", "--format=%H", "--", `${ZH}/_index.md`]);
    const before = sameWithCache().stdout;
    const ignore = path.join(site.dir, ".translation-status-ignore-revs");
    writeFileSync(ignore, `${index.trim()}\n`);
    expect(sameWithCache().stdout).not.toBe(before);
    rmSync(ignore);
    expect(sameWithCache().stdout).toBe(before);
  });

  it("keeps only the log's commits when pages name commits the log does not reach", () => {
    // A translation made from a commit of an unmerged branch: the scan adds that commit to its
    // table after the log was read, and the cached log must not take it in.
    gitIn(site.dir, ["checkout", "-q", "-b", "side"]);
    const side = commit("Side: signup", { "content/en/user/signup.md": "Side signup.\n" }, 60);
    gitIn(site.dir, ["checkout", "-q", "main"]);
    const page = `${ZH}/user/side.md`;
    commit(
      "Side translation",
      {
        "content/en/user/side.md": "Side.\n",
        [page]: `Side.\n\n{{< translation-status-zh-cn raw_title="Side" raw_link="/user/side/" last_translation_time="2025-07-01" raw_commit="${side}">}}\n`,
      },
      61,
    );
    // A cache of its own, so that the log is read whole from git, not from an older HEAD's.
    const fresh = path.join(tempDir(), "cache");
    for (const command of ["scan", "lint"]) {
      const first = cli([command, "--format", "json", "--cache-dir", fresh]);
      expect(first.stderr).toBe("");
      const again = cli([command, "--format", "json", "--cache-dir", fresh]);
      expect(again.stderr).toBe("");
      expect(again.stdout).toBe(first.stdout);
    }
    expect(sameWithCache().stderr).toBe("");
  });

  it("keeps two option sets apart", () => {
    sameWithCache(["--lang", "ja"]);
    sameWithCache(["--source", "zh-cn", "--lang", "ja"]);
    sameWithCache();
  });

  it("writes to $XDG_CACHE_HOME by default, and nothing with --no-cache", () => {
    const home = tempDir();
    const res = cli(["scan", "--format", "json"], { XDG_CACHE_HOME: home });
    expect(res.code).toBe(0);
    expect(readdirSync(path.join(home, "translation-status")).length).toBeGreaterThan(0);
    const none = tempDir();
    cli(["scan", "--format", "json", "--no-cache"], { XDG_CACHE_HOME: none });
    expect(readdirSync(none)).toEqual([]);
  });

  it("makes no home folder: a home that does not exist means no cache", () => {
    const home = path.join(tempDir(), "nonexistent");
    const res = cli(["scan", "--format", "json"], { XDG_CACHE_HOME: undefined, HOME: home });
    expect(res.code).toBe(0);
    expect(res.stderr).toBe("");
    expect(existsSync(home)).toBe(false);
  });

  it("refuses a cache folder others may write to", () => {
    const shared = path.join(tempDir(), "shared");
    mkdirSync(shared);
    for (const mode of [0o777, 0o775, 0o1777]) {
      chmodSync(shared, mode);
      const res = cli(["scan", "--format", "json", "--cache-dir", shared]);
      expect(res.code).toBe(2);
      expect(res.stderr).toContain("refusing the cache folder");
      expect(res.stderr).toContain("others may write to it");
      expect(readdirSync(shared)).toEqual([]);
    }
  });

  it.skipIf(process.getuid?.() !== 0)("refuses a cache folder of another user", () => {
    const theirs = path.join(tempDir(), "theirs");
    mkdirSync(theirs, { mode: 0o755 });
    chownSync(theirs, 65534, 65534);
    const res = cli(["scan", "--format", "json", "--cache-dir", theirs]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("it belongs to another user");
  });
});

describe("the kept report", () => {
  beforeAll(() => {
    // The page pinned to a commit of an unmerged branch (above) keeps any report from being
    // kept: see the last test.
    gitIn(site.dir, ["rm", "-q", `${ZH}/user/side.md`]);
    commit("Side translation: removed", {}, 62);
  });

  /** The kept report's text, with `marker` put in its first page's path, checksum mended. */
  function markReport(marker: string): void {
    forge(newestReport(cacheDir), (b) => b.replace('"path": "content/', `"path": "${marker}/`));
  }
  const hitShows = (marker: string, extra: readonly string[] = []) =>
    cli(["scan", "--format", "json", "--cache-dir", cacheDir, ...extra]).stdout.includes(
      `"path": "${marker}/`,
    );

  it("answers a run whose inputs have not changed, and no other", () => {
    sameWithCache();
    markReport("KEPT");
    expect(hitShows("KEPT")).toBe(true);
    // Another selection is another report.
    expect(hitShows("KEPT", ["--lang", "ja"])).toBe(false);
    // A page edited: its file differs from git's index, which then vouches for nothing, and
    // no report is kept until the change is committed.
    const page = path.join(site.dir, ZH, "user/contacts.md");
    const text = readFileSync(page, "utf8");
    writeFileSync(page, text.replace("认识", "知道"));
    settle();
    expect(hitShows("KEPT")).toBe(false);
    expect(sameWithCache().stdout).toContain("user/contacts.md");
    expect(hitShows("KEPT")).toBe(false);
    commit("Contacts: reworded", {}, 69);
    sameWithCache();
    markReport("AGAIN");
    expect(hitShows("AGAIN")).toBe(true);
    // A page git does not track is named by its file's signature.
    const extra = path.join(site.dir, ZH, "user/extra.md");
    writeFileSync(extra, "额外。\n");
    sameWithCache();
    markReport("UNTRACKED");
    expect(hitShows("UNTRACKED")).toBe(true);
    const at = statSync(extra).mtime;
    writeFileSync(extra, "另外。\n");
    utimesSync(extra, at, at);
    expect(hitShows("UNTRACKED")).toBe(false);
    expect(sameWithCache().stdout).toContain("user/extra.md");
    rmSync(extra);
    commit("Contacts: one more", { "content/en/user/contacts.md": "Contacts, again.\n" }, 70);
    settle();
    expect(hitShows("AGAIN")).toBe(false);
    sameWithCache();
  });

  it("is not kept while a page may still be changing, nor used once one has changed", () => {
    sameWithCache();
    markReport("SETTLED");
    const page = path.join(site.dir, ZH, "user/signup.md");
    // Same size, same modification time as before: only the change time tells, in a later
    // second than git's last look (git compares whole seconds, as for the modification time).
    nextSecond();
    const before = readFileSync(page);
    const at = statSync(page).mtime;
    const edited = before.toString("utf8").replace("注", "註");
    expect(edited).not.toBe(before.toString("utf8"));
    writeFileSync(page, edited);
    utimesSync(page, at, at);
    expect(statSync(page).size).toBe(before.length);
    expect(hitShows("SETTLED")).toBe(false);
    // Just written: neither the page's reading nor the report is kept.
    writeFileSync(page, before);
    const fresh = cli(["scan", "--format", "json", "--cache-dir", cacheDir]);
    const plain = cli(["scan", "--format", "json", "--no-cache"]);
    expect(fresh.stdout).toBe(plain.stdout);
    markReport("FRESH");
    expect(hitShows("FRESH")).toBe(false);
  });

  it("holds only while abbreviated raw_commits read the same", () => {
    const target = gitIn(site.dir, ["rev-parse", "HEAD~2"]).trim();
    const short = target.slice(0, 10);
    const page = `${ZH}/user/short.md`;
    commit(
      "Short pin",
      {
        "content/en/user/short.md": "Short.\n",
        [page]: `短。\n\n{{< translation-status-zh-cn raw_title="Short" raw_link="/user/short/" last_translation_time="2025-07-01" raw_commit="${short}">}}\n`,
      },
      80,
    );
    sameWithCache();
    markReport("SHORT");
    expect(hitShows("SHORT")).toBe(true);
    // A branch named like the abbreviation: git now reads the name as the branch.
    gitIn(site.dir, ["branch", short, "HEAD"]);
    expect(hitShows("SHORT")).toBe(false);
    expect(sameWithCache().stdout).toContain("also the name of a branch or tag");
    gitIn(site.dir, ["branch", "-D", short]);
    sameWithCache();
  });

  it("is not kept when a page names a commit outside HEAD's history", () => {
    gitIn(site.dir, ["checkout", "-q", "-b", "elsewhere"]);
    const away = commit("Away", { "content/en/user/away.md": "Away.\n" }, 90);
    gitIn(site.dir, ["checkout", "-q", "main"]);
    commit(
      "Away translation",
      {
        [`${ZH}/user/away.md`]: `远。\n\n{{< translation-status-zh-cn raw_title="Away" raw_link="/user/away/" last_translation_time="2025-07-01" raw_commit="${away}">}}\n`,
      },
      91,
    );
    for (const f of cacheFiles("report")) rmSync(f);
    sameWithCache();
    sameWithCache();
    expect(cacheFiles("report")).toEqual([]);
  });
});

describe("the kept report and what git's index cannot see", () => {
  beforeAll(() => {
    // The page pinned off HEAD's history (above) keeps any report from being kept.
    gitIn(site.dir, ["rm", "-q", `${ZH}/user/away.md`]);
    commit("Away translation: removed", {}, 99);
  });

  it("is not used once a repository appears inside a translation folder", () => {
    commit(
      "A folder of its own",
      {
        "content/en/inner/c.md": "C.\n",
        [`${ZH}/inner/c.md`]: `丙。\n\n{{< translation-status-zh-cn raw_title="C" raw_link="/inner/c/" last_translation_time="2025-07-01" raw_commit="${gitIn(site.dir, ["rev-parse", "HEAD"]).trim()}">}}\n`,
      },
      100,
    );
    sameWithCache();
    expect(cacheFiles("report")).toHaveLength(1);
    // git still tracks the page, and says nothing changed; the scan skips the folder now.
    gitIn(path.join(site.dir, ZH, "inner"), ["init", "-q"]);
    const changed = sameWithCache();
    expect(changed.stdout).toContain("nested repository or submodule skipped");
    rmSync(path.join(site.dir, ZH, "inner/.git"), { recursive: true, force: true });
    sameWithCache();
  });

  it("keeps what a page read again once it changed", () => {
    sameWithCache();
    const [pages] = cacheFiles("pages");
    const page = path.join(site.dir, ZH, "user/signup.md");
    writeFileSync(page, `${readFileSync(page, "utf8")}\n`);
    sameWithCache();
    const size = String(statSync(page).size);
    const kept = readFileSync(pages as string, "utf8");
    const entry = kept.slice(kept.indexOf(`"${ZH}/user/signup.md"`)).split("]")[0] ?? "";
    expect(entry).toContain(`"f ${size} `);
    gitIn(site.dir, ["checkout", "-q", "--", "."]);
  });
});

describe("what could not be read", () => {
  it("is neither kept as a page's reading nor in a kept report", () => {
    for (const f of cacheFiles("report")) rmSync(f);
    // Over the size limit, the page is not read: a failure the scan reports, and one that
    // (like a network file system's) might not be there next time.
    const big = path.join(site.dir, ZH, "user/huge.md");
    writeFileSync(big, Buffer.alloc(9 * 1024 * 1024, 0x61));
    const first = sameWithCache();
    expect(first.stdout).toContain("larger than 8 MiB");
    sameWithCache();
    expect(cacheFiles("report")).toEqual([]);
    const [pages] = cacheFiles("pages");
    expect(readFileSync(pages as string, "utf8")).not.toContain("user/huge.md");
    rmSync(big);
  });
});

describe("a kept report brought to a later HEAD", () => {
  beforeAll(() => {
    // A page pinned to an unmerged branch's commit keeps any report from being kept.
    if (existsSync(path.join(site.dir, ZH, "user/side.md"))) {
      gitIn(site.dir, ["rm", "-q", `${ZH}/user/side.md`]);
      commit("Side translation: removed", {}, 80);
    }
  });

  let hour = 100;
  /** Commits English (or other) files, an hour after the last commit made here. */
  const edit = (files: Record<string, string>, message = "Edit") => commit(message, files, hour++);
  const scanJson = (extra: readonly string[] = []) => {
    const res = cli(["scan", "--format", "json", ...extra]);
    expect(res.code).toBe(0);
    return res.stdout;
  };
  const pagesOf = (json: string) => (JSON.parse(json) as { pages: PageReport[] }).pages;

  /**
   * Keeps a report of HEAD as it is, makes `change` without letting any file settle, and
   * checks that the cached scan after it gives the uncached one's bytes, then again as a hit.
   * Returns whether the report came from the kept one: a copy of the cache, whose kept report
   * is marked where no scan would write, shows the mark.
   */
  function fromKept(...changes: Array<() => void>): boolean {
    sameWithCache();
    const marked = path.join(tempDir(), "marked");
    cpSync(cacheDir, marked, { recursive: true });
    forge(path.join(marked, path.basename(newestReport(cacheDir))), (b) =>
      b.replace('\n  "content": "content",', '\n  "content": "KEPT",'),
    );
    // Each change after the first starts from the report made after the one before.
    let kept = true;
    for (const change of changes) {
      change();
      const plain = scanJson(["--no-cache"]);
      expect(scanJson(["--cache-dir", cacheDir])).toBe(plain);
      expect(scanJson(["--cache-dir", cacheDir])).toBe(plain);
      kept &&= scanJson(["--cache-dir", marked]).includes('"content": "KEPT"');
    }
    rmSync(marked, { recursive: true, force: true });
    return kept;
  }

  /** The English paths the kept report's pages were read from, besides a page's own. */
  function blockedPaths(): string[] {
    sameWithCache();
    const [facts] = cacheFiles("report-facts");
    const bytes = readFileSync(facts as string);
    const second = bytes.indexOf(10, bytes.indexOf(10) + 1);
    // A line "B" and a path's JSON for each (see cache/report-file.ts).
    return bytes
      .toString("utf8", second + 1)
      .split("\n")
      .filter((line) => line.startsWith('B"'))
      .map((line) => JSON.parse(line.slice(1)) as string);
  }

  it("judges again the pages whose English source new commits edited", () => {
    const blocked = blockedPaths();
    expect(blocked.length).toBeGreaterThan(0);
    const pages = pagesOf(scanJson(["--no-cache"]));
    const outdated = pages.find(
      (p) => p.status === "outdated" && p.lang === "zh-cn" && !blocked.includes(p.sourcePath),
    );
    const missing = pages.find((p) => p.status === "missing" && !blocked.includes(p.sourcePath));
    expect(outdated && missing).toBeTruthy();
    const source = outdated?.sourcePath as string;
    expect(
      fromKept(
        () => {
          edit({ [source]: "Edited once.\n" });
          edit({
            [source]: "Edited twice.\n",
            [missing?.sourcePath as string]: "Missing, edited.\n",
          });
        },
        // From the report made after the two commits above, with its pages' places moved.
        () => edit({ [source]: "Edited a third time.\n" }),
      ),
    ).toBe(true);
    // Back to the version the translation names: up to date again, with its commits listed.
    const raw = outdated?.rawCommit as string;
    const before = gitIn(site.dir, ["show", `${raw}:${source}`]);
    expect(fromKept(() => edit({ [source]: before }))).toBe(true);
    const now = pagesOf(scanJson(["--no-cache"])).find((p) => p.path === outdated?.path);
    expect(now?.status).toBe("up-to-date");
    // A binary file has no line counts, which the page says.
    expect(fromKept(() => edit({ [source]: "Binary\u0000now.\n" }))).toBe(true);
    expect(scanJson(["--no-cache"])).toContain("the English source is a binary file");
    // A page without metadata: its estimate is measured again.
    const estimated = pagesOf(scanJson(["--no-cache"])).find(
      (p) => p.estimate !== undefined && !blocked.includes(p.sourcePath),
    );
    expect(estimated).toBeTruthy();
    const english = estimated?.sourcePath as string;
    expect(
      fromKept(
        () => edit({ [english]: "Estimated, edited.\n" }),
        () => edit({ [english]: "Estimated, edited again.\n" }),
      ),
    ).toBe(true);
    const behind = pagesOf(scanJson(["--no-cache"])).find((p) => p.path === estimated?.path);
    expect(behind?.estimate?.commitsBehind).toBe((estimated?.estimate?.commitsBehind ?? 0) + 2);
  });

  /** Merges `branch` into the branch checked out, an hour after the last commit made here. */
  const merge = (branch: string, options: readonly string[] = []) => {
    const date = `${Date.UTC(2025, 6, 1) / 1000 + hour++ * 3600} +0000`;
    gitIn(site.dir, ["merge", "-q", "--no-ff", ...options, "-m", `Merge ${branch}`, branch], {
      env: { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    });
  };
  /** Commits `changes` on a new branch from `from`, then checks out main again. */
  const onBranch = (name: string, from: string, changes: () => void) => {
    gitIn(site.dir, ["checkout", "-q", "-b", name, from]);
    changes();
    gitIn(site.dir, ["checkout", "-q", "main"]);
  };
  /**
   * A commit on `parent` that sets `file`, made without checking anything out: the work tree's
   * translations keep their files (a checkout of an old commit would rewrite them).
   */
  const commitOn = (parent: string, file: string, message: string) => {
    const date = `${Date.UTC(2025, 6, 1) / 1000 + hour++ * 3600} +0000`;
    const env = {
      GIT_INDEX_FILE: path.join(tempDir(), "index"),
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    };
    gitIn(site.dir, ["read-tree", parent], { env });
    const blob = gitIn(site.dir, ["hash-object", "-w", "--stdin"], { input: `${message}.\n` });
    gitIn(site.dir, ["update-index", "--cacheinfo", `100644,${blob.trim()},${file}`], { env });
    const tree = gitIn(site.dir, ["write-tree"], { env }).trim();
    return gitIn(site.dir, ["commit-tree", tree, "-p", parent, "-m", message], { env }).trim();
  };
  const subjects = (json: string, page: string) =>
    pagesOf(json)
      .find((p) => p.path === page)
      ?.commits.map((c) => c.subject) ?? [];

  // It runs the CLI many times: on a loaded machine it can take more than the default 60 s.
  it("judges again, on the whole history, the pages that merged branches edited", () => {
    const blocked = blockedPaths();
    const pages = pagesOf(scanJson(["--no-cache"])).filter(
      (p) => p.lang === "zh-cn" && !blocked.includes(p.sourcePath),
    );
    const outdated = pages.filter((p) => p.status === "outdated");
    const [a, b] = outdated;
    const estimated = pages.find((p) => p.estimate !== undefined);
    expect(a && b && estimated).toBeTruthy();
    const [first, second] = [a as PageReport, b as PageReport];
    // A pull request's merge commit: its branch edited a page twice while the base edited
    // another; the branch's commits are among the page's, the merge is not.
    expect(
      fromKept(() => {
        onBranch("pr-1", "HEAD", () => {
          edit({ [first.sourcePath]: "From the pull request.\n" }, "PR edit one");
          edit({ [first.sourcePath]: "From the pull request, again.\n" }, "PR edit two");
        });
        edit({ [second.sourcePath]: "On the base meanwhile.\n" }, "Base edit");
        merge("pr-1");
      }),
    ).toBe(true);
    const afterPr = scanJson(["--no-cache"]);
    expect(subjects(afterPr, first.path).slice(0, 2)).toEqual(["PR edit two", "PR edit one"]);
    expect(subjects(afterPr, second.path)[0]).toBe("Base edit");
    // A merge that keeps the base's version: git's walk does not go down the branch.
    expect(
      fromKept(() => {
        onBranch("pr-2", "HEAD", () => edit({ [first.sourcePath]: "Not taken.\n" }, "Not taken"));
        merge("pr-2", ["-s", "ours"]);
      }),
    ).toBe(true);
    expect(subjects(scanJson(["--no-cache"]), first.path)).not.toContain("Not taken");
    // Both sides edited the page and the merge took the branch's version; then an old branch,
    // from the page's own raw_commit, merged the same way, and a linear edit on top.
    expect(
      fromKept(
        () => {
          onBranch("pr-3", "HEAD", () => edit({ [first.sourcePath]: "Theirs.\n" }, "Theirs"));
          edit({ [first.sourcePath]: "Ours.\n" }, "Ours");
          merge("pr-3", ["-X", "theirs"]);
        },
        () =>
          merge(commitOn(first.rawCommit as string, first.sourcePath, "Old branch"), [
            "-X",
            "theirs",
          ]),
        () => edit({ [first.sourcePath]: "On top.\n" }, "On top"),
      ),
    ).toBe(true);
    // What git itself counts, down the old branch and not the base's edits.
    const count = gitIn(site.dir, [
      "rev-list",
      "--count",
      `${first.rawCommit}..HEAD`,
      "--",
      first.sourcePath,
    ]);
    const now = pagesOf(scanJson(["--no-cache"])).find((p) => p.path === first.path);
    expect(now?.commitsBehind).toBe(Number(count));
    expect(subjects(scanJson(["--no-cache"]), first.path)).not.toContain("Ours");
    // A page without metadata whose English source a branch edited: its estimate is measured
    // again.
    expect(
      fromKept(() => {
        onBranch("pr-4", "HEAD", () =>
          edit({ [estimated?.sourcePath as string]: "Estimated, on a branch.\n" }),
        );
        merge("pr-4");
      }),
    ).toBe(true);
  }, 240_000);

  it("judges again the pages whose older commits a merge puts in another order", () => {
    // p.md's commits include two from parallel lines (A1 merged into the line of B1); a branch
    // from B1 that only edits q.md, merged, makes the topological walk from the new HEAD reach
    // B1 before A1, so p.md lists them the other way round, though no new commit touched it.
    const repo = TestRepo.init(path.join(tempDir(), "site"));
    const at = (hour: number) => {
      const date = `${Date.UTC(2025, 0, 1) / 1000 + hour * 3600} +0000`;
      return { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
    };
    const text = (first: string, last: string) =>
      `---\ntitle: P\n---\n\n${first}\n\nmiddle\n\n${last}\n`;
    // r.md has more commits than a page lists: its list is cut, so it is judged again too.
    const stream = Array.from({ length: RS }, (_, i) => {
      const who = `T <t@example.com> ${Date.UTC(2024, 0, 1) / 1000 + i * 60} +0000`;
      const page = `---\ntitle: R\n---\n\nversion ${i}\n`;
      return `commit refs/heads/main\nmark :${i + 1}\nauthor ${who}\ncommitter ${who}\ndata 3\nr${i % 10}\n${i > 0 ? `from :${i}\n` : ""}M 100644 inline content/en/r.md\ndata ${Buffer.byteLength(page)}\n${page}\n`;
    }).join("");
    repo.git(["fast-import", "--quiet"], { input: stream });
    repo.git(["reset", "-q", "--hard"]);
    const r0 = repo.git(["rev-list", "--max-parents=0", "HEAD"]).trim();
    repo.write("content/en/p.md", text("first", "last"));
    repo.write("content/en/q.md", "---\ntitle: Q\n---\n\nq\n");
    const root = repo.commit("R0", at(1));
    repo.write("content/en/p.md", text("FIRST", "last"));
    const b1 = repo.commit("B1", at(2));
    repo.git(["checkout", "-q", "-b", "a", root]);
    repo.write("content/en/p.md", text("first", "LAST"));
    repo.commit("A1", at(2));
    repo.git(["checkout", "-q", "main"]);
    repo.git(["merge", "-q", "--no-ff", "-m", "K", "a"], { env: at(3) });
    for (const page of ["p", "q", "r"]) {
      repo.write(
        `content/ja/${page}.md`,
        `---\ntitle: ${page}\ndefault_lang_commit: ${page === "r" ? r0 : root}\n---\n\n${page} ja\n`,
      );
    }
    repo.commit("ja", at(4));
    settle(repo.dir);
    const cache = path.join(tempDir(), "cache");
    const json = (...args: string[]) => {
      const res = runCli(["scan", "--format", "json", "--repo", repo.dir, ...args]);
      expect([res.code, res.stderr]).toEqual([0, ""]);
      return res.stdout;
    };
    const before = json("--cache-dir", cache);
    const marked = path.join(tempDir(), "marked");
    cpSync(cache, marked, { recursive: true });
    forge(path.join(marked, path.basename(newestReport(cache))), (b) =>
      b.replace('\n  "content": "content",', '\n  "content": "KEPT",'),
    );
    // The branch's commit is made without a checkout, which would rewrite the translations.
    const index = { ...at(5), GIT_INDEX_FILE: path.join(tempDir(), "index") };
    repo.git(["read-tree", b1], { env: index });
    const blob = repo.git(["hash-object", "-w", "--stdin"], {
      input: "---\ntitle: Q\n---\n\nq, edited\n",
    });
    repo.git(["update-index", "--cacheinfo", `100644,${blob.trim()},content/en/q.md`], {
      env: index,
    });
    const tree = repo.git(["write-tree"], { env: index }).trim();
    const s1 = repo.git(["commit-tree", tree, "-p", b1, "-m", "S1"], { env: index }).trim();
    repo.git(["merge", "-q", "--no-ff", "-m", "M", s1], { env: at(6) });
    const plain = json("--no-cache");
    const subjects = (pages: string) =>
      pagesOf(pages)
        .find((p) => p.path === "content/ja/p.md")
        ?.commits.map((c) => c.subject);
    expect(subjects(before)).toEqual(["K", "B1", "A1"]);
    expect(subjects(plain)).toEqual(["K", "A1", "B1"]);
    const r = pagesOf(plain).find((p) => p.path === "content/ja/r.md");
    expect([r?.commitsBehind, r?.commits.length]).toEqual([RS - 1, 500]);
    expect(json("--cache-dir", marked)).toContain('"content": "KEPT"');
    expect(json("--cache-dir", cache)).toBe(plain);
    expect(json("--cache-dir", cache)).toBe(plain);
  });

  it("scans when a commit touched a translation folder, even one whose files end as before", () => {
    // Staged when the report is kept, then committed: the page's estimate is that commit.
    writeFileSync(path.join(site.dir, ZH, "user/staged.md"), "暂存。\n");
    gitIn(site.dir, ["add", "--", `${ZH}/user/staged.md`]);
    expect(fromKept(() => edit({}, "Commit the staged translation"))).toBe(false);
    expect(scanJson(["--no-cache"])).toContain("last change of the translation");
    // Changed and changed back: the estimate moves to the second commit.
    const estimated = pagesOf(scanJson(["--no-cache"])).find((p) => p.estimate !== undefined);
    expect(estimated).toBeTruthy();
    const file = estimated?.path as string;
    const text = readFileSync(path.join(site.dir, file), "utf8");
    expect(
      fromKept(() => {
        edit({ [file]: "改过。\n" });
        edit({ [file]: text });
      }),
    ).toBe(false);
  });

  // It runs the CLI many times: on a loaded machine it can take more than the default 60 s.
  it("scans when the new commits did more than edit English pages", () => {
    const blocked = blockedPaths();
    const pages = pagesOf(scanJson(["--no-cache"]));
    const moved = pages.find((p) => p.status === "moved");
    expect(moved).toBeTruthy();
    const english = pages.find((p) => p.status === "outdated")?.sourcePath as string;
    const cases: Array<[string, () => void]> = [
      ["a page added", () => edit({ "content/en/user/brand-new.md": "New.\n" })],
      [
        "a page deleted",
        () => {
          gitIn(site.dir, ["rm", "-q", "content/en/user/brand-new.md"]);
          edit({});
        },
      ],
      [
        "a page renamed",
        () => {
          gitIn(site.dir, ["mv", english, `${english.replace(/\.md$/, "")}-renamed.md`]);
          edit({});
        },
      ],
      ["a file other than a page added", () => edit({ "content/en/user/picture.png": "PNG" })],
      [
        "the path a moved page follows",
        () => edit({ [moved?.sourcePath as string]: "Moved, edited.\n" }),
      ],
      ["the path another page was read from", () => edit({ [blocked[0] as string]: "Read.\n" })],
      ["a translation", () => edit({ [`${ZH}/user/contacts.md`]: "联系人。\n" })],
      [
        "a merge whose branch changed a translation",
        () => {
          onBranch(`side-${hour}`, "HEAD", () =>
            edit({ [`${ZH}/user/contacts.md`]: "联系人，分支。\n" }),
          );
          merge(`side-${hour - 1}`);
        },
      ],
      [
        "a merge whose branch added a page",
        () => {
          onBranch(`side-${hour}`, "HEAD", () =>
            edit({ "content/en/user/from-a-branch.md": "New on a branch.\n" }),
          );
          merge(`side-${hour - 1}`);
        },
      ],
      [
        "a HEAD whose first parents do not lead to the kept one",
        () => {
          const kept = gitIn(site.dir, ["rev-parse", "HEAD"]).trim();
          gitIn(site.dir, ["checkout", "-q", "-b", `side-${hour}`, "HEAD~1"]);
          edit({ [english]: "From the side.\n" });
          merge(kept);
          // Named main again, for what follows.
          gitIn(site.dir, ["checkout", "-q", "-B", "main"]);
        },
      ],
      [
        "a rewritten history",
        () => {
          gitIn(site.dir, ["reset", "-q", "--hard", "HEAD~1"]);
          edit({ "content/en/user/contacts.md": "Rewritten.\n" });
        },
      ],
    ];
    for (const [what, change] of cases) {
      expect([what, fromKept(change)]).toEqual([what, false]);
    }
  }, 240_000);
});

describe("a damaged cache file", () => {
  for (const [kind, first] of Object.entries(KINDS)) {
    it(`of kind ${kind} is warned of once, wherever it is damaged, and made again`, () => {
      // A cache folder of its own, so that each kind has one file, the one these runs read.
      const saved = cacheDir;
      cacheDir = path.join(tempDir(), "cache");
      onTestFinished(() => {
        cacheDir = saved;
      });
      // Kept for the work tree as it is now, the report is read by the runs below; the answer
      // without the cache stays the same throughout.
      const expected = sameWithCache().stdout;
      const run = () => cli(["scan", "--format", "json", "--cache-dir", cacheDir]);
      for (const [where, damage] of Object.entries(DAMAGES)) {
        for (const other of first) for (const f of cacheFiles(other)) rmSync(f);
        const [file, ...more] = cacheFiles(kind);
        expect(more).toEqual([]);
        writeFileSync(file as string, damage(readFileSync(file as string)));
        const damaged = run();
        expect([where, damaged.code, damaged.stdout === expected]).toEqual([where, 0, true]);
        expect([where, damaged.stderr]).toEqual([
          where,
          `translation-status: warning: ignoring a damaged cache file ${file}; it is made again\n`,
        ]);
        // Made again, whole: a header as written, then a body of its size and checksum.
        const bytes = readFileSync(file as string);
        const { first: h, body } = parts(bytes);
        const [, , fileKind, size] = bytes.toString("latin1", 0, h).split(" ");
        const sum = createHash("sha256").update(bytes.subarray(body)).digest("hex");
        expect([where, fileKind, Number(size), bytes.toString("latin1", h + 1, body - 1)]).toEqual([
          where,
          kind,
          bytes.length - body,
          sum,
        ]);
      }
      // No later run speaks of it again.
      for (const other of first) for (const f of cacheFiles(other)) rmSync(f);
      expect(run().stderr).toBe("");
    });
  }
});
