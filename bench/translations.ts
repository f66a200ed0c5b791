// Translation state per language and the "sync" commit that (re)translates a batch of pages and
// stamps each with the English commit it was made from.
import type { FastImport } from "./fast-import.js";
import type { Rng } from "./prng.js";
import type { EnglishSite } from "./site.js";
import { englishTitle, type MetaKind, translationPage } from "./text.js";

const META_KINDS: readonly MetaKind[] = ["shortcode", "front-matter", "none"];

interface Language {
  lang: string;
  /** 1 for pages this language translates (eventually). */
  covered: Uint8Array;
  /** Index into META_KINDS, fixed per page: translators keep their page's format. */
  kind: Uint8Array;
  /** Directory the translation lives in (lags behind English moves); -1 = not translated yet. */
  dir: Int32Array;
  files: number;
}

export interface SyncRound {
  /** Hash of main's HEAD: the English commit the batch is translated from. */
  commit: string;
  /** YYYY-MM-DD of the sync. */
  day: string;
  /** Chance an untranslated covered page gets its first translation in this round. */
  pNew: number;
  /** Chance an existing translation is refreshed. */
  pRefresh: number;
  /** Translate every doomed covered page now, so translations of deleted pages exist later. */
  includeDoomed: boolean;
}

export class Translations {
  private readonly languages: Language[] = [];

  /** Coverage is exact: round(share × live pages) plus round(share × deleted pages). */
  constructor(site: EnglishSite, shares: Record<string, number>, livePages: number, rng: Rng) {
    const survivors: number[] = [];
    for (let id = 0; id < site.total; id++) if (!site.willDelete[id]) survivors.push(id);
    const doomed = site.doomed;
    for (const lang of Object.keys(shares).sort()) {
      const share = shares[lang] ?? 0;
      const covered = new Uint8Array(site.total);
      for (const id of rng.shuffle([...survivors]).slice(0, Math.round(share * livePages))) {
        covered[id] = 1;
      }
      for (const id of rng.shuffle([...doomed]).slice(0, Math.round(share * doomed.length))) {
        covered[id] = 1;
      }
      // ~80% shortcode, ~19% front matter, ~1% no metadata at all.
      const kind = new Uint8Array(site.total);
      for (let id = 0; id < site.total; id++) {
        const r = rng.float();
        kind[id] = r < 0.01 ? 2 : r < 0.2 ? 1 : 0;
      }
      const dir = new Int32Array(site.total).fill(-1);
      this.languages.push({ lang, covered, kind, dir, files: 0 });
    }
  }

  /** Translated files at HEAD per language. */
  counts(): Record<string, number> {
    return Object.fromEntries(this.languages.map((l) => [l.lang, l.files]));
  }

  /** Write the round's files into the commit fi has just opened. */
  sync(fi: FastImport, site: EnglishSite, rng: Rng, round: SyncRound): void {
    for (const l of this.languages) {
      // Ids in order (not the live list, whose order depends on swap-removals) for stable output.
      for (let id = 0; id < site.createdCount; id++) {
        const page = site.get(id);
        if (!page || !l.covered[id]) continue;
        const fresh = l.dir[id] === -1;
        const take = fresh
          ? (round.includeDoomed && site.willDelete[id] === 1) || rng.chance(round.pNew)
          : rng.chance(round.pRefresh);
        if (!take) continue;
        const rel = site.rel(id);
        if (fresh) l.files++;
        else if (l.dir[id] !== page.dir) {
          // A translator refreshing a moved page moves it along with the English one.
          fi.remove(`content/${l.lang}/${site.dirs[l.dir[id] as number]}/page-${id}.md`);
        }
        l.dir[id] = page.dir;
        fi.modify(
          `content/${l.lang}/${rel}.md`,
          translationPage({
            lang: l.lang,
            kind: META_KINDS[l.kind[id] as number] ?? "shortcode",
            title: englishTitle(page.titleSeed),
            rel,
            titleSeed: page.titleSeed,
            lines: page.lines,
            commit: round.commit,
            day: round.day,
          }),
        );
      }
    }
  }
}
