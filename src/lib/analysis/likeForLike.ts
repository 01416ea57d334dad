// Like-for-like changes from the panel rows (pure): sql/likeForLike.ts sums each year's panel
// (agencies counted in both years) for the year and for the year before; this turns them into
// changes of counts and of rates, and says who is left out.
import { RATE_BY_NAME, rate } from '../format/rates';

export type PanelRow = Record<string, number | null> & { year: number; back: number; panel: number };

export interface PanelCoverage {
  year: number;
  counted: number;
  prev_counted: number;
  panel: number;
  no_prev: number;
  moved_prev: number;
  no_cur: number;
  moved_cur: number;
}

export interface LflChange {
  metric: string;
  year: number;
  /** the like-for-like absolute change (rates: the difference of the ratios) */
  abs: number | null;
  /** relative change of a count (null for rates, and when last year's figure is 0 or blank) */
  pct: number | null;
  /** agencies whose own reports enter the change in both years */
  panel: number;
  cur: number | null;
  prev: number | null;
}

/** The panel's value of a count or rate on one side (`back` 0 = the year, 1 = the year before). */
function sideValue(row: PanelRow | undefined, metric: string): number | null {
  if (!row) return null;
  if (RATE_BY_NAME.has(metric)) return rate(row[`${metric}__num`], row[`${metric}__den`]);
  return row[metric] ?? null;
}

/** The change of `metric` in `year` over its panel; null when the year has no panel rows (no
 *  agency counted in both years, or no previous year). */
export function lflChange(rows: readonly PanelRow[], year: number, metric: string): LflChange | null {
  const cur = rows.find((r) => r.year === year && r.back === 0);
  const prev = rows.find((r) => r.year === year && r.back === 1);
  if (!cur || !prev) return null;
  const c = sideValue(cur, metric);
  const p = sideValue(prev, metric);
  const abs = c == null || p == null ? null : c - p;
  const pct = abs == null || RATE_BY_NAME.has(metric) || p === 0 ? null : abs / p!;
  return { metric, year, abs, pct, panel: cur.panel, cur: c, prev: p };
}

/** How many of the year's counted agencies are left out of the panel, and of last year's. */
export function leftOut(c: PanelCoverage): { cur: number; prev: number } {
  return { cur: c.no_prev + c.moved_prev, prev: c.no_cur + c.moved_cur };
}
