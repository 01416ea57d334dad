// The agency filter as SQL (pure): which agencies a view shows and which reports its totals add.
//
// The rule, one for every view: an agency is in scope when, for each filter set (level, category,
// search), the agency itself OR one of its ancestors whose report is an aggregate (is_aggregate)
// matches it. So `level=区县` means the districts and everything their aggregate reports cover
// (their departments and townships); `level=市级` means the city government's own report only
// (the city's report is not an aggregate). Totals then add the COUNTED reports in scope: an
// aggregate's report is added only where it stands for its area (counted.ts: members missing).
// Per-agency rows show every agency in scope with its own report (an aggregate row is marked).
// "Exclude the largest" drops the leaf agency with the most new applications (s3_new_total) in the
// period, from the totals and from the rows.
import { ident, lit } from '../db/adapter';
import { COUNTED_REPORTS, countedCtes } from './counted';

export interface AgencyFilter {
  level?: string | null;
  category?: string | null;
  /** part of a name or alias (case-insensitive), or an exact agency_id */
  q?: string | null;
  excludeLargest?: boolean;
  /** restrict to exactly these agencies (themselves only; e.g. the compare view's selection) */
  ids?: readonly string[] | null;
}

export interface Period {
  from: number;
  to: number;
}

/** A text search that treats % and _ literally (never LIKE: `_` is a wildcard). */
function searchMatch(q: string, alias: string): string {
  const needle = lit(q.toLowerCase());
  // chr(31) cannot occur in a search (filters.ts strips control characters), so no false match
  // can span two aliases.
  return `(contains(lower(${alias}.name), ${needle}) OR lower(${alias}.agency_id) = ${needle}
      OR contains(lower(array_to_string(COALESCE(${alias}.aliases, []::VARCHAR[]), chr(31))), ${needle}))`;
}

/** WITH-clause items (no leading WITH) defining:
 *  - `scope(agency_id)`: agencies in scope (aggregates included), minus the excluded one;
 *  - `leaf_scope(agency_id)`: the leaf agencies of `scope`, whose reports totals add;
 *  - `excluded(agency_id, s3_new_total)`: the agency left out by excludeLargest (0 or 1 row);
 *  - `counted(agency_id, year)`: the reports totals add in `countIn` (default `p`), counted.ts. */
export function scopeCtes(f: AgencyFilter, p: Period, countIn: Period = p): string {
  const conds: string[] = [];
  if (f.level) conds.push(`bool_or(m.level = ${lit(f.level)})`);
  if (f.category) conds.push(`bool_or(m.category = ${lit(f.category)})`);
  if (f.q) conds.push(`bool_or(${searchMatch(f.q, 'm')})`);
  const ids = f.ids ? `a.agency_id IN (${f.ids.length ? f.ids.map(lit).join(', ') : 'NULL'})` : 'true';
  const largest = f.excludeLargest
    ? `SELECT r.agency_id, SUM(r.${ident('s3_new_total')})::DOUBLE AS s3_new_total
    FROM reports r JOIN agencies a ON a.agency_id = r.agency_id AND NOT a.is_aggregate
    WHERE r.agency_id IN (SELECT agency_id FROM in_scope) AND r.year BETWEEN ${lit(p.from)} AND ${lit(p.to)}
    GROUP BY r.agency_id HAVING SUM(r.${ident('s3_new_total')}) IS NOT NULL
    ORDER BY 2 DESC, 1 LIMIT 1`
    : `SELECT NULL::VARCHAR AS agency_id, NULL::DOUBLE AS s3_new_total WHERE false`;
  // UNION (not UNION ALL) ends the recursion even if a registry's parent links form a cycle.
  // Without a level, category or search condition every agency (of `ids`) is in scope: the
  // ancestor walk is skipped (~100 ms in DuckDB-WASM at 25,000 agencies, for no change).
  const inScope = conds.length
    ? `anc(agency_id, anc_id) AS (
    SELECT agency_id, agency_id FROM agencies
    UNION
    SELECT anc.agency_id, p.parent_id FROM anc JOIN agencies p ON p.agency_id = anc.anc_id
    WHERE p.parent_id IS NOT NULL AND p.parent_id <> ''
  ),
  in_scope AS (
    SELECT anc.agency_id FROM anc JOIN agencies m ON m.agency_id = anc.anc_id
    JOIN agencies a ON a.agency_id = anc.agency_id
    WHERE (anc.anc_id = anc.agency_id OR m.is_aggregate) AND ${ids}
    GROUP BY anc.agency_id HAVING ${conds.join(' AND ')}
  )`
    : `in_scope AS (SELECT DISTINCT a.agency_id FROM agencies a WHERE ${ids})`;
  return `${inScope},
  excluded AS (
    ${largest}
  ),
  scope AS (SELECT agency_id FROM in_scope WHERE agency_id NOT IN (SELECT agency_id FROM excluded)),
  leaf_scope AS (SELECT s.agency_id FROM scope s JOIN agencies a ON a.agency_id = s.agency_id AND NOT a.is_aggregate),
  ${countedCtes(countIn, !conds.length && !f.ids && !f.excludeLargest)}`;
}

/** `WITH RECURSIVE <scope CTEs>[, more]` — the head of every filtered query. */
export function withScope(f: AgencyFilter, p: Period, more = '', countIn: Period = p): string {
  return `WITH RECURSIVE ${scopeCtes(f, p, countIn)}${more ? `,\n  ${more}` : ''}\n`;
}

/** The reports totals add (counted.ts) within the period, as a FROM clause aliased `r`; the
 *  period must lie within the scope's `countIn`. */
export function leafReportsIn(p: Period): string {
  return `${COUNTED_REPORTS} AND r.year BETWEEN ${lit(p.from)} AND ${lit(p.to)}`;
}

/** Who is in scope: agency rows (for tests and for the views' "n agencies" note). */
export function scopeAgenciesSql(f: AgencyFilter, p: Period): string {
  return `${withScope(f, p)}SELECT a.agency_id, a.name, a.level, a.is_aggregate
FROM agencies a WHERE a.agency_id IN (SELECT agency_id FROM scope) ORDER BY a.agency_id`;
}

/** The agency left out by excludeLargest, with its new applications in the period. */
export function excludedSql(f: AgencyFilter, p: Period): string {
  return `${withScope(f, p)}SELECT e.agency_id, a.name, e.s3_new_total FROM excluded e JOIN agencies a ON a.agency_id = e.agency_id`;
}

/** Distinct levels and categories of the registry, for the filter controls. */
export function registryFacetsSql(): string {
  return `SELECT 'level' AS facet, level AS value FROM agencies WHERE level IS NOT NULL AND level <> '' GROUP BY level
UNION ALL
SELECT 'category', category FROM agencies WHERE category IS NOT NULL AND category <> '' GROUP BY category
ORDER BY 1, 2`;
}

/** Years with any report. */
export function yearsSql(): string {
  return `SELECT DISTINCT year::INTEGER AS year FROM reports ORDER BY year`;
}
