// Which reports a total adds, over a hierarchy with gaps (pure SQL). The rule, for each area (an
// aggregate agency and everything below it): its members' reports when all of them reported, and
// the area's own aggregate report otherwise — an aggregate whose members are missing stands for
// its area. Recursively; nothing counted twice, no area dropped.
//
// Worked per year over the agencies in `scope` (scope.ts), parents outside scope ignored:
// - an agency is INCOMPLETE in a year when it has no report and is a leaf (not an aggregate, or
//   an aggregate without members) — or when a member below it is incomplete, unless it is an
//   aggregate with a report of its own (that report covers its area whatever is below);
// - a report is a CANDIDATE when it is not an aggregate's, or is an aggregate's without members,
//   or is an aggregate's with an incomplete member (it stands for its area);
// - a candidate is COUNTED unless an aggregate above it stands for the area (then it is COVERED).
// With every member present (the demo), aggregates never stand in: the leaf reports are counted,
// exactly as before. An aggregate without members in the registry (a province that loaded only
// its cities' aggregate reports) is counted as the whole of its area.
import { lit } from '../db/adapter';
import { rowSumOfCodes, sumOfCodes } from './common';
import type { Measure } from './measures';
import { withScope, type AgencyFilter, type Period } from './scope';

/** WITH-clause items (no leading WITH) after the scope CTEs, defining:
 *  - `counted(agency_id, year)`: the reports totals add, for the years of `p`;
 *  - `c_stand_in(agency_id, year)`: counted aggregate reports (areas counted through their
 *    aggregate report);
 *  - `c_agency`, `c_report`: the agencies in scope (parent_id only when the parent is in scope)
 *    and their reports in `p`. */
export function countedCtes(p: Period): string {
  return `c_agency AS MATERIALIZED (
    SELECT a.agency_id, CASE WHEN a.parent_id <> a.agency_id AND a.parent_id IN (SELECT agency_id FROM scope) THEN a.parent_id END AS parent_id,
      a.is_aggregate
    FROM agencies a WHERE a.agency_id IN (SELECT agency_id FROM scope)
  ),
  c_report AS MATERIALIZED (
    SELECT DISTINCT r.agency_id, r.year::INTEGER AS year FROM reports r
    WHERE r.year BETWEEN ${lit(p.from)} AND ${lit(p.to)} AND r.agency_id IN (SELECT agency_id FROM scope)
  ),
  c_parent AS MATERIALIZED (SELECT DISTINCT parent_id AS agency_id FROM c_agency WHERE parent_id IS NOT NULL),
  c_incomplete(agency_id, year) AS (
    SELECT a.agency_id, y.year FROM c_agency a CROSS JOIN (SELECT DISTINCT year FROM c_report) y
    ANTI JOIN c_report r ON r.agency_id = a.agency_id AND r.year = y.year
    WHERE NOT a.is_aggregate OR a.agency_id NOT IN (SELECT agency_id FROM c_parent)
    UNION
    SELECT p.agency_id, i.year FROM c_incomplete i
    JOIN c_agency c ON c.agency_id = i.agency_id
    JOIN c_agency p ON p.agency_id = c.parent_id
    LEFT JOIN c_report pr ON pr.agency_id = p.agency_id AND pr.year = i.year
    WHERE NOT (p.is_aggregate AND pr.agency_id IS NOT NULL)
  ),
  c_gap AS MATERIALIZED (
    SELECT DISTINCT c.parent_id AS agency_id, i.year FROM c_incomplete i JOIN c_agency c ON c.agency_id = i.agency_id
    WHERE c.parent_id IS NOT NULL
  ),
  c_candidate AS MATERIALIZED (
    SELECT r.agency_id, r.year, a.is_aggregate FROM c_report r JOIN c_agency a ON a.agency_id = r.agency_id
    WHERE NOT a.is_aggregate OR a.agency_id NOT IN (SELECT agency_id FROM c_parent)
      OR EXISTS (SELECT 1 FROM c_gap g WHERE g.agency_id = r.agency_id AND g.year = r.year)
  ),
  c_covered(agency_id, year) AS (
    SELECT k.agency_id, s.year FROM c_candidate s JOIN c_agency k ON k.parent_id = s.agency_id WHERE s.is_aggregate
    UNION
    SELECT k.agency_id, v.year FROM c_covered v JOIN c_agency k ON k.parent_id = v.agency_id
  ),
  counted AS MATERIALIZED (
    SELECT agency_id, year FROM c_candidate
    EXCEPT SELECT agency_id, year FROM c_covered
  ),
  c_stand_in AS (
    SELECT c.agency_id, c.year FROM counted c JOIN c_agency a ON a.agency_id = c.agency_id WHERE a.is_aggregate
  )`;
}

/** The counted reports, as a FROM clause aliased `r` (needs `countedCtes`). */
export const COUNTED_REPORTS = `reports r SEMI JOIN counted c ON c.agency_id = r.agency_id AND c.year = r.year`;

/** The reports a total adds in scope, with whether each is an aggregate report standing for its
 *  area (for tests and the views' notes). */
export function countedReportsSql(f: AgencyFilter, p: Period): string {
  return `${withScope(f, p)}SELECT c.agency_id, c.year::INTEGER AS year, a.is_aggregate AS through_aggregate
FROM counted c JOIN agencies a ON a.agency_id = c.agency_id ORDER BY c.year, c.agency_id`;
}

/** Areas counted through their aggregate report, per year: the aggregate's figure of `m`, and
 *  beside it the other figure — the members' reports that did come in (every non-aggregate
 *  report below it: how many, of how many registered, and their sum). */
export function standInAreasSql(f: AgencyFilter, p: Period, m: Measure): string {
  return `${withScope(f, p, `c_below(top_id, agency_id) AS (
    SELECT s.agency_id, k.agency_id FROM (SELECT DISTINCT agency_id FROM c_stand_in) s JOIN c_agency k ON k.parent_id = s.agency_id
    UNION
    SELECT b.top_id, k.agency_id FROM c_below b JOIN c_agency k ON k.parent_id = b.agency_id
  )`)}SELECT s.agency_id, a.name, s.year::INTEGER AS year,
  (${rowSumOfCodes(m.codes, 'r')})::DOUBLE AS value,
  (SELECT COUNT(*) FROM c_below b JOIN c_agency k ON k.agency_id = b.agency_id WHERE b.top_id = s.agency_id AND NOT k.is_aggregate)::INTEGER AS members,
  (SELECT COUNT(*) FROM c_below b JOIN c_agency k ON k.agency_id = b.agency_id AND NOT k.is_aggregate
     JOIN reports mr ON mr.agency_id = b.agency_id AND mr.year = s.year WHERE b.top_id = s.agency_id)::INTEGER AS members_reported,
  (SELECT ${sumOfCodes(m.codes)} FROM c_below b JOIN c_agency k ON k.agency_id = b.agency_id AND NOT k.is_aggregate
     JOIN reports mr ON mr.agency_id = b.agency_id AND mr.year = s.year WHERE b.top_id = s.agency_id) AS members_value
FROM c_stand_in s JOIN agencies a ON a.agency_id = s.agency_id JOIN reports r ON r.agency_id = s.agency_id AND r.year = s.year
ORDER BY s.year, s.agency_id`;
}
