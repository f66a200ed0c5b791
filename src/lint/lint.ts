// `translation-status lint`: every finding of the rules on the pages asked for, from one scan,
// the pages' own text and one batched read of the English pages at their raw_commits; with
// `fix`, the safe repairs written through the same writer as stamp.

import { decodeBytes, encodeBytes } from "../core/path-bytes.js";
import { failOnUnmatched, selectPages } from "../core/select.js";
import type { PageReport } from "../core/types.js";
import { gitBlobReader } from "../detail/blobs.js";
import { hugoUrls } from "../layout/hugo.js";
import { frontMatterPlaces, NON_ASCII } from "../meta/frontmatter.js";
import { chosenShortcode } from "../meta/status-shortcode.js";
import { type ScanOptions, scan } from "../scan/scan.js";
import { writeEncodingProblem } from "../site/encoding.js";
import { readPageBytes } from "../site/files.js";
import { pageDiff } from "../site/page-diff.js";
import { replaceFile, replaceProblem } from "../site/write.js";
import { englishFindings } from "./english-rules.js";
import { type Finding, positionAt, type Rule } from "./finding.js";
import { applyFixes } from "./fix.js";
import { pageFindings, pageParts } from "./page-rules.js";

/** Rules only git can decide: the scan's findings of these are taken as they are. */
const GIT_RULES: ReadonlySet<Rule> = new Set([
  "raw-commit-abbreviated",
  "raw-commit-invalid",
  "raw-commit-not-ancestor",
  "source-missing-at-commit",
  "date-before-commit",
]);

export interface LintOptions extends ScanOptions {
  /** Pages or folders as the reports print them; every page when empty. */
  pages: readonly string[];
  fix: boolean;
  dryRun: boolean;
  force?: boolean;
  now?: number;
}

export interface PageLint {
  path: string;
  findings: Finding[];
  /** With fix: what was repaired, on disk. */
  fixed: Finding[];
  /** With fix and dryRun: what would be repaired; these are still in the page, so still found. */
  wouldFix: Finding[];
  /** With fix: why the page's repairs were not made. */
  fixError?: string;
  /** With dryRun: the change as a unified diff. */
  diff?: string;
}

/** The pages' findings, and the work tree their paths are relative to. */
export interface LintRun {
  pages: PageLint[];
  workTree: string;
}

export async function lint(opts: LintOptions): Promise<LintRun> {
  const out = await scan(opts);
  const now = opts.now ?? Date.now();
  const { result, details } = out;
  failOnUnmatched(result, opts.pages);
  const selected = new Set(selectPages(result, { paths: opts.pages, statuses: null }).pages);
  const items: Array<{ page: PageReport; index: number }> = [];
  result.pages.forEach((page, index) => {
    if (selected.has(page) && page.status !== "missing") items.push({ page, index });
  });
  // The English pages at raw_commit, for raw_title and raw_link: one batched read.
  const oids = items.flatMap(({ index }) => {
    const blob = details[index]?.fromBlob;
    return blob && result.pages[index]?.rawCommit !== null ? [blob] : [];
  });
  const english = await gitBlobReader(out.sourceRepo)([...new Set(oids)]);
  const urls =
    result.layout === undefined || result.layout.kind === "hugo"
      ? hugoUrls(out.repo.workTree)
      : null;
  const sourcePrefix = `${result.content}/${result.source}/`;
  const lints: PageLint[] = [];
  for (const { page, index } of items) {
    const read = readPageBytes(`${out.repo.workTree}/${page.path}`);
    if ("error" in read) continue;
    const text = decodeBytes(read.bytes);
    const detail = details[index];
    const rawHash = detail?.rawHash ?? null;
    const englishBlob = detail?.fromBlob ? english.get(detail.fromBlob) : undefined;
    const atRaw = page.movedFrom ?? page.sourcePath;
    const url =
      urls && atRaw.startsWith(sourcePrefix)
        ? { rel: atRaw.slice(sourcePrefix.length), urls }
        : null;
    const check = (t: string): Finding[] => {
      const parts = pageParts(t);
      const found = pageFindings(parts, page.lang, now);
      const chosen = chosenShortcode(parts.shortcodes);
      if (parts.meta?.kind === "shortcode" && chosen && englishBlob?.kind === "text") {
        found.push(...englishFindings(t, chosen, { text: englishBlob.text, url }));
      }
      return found;
    };
    const fromGit = (out.findings[index] ?? [])
      .filter((f) => GIT_RULES.has(f.rule))
      .map((f) => placed(text, f, rawHash));
    // Whether a repair holds is judged by the page's own rules, and an abbreviation by reading
    // the hash back: git's findings other than that one stay as they are.
    const findings = [...check(text), ...fromGit].sort(
      (a, b) => a.line - b.line || a.column - b.column,
    );
    if (findings.length === 0) continue;
    const lint: PageLint = { path: page.path, findings, fixed: [], wouldFix: [] };
    lints.push(lint);
    if (!opts.fix) continue;
    const recheck = (t: string) => [
      ...check(t),
      ...fromGit.filter((f) => f.rule !== "raw-commit-abbreviated" || readsAbbreviated(t, rawHash)),
    ];
    const repaired = applyFixes(text, findings, recheck);
    // A repaired title may be any text, which must not land in a page of another encoding.
    const encoding =
      "error" in repaired
        ? null
        : writeEncodingProblem(read.bytes, NON_ASCII.test(edited(repaired.fixed)));
    const fixed = encoding ? { error: encoding } : repaired;
    if ("error" in fixed) {
      lint.fixError = fixed.error;
      continue;
    }
    if (fixed.fixed.length === 0) continue;
    const write = { force: opts.force ?? false };
    if (opts.dryRun) {
      // As the real run would refuse it, or it would not be "would be fixed".
      const problem = await replaceProblem(out.repo.workTree, page.path, read.bytes, write);
      if ("error" in problem) lint.fixError = problem.error;
      else {
        lint.wouldFix = fixed.fixed;
        lint.diff = pageDiff(page.path, text, fixed.text);
      }
      continue;
    }
    const written = await replaceFile(
      out.repo.workTree,
      page.path,
      read.bytes,
      encodeBytes(fixed.text),
      write,
    );
    if ("error" in written) lint.fixError = written.error;
    else lint.fixed = fixed.fixed;
  }
  return { pages: lints, workTree: out.repo.workTree };
}

/** Every value the repairs write, together. */
function edited(fixed: readonly Finding[]): string {
  return fixed.flatMap((f) => f.fix?.edits.map((e) => e.value) ?? []).join("");
}

/** Whether the page still writes its raw_commit shorter than `full`. */
function readsAbbreviated(text: string, full: string | null): boolean {
  const written = pageParts(text).meta?.rawCommit.trim().toLowerCase();
  return full !== null && written !== undefined && written !== full;
}

/**
 * A finding of the scan's, pointed at the raw_commit's value; an abbreviated hash gets its
 * repair there, the full hash git gave.
 */
function placed(text: string, f: Finding, full: string | null): Finding {
  const span = commitSpan(text);
  if (!span) return f;
  const where = positionAt(text, span.start);
  const fix =
    f.rule === "raw-commit-abbreviated" && full !== null
      ? { edits: [{ ...span, value: full }], says: `raw_commit written in full (${full})` }
      : undefined;
  return { ...f, line: where.line, column: where.column, ...(fix ? { fix } : {}) };
}

/** Where the page writes its raw_commit's value. */
function commitSpan(text: string): { start: number; end: number } | null {
  const parts = pageParts(text);
  if (parts.meta?.kind === "shortcode") {
    return chosenShortcode(parts.shortcodes)?.spans?.get("raw_commit") ?? null;
  }
  if (parts.meta?.kind !== "front-matter") return null;
  const places = frontMatterPlaces(text);
  return "error" in places ? null : places.commit.spot.value;
}
