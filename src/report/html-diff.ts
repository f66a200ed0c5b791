// A page's folded detail on the status page: the English commits since the translation and the
// English diff, with the changed words of a replaced line highlighted (the dashboard's model:
// detail/diff.ts). Subjects, authors and every diff line come from the repository: all of it
// goes through htmlText.
import type { CommitInfo, PageReport } from "../core/types.js";
import { rowSegments } from "../detail/diff.js";
import { shownCountsIfOther } from "../detail/shown-counts.js";
import type { DiffModel, DiffRow } from "../detail/types.js";
import { commitUrl, type GitHubRepo } from "../git/remote.js";
import { isFullHash } from "../git/revision.js";
import { commitKindText } from "../kinds/kinds.js";
import { htmlText, htmlUrl } from "../sanitize/html.js";

/** Commits listed per page before "and N more" (as the Markdown report). */
const MAX_COMMITS = 20;
/** Characters of a diff line shown; a longer line is cut (and not word-highlighted). */
const MAX_LINE = 500;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The <details> of one page, or "" when there is nothing to unfold. */
export function pageDetails(
  page: PageReport,
  diff: DiffModel | null,
  github: GitHubRepo | null,
): string {
  const commits = page.commits;
  // A notice alone ("not translated yet", "no change") repeats what the row says; one that
  // says a diff was left out or cut does not.
  if (commits.length === 0 && (diff === null || (diff.rows.length === 0 && !diff.truncated))) {
    return "";
  }
  const estimated = page.estimate ? " (estimated)" : "";
  const n = page.estimate ?? page;
  const facts: string[] = [];
  if (commits.length > 0) {
    facts.push(plural(n.commitsBehind ?? commits.length, "English commit", "English commits"));
  }
  // The report's count, as in the row above; the diff's own is said under it when it differs.
  if (n.linesAdded !== null) facts.push(`+${n.linesAdded} −${n.linesRemoved ?? 0} lines`);
  const summary =
    facts.length > 0
      ? `English changes since the translation${estimated}: ${facts.join(", ")}`
      : "English changes since the translation";
  const parts = [`<details><summary>${summary}</summary>`];
  if (commits.length > 0) parts.push(commitList(page, github));
  if (diff) parts.push(diffBlock(page, diff));
  parts.push("</details>");
  return parts.join("\n");
}

function commitList(page: PageReport, github: GitHubRepo | null): string {
  const items = page.commits.slice(0, MAX_COMMITS).map((c) => `<li>${commitLine(c, github)}</li>`);
  const count = (page.estimate ?? page).commitsBehind ?? page.commits.length;
  const rest = count - Math.min(MAX_COMMITS, page.commits.length);
  if (rest > 0) items.push(`<li class="muted">and ${rest} more</li>`);
  return `<ol class="commits" aria-label="English commits, newest first">\n${items.join("\n")}\n</ol>`;
}

function commitLine(c: CommitInfo, github: GitHubRepo | null): string {
  const short = htmlText(c.hash.slice(0, 12));
  const hash =
    github && isFullHash(c.hash)
      ? `<a href="${htmlUrl(commitUrl(github, c.hash))}"><code>${short}</code></a>`
      : `<code>${short}</code>`;
  const kind = commitKindText(c);
  return `${hash} <span class="muted">${htmlText(c.date.slice(0, 10))}</span> ${htmlText(c.subject)} <span class="muted">(${htmlText(c.author)})</span>${kind ? ` · ${htmlText(kind)}` : ""}`;
}

function diffBlock(page: PageReport, diff: DiffModel): string {
  const out: string[] = [];
  if (diff.notice) out.push(`<p class="note">${htmlText(diff.notice)}</p>`);
  if (diff.rows.length === 0) return out.join("\n");
  const own = shownCountsIfOther(page, diff);
  if (own) out.push(`<p class="note">${ownCountsNote(page, own)}</p>`);
  const rows = diff.rows.map((row, i) => diffRow(diff, row, i));
  // Focusable, so the keyboard can scroll it; labelled for screen readers.
  out.push(`<pre class="diff" tabindex="0" aria-label="English diff">${rows.join("")}</pre>`);
  return out.join("\n");
}

/** Says that the diff below counts otherwise than the report, and which count is which. */
function ownCountsNote(page: PageReport, own: { added: number; removed: number }): string {
  const n = page.estimate ?? page;
  const shown = `The diff below counts +${own.added} −${own.removed} lines`;
  if (n.linesAdded === null) return `${shown}.`;
  return `${shown}; the count above, +${n.linesAdded} −${n.linesRemoved ?? 0}, is git's diff (<code>git diff --numstat</code>), which can pair the lines otherwise.`;
}

function diffRow(diff: DiffModel, row: DiffRow, index: number): string {
  switch (row.kind) {
    case "hunk":
      return `<span class="r hunk">${htmlText(row.text)}\n</span>`;
    case "note":
      return `<span class="r hunk">${htmlText(row.text)}\n</span>`;
    case "context":
      return `<span class="r"><span class="n" aria-hidden="true">${row.newNo}</span>  ${lineText(row.text)}\n</span>`;
    case "del":
    case "add": {
      const sign = row.kind === "add" ? "+" : "−";
      const no = row.kind === "add" ? row.newNo : row.oldNo;
      const label = row.kind === "add" ? "added" : "removed";
      const segments = row.text.length <= MAX_LINE ? rowSegments(diff, index) : null;
      const text = segments
        ? segments
            .map((s) => (s.changed ? `<mark>${htmlText(s.text)}</mark>` : htmlText(s.text)))
            .join("")
        : lineText(row.text);
      return `<span class="r ${row.kind}"><span class="n" aria-hidden="true">${no}</span><span class="vh">${label}: </span><span aria-hidden="true">${sign} </span>${text}\n</span>`;
    }
  }
}

function lineText(text: string): string {
  if (text.length <= MAX_LINE) return htmlText(text);
  return `${htmlText(text.slice(0, MAX_LINE))}<span class="muted"> … (line cut at ${MAX_LINE} characters)</span>`;
}
