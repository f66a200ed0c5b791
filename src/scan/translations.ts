// Reads every translation of the chosen languages from the work tree and its metadata.
import type { PageMeta } from "../core/types.js";
import { readMeta } from "../meta/read.js";
import { decodePage, findPages, readPageBytes } from "../site/files.js";

export interface Translation {
  lang: string;
  /** Path relative to the language folder, with `/`. */
  rel: string;
  meta: PageMeta | null;
  warnings: string[];
}

export interface TranslationSet {
  pages: Translation[];
  /** Problems with files that could not be read as pages at all. */
  skipped: string[];
}

const READ_CONCURRENCY = 32;

export async function readTranslations(
  langFolders: ReadonlyArray<{ lang: string; abs: string; rel: string }>,
  onProgress?: (done: number, total: number) => void,
): Promise<TranslationSet> {
  const pages: Translation[] = [];
  const skipped: string[] = [];
  const jobs: Array<{ lang: string; rel: string; abs: string }> = [];
  for (const folder of langFolders) {
    const found = await findPages(folder.abs);
    for (const s of found.skipped) skipped.push(`${folder.rel}/${s.rel}: ${s.why}`);
    for (const f of found.files) jobs.push({ lang: folder.lang, rel: f.rel, abs: f.abs });
  }
  let next = 0;
  let done = 0;
  const results: Array<Translation | null> = new Array(jobs.length).fill(null);
  const worker = async () => {
    for (;;) {
      const i = next++;
      const job = jobs[i];
      if (!job) return;
      results[i] = await readOne(job.lang, job.rel, job.abs);
      done += 1;
      onProgress?.(done, jobs.length);
    }
  };
  await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
  for (const r of results) if (r) pages.push(r);
  return { pages, skipped };
}

async function readOne(lang: string, rel: string, abs: string): Promise<Translation> {
  const read = await readPageBytes(abs);
  if ("error" in read) return { lang, rel, meta: null, warnings: [read.error] };
  const { text, valid } = decodePage(read.bytes);
  const { meta, warnings } = readMeta(text);
  if (!valid) warnings.unshift("page is not valid UTF-8; invalid bytes were read as U+FFFD");
  return { lang, rel, meta, warnings };
}
