// Object look-ups in bulk through `git cat-file`: one process answers any number of questions,
// which is what keeps the scan from starting a git per page.
import { encodeBytes } from "../core/path-bytes.js";
import { AppError } from "../errors.js";
import type { Repo } from "./run.js";
import { GitFailure, runGit } from "./run.js";

export type Lookup =
  | { oid: string; type: string; size: number }
  /** `ambiguous`: a short hex name that several objects start with. */
  | { missing: true; ambiguous: boolean };

/**
 * Answers `git cat-file --batch-check` for each name (`<hash>` or `<hash>:<path>`). Names are
 * NUL-terminated on input, so a path may hold a newline; the answers are matched in order,
 * using the echoed name for the "missing" form instead of trusting line boundaries.
 */
const NUL = Buffer.from([0]);

export async function lookupObjects(repo: Repo, names: readonly string[]): Promise<Lookup[]> {
  if (names.length === 0) return [];
  // Paths go to git as the bytes they stand for (see core/path-bytes.ts).
  const encoded = names.map(encodeBytes);
  const input = Buffer.concat(encoded.flatMap((n) => [n, NUL]));
  const { stdout } = await runGit(repo, ["cat-file", "-z", "--batch-check"], { input }).catch(
    (err: unknown) => {
      // `cat-file -z` arrived in git 2.38; older gits reject the switch.
      if (err instanceof GitFailure && err.detail.includes("unknown switch")) {
        throw new AppError(2, "translation-status needs git 2.38 or newer");
      }
      throw err;
    },
  );
  const out: Lookup[] = [];
  let pos = 0;
  for (let i = 0; i < names.length; i++) {
    const nl = stdout.indexOf(10, pos);
    const line = stdout.subarray(pos, nl < 0 ? stdout.length : nl).toString("utf8");
    const m = /^([0-9a-f]{40}|[0-9a-f]{64}) (\w+) (\d+)$/.exec(line);
    if (m?.[1] && m[2] && m[3]) {
      out.push({ oid: m[1], type: m[2], size: Number(m[3]) });
      pos = nl + 1;
      continue;
    }
    // "<name> missing" / "<name> ambiguous": the name is echoed as given, newlines and all.
    const echoed = encoded[i] as Buffer;
    if (stdout.subarray(pos, pos + echoed.length).equals(echoed)) {
      const rest = stdout.indexOf(10, pos + echoed.length);
      if (rest < 0) throw new AppError(2, "unexpected output from git cat-file");
      const answer = stdout.subarray(pos + echoed.length, rest).toString("utf8");
      out.push({ missing: true, ambiguous: answer === " ambiguous" });
      pos = rest + 1;
      continue;
    }
    throw new AppError(2, "unexpected output from git cat-file");
  }
  return out;
}

/** Whether `commit`'s tree holds a folder at `path`: one `git cat-file`, whatever the work
 * tree holds (a clone made with --no-checkout, a sparse checkout). */
export async function holdsFolder(repo: Repo, commit: string, path: string): Promise<boolean> {
  const [found] = await lookupObjects(repo, [`${commit}:${path}`]);
  return found !== undefined && "type" in found && found.type === "tree";
}

/**
 * Streams blob contents: `onBlob` is called once per requested oid, in request order, with null
 * for an object the repository does not have (a partial clone never fetches it: fetching is off).
 */
export async function readBlobs(
  repo: Repo,
  oids: readonly string[],
  onBlob: (oid: string, content: Buffer | null) => void,
): Promise<void> {
  if (oids.length === 0) return;
  const parser = new BatchParser(onBlob);
  await runGit(repo, ["cat-file", "--batch"], {
    input: `${oids.join("\n")}\n`,
    onStdout: (chunk) => parser.push(chunk),
  });
  parser.finish();
}

/** Incremental parser of `cat-file --batch` output: header line, then exactly `size` bytes. */
class BatchParser {
  // Chunks wait here until a whole object has arrived, so a 50 MB blob is joined once, not per chunk.
  private chunks: Buffer[] = [];
  private length = 0;
  private want: { oid: string; size: number } | null = null;

  constructor(private readonly onBlob: (oid: string, content: Buffer | null) => void) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
    if (this.want && this.length < this.want.size + 1) return;
    let buf = this.chunks.length === 1 ? chunk : Buffer.concat(this.chunks, this.length);
    for (;;) {
      if (this.want) {
        if (buf.length < this.want.size + 1) break;
        this.onBlob(this.want.oid, Buffer.from(buf.subarray(0, this.want.size)));
        buf = buf.subarray(this.want.size + 1);
        this.want = null;
        continue;
      }
      const nl = buf.indexOf(10);
      if (nl < 0) break;
      const header = buf.subarray(0, nl).toString("utf8");
      buf = buf.subarray(nl + 1);
      const m = /^([0-9a-f]+) (\w+) (\d+)$/.exec(header);
      if (m?.[1] && m[3]) this.want = { oid: m[1], size: Number(m[3]) };
      else this.onBlob(header.split(" ")[0] ?? "", null);
    }
    this.chunks = buf.length > 0 ? [buf] : [];
    this.length = buf.length;
  }

  finish(): void {
    if (this.want) throw new AppError(2, "git cat-file output ended early");
  }
}
