// Like-for-like changes (pure SQL builders). A change from last year compares the same reports:
// the PANEL of year y = the agencies whose reports are counted (counted.ts) both in y-1 and in y.
// Its size is the number of agencies whose own reports enter the change — an area counted through
// its members counts its members, never its aggregate report. A year's own total is unchanged.
import { lit } from '../db/adapter';
import { measureSelect } from './common';
import type { Measure } from './measures';
import { withScope, type AgencyFilter, type Period } from './scope';

const span = (p: Period): Period => ({ from: p.from - 1, to: p.to });

/** `in_rep(agency_id, year)`: every report in scope within `p` (counted or not). */
function inRepCte(p: Period): string {
  return `in_rep AS MATERIALIZED (
    SELECT r.agency_id, r.year::INTEGER AS year FROM reports r
    WHERE r.year BETWEEN ${lit(p.from)} AND ${lit(p.to)} AND r.agency_id IN (SELECT agency_id FROM scope)
  )`;
}

/** `panel(agency_id, year)`: counted in `year` and in `year - 1`, for the years of `p`. */
function panelCte(p: Period): string {
  return `panel AS MATERIALIZED (
    SELECT c.agency_id, c.year FROM counted c JOIN counted q ON q.agency_id = c.agency_id AND q.year = c.year - 1
    WHERE c.year BETWEEN ${lit(p.from)} AND ${lit(p.to)}
  )`;
}

/** Two rows per year y of `p` that has a panel: `back = 0` sums the panel's reports of y,
 *  `back = 1` those of y-1; `panel` = the number of agencies in it. `largestIn`: the period that
 *  decides "exclude the largest" (default `p`). */
export function panelTotalsSql(f: AgencyFilter, p: Period, measures: readonly Measure[], largestIn: Period = p): string {
  return `${withScope(f, largestIn, panelCte(p), span(p))}SELECT p.year::INTEGER AS year, s.back::INTEGER AS back, COUNT(*)::INTEGER AS panel,
  ${measures.map(measureSelect).join(',\n  ')}
FROM panel p CROSS JOIN (VALUES (0), (1)) s(back)
JOIN reports r ON r.agency_id = p.agency_id AND r.year = p.year - s.back
GROUP BY 1, 2 ORDER BY 1, 2`;
}

/** Per year y of `p` whose year y-1 has reports: the panel and who is left out of it, and why:
 *  `no_prev` counted in y with no report in y-1, `moved_prev` counted in y with a report in y-1
 *  that was not counted (its area was counted the other way: through its aggregate report or
 *  through its members), and `no_cur` / `moved_cur` the same from y-1's side. */
export function panelCoverageSql(f: AgencyFilter, p: Period, largestIn: Period = p): string {
  const pairs = `pairs AS (
    SELECT COALESCE(a.agency_id, b.agency_id) AS agency_id, COALESCE(a.year, b.year + 1) AS year,
      a.agency_id IS NOT NULL AS in_cur, b.agency_id IS NOT NULL AS in_prev
    FROM (SELECT * FROM counted WHERE year BETWEEN ${lit(p.from)} AND ${lit(p.to)}) a
    FULL JOIN (SELECT * FROM counted WHERE year BETWEEN ${lit(p.from - 1)} AND ${lit(p.to - 1)}) b
      ON a.agency_id = b.agency_id AND a.year = b.year + 1
  )`;
  return `${withScope(f, largestIn, `${inRepCte(span(p))},\n  ${pairs}`, span(p))}SELECT x.year::INTEGER AS year,
  COUNT(*) FILTER (WHERE in_cur)::INTEGER AS counted,
  COUNT(*) FILTER (WHERE in_prev)::INTEGER AS prev_counted,
  COUNT(*) FILTER (WHERE in_cur AND in_prev)::INTEGER AS panel,
  COUNT(*) FILTER (WHERE in_cur AND NOT in_prev AND rp.agency_id IS NULL)::INTEGER AS no_prev,
  COUNT(*) FILTER (WHERE in_cur AND NOT in_prev AND rp.agency_id IS NOT NULL)::INTEGER AS moved_prev,
  COUNT(*) FILTER (WHERE in_prev AND NOT in_cur AND rc.agency_id IS NULL)::INTEGER AS no_cur,
  COUNT(*) FILTER (WHERE in_prev AND NOT in_cur AND rc.agency_id IS NOT NULL)::INTEGER AS moved_cur
FROM pairs x
LEFT JOIN in_rep rp ON rp.agency_id = x.agency_id AND rp.year = x.year - 1
LEFT JOIN in_rep rc ON rc.agency_id = x.agency_id AND rc.year = x.year
WHERE x.year IN (SELECT year FROM in_rep) AND x.year - 1 IN (SELECT year FROM in_rep)
GROUP BY x.year ORDER BY x.year`;
}

/** Per year of `p` with reports: how many agencies in scope reported, how many of those that
 *  reported in the period's latest year did (`of_latest`), and the latest year's count — a year
 *  whose set differs from the latest year's is marked on the trend charts. */
export function reportingCoverageSql(f: AgencyFilter, p: Period): string {
  return `${withScope(f, p, `${inRepCte(p)},
  latest AS (SELECT agency_id FROM in_rep WHERE year = (SELECT MAX(year) FROM in_rep))`)}SELECT r.year::INTEGER AS year,
  COUNT(*)::INTEGER AS reporting,
  COUNT(l.agency_id)::INTEGER AS of_latest,
  (SELECT COUNT(*) FROM latest)::INTEGER AS latest_reporting,
  (SELECT MAX(year) FROM in_rep)::INTEGER AS latest_year
FROM in_rep r LEFT JOIN latest l ON l.agency_id = r.agency_id
GROUP BY r.year ORDER BY r.year`;
}

/** The like-for-like series: per year of `p`, Σ of each measure over the agencies whose reports
 *  are counted in EVERY year of the period that has reports; `panel` = how many they are. */
export function balancedTotalsSql(f: AgencyFilter, p: Period, measures: readonly Measure[]): string {
  const balanced = `balanced AS (
    SELECT agency_id FROM counted GROUP BY agency_id
    HAVING COUNT(DISTINCT year) = (SELECT COUNT(DISTINCT year) FROM counted)
  )`;
  return `${withScope(f, p, balanced)}SELECT r.year::INTEGER AS year, COUNT(*)::INTEGER AS panel,
  ${measures.map(measureSelect).join(',\n  ')}
FROM reports r SEMI JOIN counted c ON c.agency_id = r.agency_id AND c.year = r.year
WHERE r.agency_id IN (SELECT agency_id FROM balanced)
GROUP BY r.year ORDER BY r.year`;
}
