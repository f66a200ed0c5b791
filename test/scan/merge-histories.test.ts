// Random merge-heavy histories, as real repositories, with no clock skew: every commit is newer
// than its parents. On each, commitsBehind must equal the count README.md defines ("How drift
// is measured"), computed here a second way, slowly, from git's plumbing alone. Where plain
// `git rev-list --count raw..HEAD -- <source>` says otherwise, a simulation of git's own walk
// (revision.c, limit_list) must say what git says: the difference is then exactly the one the
// README describes, and nothing else.

import { execFile, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { mulberry32 } from "../../bench/prng.js";
import { scan } from "../../src/scan/scan.js";
import { cleanEnv, tempDir } from "../hostile/helpers.js";

// --- a random history, as data --------------------------------------------------------------

const PAGES = ["content/en/a.md", "content/en/b.md"] as const;
type Page = (typeof PAGES)[number];
const MODES = ["100644", "100755"] as const;

/** A page as one commit has it: which of a few texts (so reverts happen), its mode, or absent. */
type Version = { text: number; mode: (typeof MODES)[number] } | null;

interface Commit {
  parents: number[];
  files: Record<Page, Version>;
  /** The README, so that commits can leave both pages alone. */
  other: number;
}

interface History {
  commits: Commit[];
  head: number;
}

function ancestors(commits: readonly Commit[], from: number): Set<number> {
  const seen = new Set([from]);
  const stack = [from];
  while (stack.length > 0) {
    for (const p of commits[stack.pop() as number]?.parents ?? []) {
      if (!seen.has(p)) {
        seen.add(p);
        stack.push(p);
      }
    }
  }
  return seen;
}

const sameVersion = (a: Version, b: Version) =>
  a === null || b === null ? a === b : a.text === b.text && a.mode === b.mode;

/**
 * A history of about `size` commits: edits, reverts (each page has three texts), mode changes,
 * deletions, branches forked anywhere, merges that take one side, resolve a conflict with new
 * text, discard a branch (`-s ours`) or change the page themselves, and octopus merges.
 * Commit n is made after commits 0..n-1, and its date says so.
 */
function randomHistory(seed: number, size: number): History {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const commits: Commit[] = [
    {
      parents: [],
      files: { "content/en/a.md": { text: 0, mode: "100644" }, "content/en/b.md": null },
      other: 0,
    },
  ];
  if (rnd() < 0.5) (commits[0] as Commit).files["content/en/b.md"] = { text: 0, mode: "100644" };
  // Live branches, by their tips; branch 0 is main.
  const tips = [0];
  const add = (c: Commit) => commits.push(c) - 1;
  const edit = (from: Commit): Commit => {
    const files = { ...from.files };
    for (const page of PAGES) {
      const v = files[page];
      const r = rnd();
      if (v === null) {
        if (r < 0.3) files[page] = { text: Math.floor(rnd() * 3), mode: "100644" };
      } else if (r < 0.45) files[page] = { ...v, text: Math.floor(rnd() * 3) };
      else if (r < 0.5) files[page] = { ...v, mode: v.mode === "100644" ? "100755" : "100644" };
      else if (r < 0.53) files[page] = null;
    }
    return { parents: [], files, other: rnd() < 0.5 ? from.other + 1 : from.other };
  };
  while (commits.length < size) {
    const r = rnd();
    const branch = Math.floor(rnd() * tips.length);
    const tip = tips[branch] as number;
    if (r < 0.35) {
      tips[branch] = add({ ...edit(commits[tip] as Commit), parents: [tip] });
    } else if (r < 0.5) {
      // A new branch from anywhere in the history so far, with a first commit.
      const at = Math.floor(rnd() * commits.length);
      tips.push(add({ ...edit(commits[at] as Commit), parents: [at] }));
    } else if (tips.length > 1 || r > 0.9) {
      const others = tips.filter((t) => t !== tip);
      const octopus = others.length > 1 && rnd() < 0.1;
      const from = new Set<number>();
      // Another branch, or any commit at all (a stale copy of a branch, merged late).
      from.add(
        others.length > 0 && rnd() < 0.5 ? pick(others) : Math.floor(rnd() * commits.length),
      );
      if (octopus) from.add(pick(others));
      const mine = ancestors(commits, tip);
      const theirs = [...from].filter((t) => !mine.has(t));
      if (theirs.length === 0) continue;
      const parents = [tip, ...theirs];
      const ours = commits[tip] as Commit;
      const files = { ...ours.files };
      const style = rnd();
      for (const page of PAGES) {
        if (style < 0.2) continue; // -s ours: the branch's changes are dropped
        const versions = parents.map((p) => (commits[p] as Commit).files[page]);
        // Three-way: the side that changed the page since a common ancestor wins; when both
        // did, a conflict, resolved by either side or new text.
        const base = commonAncestor(commits, tip, theirs[0] as number);
        const was = base === null ? null : (commits[base] as Commit).files[page];
        const mineV = versions[0] as Version;
        const theirsV = versions[1] as Version;
        let v: Version;
        if (parents.length > 2) v = pick(versions);
        else if (sameVersion(mineV, was)) v = theirsV;
        else if (sameVersion(theirsV, was) || sameVersion(mineV, theirsV)) v = mineV;
        else {
          const c = rnd();
          v = c < 0.4 ? mineV : c < 0.7 ? theirsV : { text: Math.floor(rnd() * 3), mode: "100644" };
        }
        // An "evil" merge changes the page itself.
        if (rnd() < 0.07) v = { text: Math.floor(rnd() * 3), mode: v?.mode ?? "100644" };
        files[page] = v;
      }
      tips[branch] = add({ parents, files, other: ours.other });
      for (const t of theirs) {
        const k = tips.indexOf(t);
        if (k > 0 && rnd() < 0.6) tips.splice(k, 1);
      }
    }
  }
  return { commits, head: tips[0] as number };
}

/** The newest common ancestor by commit number: a merge base, good enough for a 3-way pick. */
function commonAncestor(commits: readonly Commit[], a: number, b: number): number | null {
  const mine = ancestors(commits, a);
  let best: number | null = null;
  for (const c of ancestors(commits, b)) if (mine.has(c) && (best === null || c > best)) best = c;
  return best;
}

// --- the history as a real repository -------------------------------------------------------

const START = Date.UTC(2025, 0, 1) / 1000;
const commitDate = (commit: number) => START + commit * 60;
const textOf = (page: Page, text: number) =>
  `---\ntitle: ${page}\n---\n\nVersion ${text} of ${path.basename(page)}.\n`;

const run = promisify(execFile);

function git(dir: string, args: readonly string[], input?: string): string {
  const res = spawnSync("git", ["-c", "core.hooksPath=/dev/null", ...args], {
    cwd: dir,
    env: cleanEnv(),
    input,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (res.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${res.stderr}`);
  return res.stdout;
}

/** Writes the history with `git fast-import` (one process); returns each commit's hash. */
function writeHistory(dir: string, h: History): string[] {
  mkdirSync(dir, { recursive: true });
  git(dir, ["init", "-q", "-b", "main"]);
  const data = (s: string) => `data ${Buffer.byteLength(s)}\n${s}\n`;
  let stream = "";
  h.commits.forEach((c, n) => {
    const when = `${commitDate(n)} +0000`;
    // Each commit has a ref of its own, so that `--all` reaches raw_commits off HEAD's history.
    stream += `commit refs/gen/${n}\nmark :${n + 1}\n`;
    stream += `author Gen <gen@example.com> ${when}\ncommitter Gen <gen@example.com> ${when}\n`;
    stream += data(`Commit ${n}`);
    c.parents.forEach((p, k) => {
      stream += `${k === 0 ? "from" : "merge"} :${p + 1}\n`;
    });
    stream += "deleteall\n";
    stream += `M 100644 inline README\n${data(`Readme ${c.other}\n`)}`;
    // A page no commit changes, so that HEAD always has an English folder.
    stream += `M 100644 inline content/en/index.md\n${data("---\ntitle: Index\n---\n")}`;
    for (const page of PAGES) {
      const v = c.files[page];
      if (v) stream += `M ${v.mode} inline ${page}\n${data(textOf(page, v.text))}`;
    }
  });
  stream += `reset refs/heads/main\nfrom :${h.head + 1}\n`;
  const marks = path.join(dir, ".git", "marks");
  git(dir, ["fast-import", "--quiet", `--export-marks=${marks}`], stream);
  const hashes: string[] = [];
  for (const line of readFileSync(marks, "utf8").trim().split("\n")) {
    const [mark, hash] = line.split(" ");
    hashes[Number(mark?.slice(1)) - 1] = hash as string;
  }
  return hashes;
}

// --- the count README.md defines, from git's plumbing alone --------------------------------

interface Plumbing {
  /** Every commit of the repository: its parents, from `git rev-list --parents`. */
  parents: Map<string, string[]>;
  /** Each commit's `content/en` entries (mode and blob), read from its tree object. */
  entries: Map<string, Map<string, string>>;
}

function readPlumbing(dir: string): Plumbing {
  const parents = new Map<string, string[]>();
  for (const line of git(dir, ["rev-list", "--parents", "--all"]).trim().split("\n")) {
    const [c, ...ps] = line.split(" ");
    parents.set(c as string, ps);
  }
  // One `git cat-file --batch` reads every commit's content/en tree; a tree object is a list
  // of "<mode> <name>\0<20-byte object name>".
  const commits = [...parents.keys()];
  const res = spawnSync("git", ["cat-file", "--batch"], {
    cwd: dir,
    env: cleanEnv(),
    input: commits.map((c) => `${c}:content/en\n`).join(""),
    maxBuffer: 64 * 1024 * 1024,
  });
  const out = res.stdout;
  const entries = new Map<string, Map<string, string>>();
  let at = 0;
  for (const c of commits) {
    const eol = out.indexOf(10, at);
    const header = out.subarray(at, eol).toString("latin1").split(" ");
    at = eol + 1;
    const files = new Map<string, string>();
    entries.set(c, files);
    if (header[1] !== "tree") continue; // "<name> missing": no content/en in this commit
    const end = at + Number(header[2]);
    while (at < end) {
      const nul = out.indexOf(0, at);
      const [mode, name] = out.subarray(at, nul).toString("utf8").split(" ");
      files.set(`content/en/${name}`, `${mode} ${out.subarray(nul + 1, nul + 21).toString("hex")}`);
      at = nul + 21;
    }
    at = end + 1;
  }
  return { parents, entries };
}

/**
 * README.md's definition, step by step. R is raw_commit and every commit it can reach. Walk
 * from HEAD, never entering R. At a commit with one parent: it counts when the pathspec's
 * files differ from that parent's; go on to the parent. At a merge: take its parents in order;
 * the first one that is outside R (or is raw_commit itself) and has the same files is the
 * only one followed, and the merge does not count. When there is none, follow every parent;
 * the merge counts when it differs from a parent outside R (or raw_commit), or, if every parent
 * is in R, from any parent. A root commit counts when it has one of the files.
 */
function definedCount(p: Plumbing, raw: string, head: string, paths: readonly string[]): number {
  const inR = new Set([raw]);
  const stack = [raw];
  while (stack.length > 0) {
    for (const q of p.parents.get(stack.pop() as string) ?? []) {
      if (!inR.has(q)) {
        inR.add(q);
        stack.push(q);
      }
    }
  }
  const files = (c: string) => paths.map((f) => p.entries.get(c)?.get(f) ?? "-").join("|");
  const relevant = (c: string) => !inR.has(c) || c === raw;
  let count = 0;
  const seen = new Set<string>();
  const todo = [head];
  while (todo.length > 0) {
    const c = todo.pop() as string;
    if (inR.has(c) || seen.has(c)) continue;
    seen.add(c);
    const parents = p.parents.get(c) ?? [];
    if (parents.length === 0) {
      if (paths.some((f) => p.entries.get(c)?.has(f))) count++;
      continue;
    }
    const same = parents.find((q) => relevant(q) && files(q) === files(c));
    if (same !== undefined) {
      todo.push(same);
      continue;
    }
    const anyRelevant = parents.some(relevant);
    if (parents.some((q) => (!anyRelevant || relevant(q)) && files(q) !== files(c))) count++;
    todo.push(...parents);
  }
  return count;
}

// --- git's own walk, simulated ---------------------------------------------------------------

/**
 * `git rev-list --count raw..HEAD -- paths` as revision.c computes it (git 2.39; newer gits keep
 * the same steps in a priority queue). limit_list takes commits newest first by committer date.
 * An UNINTERESTING one passes the flag to its parents (process_parents), parsing them, and
 * mark_parents_uninteresting passes it on through commits already parsed, along their parent
 * lists as simplification left them. An interesting one is simplified (try_to_simplify_commit)
 * with relevant_commit() read at that moment: an ancestor of raw_commit the walk has not marked
 * yet is relevant. With `byAncestry`, relevant_commit() answers from raw_commit's whole history
 * instead: that is the only change needed to get the tool's count.
 */
function gitWalkCount(
  h: History,
  raw: number,
  paths: readonly Page[],
  byAncestry = false,
  dateOf: (commit: number) => number = commitDate,
): number {
  const UNINTERESTING = 1;
  const BOTTOM = 2;
  const SEEN = 4;
  const TREESAME = 8;
  const flags = new Uint8Array(h.commits.length);
  const has = (c: number, flag: number) => ((flags[c] ?? 0) & flag) !== 0;
  const set = (c: number, flag: number) => {
    flags[c] = (flags[c] ?? 0) | flag;
  };
  const parents: (number[] | null)[] = h.commits.map(() => null); // null: not parsed yet
  const parse = (c: number) => {
    if (parents[c] === null) parents[c] = [...(h.commits[c] as Commit).parents];
  };
  const markParents = (c: number) => {
    const pending: number[] = [];
    const one = (x: number) => {
      if (has(x, UNINTERESTING)) return;
      set(x, UNINTERESTING);
      pending.push(...(parents[x] ?? []));
    };
    for (const q of parents[c] ?? []) one(q);
    while (pending.length > 0) one(pending.pop() as number);
  };
  const same = (a: number, b: number) =>
    paths.every((f) =>
      sameVersion((h.commits[a] as Commit).files[f], (h.commits[b] as Commit).files[f]),
    );
  const history = byAncestry ? ancestors(h.commits, raw) : null;
  const relevant = (c: number) =>
    history ? !history.has(c) || c === raw : !has(c, UNINTERESTING) || has(c, BOTTOM);
  const simplify = (c: number) => {
    const ps = parents[c] as number[];
    if (ps.length === 0) {
      if (paths.every((f) => (h.commits[c] as Commit).files[f] === null)) set(c, TREESAME);
      return;
    }
    let relevantParents = 0;
    let relevantChange = false;
    let irrelevantChange = false;
    for (const p of ps) {
      if (relevant(p)) relevantParents++;
      parse(p);
      if (same(p, c)) {
        if (!relevant(p)) continue;
        parents[c] = [p];
        set(c, TREESAME);
        return;
      }
      if (relevant(p)) relevantChange = true;
      else irrelevantChange = true;
    }
    if (relevantParents ? !relevantChange : !irrelevantChange) set(c, TREESAME);
  };
  // The queue, newest first; equal dates (there are none here) would go first in, first out.
  const queue: number[] = [];
  const put = (c: number) => {
    set(c, SEEN);
    let i = 0;
    while (i < queue.length && dateOf(queue[i] as number) >= dateOf(c)) i++;
    queue.splice(i, 0, c);
  };
  // The arguments: both ends are parsed, and ^raw marks its parents at once (handle_commit).
  parse(raw);
  parse(h.head);
  set(raw, UNINTERESTING | BOTTOM);
  markParents(raw);
  put(raw);
  if (!has(h.head, SEEN)) put(h.head);
  const walked: number[] = [];
  let slop = 5;
  let date = Number.POSITIVE_INFINITY;
  while (queue.length > 0) {
    const c = queue.shift() as number;
    if (has(c, UNINTERESTING)) {
      for (const p of parents[c] as number[]) {
        set(p, UNINTERESTING);
        parse(p);
        markParents(p);
        if (!has(p, SEEN)) put(p);
      }
      markParents(c);
      // still_interesting()
      const top = queue[0];
      if (top === undefined) slop = 0;
      else if (date <= dateOf(top) || queue.some((q) => !has(q, UNINTERESTING))) slop = 5;
      else slop--;
      if (slop) continue;
      break;
    }
    simplify(c);
    for (const p of parents[c] as number[]) {
      parse(p);
      if (!has(p, SEEN)) put(p);
    }
    date = dateOf(c);
    walked.push(c);
  }
  return walked.filter((c) => !has(c, UNINTERESTING | TREESAME)).length;
}

// --- the comparison -------------------------------------------------------------------------

interface Count {
  seed: number;
  raw: number;
  page: Page;
  tool: number;
  /** definedCount: README.md's definition over git's plumbing. */
  defined: number;
  git: number;
  /** gitWalkCount, as git runs it, and with relevant_commit() answered by ancestry. */
  simulated: number;
  byAncestry: number;
}

/** Builds one history, stamps translations from up to 16 raw_commits, and counts every way. */
async function countAll(seed: number, base: string): Promise<Count[]> {
  const h = randomHistory(seed, 10 + (seed % 4) * 8);
  const dir = path.join(base, `s${seed}`);
  const hashes = writeHistory(dir, h);
  const plumbing = readPlumbing(dir);
  // One language per raw_commit, both pages translated from it.
  const rnd = mulberry32(seed ^ 0x5eed);
  const raws = h.commits.map((_, i) => i);
  for (let i = raws.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [raws[i], raws[j]] = [raws[j] as number, raws[i] as number];
  }
  raws.length = Math.min(raws.length, 16);
  raws.forEach((raw, k) => {
    for (const page of PAGES) {
      const file = path.join(dir, "content", `l${k}`, path.basename(page));
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `---\ntitle: T\ndefault_lang_commit: ${hashes[raw]}\n---\n\nT.\n`);
    }
  });
  const langs = raws.map((_, k) => `l${k}`);
  const { pages } = (await scan({ repo: dir, source: "en", content: "content", langs })).result;
  // git counts each page in a process of its own, several at a time.
  const translated = pages.filter((report) => report.status !== "missing");
  const counts = translated.map(async (report): Promise<Count> => {
    const raw = raws[Number(report.path.split("/")[1]?.slice(1))] as number;
    const page = `content/en/${path.basename(report.path)}` as Page;
    const hash = hashes[raw] as string;
    const gitCount = await run("git", ["rev-list", "--count", `${hash}..HEAD`, "--", page], {
      cwd: dir,
      env: cleanEnv(),
    });
    return {
      seed,
      raw,
      page,
      tool: report.commitsBehind ?? -1,
      defined: definedCount(plumbing, hash, hashes[h.head] as string, [page]),
      git: Number(gitCount.stdout.trim()),
      simulated: gitWalkCount(h, raw, [page]),
      byAncestry: gitWalkCount(h, raw, [page], true),
    };
  });
  return Promise.all(counts);
}

const base = tempDir("ts-merge-histories-");
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** More histories: MERGE_HISTORIES=200 npx vitest run test/scan/merge-histories.test.ts */
const HISTORIES = Number(process.env.MERGE_HISTORIES ?? 14);

describe("random merge-heavy histories without clock skew", () => {
  const counts: Count[] = [];

  it(
    "are built and counted by the tool, by README.md's definition and by git",
    async () => {
      for (let seed = 1; seed <= HISTORIES; seed++) counts.push(...(await countAll(seed, base)));
      expect(counts.length).toBeGreaterThan(HISTORIES * 20);
    },
    30_000 + HISTORIES * 2_000,
  );

  it("give commitsBehind exactly as README.md defines it", () => {
    expect(counts.filter((c) => c.tool !== c.defined)).toEqual([]);
  });

  it("give git's own count where git's walk, simulated, says so: the explanation is complete", () => {
    expect(counts.filter((c) => c.git !== c.simulated)).toEqual([]);
  });

  it("differ from git only by when git's walk finds raw_commit's history, and never upwards", () => {
    // The same walk with relevant_commit() answered by ancestry is the tool's count.
    expect(counts.filter((c) => c.byAncestry !== c.tool)).toEqual([]);
    expect(counts.filter((c) => c.git > c.tool)).toEqual([]);
    // And the histories are merge-heavy enough for git to fall short on some pages.
    const fewer = counts.filter((c) => c.git < c.tool);
    if (process.env.MERGE_HISTORIES)
      console.log(
        `${counts.length} counts, git fewer on ${fewer.length}, by up to ${Math.max(...fewer.map((c) => c.tool - c.git))}`,
      );
    expect(fewer.length).toBeGreaterThan(0);
  });
});
