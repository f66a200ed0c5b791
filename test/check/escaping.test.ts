// A repository built to attack the reports: page paths, commit subjects, authors and metadata
// carrying line breaks, workflow commands (`::error::`, `##[error]`, `%0A`), table pipes,
// `</details>`, HTML, links and @mentions. Every format must show them as text and nothing more.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Nodes } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CheckReport, evaluate } from "../../src/check/evaluate.js";
import { makeThresholds } from "../../src/check/thresholds.js";
import { renderCheckJson } from "../../src/report/check-json.js";
import { renderCheckTable } from "../../src/report/check-table.js";
import { renderGithub } from "../../src/report/github.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { isUnsafeCodePoint, visible } from "../../src/sanitize/terminal.js";
import { scan } from "../../src/scan/scan.js";
import { parseWorkflowCommand } from "../helpers/actions-runner.js";
import { tempDir } from "../helpers/site.js";
import { gitAt, NOW, runCli, SGR, TOKEN } from "./helpers.js";

const DIR = "evil\n::error::pwned%0A%25 ##[error]boom | @octocat <script>alert(1)<";
const FILE = "details>\r::warning::w `x` $y$ #1 www.evil.example [a](b).md";
const REL = `${DIR}/${FILE}`;
const SUBJECT =
  "Fix ::error file=x::pwned %0A%3A ##[error]boom | </details><script>alert(1)</script> [x](https://evil.example) @octocat #1 \x1b[31mred\x1b]0;title\x07 \u202egnp.exe";
const AUTHOR = "Eve @octocat | ##[warning]w %0A ::error::a";

let base: string;
let site: string;
let report: CheckReport;

beforeAll(async () => {
  base = tempDir("ts-hostile-");
  site = path.join(base, "site");
  mkdirSync(path.join(site, "content", "en", DIR), { recursive: true });
  mkdirSync(path.join(site, "content", "zh-cn", DIR), { recursive: true });
  gitAt(site, ["init", "-q", "-b", "main"]);
  writeFileSync(path.join(site, "content", "en", REL), "---\ntitle: Evil\n---\n\nOne.\n");
  writeFileSync(path.join(site, "content", "en", "plain.md"), "---\ntitle: Plain\n---\n\nPlain.\n");
  gitAt(site, ["add", "-A"], { tick: 1 });
  gitAt(site, ["commit", "-q", "-m", "Add English"], { tick: 1 });
  const first = gitAt(site, ["rev-parse", "HEAD"]);
  const shortcode = `{{< translation-status-zh-cn raw_title="</details>@octocat ::error::t" raw_link="/x/" last_translation_time="2025-04-01" raw_commit="${first}">}}`;
  writeFileSync(
    path.join(site, "content", "zh-cn", REL),
    `---\ntitle: 邪恶\n---\n\n一。\n\n${shortcode}\n`,
  );
  gitAt(site, ["add", "-A"], { tick: 2 });
  gitAt(site, ["commit", "-q", "-m", "Translate"], { tick: 2 });
  writeFileSync(path.join(site, "content", "en", REL), "---\ntitle: Evil\n---\n\nOne.\n\nTwo.\n");
  gitAt(site, ["add", "-A"], { tick: 3 });
  gitAt(site, ["commit", "-q", "--cleanup=verbatim", "-F", "-"], {
    tick: 3,
    input: `${SUBJECT}\n\nBody ::error::x\n`,
    env: { GIT_AUTHOR_NAME: AUTHOR },
  });
  const out = await scan({ repo: site, source: "en", content: "content", langs: [] });
  const thresholds = makeThresholds({
    failOn: ["outdated", "missing"],
    maxBehind: null,
    maxLines: null,
    maxAge: null,
  });
  report = evaluate(out.result, thresholds, NOW);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** A Markdown link destination to github.com (backslash escapes allowed inside). */
const LINK = /\]\(https:\/\/github\.com\/example\/docs\/(?:\\.|[^)\s\\])*\)/g;
/** Whether `s` has a character no sink may pass on raw (a line break between lines is fine). */
const unsafe = (s: string) =>
  [...s].some((ch) => ch !== "\n" && isUnsafeCodePoint(ch.codePointAt(0) ?? 0));

describe("hostile repository", () => {
  it("really has the hostile path and subject in the scan", () => {
    const evil = report.result.pages.find((p) => p.path === `content/zh-cn/${REL}`);
    expect(evil?.status).toBe("outdated");
    expect(evil?.commits[0]?.subject).toContain("::error file=x::pwned");
    expect(report.failing.length).toBe(2); // the outdated page and the missing plain.md
  });

  it("github: only our annotations are commands; the report is stopped and inert", () => {
    const out = renderGithub(report, { token: TOKEN, pathPrefix: "docs/" });
    expect(unsafe(out)).toBe(false);
    expect(out).not.toContain("\r");
    const lines = out.trimEnd().split("\n");
    expect(lines[0]).toBe(`::stop-commands::${TOKEN}`);
    const end = lines.indexOf(`::${TOKEN}::`);
    expect(end).toBeGreaterThan(0);
    for (const line of lines.slice(1, end)) {
      expect(line).not.toContain("##[");
      expect(line.trimStart().startsWith("::")).toBe(false);
    }
    const commands = lines.slice(end + 1).map((l) => parseWorkflowCommand(l));
    expect(commands.map((c) => c?.command)).toEqual(["error", "error"]);
    const files = commands.map((c) => c?.props.file);
    expect(files).toContain(`docs/content/zh-cn/${visible(REL)}`);
    expect(files).toContain("docs/content/zh-cn/plain.md");
    for (const c of commands) {
      expect(Object.keys(c?.props ?? {}).sort()).toEqual(expect.arrayContaining(["file", "title"]));
      expect(c?.data).not.toMatch(/[\r\n]/);
    }
    // Line-less annotation for the missing page, line of the shortcode for the outdated one.
    expect(commands.find((c) => c?.props.file?.endsWith("plain.md"))?.props.line).toBeUndefined();
    expect(commands.find((c) => c?.props.file?.includes("evil"))?.props.line).toBe("7");
  });

  it("markdown: no HTML, links, mentions or broken structure from the data", () => {
    const md = renderMarkdown(report, { github: { owner: "example", name: "docs" } });
    expect(unsafe(md)).toBe(false);
    expect(md).not.toContain("\r");
    // A page's name is inline code, whose text GitHub shows as it is (no HTML, link, mention or
    // reference inside): the name as every report prints it, so that it can be given back.
    const { code, outside } = codeSpans(md);
    const shown = `content/zh-cn/${visible(REL).replaceAll("##[", "##\\x5b")}`;
    expect(code.filter((c) => c === shown)).toHaveLength(1);
    expect(outside).not.toMatch(/<script|<img/i);
    // Outside code and link destinations (github.com URLs with the path %-encoded in them):
    const text = outside.replace(LINK, "]");
    expect(text).not.toMatch(/@octocat/);
    expect(text).not.toMatch(/#1/);
    expect(text).not.toContain("https://evil");
    expect(text).not.toContain("www.evil");
    expect(text).not.toContain("](b)");
    expect(outside.split("<details>").length).toBe(outside.split("</details>").length);
    expect(md.match(/^- \[ \] /gm)).toHaveLength(2);
    // Table rows keep their column count: only unescaped pipes split cells.
    const rows = md.split("\n").filter((l) => l.startsWith("|"));
    const cells = (l: string) => l.replace(/\\\|/g, "").split("|").length;
    for (const r of rows) expect(cells(r)).toBe(cells(rows[0] as string));
    // Every link goes to github.com.
    const links = [...outside.matchAll(LINK)].length;
    expect(links).toBe(4); // compare, English history, the commit; English history of the missing page
    expect(outside.split("](").length - 1).toBe(links);
  });

  it("markdown: the size limit holds and says what was left out", () => {
    const full = renderMarkdown(report, { github: null });
    const max = Buffer.byteLength(full) - 100;
    const md = renderMarkdown(report, { github: null, maxBytes: max });
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(max);
    expect(md.split("<details>").length).toBe(md.split("</details>").length);
    expect(md).toMatch(/more failing pages? (is|are) not listed/);
  });

  it("table: one line per item, no controls, no workflow commands", () => {
    for (const color of [false, true]) {
      const out = renderCheckTable(report, color);
      const plain = out.replace(SGR, "");
      expect(unsafe(plain)).toBe(false);
      expect(plain).not.toContain("##[");
      for (const line of plain.split("\n")) expect(line.trimStart().startsWith("::")).toBe(false);
      expect(plain).toContain(`content/zh-cn/${visible(REL).replaceAll("##[", "##\\x5b")}`);
    }
  });

  it("json: the exact strings survive a round trip, with no raw bidi or escape character", () => {
    const json = renderCheckJson(report);
    expect(unsafe(json)).toBe(false);
    const parsed = JSON.parse(json);
    const evil = parsed.pages.find((p: { path: string }) => p.path === `content/zh-cn/${REL}`);
    expect(evil.commits[0].subject).toBe(SUBJECT);
    expect(evil.verdict).toEqual({ fails: true, reasons: ["status outdated"] });
  });

  it("the built CLI with GITHUB_STEP_SUMMARY writes the same safe Markdown", () => {
    const summary = path.join(base, "summary.md");
    writeFileSync(summary, "");
    const res = runCli(["check", "--repo", site, "--format", "github", "--fail-on", "outdated"], {
      GITHUB_STEP_SUMMARY: summary,
    });
    expect(res.code).toBe(1);
    expect(res.stdout.match(/^::error /gm)).toHaveLength(1);
    expect(res.stdout.match(/^::(?!error |stop-commands::)/gm)).toHaveLength(1); // the end token
  });
});

/** The text of each code span of GitHub-flavoured `md`, and the Markdown with them left out. */
function codeSpans(md: string): { code: string[]; outside: string } {
  const tree = fromMarkdown(md, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const spans: { start: number; end: number; value: string }[] = [];
  const walk = (node: Nodes) => {
    const { start, end } = node.position ?? {};
    if (node.type === "inlineCode" && start?.offset !== undefined && end?.offset !== undefined) {
      spans.push({ start: start.offset, end: end.offset, value: node.value });
    }
    if ("children" in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  let outside = "";
  let at = 0;
  for (const s of spans) {
    outside += `${md.slice(at, s.start)}\`code\``;
    at = s.end;
  }
  return { code: spans.map((s) => s.value), outside: outside + md.slice(at) };
}
