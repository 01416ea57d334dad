// Across agencies and the calendar: missing, late.
import { lit } from '../db/adapter';
import { GOVERNMENT_LEVELS, deadlineFor } from '../format/levels';
import { withAgency } from './sqlParts';
import type { RuleDef } from './types';

/** The years each registry agency is expected to report, within the years this workspace holds
 *  data for (its earliest to its latest loaded year — never a range taken from elsewhere): from
 *  its `active_from` (else its first loaded report) to its `active_to` (else the latest year). An
 *  agency with no report at all and no `active_from` is expected for the latest year only: all the
 *  data says is that it should be in the latest round (it may not have existed before). */
export function missingSql(): string {
  return withAgency(`WITH ${EXPECTED_YEARS_CTES}
SELECT y.agency_id, y.year, NULL::VARCHAR AS col, []::VARCHAR[] AS cells, NULL::VARCHAR AS expected, NULL::VARCHAR AS actual
FROM expected_years y
WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.agency_id = y.agency_id AND r.year = y.year)`);
}

/** WITH-clause items (no leading WITH) defining `expected_years(agency_id, year)` as above; the
 *  exported form's "expected but missing" list reads the same. */
export const EXPECTED_YEARS_CTES = `expected_span AS (SELECT MIN(year) AS lo, MAX(year) AS hi FROM reports),
expected_firsts AS (SELECT agency_id, MIN(year) AS first FROM reports GROUP BY agency_id),
expected_range AS (
  SELECT g.agency_id,
    GREATEST(s.lo, COALESCE(g.active_from, f.first, s.hi)) AS y0,
    LEAST(s.hi, COALESCE(g.active_to, s.hi)) AS y1
  FROM agencies g CROSS JOIN expected_span s LEFT JOIN expected_firsts f USING (agency_id)
  WHERE s.lo IS NOT NULL
),
expected_years AS (SELECT agency_id, unnest(range(y0, y1 + 1))::INTEGER AS year FROM expected_range WHERE y0 <= y1)`;

const missing: RuleDef = {
  id: 'missing', severity: 'error',
  title_zh: '未报送', title_en: 'Report missing',
  explain_zh: '名录中的每个机构，在其存续年度（名录的 active_from–active_to；未填时为其最早一份已加载报告至已加载数据的最晚年度）内、且在本工作区已加载数据的年度范围内，每年都应有一份年度报告。名录中尚无任何报告的机构，只要求最晚年度。',
  explain_en: 'Every registry agency has a report for each year it exists (the registry’s active_from–active_to; by default from its first loaded report to the latest year loaded), within the years this workspace holds data for. An agency with no report at all is expected for the latest year only.',
  sql: missingSql,
  message: (r) => [`缺少 ${r.year} 年度报告`, `no report for ${r.year}`],
};

/** The deadline as a SQL date for report year `r.year`, from levels.ts: deadlineFor gives
 *  "<year+k>-MM-DD"; k, month and day are read off it so the SQL cannot drift from it. */
function deadlineSql(level: string | null): string {
  const probe = 2000;
  const [y, m, d] = deadlineFor(level, probe).split('-').map(Number);
  return `make_date(r.year + ${y - probe}, ${m}, ${d})`;
}

export function lateSql(): string {
  const gov = GOVERNMENT_LEVELS.map(lit).join(', ');
  const deadline = GOVERNMENT_LEVELS.length
    ? `CASE WHEN g.level IN (${gov}) THEN ${deadlineSql(GOVERNMENT_LEVELS[0])} ELSE ${deadlineSql(null)} END`
    : deadlineSql(null);
  return withAgency(`SELECT r.agency_id, r.year, NULL::VARCHAR AS col, []::VARCHAR[] AS cells,
  strftime(${deadline}, '%Y-%m-%d') AS expected, strftime(r.published_on, '%Y-%m-%d') AS actual
FROM reports r LEFT JOIN agencies g ON g.agency_id = r.agency_id
WHERE r.published_on IS NOT NULL AND r.published_on > ${deadline}`);
}

const late: RuleDef = {
  id: 'late', severity: 'warning',
  title_zh: '逾期公布', title_en: 'Published late',
  explain_zh: '《政府信息公开条例》第四十九条：政府部门、乡镇街道的年度报告应于次年 1 月 31 日前公布，县级以上地方人民政府的应于次年 3 月 31 日前公布。公布日期未知时不核对。',
  explain_en: 'Regulation art. 49: departments’ (and townships’) reports are due by 31 January of the next year, local people’s governments’ by 31 March. Not checked when the publication date is unknown.',
  sql: lateSql,
  message: (r) => [
    `公布日期 ${r.actual} 晚于截止日期 ${r.expected}`,
    `published on ${r.actual}, after the deadline ${r.expected}`,
  ],
};

export const CALENDAR_RULES: readonly RuleDef[] = [missing, late];
