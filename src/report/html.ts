// `report --format html`: one self-contained status page. Inline CSS and one inline script, both
// allowed by hash in a Content-Security-Policy that allows nothing else (no request to any host,
// so it works from file:// and from GitHub Pages alike). Readable without the script: per
// language a bar and counts by status, then a real table of pages, worst first, each with its
// English commits and diff folded in a <details>. Every string from the repository (paths,
// titles, subjects, authors, warnings, language names) goes through htmlText; the rest is ours.
// Pure: the scan, the diffs and the clock come in.
import { createHash } from "node:crypto";
import { basename } from "node:path";
import { linesChanged } from "../check/thresholds.js";
import { BY_RAW_COMMIT_DATE, type PageAge, pageAge } from "../core/age.js";
import { STATUS_FACTS } from "../core/statuses.js";
import type { PageReport, ScanResult } from "../core/types.js";
import { STATUSES } from "../core/types.js";
import type { DiffModel, PageLinks } from "../detail/types.js";
import type { GitHubRepo } from "../git/remote.js";
import { countedKind, kindCounts, kindText, structureChangesText } from "../kinds/kinds.js";
import { layoutOfResult } from "../layout/layout.js";
import { htmlText, htmlUrl } from "../sanitize/html.js";
import { shownName } from "../sanitize/terminal.js";
import {
  buildRows,
  FILTER_KEYS,
  FILTER_LABEL,
  KIND_FILTERS,
  NEEDS_WORK,
  shortPath,
} from "../ui/rows.js";
import { pageDetails } from "./html-diff.js";
import { SCRIPT } from "./html-script.js";
import { stylesheet } from "./html-style.js";
import { groupWarnings, warningText } from "./warnings.js";

export interface HtmlReport {
  /** The scan, with untracked pages' estimated commits listed (withEstimatedCommits). */
  result: ScanResult;
  /** Each page's links, by index into result.pages. */
  links: (index: number) => PageLinks;
  /** Each page's English diff, by index into result.pages; absent for none. */
  diffs: ReadonlyMap<number, DiffModel>;
  github: GitHubRepo | null;
  /** When the report was made: the ages are counted to it. */
  now: Date;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Indices of the pages of `lang` (of every language when absent), most work first: the
 * dashboard's order, which the page's tables list first and its diffs are shared out by.
 */
export function mostWorkFirst(result: ScanResult, now: Date, lang?: string): number[] {
  return buildRows(result.pages, {
    ...(lang === undefined ? {} : { lang }),
    layout: layoutOfResult(result),
    sort: "work",
    reverse: false,
    filter: "all",
    search: "",
    now: now.getTime(),
  });
}

/** Pages of each language in the order the page lists them first: most work first. */
export function pageOrder(result: ScanResult, now: Date): Map<string, number[]> {
  return new Map(result.languages.map((lang) => [lang, mostWorkFirst(result, now, lang)]));
}

export function renderHtml(report: HtmlReport): string {
  const { result, now } = report;
  const order = pageOrder(result, now);
  const counts = result.languages.map((l) => result.summary[l] ?? emptyCounts());
  const style = stylesheet(counts);
  const csp = [
    "default-src 'none'",
    `style-src '${sha256(style)}'`,
    `script-src '${sha256(SCRIPT)}'`,
    "img-src 'none'",
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  const sections = result.languages.map((lang, i) =>
    languageSection(report, lang, i, order.get(lang) ?? []),
  );
  const of = result.sourceRepo
    ? ` of the English repository <code>${htmlText(basename(result.sourceRepo))}</code>`
    : "";
  const headDate = result.headDate ? ` (${htmlText(result.headDate.slice(0, 10))})` : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Translation status</title>
<style>${style}</style>
</head>
<body>
<header>
<h1>Translation status</h1>
<p class="meta">Compared with HEAD <code>${htmlText(result.head.slice(0, 12))}</code>${headDate}${of}${result.shallow ? " (a shallow clone: counts may be short)" : ""} · made <time datetime="${now.toISOString()}">${now.toISOString().slice(0, 16).replace("T", " ")} UTC</time> by translation-status</p>
${languageNav(result)}
</header>
<main>
${warningsBlock(result)}${sections.join("\n")}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function sha256(text: string): string {
  return `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
}

function emptyCounts() {
  const row = { total: 0 } as Record<(typeof STATUSES)[number] | "total", number>;
  for (const s of STATUSES) row[s] = 0;
  return row;
}

function languageNav(result: ScanResult): string {
  if (result.languages.length < 2) return "";
  const items = result.languages.map((lang, i) => {
    const total = result.summary[lang]?.total ?? 0;
    return `<li><a href="#lang-${i}">${htmlText(lang)}</a> <span class="muted">(${plural(total, "page", "pages")})</span></li>`;
  });
  return `<nav aria-label="Languages"><ul>\n${items.join("\n")}\n</ul></nav>`;
}

function warningsBlock(result: ScanResult): string {
  if (result.warnings.length === 0) return "";
  const items = groupWarnings(result.warnings, result.content).map(
    (g) => `<li>${warningText(g, htmlText)}</li>`,
  );
  return `<details class="warnings"><summary>${plural(result.warnings.length, "warning", "warnings")} from the scan</summary>\n<ul>\n${items.join("\n")}\n</ul>\n</details>\n`;
}

function languageSection(report: HtmlReport, lang: string, i: number, rows: number[]): string {
  const { result } = report;
  const counts = result.summary[lang] ?? emptyCounts();
  const present = STATUSES.filter((s) => counts[s] > 0);
  const percent = (n: number) =>
    counts.total === 0 ? "0%" : `${Math.round((n / counts.total) * 100)}%`;
  const spoken = present.map((s) => `${counts[s]} ${STATUS_FACTS[s].label.toLowerCase()}`);
  const name = htmlText(lang);
  const bar = `<div class="bar" id="bar-${i}" role="img" aria-label="${name}: ${plural(counts.total, "page", "pages")}${spoken.length > 0 ? `, ${spoken.join(", ")}` : ""}">${present.map((s) => `<span class="s-${s}"></span>`).join("")}</div>`;
  const legend = present.map(
    (s) =>
      `<li><span class="swatch s-${s}" aria-hidden="true"></span>${STATUS_FACTS[s].label} <strong>${counts[s]}</strong> <span class="muted">(${percent(counts[s])})</span></li>`,
  );
  const filterOptions = FILTER_KEYS.map(
    (k) => `<option value="${k}">${htmlText(FILTER_LABEL[k])}</option>`,
  );
  const layout = layoutOfResult(result);
  // With --kinds: a column, a filter and a count of the pages by the kind of their English change.
  const kinds = result.kinds?.[lang];
  const kindCount = kinds
    ? `<p class="kinds">English changes: ${kindCounts(kinds) || "none"}</p>\n`
    : "";
  const kindFilter = kinds
    ? `<label for="lang-${i}-kind">English change<select id="lang-${i}-kind" data-filter="kind">${KIND_FILTERS.map((k) => `<option value="${k}">${k}</option>`).join("")}</select></label>\n`
    : "";
  const kindHead = kinds ? `<th scope="col">English change</th>` : "";
  const bodies = rows.map((index, rank) =>
    pageBody(report, index, rank, shortPath(result.pages[index] as PageReport, layout)),
  );
  return `<section class="lang" id="lang-${i}" aria-labelledby="lang-${i}-h">
<h2 id="lang-${i}-h">${name}</h2>
${bar}
<ul class="counts" aria-hidden="true">${legend.join("")}</ul>
${kindCount}<div class="controls" hidden>
<label for="lang-${i}-status">Status<select id="lang-${i}-status">${filterOptions.join("")}</select></label>
${kindFilter}<label for="lang-${i}-search">Path contains<input id="lang-${i}-search" type="search" autocomplete="off"></label>
<p class="shown" aria-live="polite"></p>
</div>
<table class="pages">
<caption>${name}: ${plural(counts.total, "page", "pages")}, most work first</caption>
<thead><tr><th scope="col" data-sort="rank">Status</th><th scope="col" data-sort="path">Page</th><th scope="col" class="num" data-sort="behind">Behind</th><th scope="col" class="num" data-sort="lines">Lines changed</th><th scope="col" class="num" data-sort="age">Age</th>${kindHead}<th scope="col">Links</th></tr></thead>
${bodies.join("\n")}
</table>
</section>`;
}

function pageBody(report: HtmlReport, index: number, rank: number, path: string): string {
  const page = report.result.pages[index] as PageReport;
  const facts = STATUS_FACTS[page.status];
  const n = page.estimate ?? page;
  const lines = linesChanged(n);
  const age = pageAge(page, report.now.getTime());
  const data = [
    `data-status="${page.status}"`,
    `data-needs-work="${NEEDS_WORK.has(page.status) ? 1 : 0}"`,
    `data-rank="${STATUSES.indexOf(page.status)}"`,
    `data-work="${rank}"`,
    `data-path="${htmlText(shownName(path))}"`,
    `data-behind="${n.commitsBehind ?? -1}"`,
    `data-lines="${lines ?? -1}"`,
    `data-age="${age?.days ?? -1}"`,
  ];
  const kinds = report.result.kinds !== undefined;
  // "" for a page whose English did not change: only "any" shows it.
  if (kinds) data.push(`data-kind="${countedKind(n.changeKind) ?? ""}"`);
  const est = (text: string) =>
    page.estimate ? `<span class="est">~${text}</span><span class="vh"> (estimated)</span>` : text;
  const behind = n.commitsBehind === null ? "" : est(String(n.commitsBehind));
  const diff = n.linesAdded === null ? "" : est(`+${n.linesAdded} −${n.linesRemoved ?? 0}`);
  const cells = [
    `<td><span class="status t-${page.status}"><span aria-hidden="true">${facts.symbol} </span>${facts.label}</span></td>`,
    `<th scope="row"><code>${htmlText(shownName(path))}</code>${pageNotes(page, report.result.content)}</th>`,
    `<td class="num">${behind}</td>`,
    `<td class="num">${diff}</td>`,
    `<td class="num">${ageCell(age)}</td>`,
    ...(kinds ? [`<td>${n.changeKind === undefined ? "" : est(htmlText(kindText(n)))}</td>`] : []),
    `<td>${linkList(report.links(index), page)}</td>`,
  ];
  const details = pageDetails(page, report.diffs.get(index) ?? null, report.github);
  const more = details
    ? `\n<tr class="more"><td colspan="${cells.length}">${details}</td></tr>`
    : "";
  return `<tbody class="page" ${data.join(" ")}>\n<tr>${cells.join("")}</tr>${more}\n</tbody>`;
}

/** The age, and where the page records no translation date, that it is raw_commit's. */
function ageCell(age: PageAge | null): string {
  if (age === null) return "";
  const days = plural(age.days, "day", "days");
  return age.from === "raw_commit"
    ? `${days} <span class="muted by">${BY_RAW_COMMIT_DATE}</span>`
    : days;
}

/** Under the path: the English title, where the English page went, the estimate's basis. */
function pageNotes(page: PageReport, content: string): string {
  const notes: string[] = [];
  if (page.rawTitle) notes.push(`<span class="title">${htmlText(page.rawTitle)}</span>`);
  if (page.movedFrom)
    notes.push(
      `<span class="title">English moved to <code>${htmlText(shownName(page.sourcePath))}</code></span>`,
    );
  if (page.status === "missing")
    notes.push(
      `<span class="title">Not translated yet: <code>${htmlText(shownName(page.sourcePath))}</code></span>`,
    );
  if (page.estimate)
    notes.push(
      `<span class="title">Estimated from <code>${htmlText(page.estimate.rawCommit.slice(0, 12))}</code>, the ${htmlText(page.estimate.basis)}</span>`,
    );
  const structure = structureChangesText(page.estimate ?? page);
  if (structure !== "")
    notes.push(`<span class="title">English structure: ${htmlText(structure)}</span>`);
  for (const g of groupWarnings(page.warnings, content)) {
    notes.push(`<span class="title">Warning: ${warningText(g, htmlText)}</span>`);
  }
  return notes.join("");
}

function linkList(links: PageLinks, page: PageReport): string {
  const out: string[] = [];
  if (links.compare)
    out.push(
      `<a href="${htmlUrl(links.compare)}">compare${page.estimate ? " (estimated)" : ""}</a>`,
    );
  if (links.history) out.push(`<a href="${htmlUrl(links.history)}">English history</a>`);
  return out.join(" · ");
}
