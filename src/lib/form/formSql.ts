// The rollup the official form is exported for (pure SQL builders): any scope the views can show
// (the shared URL filters: level, category, search, exclude-the-largest) over one year or a range
// of years, or one agency-year. Totals add the COUNTED reports (counted.ts); the reports added
// and the agency-years expected but missing (the `missing` rule's years) are listed beside them.
import { ident, lit } from '../db/adapter';
import { CELL_CODES } from '../format/cells';
import { leafReportsIn, withScope, type AgencyFilter, type Period } from '../sql/scope';
import { EXPECTED_YEARS_CTES } from '../rules/calendarRules';

export interface FormScope {
  filter: AgencyFilter;
  period: Period;
}

/** One row: every cell summed over the leaf reports in scope (NULL when every input is blank, so a
 *  blank stays blank), the number of reports added, and the 信息处理费 the reports state (元). */
export function formTotalsSql(s: FormScope): string {
  const sums = CELL_CODES.map((c) => `SUM(r.${ident(c)})::DOUBLE AS ${ident(c)}`);
  return `${withScope(s.filter, s.period)}SELECT COUNT(*)::INTEGER AS reports,
  ${sums.join(',\n  ')}
FROM ${leafReportsIn(s.period)}`;
}

/** The reports the totals add (counted.ts: an aggregate report only where it stands for its
 *  area), by year then agency. */
export function formIncludedSql(s: FormScope): string {
  return `${withScope(s.filter, s.period)}SELECT r.agency_id, COALESCE(a.name, r.reported_name, r.agency_id) AS name, r.year::INTEGER AS year
FROM (SELECT r.agency_id, r.year, r.reported_name FROM ${leafReportsIn(s.period)}) r LEFT JOIN agencies a ON a.agency_id = r.agency_id
ORDER BY r.year, r.agency_id`;
}

/** Agencies in scope (aggregates too) without a report for a year of the period in which the
 *  \`missing\` rule expects one (calendarRules.ts: the registry's active years, else from the
 *  agency's first loaded report on). */
export function formMissingSql(s: FormScope): string {
  return `${withScope(s.filter, s.period, EXPECTED_YEARS_CTES)}SELECT a.agency_id, a.name, y.year::INTEGER AS year
FROM expected_years y JOIN agencies a ON a.agency_id = y.agency_id
WHERE y.agency_id IN (SELECT agency_id FROM scope) AND y.year BETWEEN ${lit(s.period.from)} AND ${lit(s.period.to)}
  AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.agency_id = y.agency_id AND r.year = y.year)
ORDER BY y.year, a.agency_id`;
}

/** The agencies at the top of the scope (in scope, parent not in scope): one of them names the
 *  area in the title ("示例市"); several mean a filtered set. */
export function formTopSql(s: FormScope): string {
  return `${withScope(s.filter, s.period)}SELECT a.agency_id, a.name, a.is_aggregate FROM agencies a
WHERE a.agency_id IN (SELECT agency_id FROM scope)
  AND (a.parent_id IS NULL OR a.parent_id = '' OR a.parent_id NOT IN (SELECT agency_id FROM scope))
ORDER BY a.agency_id`;
}

/** The registry's root agencies (no parent), the fallback name of the area. */
export function registryRootsSql(): string {
  return `SELECT a.agency_id, a.name, (SELECT COUNT(*) FROM agencies c WHERE c.parent_id = a.agency_id)::INTEGER AS children
FROM agencies a WHERE a.parent_id IS NULL OR a.parent_id = '' ORDER BY children DESC, a.agency_id`;
}

/** Σ of the 信息处理费 (元) the reports the totals add state in their text, and how many state it
 *  (a report that does not say is not counted as 0). */
export function formFeeSql(s: FormScope): string {
  return `${withScope(s.filter, s.period)}SELECT SUM(t.fee_yuan)::DOUBLE AS yuan, COUNT(t.fee_yuan)::INTEGER AS reports
FROM document_texts t SEMI JOIN (SELECT r.agency_id, r.year FROM ${leafReportsIn(s.period)}) c ON c.agency_id = t.agency_id AND c.year = t.year`;
}
