// Small pure formatters for the dashboard: ages, counts, dates, percentages and progress bars.
import { STATUSES, type Status } from "../core/types.js";

/** "34d", or years past 999 days: "3y". */
export function formatAge(days: number | null): string {
  if (days === null) return "";
  return days < 1000 ? `${days}d` : `${Math.floor(days / 365)}y`;
}

export function formatLines(added: number | null, removed: number | null): string {
  if (added === null && removed === null) return "";
  return `+${added ?? 0} -${removed ?? 0}`;
}

export function formatCount(n: number | null): string {
  return n === null ? "" : String(n);
}

/** The date part of an ISO 8601 timestamp as git writes it, or the input when it is not one. */
export function formatDate(iso: string | null): string {
  if (!iso) return "";
  const m = /^\d{4}-\d{2}-\d{2}/.exec(iso);
  return m ? m[0] : iso;
}

export function shortHash(hash: string): string {
  return hash.slice(0, 8);
}

export function percent(n: number, total: number): string {
  if (total <= 0 || n <= 0) return "0%";
  const p = (n / total) * 100;
  if (p < 1) return "<1%";
  return `${Math.round(p)}%`;
}

export interface BarPart {
  status: Status;
  width: number;
}

/**
 * Splits `width` cells among the statuses in proportion to their counts (largest remainder), in
 * STATUSES order, giving every non-empty status at least one cell when there is room.
 */
export function barParts(counts: Record<Status, number>, width: number): BarPart[] {
  const present = STATUSES.filter((s) => counts[s] > 0);
  const total = present.reduce((sum, s) => sum + counts[s], 0);
  if (total === 0 || width <= 0) return [];
  const min = present.length <= width ? 1 : 0;
  const spare = width - min * present.length;
  const exact = present.map((s) => (counts[s] / total) * spare);
  const parts = present.map((s, i) => ({ status: s, width: min + Math.floor(exact[i] as number) }));
  let left = width - parts.reduce((sum, p) => sum + p.width, 0);
  const order = present
    .map((_, i) => i)
    .sort((a, b) => ((exact[b] as number) % 1) - ((exact[a] as number) % 1) || a - b);
  for (const i of order) {
    if (left <= 0) break;
    (parts[i] as BarPart).width += 1;
    left -= 1;
  }
  return parts.filter((p) => p.width > 0);
}
