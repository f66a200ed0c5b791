// Checks the folder options and finds the language folders, all inside the work tree.
import { readdirSync } from "node:fs";
import path from "node:path";
import { AppError } from "../errors.js";
import { contentLayout, type FolderPair, type Layout } from "../layout/layout.js";
import { folderProblem, realFolderInside } from "../site/files.js";

/** A folder of one language's translations, and the English folder it translates. */
export interface LangFolder {
  lang: string;
  /** Repo-relative. */
  rel: string;
  abs: string;
  pair: FolderPair;
}

export interface ScanFolders {
  content: string;
  source: string;
  layout: Layout;
  /** The English folders, repo-relative: where the history and HEAD's English pages are read. */
  sourceFolders: string[];
  /** `<content>/<source>`, repo-relative. */
  sourceRel: string;
  /** Every translation folder: for each language, one per folder pair of the layout. */
  langs: LangFolder[];
  /** The languages, in the order they are reported. */
  languages: string[];
  /** Warnings for folders that look like languages but were not read (symbolic links). */
  skipped: string[];
}

const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/** A repo-relative folder name from the command line: plain segments, no `..`, no options. */
export function checkFolderName(value: string, what: string): string {
  const cleaned = value.replace(/\/+$/, "");
  const parts = cleaned.split("/");
  if (cleaned === "" || !parts.every((p) => SEGMENT.test(p) && p !== "." && p !== "..")) {
    throw new AppError(
      2,
      `invalid ${what}: ${JSON.stringify(value)} (use a relative folder like "content")`,
    );
  }
  return cleaned;
}

/** The content and source folder names from the options, checked, and `<content>/<source>`;
 * the folders themselves are not looked at. */
export function sourceFolder(opts: { content: string; source: string }): {
  content: string;
  source: string;
  sourceRel: string;
} {
  const content = checkFolderName(opts.content, "--content");
  const source = checkFolderName(opts.source, "--source");
  if (source.includes("/"))
    throw new AppError(2, `invalid --source: ${JSON.stringify(opts.source)}`);
  return { content, source, sourceRel: `${content}/${source}` };
}

export function resolveFolders(
  workTree: string,
  opts: { content: string; source: string; langs: readonly string[] },
): ScanFolders {
  const { content, source, sourceRel } = sourceFolder(opts);
  const layout = contentLayout(content, source);
  const contentAbs = realFolderInside(workTree, content);
  if (!contentAbs) {
    const why = folderProblem(workTree, content);
    throw new AppError(2, why.startsWith("no such") ? `${why} (set it with --content)` : why);
  }
  // The source folder is not looked for here: the English pages are read from HEAD, not from
  // the disk (a sparse checkout may leave them out), so the scan checks it against HEAD's tree.
  const skipped: string[] = [];
  let names: string[];
  if (opts.langs.length > 0) {
    names = opts.langs.map((l) => {
      const name = checkFolderName(l, "--lang");
      if (name.includes("/")) throw new AppError(2, `invalid --lang: ${JSON.stringify(l)}`);
      return name;
    });
  } else {
    const entries = readdirSync(contentAbs, { withFileTypes: true });
    names = entries
      .filter(
        (e) => e.isDirectory() && !e.isSymbolicLink() && e.name !== source && SEGMENT.test(e.name),
      )
      .map((e) => e.name)
      .sort();
    // A symbolic link could lead anywhere (another language, or outside the repository): it is
    // not read, and said so, rather than silently left out of the report.
    for (const e of entries) {
      if (e.isSymbolicLink() && e.name !== source && SEGMENT.test(e.name)) {
        skipped.push(`${content}/${e.name}: symbolic link not followed`);
      }
    }
    skipped.sort();
  }
  const langs: LangFolder[] = [];
  const languages = [...new Set(names)];
  for (const lang of languages) {
    if (lang === source) throw new AppError(2, `--lang ${lang} is the source language`);
    for (const pair of layout.pairs) {
      const rel = pair.translation(lang);
      const abs = realFolderInside(workTree, rel);
      if (!abs) {
        const why = folderProblem(workTree, rel);
        throw new AppError(2, why.startsWith("no such") ? `no such language folder: ${rel}` : why);
      }
      langs.push({ lang, rel, abs: path.resolve(abs), pair });
    }
  }
  // A site with no translation folder is almost always a wrong --content or --source; saying
  // "0 pages, all fine" would hide it.
  if (langs.length === 0) {
    // ...unless the only candidates were symbolic links, which is then the thing to say.
    const why =
      skipped.length > 0
        ? skipped.join("; ")
        : "check --content and --source, or name one with --lang";
    throw new AppError(2, `no translation folders beside ${sourceRel} (${why})`);
  }
  const sourceFolders = layout.pairs.map((p) => p.source);
  return { content, source, layout, sourceFolders, sourceRel, langs, languages, skipped };
}
