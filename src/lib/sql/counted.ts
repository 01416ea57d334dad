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
 *  - `c_agency`: the agencies in scope (parent_id only when the parent is in scope);
 *  - `c_tree`: the agencies within an aggregate's tree (an aggregate with members, and below). */
export function countedCtes(p: Period, unfiltered = false): string {
  // Only within an aggregate's tree (an aggregate with members, and everything below it) can the
  // rule differ from "every report in scope": outside, every report counts (a non-aggregate's,
  // or an aggregate's without members). The tree alone is worked through, so a registry without
  // aggregates (or with few) costs little more than before.
  // Unfiltered (every agency in scope), the registry is read directly: going through `scope`
  // doubled the overview's time at 100,000 agency-years.
  const agency = unfiltered
    ? `SELECT agency_id, CASE WHEN parent_id <> agency_id THEN parent_id END AS parent_id, is_aggregate FROM agencies`
    : `SELECT a.agency_id, CASE WHEN a.parent_id <> a.agency_id AND a.parent_id IN (SELECT agency_id FROM scope) THEN a.parent_id END AS parent_id,
      a.is_aggregate
    FROM agencies a SEMI JOIN scope s ON s.agency_id = a.agency_id`;
  return `c_agency AS MATERIALIZED (
    ${agency}
  ),
  c_parent AS MATERIALIZED (
    SELECT DISTINCT parent_id AS agency_id FROM c_agency WHERE parent_id IN (SELECT agency_id FROM c_agency WHERE is_aggregate)
  ),
  c_tree(agency_id) AS (
    SELECT agency_id FROM c_parent
    UNION
    SELECT k.agency_id FROM c_tree t JOIN c_agency k ON k.parent_id = t.agency_id
  ),
  c_tree_agency AS MATERIALIZED (SELECT a.* FROM c_agency a SEMI JOIN c_tree t ON t.agency_id = a.agency_id),
  c_report AS MATERIALIZED (
    SELECT r.agency_id, r.year::INTEGER AS year FROM reports r SEMI JOIN c_tree_agency t ON t.agency_id = r.agency_id
    WHERE r.year BETWEEN ${lit(p.from)} AND ${lit(p.to)}
  ),
  c_incomplete(agency_id, year) AS (
    SELECT a.agency_id, y.year FROM c_tree_agency a CROSS JOIN (SELECT DISTINCT year FROM c_report) y
    ANTI JOIN c_report r ON r.agency_id = a.agency_id AND r.year = y.year
    WHERE NOT a.is_aggregate OR a.agency_id NOT IN (SELECT agency_id FROM c_parent)
    UNION
    SELECT p.agency_id, i.year FROM c_incomplete i
    JOIN c_tree_agency c ON c.agency_id = i.agency_id
    JOIN c_tree_agency p ON p.agency_id = c.parent_id
    LEFT JOIN c_report pr ON pr.agency_id = p.agency_id AND pr.year = i.year
    WHERE NOT (p.is_aggregate AND pr.agency_id IS NOT NULL)
  ),
  c_gap AS MATERIALIZED (
    SELECT DISTINCT c.parent_id AS agency_id, i.year FROM c_incomplete i JOIN c_tree_agency c ON c.agency_id = i.agency_id
    WHERE c.parent_id IS NOT NULL
  ),
  c_candidate AS MATERIALIZED (
    SELECT r.agency_id, r.year, a.is_aggregate FROM c_report r JOIN c_tree_agency a ON a.agency_id = r.agency_id
    WHERE NOT a.is_aggregate OR a.agency_id NOT IN (SELECT agency_id FROM c_parent)
      OR EXISTS (SELECT 1 FROM c_gap g WHERE g.agency_id = r.agency_id AND g.year = r.year)
  ),
  c_covered(agency_id, year) AS (
    SELECT k.agency_id, s.year FROM c_candidate s JOIN c_tree_agency k ON k.parent_id = s.agency_id WHERE s.is_aggregate
    UNION
    SELECT k.agency_id, v.year FROM c_covered v JOIN c_tree_agency k ON k.parent_id = v.agency_id
  ),
  c_tree_counted AS MATERIALIZED (
    SELECT c.agency_id, c.year FROM c_candidate c ANTI JOIN c_covered v ON v.agency_id = c.agency_id AND v.year = c.year
  ),
  counted AS (
    SELECT r.agency_id, r.year::INTEGER AS year FROM reports r
    WHERE r.agency_id IN (SELECT agency_id FROM c_agency) AND r.agency_id NOT IN (SELECT agency_id FROM c_tree)
      AND r.year BETWEEN ${lit(p.from)} AND ${lit(p.to)}
    UNION ALL
    SELECT agency_id, year FROM c_tree_counted
  ),
  c_stand_in AS (
    SELECT c.agency_id, c.year FROM c_tree_counted c JOIN c_agency a ON a.agency_id = c.agency_id WHERE a.is_aggregate
    UNION ALL
    SELECT r.agency_id, r.year::INTEGER FROM reports r
    WHERE r.agency_id IN (SELECT agency_id FROM c_agency WHERE is_aggregate) AND r.agency_id NOT IN (SELECT agency_id FROM c_tree) AND r.year BETWEEN ${lit(p.from)} AND ${lit(p.to)}
  )`;
}

/** The counted reports, as a FROM clause aliased `r` with its WHERE begun (needs `countedCtes`;
 *  a caller may add `AND …`): every report of an agency outside the aggregates' trees, and the
 *  counted ones within them. Reports are unique per (agency_id, year) (load.ts). */
export const COUNTED_REPORTS = `reports r WHERE r.agency_id IN (SELECT agency_id FROM c_agency)
  AND (r.agency_id NOT IN (SELECT agency_id FROM c_tree) OR EXISTS (SELECT 1 FROM c_tree_counted t WHERE t.agency_id = r.agency_id AND t.year = r.year))`;

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
