// Across agencies and the calendar: missing, late.
import { lit } from '../db/adapter';
import { GOVERNMENT_LEVELS, deadlineFor } from '../format/levels';
import { withAgency } from './sqlParts';
import type { RuleDef } from './types';

/** Every registry agency × every year from the earliest to the latest loaded, without a report. */
export function missingSql(): string {
  return withAgency(`WITH span AS (SELECT MIN(year) AS lo, MAX(year) AS hi FROM reports),
years AS (SELECT unnest(range(lo, hi + 1))::INTEGER AS year FROM span WHERE lo IS NOT NULL)
SELECT g.agency_id, y.year, NULL::VARCHAR AS col, []::VARCHAR[] AS cells, NULL::VARCHAR AS expected, NULL::VARCHAR AS actual
FROM agencies g CROSS JOIN years y
WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.agency_id = g.agency_id AND r.year = y.year)`);
}

const missing: RuleDef = {
  id: 'missing', severity: 'error',
  title_zh: '未报送', title_en: 'Report missing',
  explain_zh: '名录中的每个机构，在已加载数据的年度范围内（最早至最晚年度）每年都应有一份年度报告。',
  explain_en: 'Every agency in the registry has a report for each year in the range loaded (earliest to latest year).',
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
