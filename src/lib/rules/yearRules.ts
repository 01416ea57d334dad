// Across consecutive years of the same agency (same agency_id): carryover and in_force.
import { CARRIED_OUT_ROW, RECEIVED_ROWS, S3_COLUMNS, SECTION2_CODES, isCellCode, type CellCode } from '../format/cells';
import { cell, checksSql, withAgency, type Check } from './sqlParts';
import { cellText, colLabel, n } from './text';
import type { RuleDef } from './types';

const CARRIED_IN_ROW = RECEIVED_ROWS[1];
const PAIRS = `reports r JOIN reports p ON p.agency_id = r.agency_id AND p.year = r.year - 1
  LEFT JOIN agencies a ON a.agency_id = r.agency_id`;

/** A carry-over across a rename is only a warning: the reorganised agency may have taken over or
 *  handed off cases. "Across a rename" = the registry lists aliases for the agency AND the two
 *  reports were filed under different names, one of them an alias (so the rename fell between
 *  them). Filing once by id and once by name is not a rename. */
const RENAMED = `COALESCE(r.reported_name IS DISTINCT FROM p.reported_name AND
    (list_contains(a.aliases, r.reported_name) OR list_contains(a.aliases, p.reported_name)), false) AS renamed`;

export function carryoverSql(): string {
  const checks: Check[] = S3_COLUMNS.map((col) => ({
    col, cells: [CARRIED_IN_ROW.codes[col]],
    expected: cell(CARRIED_OUT_ROW.codes[col], 'p'), actual: cell(CARRIED_IN_ROW.codes[col], 'r'),
  }));
  return withAgency(checksSql(PAIRS, checks, [RENAMED, 'p.reported_name AS prev_name', 'r.reported_name AS cur_name']));
}

const carryover: RuleDef = {
  id: 'carryover', severity: 'error',
  title_zh: '上年结转衔接', title_en: 'Carry-over continues from last year',
  explain_zh: '本年“二、上年结转政府信息公开申请数量”应等于上一年度报告“四、结转下年度继续办理”，逐列核对（同一机构编码）。机构更名前后不一致时仅作提示。',
  explain_en: 'This year’s II carried in must equal last year’s IV carried over to next year, column by column (same agency_id). Across a rename it is only a warning.',
  sql: carryoverSql,
  severityOf: (r) => (r.renamed ? 'warning' : 'error'),
  message: (r) => {
    const renamedZh = r.renamed ? `（${r.year - 1} 年以「${r.prev_name}」名义报送）` : '';
    const renamedEn = r.renamed ? ` (${r.year - 1} filed as "${r.prev_name}")` : '';
    return [
      `${colLabel(r.col!, 'zh')}列：上年结转 = ${n(r.actual, 'zh')}，而 ${r.year - 1} 年结转下年度继续办理 = ${n(r.expected, 'zh')}${renamedZh}`,
      `${colLabel(r.col!, 'en')} column: carried in = ${n(r.actual, 'en')}, but ${r.year - 1} carried over = ${n(r.expected, 'en')}${renamedEn}`,
    ];
  },
};

/** 规章 / 行政规范性文件: the in-force, issued and repealed cells of each document family. */
export interface InForceFamily { inForce: CellCode; issued: CellCode; repealed: CellCode }
const IN_FORCE = '_in_force';
export const IN_FORCE_FAMILIES: readonly InForceFamily[] = SECTION2_CODES.filter((c) => c.endsWith(IN_FORCE)).map((inForce) => {
  const prefix = inForce.slice(0, -IN_FORCE.length);
  const code = (s: string): CellCode => {
    if (!isCellCode(`${prefix}_${s}`)) throw new Error(`cells.csv: ${inForce} has no ${prefix}_${s}`);
    return `${prefix}_${s}` as CellCode;
  };
  return { inForce, issued: code('issued'), repealed: code('repealed') };
});

export function inForceSql(): string {
  const checks: Check[] = IN_FORCE_FAMILIES.map((f) => ({
    col: f.inForce, cells: [f.inForce, f.issued, f.repealed],
    expected: `(${cell(f.inForce, 'p')} + ${cell(f.issued, 'r')} - ${cell(f.repealed, 'r')})`, actual: cell(f.inForce, 'r'),
    extra: { prev: cell(f.inForce, 'p'), issued: cell(f.issued, 'r'), repealed: cell(f.repealed, 'r') },
  }));
  return withAgency(checksSql(PAIRS, checks));
}

const inForce: RuleDef = {
  id: 'in_force', severity: 'warning',
  title_zh: '现行有效件数衔接', title_en: 'Documents in force continue from last year',
  explain_zh: '规章、行政规范性文件：本年现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数。文件也会自然失效，故仅作提示。',
  explain_en: 'Rules and normative documents: in force (Y) = in force (Y−1) + issued (Y) − repealed (Y). Documents also lapse, so only a warning.',
  sql: inForceSql,
  message: (r) => [
    `${cellText(r.col!, 'zh')} = ${n(r.actual, 'zh')}，按上年 ${n(r.prev, 'zh')} + 本年制发 ${n(r.issued, 'zh')} − 本年废止 ${n(r.repealed, 'zh')} 应为 ${n(r.expected, 'zh')}`,
    `${cellText(r.col!, 'en')} = ${n(r.actual, 'en')}; last year ${n(r.prev, 'en')} + issued ${n(r.issued, 'en')} − repealed ${n(r.repealed, 'en')} = ${n(r.expected, 'en')}`,
  ],
};

export const YEAR_RULES: readonly RuleDef[] = [carryover, inForce];
