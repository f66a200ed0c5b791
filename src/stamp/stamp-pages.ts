// `translation-status stamp`: records that translations were brought up to date with an English
// commit (HEAD by default), by rewriting only the commit and date inside each page's metadata.
import path from "node:path";
import { AppError } from "../errors.js";
import { lookupObjects } from "../git/objects.js";
import { openRepo, readHead } from "../git/repo.js";
import { parseRawCommit } from "../git/revision.js";
import { stampText } from "../meta/stamp.js";
import { checkFolderName } from "../scan/folders.js";
import { decodePage, readPageBytes } from "../site/files.js";
import { replaceFile } from "../site/write.js";

export interface StampOptions {
  repo: string;
  content: string;
  source: string;
  /** Page paths, relative to the current folder or absolute. */
  pages: readonly string[];
  /** English commit to record; HEAD when null. */
  commit: string | null;
  /** YYYY-MM-DD recorded as the translation date. */
  date: string;
  cwd?: string;
}

export interface StampOutcome {
  path: string;
  error: string | null;
}

export async function stampPages(
  opts: StampOptions,
): Promise<{ commit: string; outcomes: StampOutcome[] }> {
  const repo = await openRepo(opts.repo);
  const commit = await resolveCommit(repo, opts.commit);
  const content = checkFolderName(opts.content, "--content");
  const source = checkFolderName(opts.source, "--source");
  const outcomes: StampOutcome[] = [];
  for (const given of opts.pages) {
    const abs = path.resolve(opts.cwd ?? process.cwd(), given);
    const rel = path.relative(repo.workTree, abs).split(path.sep).join("/");
    outcomes.push({
      path: rel,
      error: await stampOne(repo.workTree, rel, content, source, commit, opts.date),
    });
  }
  return { commit, outcomes };
}

async function stampOne(
  workTree: string,
  rel: string,
  content: string,
  source: string,
  commit: string,
  date: string,
): Promise<string | null> {
  const parts = rel.split("/");
  if (
    rel.startsWith("..") ||
    path.isAbsolute(rel) ||
    !rel.startsWith(`${content}/`) ||
    parts.length < 3
  ) {
    return `not a translated page under ${content}/<lang>/`;
  }
  if (parts[content.split("/").length] === source)
    return "this is an English source page, not a translation";
  const read = readPageBytes(path.join(workTree, rel));
  if ("error" in read) return read.error;
  const { text, valid } = decodePage(read.bytes);
  if (!valid) return "page is not valid UTF-8; it is never rewritten";
  const stamped = stampText(text, commit, date);
  if ("error" in stamped) return stamped.error;
  if (stamped.text === text) return null;
  const written = await replaceFile(workTree, rel, read.bytes, Buffer.from(stamped.text, "utf8"));
  return "error" in written ? written.error : null;
}

async function resolveCommit(
  repo: Parameters<typeof readHead>[0],
  given: string | null,
): Promise<string> {
  if (given === null) return (await readHead(repo)).hash;
  const hex = parseRawCommit(given);
  if (!hex)
    throw new AppError(
      2,
      `--commit needs a commit hash, got ${JSON.stringify(given.slice(0, 80))}`,
    );
  const [found] = await lookupObjects(repo, [hex]);
  if (!found || "missing" in found || found.type !== "commit") {
    throw new AppError(2, `--commit ${hex} is not a commit in this repository`);
  }
  return found.oid;
}

/** Today's date as translators write it (local time). */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
