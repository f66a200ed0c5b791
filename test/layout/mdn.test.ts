// MDN's two repositories (fixtures/mdn-content.json and fixtures/mdn-translated-content.json):
// the English pages in one, the translations in the other, found with a three-line config or
// with --source-repo. Statuses and numbers are the ones plain git gives in the English
// repository; the translations' own history plays no part.
import {
  cpSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PageReport, ScanResult } from "../../src/core/types.js";
import { createDetailLoader } from "../../src/detail/loader.js";
import { scan } from "../../src/scan/scan.js";
import { buildMdnPair, git, type TempMdnPair } from "../helpers/site.js";
import { runCli, tempDir } from "../hostile/helpers.js";

let pair: TempMdnPair;
let result: ScanResult;

const scanJson = (args: string[], cwd?: string) => {
  const res = runCli(["scan", "--format", "json", ...args], cwd ? { cwd } : {});
  expect(res.stderr).toBe("");
  expect(res.code).toBe(0);
  return JSON.parse(res.stdout) as ScanResult;
};

beforeAll(() => {
  pair = buildMdnPair();
  // The translations' repository as its own folder: its config names ../mdn-content.
  result = scanJson([], pair.translations);
});
afterAll(() => pair?.cleanup());

const page = (r: ScanResult, p: string): PageReport => {
  const found = r.pages.find((x) => x.path === p);
  if (!found) throw new Error(`no report for ${p}`);
  return found;
};

describe("MDN's two repositories, with a three-line config", () => {
  it("finds the pair with no further setup and says which repository is the English one", () => {
    expect(
      readFileSync(path.join(pair.translations, "translation-status.config.json"), "utf8"),
    ).toBe('{\n  "sourceRepo": "../mdn-content"\n}\n');
    expect(result.layout).toEqual({
      kind: "mdn",
      pairs: [{ source: "files/en-us", translation: "files/{lang}" }],
    });
    expect(result.content).toBe("files");
    expect(result.source).toBe("en-us");
    // files/jsondata is not a locale.
    expect(result.languages).toEqual(["ja", "zh-cn"]);
    expect(result.sourceRepo).toBe(realpathSync(pair.content));
    // HEAD is the English repository's, not the translations'.
    expect(result.head).toBe(pair.labels.head);
    expect(result.head).toBe(git(pair.content, ["rev-parse", "HEAD"]));
    expect(result.head).not.toBe(git(pair.translations, ["rev-parse", "HEAD"]));
  });

  it("gives every page the status its English history implies", () => {
    expect(result.pages.map((p) => [p.path, p.status, p.sourcePath])).toEqual([
      ["files/ja/glossary/index.md", "missing", "files/en-us/glossary/index.md"],
      ["files/ja/web/api/fetch/index.md", "moved", "files/en-us/web/api/fetch_api/index.md"],
      ["files/ja/web/css/index.md", "up-to-date", "files/en-us/web/css/index.md"],
      ["files/ja/web/html/index.md", "outdated", "files/en-us/web/html/index.md"],
      ["files/ja/web/javascript/index.md", "up-to-date", "files/en-us/web/javascript/index.md"],
      ["files/ja/web/old/index.md", "source-missing", "files/en-us/web/old/index.md"],
      ["files/zh-cn/glossary/index.md", "up-to-date", "files/en-us/glossary/index.md"],
      [
        "files/zh-cn/web/api/fetch_api/index.md",
        "missing",
        "files/en-us/web/api/fetch_api/index.md",
      ],
      ["files/zh-cn/web/css/index.md", "untracked", "files/en-us/web/css/index.md"],
      ["files/zh-cn/web/html/index.md", "outdated", "files/en-us/web/html/index.md"],
      [
        "files/zh-cn/web/javascript/index.md",
        "unknown-commit",
        "files/en-us/web/javascript/index.md",
      ],
    ]);
    // A commit of the translations' repository is not an English commit.
    expect(page(result, "files/zh-cn/web/javascript/index.md").warnings).toEqual([
      "raw_commit is not a commit in this repository",
    ]);
    expect(result.summary.ja).toMatchObject({ total: 6, outdated: 1, moved: 1, missing: 1 });
  });

  it("counts commits and lines in the English repository", () => {
    const numbers = (p: string) => {
      const r = page(result, p);
      return [r.commitsBehind, r.linesAdded, r.linesRemoved];
    };
    expect(numbers("files/ja/web/html/index.md")).toEqual([3, 3, 1]);
    expect(numbers("files/zh-cn/web/html/index.md")).toEqual([4, 5, 1]);
    expect(numbers("files/ja/web/api/fetch/index.md")).toEqual([2, 4, 0]);
    expect(numbers("files/ja/web/javascript/index.md")).toEqual([2, 0, 0]);
    expect(numbers("files/ja/web/old/index.md")).toEqual([1, null, null]);
    expect(numbers("files/ja/web/css/index.md")).toEqual([0, 0, 0]);
    expect(numbers("files/zh-cn/glossary/index.md")).toEqual([0, 0, 0]);
    const l = pair.labels;
    // The branch forked before the snapshot and merged after it counts, and so does the merge.
    expect(page(result, "files/ja/web/html/index.md").commits.map((c) => c.hash)).toEqual(
      expect.arrayContaining([l.merge, l["html-2"], l["feature-html"]]),
    );
    expect(page(result, "files/ja/web/api/fetch/index.md").commits.map((c) => c.hash)).toEqual([
      l["fetch-edit"],
      l["fetch-move"],
    ]);
  });

  it("agrees with plain git in the English repository on every page it measures", () => {
    const measured = result.pages.filter((p) => p.commitsBehind !== null);
    expect(measured).toHaveLength(7);
    for (const p of measured) {
      const paths = p.movedFrom ? [p.movedFrom, p.sourcePath] : [p.sourcePath];
      const range = `${p.rawCommit}..HEAD`;
      const count = Number(git(pair.content, ["rev-list", "--count", range, "--", ...paths]));
      expect(p.commitsBehind, p.path).toBe(count);
      if (p.linesAdded === null) continue;
      const from = `${p.rawCommit}:${p.movedFrom ?? p.sourcePath}`;
      const numstat = git(pair.content, ["diff", "--numstat", from, `HEAD:${p.sourcePath}`]);
      const [added = "0", removed = "0"] = numstat.split("\t");
      expect([p.linesAdded, p.linesRemoved], p.path).toEqual([Number(added), Number(removed)]);
    }
  });

  it("reads a locale folder that holds no file as no language, as beside any source", () => {
    const leftover = path.join(pair.translations, "files/ko/web");
    mkdirSync(leftover, { recursive: true });
    try {
      const again = scanJson([], pair.translations);
      expect(again.languages).toEqual(["ja", "zh-cn"]);
      expect(again.warnings).toEqual(["files/ko: not read as a language (it holds no file)"]);
      expect(again.pages).toEqual(result.pages);
      // Named, it is read: every English page is then missing there.
      const named = scanJson(["--lang", "ko"], pair.translations);
      expect(named.languages).toEqual(["ko"]);
      expect(named.pages.every((p) => p.status === "missing")).toBe(true);
    } finally {
      rmSync(path.join(pair.translations, "files/ko"), { recursive: true });
    }
  });

  it("gives the same report with --source-repo and no config", () => {
    const empty = path.join(tempDir(), "empty.json");
    writeFileSync(empty, "{}\n");
    const viaFlag = scanJson([
      "--repo",
      pair.translations,
      "--config",
      empty,
      "--source-repo",
      pair.content,
    ]);
    expect(viaFlag).toEqual(result);
    // The flag's folder, like --repo's, is relative to the current folder.
    const relative = scanJson(
      ["--config", empty, "--source-repo", "../mdn-content"],
      pair.translations,
    );
    expect(relative).toEqual(result);
    const ja = scanJson(["--lang", "ja"], pair.translations);
    expect(ja.pages).toEqual(result.pages.filter((p) => p.lang === "ja"));
    // Without either, the translations' repository alone has no English pages to compare with.
    const alone = runCli(["scan", "--repo", pair.translations, "--config", empty]);
    expect(alone).toMatchObject({
      code: 2,
      stderr: "translation-status: no such folder: content (set it with --content)\n",
    });
  });

  it("says whose HEAD the plain report compares with", () => {
    const res = runCli(["scan"], { cwd: pair.translations });
    expect(res.code).toBe(0);
    expect(res.stdout.split("\n")[0]).toBe(
      `HEAD ${pair.labels.head?.slice(0, 12)} of the English repository ${realpathSync(pair.content)}`,
    );
    expect(res.stdout).toContain(
      "! outdated         3 behind +3 -1        files/ja/web/html/index.md",
    );
  });

  it("shows the dashboard the English diff from the English repository", async () => {
    const out = await scan({
      repo: pair.translations,
      sourceRepo: pair.content,
      source: "en",
      content: "content",
      langs: [],
    });
    expect(out.sourceRepo.workTree).toBe(realpathSync(pair.content));
    expect(out.repo.workTree).toBe(realpathSync(pair.translations));
    const source = await createDetailLoader(out, out.result, out.details);
    const i = out.result.pages.findIndex((p) => p.path === "files/ja/web/html/index.md");
    const diff = await source.wholeDiff(i);
    expect(diff.notice).toBeNull();
    expect([diff.added, diff.removed]).toEqual([3, 1]);
    const texts = diff.rows.flatMap((r) => ("text" in r ? [r.text] : []));
    expect(texts).toContain("- DOM");
    const edit = await source.commitDiff(i, pair.labels["html-2"] as string);
    expect([edit.added, edit.removed]).toEqual([1, 1]);
    // Marking it updated records the English HEAD in the translations' work tree.
    const file = path.join(pair.translations, "files/ja/web/html/index.md");
    const before = readFileSync(file, "utf8");
    expect(await source.markUpdated(i)).toMatchObject({ ok: true });
    expect(readFileSync(file, "utf8")).toBe(
      before.replace(`sourceCommit: ${pair.labels.snapshot}`, `sourceCommit: ${out.result.head}`),
    );
  });
});

describe("check and stamp with MDN's two repositories", () => {
  let fresh: TempMdnPair;
  beforeAll(() => {
    fresh = buildMdnPair();
  });
  afterAll(() => fresh?.cleanup());

  it("check fails on the outdated pages, and --changed-since keeps the translations a branch changed", () => {
    const all = runCli(["check", "--format", "json"], { cwd: fresh.translations });
    expect(all.code).toBe(1);
    const checked = JSON.parse(all.stdout) as ScanResult & { failed: number };
    expect(checked.head).toBe(fresh.labels.head);
    expect(checked.failed).toBe(5);

    // A pull request to the translations' repository that touches one Japanese page.
    const t = fresh.translations;
    git(t, ["checkout", "-q", "-b", "update-ja"]);
    const file = path.join(t, "files/ja/web/old/index.md");
    writeFileSync(file, `${readFileSync(file, "utf8")}\n追記。\n`);
    git(t, ["-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qam", "ja: edit"]);
    const pr = runCli(["check", "--changed-since", "main", "--format", "json"], { cwd: t });
    expect(pr.stderr).toBe(
      `translation-status: options from ${path.join(t, "translation-status.config.json")}\n`,
    );
    const narrowed = JSON.parse(pr.stdout) as ScanResult;
    expect(narrowed.pages.map((p) => [p.path, p.status])).toEqual([
      ["files/ja/web/old/index.md", "source-missing"],
    ]);
    expect(pr.code).toBe(1);
    // A ref of the English repository is not one of this repository's.
    const english = runCli(["check", "--changed-since", fresh.labels.base as string], { cwd: t });
    expect(english.code).toBe(2);
    expect(english.stderr).toMatch(/is not a commit in this repository\n$/);
    git(t, ["checkout", "-q", "main"]);
  });

  it("stamp writes the English repository's HEAD into the translation's l10n.sourceCommit", () => {
    const rel = "files/ja/web/html/index.md";
    const file = path.join(fresh.translations, rel);
    const before = readFileSync(file, "utf8");
    const res = runCli(["stamp", rel], { cwd: fresh.translations });
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    const head = fresh.labels.head as string;
    expect(res.stdout).toBe(`stamped ${rel} at ${head.slice(0, 12)}\n`);
    // Only the hash changes, byte for byte.
    expect(readFileSync(file, "utf8")).toBe(
      before.replace(`sourceCommit: ${fresh.labels.snapshot}`, `sourceCommit: ${head}`),
    );
    const after = scanJson([], fresh.translations);
    expect(page(after, rel)).toMatchObject({
      status: "up-to-date",
      rawCommit: head,
      commitsBehind: 0,
      linesAdded: 0,
      linesRemoved: 0,
    });
    // --commit names an English commit; the English page must exist there.
    const old = runCli(["stamp", "--commit", fresh.labels["html-1"] as string, rel], {
      cwd: fresh.translations,
    });
    expect(old.code).toBe(0);
    expect(readFileSync(file, "utf8")).toContain(`sourceCommit: ${fresh.labels["html-1"]}\n`);
    const gone = runCli(["stamp", "files/ja/web/old/index.md"], { cwd: fresh.translations });
    expect(gone.code).toBe(2);
    expect(gone.stderr).toMatch(
      /the English source files\/en-us\/web\/old\/index.md does not exist/,
    );
  });
});

describe("a locale folder spelt in capitals (files/pt-BR, as MDN writes locales)", () => {
  let fresh: TempMdnPair;
  const rel = "files/pt-BR/web/html/index.md";
  beforeAll(() => {
    fresh = buildMdnPair();
    const ja = readFileSync(path.join(fresh.translations, "files/ja/web/html/index.md"), "utf8");
    mkdirSync(path.join(fresh.translations, "files/pt-BR/web/html"), { recursive: true });
    writeFileSync(path.join(fresh.translations, rel), ja);
  });
  afterAll(() => fresh?.cleanup());
  const why = "MDN's locale folders are lower-case, pt-br; --lang pt-BR reads it";

  it("is named in a warning, and read when --lang names it", () => {
    const all = scanJson([], fresh.translations);
    expect(all.languages).toEqual(["ja", "zh-cn"]);
    expect(all.warnings).toEqual([`files/pt-BR: not read as a language (${why})`]);
    const named = scanJson(["--lang", "pt-BR"], fresh.translations);
    expect(named.pages.filter((p) => p.status !== "missing").map((p) => p.path)).toEqual([rel]);
  });

  it("is stamped when --lang names it, as the scan reads it, and refused with the reason otherwise", () => {
    const refused = runCli(["stamp", rel], { cwd: fresh.translations });
    expect(refused).toMatchObject({
      code: 2,
      stderr: `translation-status: ${rel}: files/pt-BR is not read as a language (${why}): the scan reports none of its pages\n`,
    });
    const res = runCli(["stamp", "--lang", "pt-BR", rel], { cwd: fresh.translations });
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    expect(readFileSync(path.join(fresh.translations, rel), "utf8")).toContain(
      `sourceCommit: ${fresh.labels.head}\n`,
    );
  });

  it("alone, stops the scan with an error that names files/ and the folder", () => {
    const alone = path.join(tempDir(), "translated-content");
    mkdirSync(path.join(alone, "files/zh-CN/web"), { recursive: true });
    writeFileSync(path.join(alone, "files/zh-CN/web/index.md"), "x\n");
    git(alone, ["init", "-q"]);
    const res = runCli(["scan", "--repo", alone, "--source-repo", fresh.content]);
    expect(res).toMatchObject({
      code: 2,
      stderr:
        "translation-status: no translation folders in files (files/zh-CN: not read as a language (MDN's locale folders are lower-case, zh-cn; --lang zh-CN reads it))\n",
    });
  });
});

describe("the English repository as git holds it", () => {
  it("is found from HEAD's tree: a work tree without the English pages gives the same report", () => {
    // As a clone made with --no-checkout, or a sparse one: HEAD holds files/en-us, the disk not.
    const clone = path.join(tempDir(), "mdn-content");
    cpSync(pair.content, clone, { recursive: true });
    rmSync(path.join(clone, "files"), { recursive: true });
    const empty = path.join(tempDir(), "empty.json");
    writeFileSync(empty, "{}\n");
    const viaClone = scanJson(["--config", empty, "--source-repo", clone], pair.translations);
    const checkedOut = scanJson(
      ["--config", empty, "--source-repo", pair.content],
      pair.translations,
    );
    expect(viaClone.layout?.kind).toBe("mdn");
    expect(viaClone).toEqual({ ...checkedOut, sourceRepo: realpathSync(clone) });
  });

  it("names files/ when the translations' repository has none, or a symbolic link", () => {
    const translations = path.join(tempDir(), "translated-content");
    mkdirSync(translations);
    git(translations, ["init", "-q"]);
    const args = ["scan", "--repo", translations, "--source-repo", pair.content];
    const where = `(MDN's files/<locale>/ in the translations' repository, ${realpathSync(translations)})`;
    expect(runCli(args)).toMatchObject({
      code: 2,
      stderr: `translation-status: no such folder: files ${where}\n`,
    });
    symlinkSync(path.join(pair.translations, "files"), path.join(translations, "files"));
    expect(runCli(args)).toMatchObject({
      code: 2,
      stderr: `translation-status: files is a symbolic link; not followed ${where}\n`,
    });
  });
});

describe("a source repository that is not one", () => {
  let fresh: TempMdnPair;
  beforeAll(() => {
    fresh = buildMdnPair();
  });
  afterAll(() => fresh?.cleanup());

  const config = (text: string) =>
    writeFileSync(path.join(fresh.translations, "translation-status.config.json"), text);

  it.each([
    [
      { sourceRepo: "../nowhere" },
      (p: TempMdnPair) =>
        `translation-status: source repository: no such directory: ${path.join(path.dirname(p.translations), "nowhere")}\n`,
    ],
    [
      { sourceRepo: ".." },
      (p: TempMdnPair) =>
        `translation-status: source repository: not a git work tree: ${path.dirname(p.translations)}\n`,
    ],
    [
      { sourceRepo: "../mdn-content/files" },
      (p: TempMdnPair) =>
        `translation-status: source repository: not the top of a git work tree: ${path.join(p.content, "files")} (it is inside ${realpathSync(p.content)})\n`,
    ],
  ])("is one error line, exit 2: %j", (value, expected) => {
    config(`${JSON.stringify(value)}\n`);
    for (const command of ["scan", "check", "stamp"]) {
      const args = command === "stamp" ? [command, "files/ja/web/html/index.md"] : [command];
      const res = runCli(args, { cwd: fresh.translations });
      expect(res.code, command).toBe(2);
      // One line, check's too: the config file is named only once a run gets that far.
      expect(res.stderr, command).toBe(expected(fresh));
      expect(res.stdout).toBe("");
    }
  });

  it("refuses a value that is not a folder name, naming the file and key", () => {
    config('{"sourceRepo": ""}\n');
    const res = runCli(["scan"], { cwd: fresh.translations });
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(
      /^translation-status: .*translation-status\.config\.json: "sourceRepo": /,
    );
    expect(res.stderr.split("\n")).toHaveLength(2);
    const flag = runCli(["scan", "--source-repo", ""], { cwd: fresh.translations });
    expect(flag.stderr).toBe('translation-status: --source-repo: "": needs a folder\n');
    expect(flag.code).toBe(2);
  });
});
