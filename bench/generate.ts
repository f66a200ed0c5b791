// Generates large synthetic Hugo repositories for benchmarks, deterministically: the same options
// always give the same HEAD hash. History is streamed into `git fast-import` (20k commits in
// seconds) while a compact model of the site (line seeds, not text) is kept in memory.
import { realpathSync } from "node:fs";
import { mkdir, readdir, rm } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { FastImport, type Identity } from "./fast-import.js";
import { git } from "./git-env.js";
import { Kind, makePlan } from "./plan.js";
import { Rng } from "./prng.js";
import { EnglishSite } from "./site.js";
import { buildLayout } from "./text.js";
import { Translations } from "./translations.js";

export interface GenerateOptions {
  /** English pages at HEAD, e.g. 12000. */
  pages: number;
  /** Total commits, e.g. 20000. */
  commits: number;
  /** Share of the English pages translated per language, e.g. { "zh-cn": 0.85, ja: 0.45 }. */
  languages: Record<string, number>;
  seed: number;
  /** English pages moved over the history (default ~pages/400). */
  renames?: number;
  /** English pages deleted (default ~pages/600). */
  deletions?: number;
  /** Feature branches merged with a true merge commit (default ~commits/500). */
  merges?: number;
  /** A translation sync every N commits (default ~commits/40). */
  syncEvery?: number;
}

export interface GenerateResult {
  head: string;
  commits: number;
  /** English pages at HEAD. */
  pages: number;
  /** Translated files at HEAD per language, including those whose English page was deleted. */
  translations: Record<string, number>;
  syncs: number;
  /** Syncs made while a feature branch was open (its commits merge after the stamp). */
  syncsWhileBranchOpen: number;
}

const IDENTITY: Identity = { name: "Bench Writer", email: "bench@example.invalid" };
/** 2020-01-01T00:00:00Z; one commit an hour keeps 20k commits within ~2.3 years. */
const EPOCH = 1_577_836_800;
const STEP = 3600;
/** Share of the English pages added after the initial import. */
const ADDED_SHARE = 0.15;

interface Branch {
  ref: string;
  name: string;
  pages: number[];
  fork: number;
  tip: number | null;
}

function resolveOptions(opts: GenerateOptions) {
  const int = (name: string, value: number, min: number): number => {
    if (!Number.isInteger(value) || value < min) {
      throw new Error(`${name} must be an integer ≥ ${min}`);
    }
    return value;
  };
  const pages = int("pages", opts.pages, 1);
  const commits = int("commits", opts.commits, 3);
  for (const [lang, share] of Object.entries(opts.languages)) {
    if (!/^[a-z]{2,3}(-[a-z0-9]+)*$/.test(lang) || lang === "en") {
      throw new Error(`bad language code ${lang}`);
    }
    if (!(share >= 0 && share <= 1)) throw new Error(`coverage of ${lang} must be within 0..1`);
  }
  return {
    pages,
    commits,
    seed: opts.seed >>> 0,
    renames: int("renames", opts.renames ?? Math.max(1, Math.round(pages / 400)), 0),
    deletions: int("deletions", opts.deletions ?? Math.max(1, Math.round(pages / 600)), 0),
    merges: int("merges", opts.merges ?? Math.max(1, Math.round(commits / 500)), 0),
    syncEvery: int("syncEvery", opts.syncEvery ?? Math.max(1, Math.round(commits / 40)), 1),
    addedPages: Math.round(pages * ADDED_SHARE),
  };
}

export async function generateRepo(dir: string, opts: GenerateOptions): Promise<GenerateResult> {
  const o = resolveOptions(opts);
  const rng = new Rng(o.seed);
  const plan = makePlan(o, rng);
  const initialPages = o.pages + o.deletions - o.addedPages;
  const site = new EnglishSite(buildLayout(rng), initialPages, o.addedPages, o.deletions, rng);
  const translations = new Translations(site, opts.languages, o.pages, rng);

  await mkdir(dir, { recursive: true });
  if ((await readdir(dir)).length > 0) throw new Error(`${dir} is not empty`);
  await git(dir, ["init", "-q", "--initial-branch=main", "."]);
  const fi = new FastImport(dir);

  const branches: Branch[] = [];
  let openBranches = 0;
  let mainHead = 0;
  let initBatch = 0;
  let addBatch = 0;
  let syncs = 0;
  let syncsWhileBranchOpen = 0;
  const writePages = (ids: readonly number[]) => {
    for (const id of ids) fi.modify(site.path(id), site.render(id));
  };

  try {
    for (let i = 0; i < o.commits; i++) {
      const mark = i + 1;
      const time = EPOCH + i * STEP;
      const onMain = { ref: "refs/heads/main", mark, who: IDENTITY, time };

      const opening = plan.opensAt[i] as number;
      if (opening >= 0) {
        const pages = site.pick(rng.range(1, 3), true);
        site.lock(pages, true);
        const name = `feature/${opening + 1}`;
        branches[opening] = { ref: `refs/heads/${name}`, name, pages, fork: mainHead, tip: null };
        openBranches++;
      }

      const kind = plan.kinds[i];
      switch (kind) {
        case Kind.Init:
        case Kind.Add: {
          const n =
            (kind === Kind.Init ? plan.initSizes[initBatch++] : plan.addSizes[addBatch++]) ?? 1;
          const message =
            kind === Kind.Init
              ? `Import English docs, part ${initBatch}\n`
              : `Add ${n} English page${n > 1 ? "s" : ""}\n`;
          fi.commit({ ...onMain, message });
          writePages(Array.from({ length: n }, () => site.create()));
          mainHead = mark;
          break;
        }
        case Kind.Edit: {
          const ids = site.pick(rng.range(1, 3));
          const first = ids[0] === undefined ? "nothing" : site.path(ids[0]);
          fi.commit({
            ...onMain,
            message: `Update ${first}${ids.length > 1 ? " and others" : ""}\n`,
          });
          for (const id of ids) site.edit(id);
          writePages(ids);
          mainHead = mark;
          break;
        }
        case Kind.Rename: {
          const [id] = site.pick(1);
          if (id === undefined) throw new Error("no page free to move");
          const { from, to } = site.move(id);
          fi.commit({ ...onMain, message: `Move ${from} to ${to}\n` });
          fi.rename(from, to);
          mainHead = mark;
          break;
        }
        case Kind.Delete: {
          const path = site.deleteNext();
          fi.commit({ ...onMain, message: `Remove ${path}\n` });
          fi.remove(path);
          mainHead = mark;
          break;
        }
        case Kind.Branch: {
          const b = branches[plan.branchOf[i] as number] as Branch;
          const ids = rng.shuffle([...b.pages]).slice(0, rng.range(1, b.pages.length));
          const message = `Rework ${ids.length} page${ids.length > 1 ? "s" : ""} on ${b.name}\n`;
          const from = b.tip === null ? { from: b.fork } : {};
          fi.commit({ ref: b.ref, mark, who: IDENTITY, time, message, ...from });
          // Main never writes these pages while the branch is open, so editing the shared model is
          // safe: main's tree keeps the fork-point text until the merge brings these lines in.
          for (const id of ids) site.edit(id);
          writePages(ids);
          b.tip = mark;
          break;
        }
        case Kind.Merge: {
          const b = branches[plan.branchOf[i] as number] as Branch;
          // Branch and main touched disjoint files since the fork, so the merge tree is main's
          // tree plus the branch's versions of its pages.
          fi.commit({ ...onMain, message: `Merge branch '${b.name}'\n`, merge: b.tip ?? b.fork });
          writePages(b.pages);
          site.lock(b.pages, false);
          openBranches--;
          mainHead = mark;
          break;
        }
        case Kind.Sync: {
          const commit = await fi.getMark(mainHead);
          const first = syncs === 0;
          fi.commit({ ...onMain, message: `Sync translations with ${commit.slice(0, 12)}\n` });
          // First round: a big initial translation (including every page deleted later, so
          // deleted-source translations exist). Later rounds: new pages trickle in, a few get
          // refreshed. The last round translates whatever is still missing.
          translations.sync(fi, site, rng, {
            commit,
            day: new Date(time * 1000).toISOString().slice(0, 10),
            pNew: first ? 0.6 : i === o.commits - 1 ? 1 : 0.3,
            pRefresh: 0.01 + rng.float() * 0.04,
            includeDoomed: first,
          });
          syncs++;
          if (openBranches > 0) syncsWhileBranchOpen++;
          mainHead = mark;
          break;
        }
        default:
          throw new Error(`unplanned commit ${i}`);
      }
      await fi.flush();
    }
    await fi.finish();
  } catch (err) {
    await fi.abort();
    throw err;
  }

  // Merged feature branches are gone in real repositories too; only main remains.
  const deletes = branches.map((b) => `delete ${b.ref}\n`).join("");
  if (deletes) await git(dir, ["update-ref", "--stdin"], deletes);
  // Benchmarks then run read-only git commands; never let them trigger a repack mid-measurement.
  await git(dir, ["config", "gc.auto", "0"]);
  // fast-import only writes objects and refs; the tool reads translations from the work tree.
  await git(dir, ["reset", "--hard", "-q"]);
  const head = (await git(dir, ["rev-parse", "HEAD"])).trim();
  return {
    head,
    commits: o.commits,
    pages: site.liveCount,
    translations: translations.counts(),
    syncs,
    syncsWhileBranchOpen,
  };
}

const USAGE =
  "usage: node dist/bench/generate.js --out DIR [--pages 12000] [--commits 20000]\n" +
  "  [--lang zh-cn=0.85 --lang ja=0.45] [--seed 1] [--renames N] [--deletions N]\n" +
  "  [--merges N] [--sync-every N] [--force]";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: "string" },
      pages: { type: "string", default: "12000" },
      commits: { type: "string", default: "20000" },
      lang: { type: "string", multiple: true },
      seed: { type: "string", default: "1" },
      renames: { type: "string" },
      deletions: { type: "string" },
      merges: { type: "string" },
      "sync-every": { type: "string" },
      force: { type: "boolean", default: false },
    },
  });
  if (!values.out) throw new Error(USAGE);
  const out = resolve(values.out);
  const existing = await readdir(out).catch(() => []);
  if (existing.length > 0) {
    if (!values.force) throw new Error(`${out} is not empty (use --force to replace it)`);
    await rm(out, { recursive: true, force: true });
  }
  const languages: Record<string, number> = {};
  for (const spec of values.lang ?? ["zh-cn=0.85", "ja=0.45"]) {
    const [lang, share] = spec.split("=");
    if (!lang || !share) throw new Error(`--lang wants LANG=SHARE, got ${spec}`);
    languages[lang] = Number(share);
  }
  const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
  const started = performance.now();
  const result = await generateRepo(out, {
    pages: Number(values.pages),
    commits: Number(values.commits),
    languages,
    seed: Number(values.seed),
    renames: num(values.renames),
    deletions: num(values.deletions),
    merges: num(values.merges),
    syncEvery: num(values["sync-every"]),
  });
  const seconds = Number(((performance.now() - started) / 1000).toFixed(2));
  process.stdout.write(`${JSON.stringify({ out, ...result, seconds })}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
