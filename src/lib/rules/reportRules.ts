// Within one report: balance, outcome_sum, column_sum, s4_sum, negative. The equations are the
// ones the document parser checks (withinReport.ts), so both agree on what the form requires;
// here they run as one SQL scan of `reports` (one struct per equation, unnested per row).
import { CELLS, CELL_BY_CODE, S3_ROWS, S4_GROUPS } from '../format/cells';
import { WITHIN_REPORT_EQUATIONS, type Equation } from './withinReport';
import { itemLabel } from '../format/terms';
import type { Lang } from '../i18n/messages';
import { cell, checksSql, strictSum, withAgency, type Check } from './sqlParts';
import { cellText, colLabel, n, rowLabel, s4Label } from './text';
import type { RuleDef, RuleId } from './types';

/** The check's location key: the column (balance, outcome_sum), the row (column_sum), the group (s4_sum). */
function locationOf(eq: Equation): string {
  if (eq.rule === 'column_sum') return S3_ROWS.find((r) => Object.values(r.codes).includes(eq.lhs[0]))!.key;
  if (eq.rule === 's4_sum') return S4_GROUPS.find((g) => g.total === eq.lhs[0])!.group;
  return eq.column!;
}

function equationChecks(rule: RuleId): Check[] {
  return WITHIN_REPORT_EQUATIONS.filter((e) => e.rule === rule).map((e) => ({
    col: locationOf(e), cells: [...e.lhs, ...e.rhs], expected: strictSum(e.lhs), actual: strictSum(e.rhs),
  }));
}

export function equationRuleSql(rule: RuleId): string {
  return withAgency(checksSql('reports r', equationChecks(rule)));
}

/** Items as printed (一 + 二 …) of one side of an equation in a column. */
const items = (codes: readonly string[], lang: Lang = 'zh') => [...new Set(codes.map((c) => itemLabel(CELL_BY_CODE.get(c)!.item, lang)))].join(' + ');
const eqOf = (rule: RuleId, col: string | null) => WITHIN_REPORT_EQUATIONS.find((e) => e.rule === rule && locationOf(e) === col)!;

const balance: RuleDef = {
  id: 'balance', severity: 'error',
  title_zh: '收支平衡（勾稽关系）', title_en: 'Balance (received = handled + carried over)',
  explain_zh: '第三部分每一列：一（本年新收）+ 二（上年结转）= 三（七）办理结果总计 + 四（结转下年度继续办理），即表中印明的勾稽关系。',
  explain_en: 'In every column of section III: I new + II carried in = III.7 total handled + IV carried over to next year — the check printed on the form.',
  sql: () => equationRuleSql('balance'),
  message: (r) => {
    const e = eqOf('balance', r.col);
    return [
      `${colLabel(r.col!, 'zh')}列：${items(e.lhs)} = ${n(r.expected, 'zh')}，而 ${items(e.rhs)} = ${n(r.actual, 'zh')}`,
      `${colLabel(r.col!, 'en')} column: ${items(e.lhs, 'en')} = ${n(r.expected, 'en')}, but ${items(e.rhs, 'en')} = ${n(r.actual, 'en')}`,
    ];
  },
};

const outcomeSum: RuleDef = {
  id: 'outcome_sum', severity: 'error',
  title_zh: '办理结果合计', title_en: 'Outcomes add up to the total handled',
  explain_zh: '三（七）总计 = 予以公开 + 部分公开 + 不予公开（8项）+ 无法提供（3项）+ 不予处理（5项）+ 其他处理（3项），每一列分别核对。',
  explain_en: 'III.7 total = granted + partly granted + Σ refused (8) + Σ unable (3) + Σ not processed (5) + Σ other (3), in every column.',
  sql: () => equationRuleSql('outcome_sum'),
  message: (r) => [
    `${colLabel(r.col!, 'zh')}列：三（七）总计 = ${n(r.expected, 'zh')}，各项办理结果之和 = ${n(r.actual, 'zh')}`,
    `${colLabel(r.col!, 'en')} column: III.7 total = ${n(r.expected, 'en')}, sum of the outcome rows = ${n(r.actual, 'en')}`,
  ],
};

const columnSum: RuleDef = {
  id: 'column_sum', severity: 'error',
  title_zh: '申请人类型合计', title_en: 'Applicant columns add up to the total',
  explain_zh: '第三部分每一行：总计 = 自然人 + 法人或其他组织（商业企业、科研机构、社会公益组织、法律服务机构、其他）。',
  explain_en: 'In every row of section III: total = natural persons + the five legal-person / organisation columns.',
  sql: () => equationRuleSql('column_sum'),
  message: (r) => [
    `${rowLabel(r.col!, 'zh')}：总计 = ${n(r.expected, 'zh')}，各申请人类型之和 = ${n(r.actual, 'zh')}`,
    `${rowLabel(r.col!, 'en')}: total = ${n(r.expected, 'en')}, sum of the applicant columns = ${n(r.actual, 'en')}`,
  ],
};

const s4Sum: RuleDef = {
  id: 's4_sum', severity: 'error',
  title_zh: '复议诉讼合计', title_en: 'Reconsideration and litigation totals',
  explain_zh: '第四部分每一组（行政复议、未经复议直接起诉、复议后起诉）：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结。',
  explain_en: 'In each group of section IV: total = upheld + corrected + other result + pending.',
  sql: () => equationRuleSql('s4_sum'),
  message: (r) => [
    `${s4Label(r.col!, 'zh')}：总计 = ${n(r.expected, 'zh')}，结果维持、结果纠正、其他结果、尚未审结之和 = ${n(r.actual, 'zh')}`,
    `${s4Label(r.col!, 'en')}: total = ${n(r.expected, 'en')}, upheld + corrected + other + pending = ${n(r.actual, 'en')}`,
  ],
};

/** Any cell below zero, and any count printed with a fraction (kept in cell_faults: a count
 *  column is INTEGER, so the cell itself is blank). */
export function negativeSql(): string {
  const checks: Check[] = CELLS.map((c) => ({ col: c.code, cells: [c.code], expected: '0', actual: cell(c.code) }));
  const below = checksSql('reports r', checks, [], 'e.actual < 0 OR NOT isfinite(e.actual)');
  const fractions = `SELECT f.agency_id, f.year, f.code AS col, [f.code]::VARCHAR[] AS cells, round(f.printed)::DOUBLE AS expected, f.printed AS actual
FROM cell_faults f WHERE EXISTS (SELECT 1 FROM reports r WHERE r.agency_id = f.agency_id AND r.year = f.year)`;
  return withAgency(`${below}\nUNION ALL\n${fractions}`);
}

const negative: RuleDef = {
  id: 'negative', severity: 'error',
  title_zh: '负数或非整数', title_en: 'Negative or fractional count',
  explain_zh: '任何数字都不能为负；件数必须是整数（只有收费金额可以有小数）。',
  explain_en: 'No cell is negative; counts are whole numbers (only the fee amount may have decimals).',
  sql: negativeSql,
  message: (r) => Number(r.actual) < 0 ? [
    `${cellText(r.col!, 'zh')} = ${n(r.actual, 'zh')}，不能为负数`,
    `${cellText(r.col!, 'en')} = ${n(r.actual, 'en')}, which cannot be negative`,
  ] : [
    `${cellText(r.col!, 'zh')} 报告为 ${r.actual}，件数必须是整数（该单元格按空白处理，未计入合计）`,
    `${cellText(r.col!, 'en')} is printed as ${r.actual}: a count must be a whole number (the cell is treated as blank, not added to totals)`,
  ],
};

export const REPORT_RULES: readonly RuleDef[] = [balance, outcomeSum, columnSum, s4Sum, negative];
