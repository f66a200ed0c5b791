// End to end: the built CLI writes the status page (report --format html) and Debian's Chromium,
// headless through playwright-core, opens it from file:// as a reader would. The page must load
// with no console error (a CSP violation is one) and no request but the file itself, sort and
// filter, open a page's detail, work without its script, and show a hostile title as text. A
// screenshot is kept in dist/test-artifacts/. Chromium is required: .ci/run installs it.
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, git, ROOT, type TempSite } from "../helpers/site.js";
import { english, runCli, TestRepo, tempDir, page as translated } from "../hostile/helpers.js";
import { HOSTILE, hostileHtmlSite } from "../hostile/html-site.js";

const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = path.join(ROOT, "dist", "test-artifacts");

let site: TempSite;
let base: string;
let browser: Browser;
let statusPage: string;
let hostilePage: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: the status page is tested in Debian's chromium (apt-get install chromium; .ci/run installs it)`,
    );
  }
  site = buildFixture();
  git(site.dir, ["remote", "add", "origin", "https://github.com/example/docs.git"]);
  base = tempDir("ts-browser-");
  statusPage = path.join(base, "status.html");
  const made = runCli(["report", "--repo", site.dir, "--output", statusPage]);
  expect(made.stderr).toBe("");
  expect(made.code).toBe(0);
  const hostile = hostileHtmlSite(path.join(base, "hostile"));
  hostilePage = path.join(base, "hostile.html");
  expect(runCli(["report", "--repo", hostile.dir, "--output", hostilePage]).code).toBe(0);
  browser = await chromium.launch({ executablePath: CHROMIUM });
});
afterAll(async () => {
  await browser?.close();
  site?.cleanup();
  if (base) rmSync(base, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  errors: string[];
  requests: string[];
}

/** Opens a file as a reader would, recording console errors and every request made. */
async function open(
  file: string,
  options: { javaScriptEnabled?: boolean; width?: number } = {},
): Promise<Opened> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1200, height: 900 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  return { page, errors, requests };
}

/** The paths of zh-cn's rows the reader can see, top to bottom. */
function visiblePaths(page: Page): Promise<string[]> {
  return page
    .locator("#lang-1 tbody.page:not([hidden])")
    .evaluateAll((bodies) =>
      bodies.map((b) => (b as unknown as { dataset: { path: string } }).dataset.path),
    );
}

describe("the status page in Chromium", () => {
  it("loads from file:// with no console error and no other request", async () => {
    const { page, errors, requests } = await open(statusPage);
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(statusPage).href]);
    await expect(page.locator("#lang-1 .shown").textContent()).resolves.toBe(
      "Showing 11 of 11 pages",
    );
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.locator("#lang-1 tbody.page").first().locator("summary").click();
    await page.screenshot({ path: path.join(ARTIFACTS, "status-page.png"), fullPage: true });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.screenshot({ path: path.join(ARTIFACTS, "status-page-dark.png"), fullPage: true });
    expect(existsSync(path.join(ARTIFACTS, "status-page.png"))).toBe(true);
    await page.context().close();
  });

  it("sorts by a column from the keyboard and back, and filters by status and path", async () => {
    const { page, errors } = await open(statusPage);
    const first = await visiblePaths(page);
    expect(first[0]).toBe("user/moderation.md");
    const behind = page.locator("#lang-1 th[data-sort=path] button");
    await behind.focus();
    await page.keyboard.press("Enter");
    const byPath = await visiblePaths(page);
    expect(byPath).toEqual([...first].sort());
    await expect(
      page.locator("#lang-1 th[data-sort=path]").getAttribute("aria-sort"),
    ).resolves.toBe("ascending");
    await page.keyboard.press("Enter");
    expect(await visiblePaths(page)).toEqual([...first].sort().reverse());

    await page.locator("#lang-1-status").selectOption("outdated");
    const outdated = await visiblePaths(page);
    expect(outdated.sort()).toEqual([
      "admin/prerequisites.md",
      "user/moderation.md",
      "user/run-your-own.md",
    ]);
    await expect(page.locator("#lang-1 .shown").textContent()).resolves.toBe(
      "Showing 3 of 11 pages",
    );
    await page.locator("#lang-1-search").fill("USER mod");
    expect(await visiblePaths(page)).toEqual(["user/moderation.md"]);
    await page.locator("#lang-1-status").selectOption("all");
    await page.locator("#lang-1-search").fill("");
    expect(await visiblePaths(page)).toHaveLength(11);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("with --kinds, filters by the kind of the English change", async () => {
    const kindsPage = path.join(base, "kinds.html");
    expect(runCli(["report", "--repo", site.dir, "--kinds", "--output", kindsPage]).code).toBe(0);
    const scanned = JSON.parse(
      runCli(["scan", "--repo", site.dir, "--kinds", "--lang", "zh-cn", "--format", "json"]).stdout,
    ) as {
      pages: Array<{ path: string; changeKind?: string; estimate?: { changeKind?: string } }>;
    };
    const ofKind = (kind: string) =>
      scanned.pages
        .filter((p) => (p.estimate ?? p).changeKind === kind)
        .map((p) => p.path.replace("content/zh-cn/", ""))
        .sort();
    const { page, errors } = await open(kindsPage);
    expect(ofKind("prose").length).toBeGreaterThan(0);
    await page.locator("#lang-1-kind").selectOption("prose");
    expect((await visiblePaths(page)).sort()).toEqual(ofKind("prose"));
    await page.locator("#lang-1-status").selectOption("up-to-date");
    expect(await visiblePaths(page)).toEqual([]);
    await page.locator("#lang-1-status").selectOption("all");
    await page.locator("#lang-1-kind").selectOption("any");
    expect(await visiblePaths(page)).toHaveLength(11);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("opens a page's detail: its English commits and the diff", async () => {
    const { page } = await open(statusPage);
    const body = page.locator('#lang-1 tbody[data-path="user/moderation.md"]');
    const diff = body.locator("pre.diff");
    await expect(diff.isVisible()).resolves.toBe(false);
    await body.locator("summary").click();
    await expect(diff.isVisible()).resolves.toBe(true);
    await expect(diff.textContent()).resolves.toContain("See the admin guide.");
    await expect(body.locator("ol.commits li").count()).resolves.toBe(2);
    await page.context().close();
  });

  it("is whole without its script: every page listed, no controls that cannot work", async () => {
    const { page, errors } = await open(statusPage, { javaScriptEnabled: false });
    expect(await visiblePaths(page)).toHaveLength(11);
    await expect(page.locator("#lang-1 .controls").isVisible()).resolves.toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("fits a long page name and subject with no break in them into the screen's width", async () => {
    // Generated API reference pages have names like this one: 145 characters, no space.
    const long =
      "io_k8s_api_admissionregistration_v1_ValidatingWebhookConfiguration_webhooks_namespaceSelector_matchExpressions_values_reference_generated_page.md";
    const repo = TestRepo.init(path.join(base, "long"));
    repo.git(["remote", "add", "origin", "https://github.com/example/docs.git"]);
    for (const name of [long, "short.md"]) repo.write(`content/en/${name}`, english("Page"));
    const raw = repo.commit("English");
    for (const name of [long, "short.md"]) {
      repo.write(`content/zh-cn/${name}`, translated(raw));
      repo.write(`content/en/${name}`, english("Page", "More.\n"));
    }
    repo.commit(`Regenerate ${long.repeat(2)}`);
    const file = path.join(base, "long.html");
    expect(runCli(["report", "--repo", repo.dir, "--no-cache", "--output", file]).code).toBe(0);
    for (const width of [1280, 800]) {
      const { page, errors } = await open(file, { width });
      await page.locator("tbody.page summary").first().click();
      type Box = { scrollWidth: number; getBoundingClientRect(): { right: number } };
      const scrolled = await page
        .locator("html")
        .evaluate((e) => (e as unknown as Box).scrollWidth);
      const rights = await page
        .locator("thead th")
        .evaluateAll((ths) => ths.map((t) => (t as unknown as Box).getBoundingClientRect().right));
      expect(scrolled).toBeLessThanOrEqual(width);
      expect(Math.max(...rights)).toBeLessThanOrEqual(width);
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });

  it("shows a hostile title, subject and diff line as text, running nothing", async () => {
    const { page, errors, requests } = await open(hostilePage);
    await page.locator("tbody.page summary").first().click();
    // What the canaries would set if they ran (the html element's data-pwned).
    expect(await page.locator("html").getAttribute("data-pwned")).toBeNull();
    expect(await page.locator("img, svg, iframe, main script").count()).toBe(0);
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text).toContain(HOSTILE.title);
    expect(text).toContain(HOSTILE.subject);
    expect(text).toContain(HOSTILE.author);
    expect(requests).toEqual([pathToFileURL(hostilePage).href]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
