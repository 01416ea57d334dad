// Across agencies: aggregate_mismatch (an aggregate report vs its members' sum) and copied.
import { ident } from '../db/adapter';
import { CELL_CODES } from '../format/cells';
import { cell, checksSql, withAgency, type Check } from './sqlParts';
import { cellText, n } from './text';
import type { RuleDef } from './types';

/** Members = agencies whose parent_id is the aggregate. A cell is compared only when every
 *  member's cell is filled (a blank operand makes it not checkable), and only for years where
 *  every member has a report. Money sums are compared to 6 decimals to ignore float noise. */
export function aggregateSql(): string {
  const sums = CELL_CODES.map((c) => `CASE WHEN COUNT(m.${ident(c)}) = COUNT(*) THEN SUM(${cell(c, 'm')}) END AS ${ident(c)}`);
  const checks: Check[] = CELL_CODES.map((c) => ({ col: c, cells: [c], expected: `s.${ident(c)}`, actual: cell(c, 'r') }));
  return withAgency(`WITH members AS (
  SELECT c.parent_id AS agg_id, COUNT(*) AS n FROM agencies c JOIN agencies g ON g.agency_id = c.parent_id AND g.is_aggregate GROUP BY 1
), s AS (
  SELECT c.parent_id AS agg_id, m.year AS yr, COUNT(*) AS n_reports,
    ${sums.join(',\n    ')}
  FROM reports m JOIN agencies c ON c.agency_id = m.agency_id JOIN members x ON x.agg_id = c.parent_id
  GROUP BY 1, 2
)
${checksSql(`reports r JOIN s ON s.agg_id = r.agency_id AND s.yr = r.year
  JOIN members x ON x.agg_id = r.agency_id AND x.n = s.n_reports`, checks, ['x.n AS members'], 'round(e.expected - e.actual, 6) <> 0', false)}`);
}

const aggregateMismatch: RuleDef = {
  id: 'aggregate_mismatch', severity: 'warning',
  title_zh: '汇总报告与所属机构合计不符', title_en: 'Aggregate report differs from its members’ sum',
  explain_zh: '汇总性报告（如区县政府的年度报告）应逐项等于其所属机构（名录中上级为该机构的部门、乡镇街道）报告之和；仅在所属机构报告全部加载的年度核对。',
  explain_en: 'An aggregate report (e.g. a district’s) should equal, cell by cell, the sum of its members’ reports (registry agencies whose parent it is); checked only for years where all members’ reports are loaded.',
  sql: aggregateSql,
  message: (r) => [
    `${cellText(r.col!, 'zh')}：汇总报告为 ${n(r.actual, 'zh')}，所属 ${r.members} 个机构合计 ${n(r.expected, 'zh')}`,
    `${cellText(r.col!, 'en')}: the aggregate report says ${n(r.actual, 'en')}, its ${r.members} members sum to ${n(r.expected, 'en')}`,
  ],
};

/** Fewer non-zero numbers than this and identical reports are too common to mean anything (an
 *  agency with no applications and no decisions files an all-zero form every year). One
 *  application handled fills 6 cells (new, granted, handled: 自然人 and 总计), so 5 keeps
 *  even small but real reports in scope while all-zero and near-empty forms never match. */
export const COPIED_MIN_NONZERO = 5;

/** Each report's non-zero numbers (blank and 0 alike: a copy may differ in how it writes
 *  "nothing") hashed into one number. Candidate pairs share the hash; every cell is then compared
 *  on those pairs only, so a hash collision cannot make a false match.
 *  (Before: one concat_ws string of 200 cells per report, ~360–600 ms native at 10k.) */
function signatureSql(): string {
  return `SELECT agency_id, year, hash(${CELL_CODES.map((c) => `NULLIF(${ident(c)}, 0)`).join(', ')}) AS sig FROM reports`;
}

/** Same agency's previous year, or another agency's same-year report, with identical non-zero
 *  numbers. An aggregate and its own member are not compared (with one member they are equal).
 *  Only reports whose hash another report shares (`cand`, a few at 100,000 reports) are read
 *  again, counted and compared: at 100k, counting every report's non-zero cells, pairing all
 *  reports and joining the pairs to the 200-column table (which DuckDB planned as a join of the
 *  whole table with itself on 200 cells) took ~2.5 s in DuckDB-WASM. */
export function copiedSql(min = COPIED_MIN_NONZERO): string {
  const differs = CELL_CODES.map((c) => `NULLIF(x.${ident(c)}, 0) IS DISTINCT FROM NULLIF(y.${ident(c)}, 0)`).join('\n    OR ');
  const nzCells = `list_filter([${CELL_CODES.map((c) => `CASE WHEN COALESCE(x.${ident(c)} <> 0, false) THEN '${c}' END`).join(', ')}], v -> v IS NOT NULL)`;
  const nz = CELL_CODES.map((c) => `COALESCE(${ident(c)} <> 0, false)::INTEGER`).join(' + ');
  return withAgency(`WITH sig AS MATERIALIZED (${signatureSql()}),
cand AS MATERIALIZED (
SELECT r.*, g.sig, (${nz}) AS nz FROM reports r JOIN sig g ON g.agency_id = r.agency_id AND g.year = r.year
WHERE g.sig IN (SELECT sig FROM sig GROUP BY sig HAVING COUNT(*) > 1)
),
s AS (SELECT agency_id, year, sig, nz FROM cand WHERE nz >= ${min}),
pairs AS (
SELECT r.agency_id, r.year, 'prev' AS col, r.nz, o.agency_id AS other_id, o.year AS other_year, NULL::VARCHAR AS other_name
FROM s r JOIN s o ON o.agency_id = r.agency_id AND o.year = r.year - 1 AND o.sig = r.sig
UNION ALL
SELECT r.agency_id, r.year, o.agency_id AS col, r.nz, o.agency_id AS other_id, o.year AS other_year, oa.name AS other_name
FROM s r JOIN s o ON o.year = r.year AND o.agency_id <> r.agency_id AND o.sig = r.sig
  LEFT JOIN agencies ra ON ra.agency_id = r.agency_id LEFT JOIN agencies oa ON oa.agency_id = o.agency_id
WHERE NOT COALESCE((ra.parent_id = o.agency_id AND oa.is_aggregate) OR (oa.parent_id = r.agency_id AND ra.is_aggregate), false)
)
SELECT p.agency_id, p.year, p.col, ${nzCells} AS cells, NULL::DOUBLE AS expected, p.nz::DOUBLE AS actual,
  p.other_id, p.other_year, p.other_name
FROM pairs p JOIN cand x ON x.agency_id = p.agency_id AND x.year = p.year
  JOIN cand y ON y.agency_id = p.other_id AND y.year = p.other_year
-- "no cell differs" rather than "every cell equal": 200 equalities between x and y were taken
-- as the keys of a join of x with y
WHERE NOT (${differs})`);
}

const copied: RuleDef = {
  id: 'copied', severity: 'warning',
  title_zh: '疑似照抄', title_en: 'Possibly copied',
  explain_zh: `报告中所有非零数字与本机构上一年度、或其他机构同年度的报告完全相同（逐项比较全部 200 个数字，空白与 0 视为相同；非零数字少于 ${COPIED_MIN_NONZERO} 个的报告不比较）。`,
  explain_en: `All non-zero numbers of the report are identical to the same agency’s previous year, or to another agency’s same-year report (all 200 cells compared, blank and 0 alike; reports with fewer than ${COPIED_MIN_NONZERO} non-zero numbers are not compared).`,
  sql: () => copiedSql(),
  message: (r) =>
    r.col === 'prev'
      ? [`全部 ${n(r.actual, 'zh')} 个非零数字与 ${r.other_year} 年度报告相同`, `all ${n(r.actual, 'en')} non-zero numbers identical to the ${r.other_year} report`]
      : [
        `全部 ${n(r.actual, 'zh')} 个非零数字与「${r.other_name ?? r.other_id}」${r.other_year} 年度报告相同`,
        `all ${n(r.actual, 'en')} non-zero numbers identical to "${r.other_name ?? r.other_id}" ${r.other_year}`,
      ],
};

export const CROSS_RULES: readonly RuleDef[] = [aggregateMismatch, copied];
