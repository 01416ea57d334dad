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

/** One row per (agency in scope, year with a report): the agency's own value of the measure
 *  (aggregates included, marked; NULL when every cell of the measure is blank). */
export function agencySeriesSql(f: AgencyFilter, p: Period, m: Measure): string {
  return `${withScope(f, p)}SELECT a.agency_id, a.name, a.level, a.is_aggregate, r.year::INTEGER AS year,
  (${rowSumOfCodes(m.codes, 'r')})::DOUBLE AS ${ident('v')}
FROM reports r JOIN agencies a ON a.agency_id = r.agency_id
WHERE r.agency_id IN (SELECT agency_id FROM scope) AND r.year BETWEEN ${lit(p.from)} AND ${lit(p.to)}
ORDER BY a.agency_id, r.year`;
}
