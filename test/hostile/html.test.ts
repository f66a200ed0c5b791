// The status page and the data file on a repository built to attack them (html-site.ts): every
// hostile string must come out as text. The page is checked as markup here (which tags and
// attributes exist at all); the browser test runs it.
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { htmlText } from "../../src/sanitize/html.js";
import { runCli, tempDir } from "./helpers.js";
import { HOSTILE, HOSTILE_PAGE, hostileHtmlSite } from "./html-site.js";

/** Every tag the page itself writes; anything else came from the repository. */
const OUR_TAGS = new Set(
  (
    "html head meta title style body header h1 h2 p code time nav ul li a main section div span " +
    "strong label select option input table caption thead tbody tr th td details summary ol pre " +
    "mark script"
  ).split(" "),
);

let base: string;
let html: string;
let data: Record<string, { status: string; compare: string | null }>;

beforeAll(() => {
  base = tempDir();
  const repo = hostileHtmlSite(path.join(base, "site"));
  repo.git(["remote", "add", "origin", "https://github.com/example/docs.git"]);
  const res = runCli(["report", "--repo", repo.dir]);
  expect(res.stderr).toBe("");
  expect(res.code).toBe(0);
  html = res.stdout;
  const out = path.join(base, "data.json");
  const hugo = runCli(["report", "--repo", repo.dir, "--format", "hugo-data", "--output", out]);
  expect(hugo.code).toBe(0);
  data = JSON.parse(readFileSync(out, "utf8"));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe("the status page on a hostile repository", () => {
  it("lists the hostile pages", () => {
    expect(html).toContain(htmlText(HOSTILE_PAGE));
    expect(html).toContain(htmlText(HOSTILE.title));
    expect(html).toContain(htmlText(HOSTILE.subject));
    expect(html).toContain(htmlText(HOSTILE.author));
    // The diff line, with its changed words marked: the pieces are there, escaped.
    expect(html).toContain(htmlText("<img src="));
  });

  it("has only the page's own tags, no event handler and one script", () => {
    const tags = [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) =>
      (m[1] as string).toLowerCase(),
    );
    expect(tags.filter((t) => !OUR_TAGS.has(t))).toEqual([]);
    expect(html.match(/<script/gi)).toHaveLength(1);
    // No attribute named on...: inside a tag, a space then "on" and a letter.
    for (const tag of html.match(/<[a-z][^>]*>/g) ?? []) {
      expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
      expect(tag).not.toMatch(/javascript:/i);
    }
    for (const canary of Object.values(HOSTILE)) {
      expect(html).not.toContain(canary);
    }
  });

  it("allows nothing but its own style and script", () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[^']+'; script-src 'sha256-[^']+'/);
    expect(csp).not.toContain("unsafe");
  });

  it("keys the data file by the translations' paths, as data", () => {
    const zh = data[`content/zh-cn/${HOSTILE_PAGE}`];
    expect(zh?.status).toBe("outdated");
    expect(zh?.compare).toMatch(
      /^https:\/\/github\.com\/example\/docs\/compare\/[0-9a-f]{12}\.\.\.[0-9a-f]{12}$/,
    );
    expect(Object.keys(data)).toEqual([`content/zh-cn/${HOSTILE_PAGE}`]);
  });
});
