// One agency (pure SQL builders): its registry entry, members, reports and its members' sums.
import { ident, lit } from '../db/adapter';
import { CELL_CODES } from '../format/cells';
import { sumOfCodes } from './common';

export function agencyInfoSql(id: string): string {
  return `SELECT a.agency_id, a.name, a.level, a.category, a.is_aggregate, a.aliases, a.parent_id, p.name AS parent_name
FROM agencies a LEFT JOIN agencies p ON p.agency_id = a.parent_id WHERE a.agency_id = ${lit(id)}`;
}

/** Direct members in the registry. */
export function membersSql(id: string): string {
  return `SELECT agency_id, name, level, is_aggregate FROM agencies WHERE parent_id = ${lit(id)} ORDER BY agency_id`;
}

/** Every report of the agency, oldest first, with its source and import time as text. */
export function agencyReportsSql(id: string): string {
  return `SELECT r.* EXCLUDE (year, published_on, imported_at), r.year::INTEGER AS year,
  strftime(r.published_on, '%Y-%m-%d') AS published_on, strftime(r.imported_at, '%Y-%m-%d %H:%M:%S') AS imported_at
FROM reports r WHERE r.agency_id = ${lit(id)} ORDER BY r.year`;
}

/** Per year: Σ of every cell over the leaf reports below the agency (its members' sum, the
 *  figure an aggregate report should equal), and how many member reports it adds. */
export function membersSumSql(id: string): string {
  return `WITH RECURSIVE below(agency_id) AS (
  SELECT agency_id FROM agencies WHERE parent_id = ${lit(id)}
  UNION
  SELECT a.agency_id FROM agencies a JOIN below b ON a.parent_id = b.agency_id
)
SELECT r.year::INTEGER AS year, COUNT(*)::INTEGER AS member_reports,
  ${CELL_CODES.map((c) => `${sumOfCodes([c])} AS ${ident(c)}`).join(',\n  ')}
FROM reports r JOIN agencies a ON a.agency_id = r.agency_id AND NOT a.is_aggregate
WHERE r.agency_id IN (SELECT agency_id FROM below) AND r.agency_id <> ${lit(id)}
GROUP BY r.year ORDER BY r.year`;
}

/** The registry, for the agency index page. */
export function agencyListSql(): string {
  return `SELECT a.agency_id, a.name, a.level, a.category, a.is_aggregate, COUNT(r.year)::INTEGER AS reports
FROM agencies a LEFT JOIN reports r ON r.agency_id = a.agency_id
GROUP BY ALL ORDER BY a.agency_id`;
}

/** Where each figure of one agency-year was read, for reports imported from documents. */
export function cellSourcesSql(id: string, year: number): string {
  return `SELECT code, file, page, line FROM cell_sources WHERE agency_id = ${lit(id)} AND year = ${lit(year)}`;
}
