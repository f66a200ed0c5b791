// `translation-status lint`: every finding of the rules on the pages asked for, from one scan,
// the pages' own text and one batched read of the English pages at their raw_commits; with
// `fix`, the safe repairs written through the same writer as stamp.

import path from "node:path";
import { decodeBytes, encodeBytes } from "../core/path-bytes.js";
import { failOnUnmatched, type SetAside, selectPages, setAside } from "../core/select.js";
import type { PageReport } from "../core/types.js";
import { gitBlobReader } from "../detail/blobs.js";
import { hugoUrls } from "../layout/hugo.js";
import { frontMatterPlaces, NON_ASCII } from "../meta/frontmatter.js";
import { replacement } from "../meta/key-spans.js";
import { COMMIT_ATTRIBUTE } from "../meta/keys.js";
import { chosenShortcode } from "../meta/status-shortcode.js";
import { shortcodeValueAt } from "../meta/value-text.js";
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
  /** Files and folders among those asked for that the scan did not read (symbolic links). */
  notRead: SetAside[];
  /** The content folder, which the paths in `notRead` start with. */
  content: string;
}

export async function lint(opts: LintOptions): Promise<LintRun> {
  const out = await scan(opts);
  const now = opts.now ?? Date.now();
  const { result, details } = out;
  // A page named that the scan set aside, or that does not exist (listed as missing), was not
  // looked at: saying nothing of it would pass it as a page with nothing wrong. A path at or
  // below what was set aside is said to be not read (below), not to match no page.
  const notRead = setAside(result, opts.pages);
  const setAsideAt = (p: string) => {
    const at = p.normalize("NFC").replace(/\/+$/, "");
    return notRead.some((n) => n.named && (at === n.path || at.startsWith(`${n.path}/`)));
  };
  failOnUnmatched(
    result,
    opts.pages.filter((p) => !setAsideAt(p)),
  );
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
      ? hugoUrls(path.join(out.repo.workTree, out.site))
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
    const found = [...check(text), ...fromGit].sort(
      (a, b) => a.line - b.line || a.column - b.column,
    );
    if (found.length === 0) continue;
    const recheck = (t: string) => [
      ...check(t),
      ...fromGit.filter((f) => f.rule !== "raw-commit-abbreviated" || readsAbbreviated(t, rawHash)),
    ];
    // A finding is fixable when this repair makes it: what "(fixable)" says and what --fix
    // writes come from this one attempt, so lint never promises a repair --fix then refuses.
    const attempt = applyFixes(text, found, recheck);
    // A repaired title may be any text, which must not land in a page of another encoding.
    const encoding =
      attempt.fixed.length > 0
        ? writeEncodingProblem(read.bytes, NON_ASCII.test(edited(attempt.fixed)))
        : null;
    let repair = encoding ? { ...attempt, fixed: [], refused: encoding } : attempt;
    const write = { force: opts.force ?? false };
    if (repair.fixed.length > 0) {
      // A page the write would refuse (read-only without --force, another owner's) is not
      // fixable either: plain lint says "(fixable)" of exactly what --fix then writes.
      const problem = await replaceProblem(out.repo.workTree, page.path, read.bytes, write);
      if ("error" in problem) repair = { ...repair, fixed: [], refused: problem.error };
    }
    const findings = found.map((f) => (f.fix && !repair.fixed.includes(f) ? withoutFix(f) : f));
    const lint: PageLint = { path: page.path, findings, fixed: [], wouldFix: [] };
    lints.push(lint);
    if (!opts.fix) continue;
    if (repair.refused !== null) lint.fixError = repair.refused;
    if (repair.fixed.length === 0) continue;
    if (opts.dryRun) {
      lint.wouldFix = repair.fixed;
      lint.diff = pageDiff(page.path, text, repair.text);
      continue;
    }
    const written = await replaceFile(
      out.repo.workTree,
      page.path,
      read.bytes,
      encodeBytes(repair.text),
      write,
    );
    if ("error" in written) lint.fixError = written.error;
    else lint.fixed = repair.fixed;
  }
  const named = new Set(opts.pages.map((p) => p.normalize("NFC")));
  for (const page of selected) {
    if (
      page.status === "missing" &&
      named.has(page.path.normalize("NFC")) &&
      !setAsideAt(page.path)
    ) {
      notRead.push({ path: page.path, why: "the translation does not exist", named: true });
    }
  }
  return { pages: lints, workTree: out.repo.workTree, notRead, content: result.content };
}

function withoutFix(f: Finding): Finding {
  const { fix: _, ...rest } = f;
  return rest;
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
 * repair there, the full hash git gave, quoted as the page's syntax needs.
 */
function placed(text: string, f: Finding, full: string | null): Finding {
  const at = commitPlace(text);
  if (!at) return f;
  const where = positionAt(text, at.span.start);
  const value = f.rule === "raw-commit-abbreviated" && full !== null ? at.write(full) : null;
  const fix =
    value !== null && full !== null
      ? {
          edits: [{ ...at.span, value }],
          says: `raw_commit written in full (${full})`,
          reads: { rawCommit: full },
        }
      : undefined;
  return { ...f, line: where.line, column: where.column, ...(fix ? { fix } : {}) };
}

/** Where the page writes its raw_commit's value, and what to write there for another. */
function commitPlace(
  text: string,
): { span: { start: number; end: number }; write: (value: string) => string | null } | null {
  const parts = pageParts(text);
  if (parts.meta?.kind === "shortcode") {
    const span = chosenShortcode(parts.shortcodes)?.spans?.get(COMMIT_ATTRIBUTE);
    return span ? { span, write: (v) => shortcodeValueAt(text, span, v) } : null;
  }
  if (parts.meta?.kind !== "front-matter") return null;
  const places = frontMatterPlaces(text);
  if ("error" in places) return null;
  const spot = places.commit.spot;
  return { span: spot.value, write: (v) => replacement(spot, v, places.format) };
}
