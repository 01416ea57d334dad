// Trends (pure SQL builders): city-wide leaf totals per year, and one measure per agency per year.
import { ident, lit } from '../db/adapter';
import { measureSelect, rowSumOfCodes } from './common';
import type { Measure } from './measures';
import { leafReportsIn, withScope, type AgencyFilter, type Period } from './scope';

/** One row per year of the period: Σ of each measure over the leaf reports in scope. */
export function trendTotalsSql(f: AgencyFilter, p: Period, measures: readonly Measure[]): string {
  return `${withScope(f, p)}SELECT r.year::INTEGER AS year, COUNT(*)::INTEGER AS leaf_reports,
  ${measures.map(measureSelect).join(',\n  ')}
FROM ${leafReportsIn(p)}
GROUP BY r.year ORDER BY r.year`;
}

/** One row per agency in scope with a report in the period: the agency's own value of the
 *  measure in each of `years`, as columns y<year> (aggregates included, marked; NULL when every
 *  cell of the measure is blank or there is no report that year). One row per agency rather than
 *  per agency-year: a third of the values to hand to JS (100k agency-years → 25k rows). */
export function agencySeriesSql(f: AgencyFilter, p: Period, m: Measure, years: readonly number[]): string {
  const v = `(${rowSumOfCodes(m.codes, 'r')})::DOUBLE`;
  const cols = years.map((y) => `MAX(CASE WHEN r.year = ${lit(y)} THEN ${v} END) AS ${ident(`y${y}`)}`);
  return `${withScope(f, p)}SELECT a.agency_id, any_value(a.name) AS name, any_value(a.level) AS level, any_value(a.is_aggregate) AS is_aggregate${cols.map((c) => `,\n  ${c}`).join('')}
FROM reports r JOIN agencies a ON a.agency_id = r.agency_id
WHERE r.agency_id IN (SELECT agency_id FROM scope) AND r.year BETWEEN ${lit(p.from)} AND ${lit(p.to)}
GROUP BY a.agency_id
ORDER BY a.agency_id`;
}
