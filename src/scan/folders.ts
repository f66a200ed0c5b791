// Checks the folder options and finds the language folders, all inside the work tree.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../errors.js";
import { realFolderInside } from "../site/files.js";

export interface ScanFolders {
  content: string;
  source: string;
  /** `<content>/<source>`, repo-relative. */
  sourceRel: string;
  langs: Array<{ lang: string; rel: string; abs: string }>;
}

const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/** A repo-relative folder name from the command line: plain segments, no `..`, no options. */
export function checkFolderName(value: string, what: string): string {
  const cleaned = value.replace(/\/+$/, "");
  const parts = cleaned.split("/");
  if (cleaned === "" || !parts.every((p) => SEGMENT.test(p) && p !== "." && p !== "..")) {
    throw new AppError(2, `invalid ${what}: ${JSON.stringify(value)} (use a relative folder like "content")`);
  }
  return cleaned;
}

export async function resolveFolders(
  workTree: string,
  opts: { content: string; source: string; langs: readonly string[] },
): Promise<ScanFolders> {
  const content = checkFolderName(opts.content, "--content");
  const source = checkFolderName(opts.source, "--source");
  if (source.includes("/")) throw new AppError(2, `invalid --source: ${JSON.stringify(opts.source)}`);
  const contentAbs = await realFolderInside(workTree, content);
  if (!contentAbs) throw new AppError(2, `no such folder: ${content} (set it with --content)`);
  const sourceRel = `${content}/${source}`;
  if (!(await realFolderInside(workTree, sourceRel))) {
    throw new AppError(2, `no such source language folder: ${sourceRel} (set it with --source)`);
  }
  let names: string[];
  if (opts.langs.length > 0) {
    names = opts.langs.map((l) => {
      const name = checkFolderName(l, "--lang");
      if (name.includes("/")) throw new AppError(2, `invalid --lang: ${JSON.stringify(l)}`);
      return name;
    });
  } else {
    const entries = await readdir(contentAbs, { withFileTypes: true });
    names = entries
      .filter((e) => e.isDirectory() && !e.isSymbolicLink() && e.name !== source && SEGMENT.test(e.name))
      .map((e) => e.name)
      .sort();
  }
  const langs: ScanFolders["langs"] = [];
  for (const lang of [...new Set(names)]) {
    if (lang === source) throw new AppError(2, `--lang ${lang} is the source language`);
    const rel = `${content}/${lang}`;
    const abs = await realFolderInside(workTree, rel);
    if (!abs) throw new AppError(2, `no such language folder: ${rel}`);
    langs.push({ lang, rel, abs: path.resolve(abs) });
  }
  return { content, source, sourceRel, langs };
}
