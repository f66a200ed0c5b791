// How old a translation is, from its last_translation_time, or from its raw_commit's date where
// the page records no translation date: one reading for the dashboard, check and the reports,
// so they cannot disagree about a date or about what it was counted from.
import type { PageReport } from "./types.js";

const DAY_MS = 86_400_000;

/** A translation's age in whole days, and what it is counted from. */
export interface PageAge {
  days: number;
  /** `raw_commit`: the page records no translation date (front matter sites), so it is as old as
   * its raw_commit's author date. */
  from: "last_translation_time" | "raw_commit";
}

/** Whether a page's last_translation_time records no date at all (absent or blank), as opposed
 * to one that cannot be read, which gives no age. */
export function recordsNoDate(lastTranslationTime: string | null): boolean {
  return lastTranslationTime === null || lastTranslationTime.trim() === "";
}

/** The page's age at `now`, or null when it has none: an unreadable or future
 * last_translation_time, or no date and no raw_commit the history has. */
export function pageAge(
  page: Pick<PageReport, "lastTranslationTime" | "rawCommitDate">,
  now: number,
): PageAge | null {
  if (!recordsNoDate(page.lastTranslationTime)) {
    const days = translationAge(page.lastTranslationTime, now);
    return days === null ? null : { days, from: "last_translation_time" };
  }
  const at = page.rawCommitDate === undefined ? Number.NaN : Date.parse(page.rawCommitDate);
  if (Number.isNaN(at)) return null;
  return { days: Math.max(0, Math.floor((now - at) / DAY_MS)), from: "raw_commit" };
}

/** What an age taken from raw_commit's date says of it, after the days. */
export const BY_RAW_COMMIT_DATE = "by raw_commit's date";

/** The age as every report words it: "translated 705 days ago, by raw_commit's date". */
export function ageWords(age: PageAge): string {
  const by = age.from === "raw_commit" ? `, ${BY_RAW_COMMIT_DATE}` : "";
  return `translated ${age.days} ${age.days === 1 ? "day" : "days"} ago${by}`;
}

// A date, optionally with a time and offset, as Hugo pages write last_translation_time.
const DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Milliseconds since the epoch for a last_translation_time, or null when it is not a real date. */
export function parseTranslationTime(value: string | null): number | null {
  if (value === null) return null;
  // Nearly every page writes a plain YYYY-MM-DD: read it without a regular expression or a
  // string to parse, since the scan asks for every page.
  if (value.length === 10) {
    const day = plainDate(value);
    if (day !== undefined) return day;
  }
  const v = value.trim();
  const m = DATE.exec(v);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, zone] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59)) return null;
  // A date without a zone is read as UTC so the result does not depend on the machine.
  let iso = `${y}-${mo}-${d}T${h ?? "00"}:${mi ?? "00"}:${s ?? "00"}`;
  if (zone === undefined || zone === "Z") iso += "Z";
  else iso += zone.includes(":") ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return null;
  // Date.parse rolls 2025-02-31 over into March; refuse such dates.
  if (day > daysIn(Number(y), month)) return null;
  return ms;
}

/** The number v[from..to) writes in ASCII digits, -1 when another character is among them. */
function digits(v: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = v.charCodeAt(i) - 48;
    // NaN past the end fails the test too.
    if (!(c >= 0 && c <= 9)) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** A YYYY-MM-DD date at UTC midnight, null when it does not exist, undefined when `v` is not
 * written that way. */
function plainDate(v: string): number | null | undefined {
  if (v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return undefined;
  const year = digits(v, 0, 4);
  const month = digits(v, 5, 7);
  const day = digits(v, 8, 10);
  if (year < 0 || month < 0 || day < 0) return undefined;
  // Date.UTC reads years before 100 as 19xx: those take the general path.
  if (year < 100) return undefined;
  // Date.UTC would roll 2025-02-31 over into March; such a date does not exist.
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return Date.UTC(year, month - 1, day);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The days of a month of the (proleptic) Gregorian calendar, which Date follows. */
function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] as number);
}

/**
 * Whole days from last_translation_time to `now`, or null when the page gives no real date or a
 * date in the future. A date up to a day ahead counts as today: stamp writes the translator's
 * local date, which can be tomorrow in UTC.
 */
export function translationAge(value: string | null, now: number): number | null {
  const at = parseTranslationTime(value);
  if (at === null || at - now > DAY_MS) return null;
  return Math.max(0, Math.floor((now - at) / DAY_MS));
}

/** Why a page's last_translation_time gives no age, as a warning; null when it is fine or absent. */
export function translationTimeProblem(value: string | null, now: number): string | null {
  if (value === null || value.trim() === "") return null;
  const at = parseTranslationTime(value);
  const shown = () => JSON.stringify(value.trim().slice(0, 40));
  if (at === null) return `last_translation_time ${shown()} is not a real date (YYYY-MM-DD)`;
  if (at - now > DAY_MS) return `last_translation_time ${shown()} is in the future`;
  return null;
}

/**
 * When translationTimeProblem's answer for `value`, given at `now`, next changes as time goes
 * on: the moment a date in the future stops being one; null when it never will.
 */
export function translationTimeProblemEnds(value: string | null, now: number): number | null {
  const at = value === null ? null : parseTranslationTime(value);
  return at !== null && at - now > DAY_MS ? at - DAY_MS : null;
}
