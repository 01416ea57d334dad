// Refusal reasons (pure SQL builders): the 19 reason cells (总计 column) and their groups.
import { ident, lit } from '../db/adapter';
import { sumOfCodes, rowSumOfCodes } from './common';
import { groupMeasure } from './measures';
import { HANDLED_CODE, REASONS, REASON_GROUPS } from './keyMeasures';
import { leafReportsIn, withScope, type AgencyFilter, type Period } from './scope';

/** One row per year of `p`: Σ of each reason, of each reason group and of 三（七）总计 over leaf
 *  reports in scope. `largestIn` is the period that decides "exclude the largest" (default `p`). */
export function reasonTotalsByYearSql(f: AgencyFilter, p: Period, largestIn: Period = p): string {
  const cols = [
    ...REASONS.map((r) => `${sumOfCodes([r.code])} AS ${ident(r.code)}`),
    ...REASON_GROUPS.map((g) => groupMeasure(g)).map((m) => `${sumOfCodes(m.codes)} AS ${ident(m.name)}`),
    `${sumOfCodes([HANDLED_CODE])} AS ${ident(HANDLED_CODE)}`,
  ];
  return `${withScope(f, largestIn, '', p)}SELECT r.year::INTEGER AS year, COUNT(*)::INTEGER AS leaf_reports,
  ${cols.join(',\n  ')}
FROM ${leafReportsIn(p)}
GROUP BY r.year ORDER BY r.year`;
}

/** One row per agency in scope with a report in `year`: its own reason cells, group subtotals
 *  and 三（七）总计, largest handled first. */
export function reasonsByAgencySql(f: AgencyFilter, year: number): string {
  const cols = [
    ...REASONS.map((r) => `r.${ident(r.code)}::DOUBLE AS ${ident(r.code)}`),
    ...REASON_GROUPS.map((g) => groupMeasure(g)).map((m) => `(${rowSumOfCodes(m.codes, 'r')})::DOUBLE AS ${ident(m.name)}`),
    `r.${ident(HANDLED_CODE)}::DOUBLE AS ${ident(HANDLED_CODE)}`,
  ];
  return `${withScope(f, { from: year, to: year })}SELECT a.agency_id, a.name, a.level, a.is_aggregate,
  ${cols.join(',\n  ')}
FROM reports r JOIN agencies a ON a.agency_id = r.agency_id
WHERE r.year = ${lit(year)} AND r.agency_id IN (SELECT agency_id FROM scope)
ORDER BY r.${ident(HANDLED_CODE)} DESC NULLS LAST, a.agency_id`;
}
