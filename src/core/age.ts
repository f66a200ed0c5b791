// How old a translation is, from its last_translation_time: one reading for the dashboard, check
// and the reports, so they cannot disagree about a date.

const DAY_MS = 86_400_000;

// A date, optionally with a time and offset, as Hugo pages write last_translation_time.
const DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Milliseconds since the epoch for a last_translation_time, or null when it is not a real date. */
export function parseTranslationTime(value: string | null): number | null {
  if (value === null) return null;
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
  if (new Date(Date.parse(`${y}-${mo}-${d}T00:00:00Z`)).getUTCDate() !== day) return null;
  return ms;
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
  const shown = JSON.stringify(value.trim().slice(0, 40));
  if (at === null) return `last_translation_time ${shown} is not a real date (YYYY-MM-DD)`;
  if (at - now > DAY_MS) return `last_translation_time ${shown} is in the future`;
  return null;
}
