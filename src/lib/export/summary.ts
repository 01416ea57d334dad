// The summary tables offices ask for, as CSV: the city rollup by year, one row per agency-year
// (the wide import format, so the file can be edited and loaded again), and the refusal reasons
// per agency-year. Every cell column comes from cells.csv; the SQL is pure text.
import { ident } from '../db/adapter';
import type { DbAdapter } from '../db/adapter';
import { CELLS, CELL_BY_CODE, allowsFraction } from '../format/cells';
import { fmtCount, fmtMoney } from '../format';
import type { Lang } from '../i18n/messages';
import { META_LABELS_ZH } from '../ingest/csv';
import { ALL_YEARS, rowSumOfCodes } from '../sql/common';
import { COUNTED_REPORTS } from '../sql/counted';
import { withScope } from '../sql/scope';
import { HANDLED_CODE, REASONS, REASON_GROUPS } from '../sql/keyMeasures';
import { groupMeasure } from '../sql/measures';
import { toCsv, type CsvCell } from './csv';
import { encodeGb18030 } from './gb18030';

export type SummaryTable = 'rollup' | 'agencies' | 'refusals';
export type HeaderStyle = 'codes' | 'zh' | 'both';
export type NumberStyle = 'raw' | 'formatted';
export type TextEncoding = 'utf-8' | 'gb18030';

export interface SummaryColumn {
  key: string;
  zh: string;
  kind: 'text' | 'year' | 'count' | 'money' | 'bool';
}

export interface SummarySpec {
  /** used in the file name */
  name: string;
  columns: SummaryColumn[];
  sql: string;
}

/** A cell code's column: "row_label_zh｜col_label_zh", as the import reads it back. */
export function cellColumn(code: string): SummaryColumn {
  const c = CELL_BY_CODE.get(code)!;
  return { key: code, zh: `${c.row_label_zh}｜${c.col_label_zh}`, kind: allowsFraction(code) ? 'money' : 'count' };
}
const meta = (key: string, kind: SummaryColumn['kind'] = 'text'): SummaryColumn => ({ key, zh: META_LABELS_ZH[key] ?? key, kind });
const CELL_COLUMNS = () => CELLS.map((c) => cellColumn(c.code));

function rollup(): SummarySpec {
  const sum = (c: SummaryColumn) =>
    c.kind === 'money' ? `ROUND(SUM(r.${ident(c.key)})::DOUBLE, 6) AS ${ident(c.key)}` : `SUM(r.${ident(c.key)})::DOUBLE AS ${ident(c.key)}`;
  const cells = CELL_COLUMNS();
  return {
    name: 'overview-city-rollup',
    columns: [meta('year', 'year'), { key: 'leaf_reports', zh: '汇总的末级报告数', kind: 'count' }, ...cells],
    // The counted reports (sql/counted.ts): leaf reports, and an area's aggregate report only where
    // its members are missing (SUM keeps NULL when all are blank).
    sql: `${withScope({}, ALL_YEARS)}SELECT r.year::INTEGER AS year, COUNT(*)::INTEGER AS leaf_reports,\n  ${cells.map(sum).join(',\n  ')}
FROM ${COUNTED_REPORTS}\nGROUP BY r.year ORDER BY r.year`,
  };
}

function agencies(): SummarySpec {
  const cells = CELL_COLUMNS();
  return {
    name: 'overview-agency-years',
    columns: [meta('agency'), meta('year', 'year'), meta('agency_id'), meta('level'), meta('parent'), meta('published_on'), ...cells],
    sql: `SELECT COALESCE(a.name, r.reported_name, r.agency_id) AS agency, r.year::INTEGER AS year, r.agency_id,
  a.level, a.parent_id AS parent, strftime(r.published_on, '%Y-%m-%d') AS published_on,
  ${cells.map((c) => `r.${ident(c.key)}`).join(', ')}
FROM reports r LEFT JOIN agencies a ON a.agency_id = r.agency_id
ORDER BY r.agency_id, r.year`,
  };
}

function refusals(): SummarySpec {
  const groups = REASON_GROUPS.map((g) => groupMeasure(g));
  const groupZh: Record<string, string> = {
    outcome_refused: '不予公开（合计）', outcome_unable: '无法提供（合计）', outcome_not_processed: '不予处理（合计）', outcome_other: '其他处理（合计）',
  };
  return {
    name: 'overview-refusal-reasons',
    columns: [
      meta('agency_id'), meta('agency'), meta('year', 'year'), { key: 'is_aggregate', zh: '汇总报告', kind: 'bool' },
      ...REASONS.map((r) => cellColumn(r.code)),
      ...groups.map((m, i) => ({ key: m.name, zh: groupZh[REASON_GROUPS[i]] ?? m.name, kind: 'count' as const })),
      cellColumn(HANDLED_CODE),
    ],
    sql: `SELECT r.agency_id, COALESCE(a.name, r.reported_name, r.agency_id) AS agency, r.year::INTEGER AS year,
  COALESCE(a.is_aggregate, false) AS is_aggregate,
  ${REASONS.map((x) => `r.${ident(x.code)}`).join(', ')},
  ${groups.map((m) => `${rowSumOfCodes(m.codes, 'r')} AS ${ident(m.name)}`).join(',\n  ')},
  r.${ident(HANDLED_CODE)}
FROM reports r LEFT JOIN agencies a ON a.agency_id = r.agency_id
ORDER BY r.year, r.agency_id`,
  };
}

export const SUMMARY_TABLES: Record<SummaryTable, () => SummarySpec> = { rollup, agencies, refusals };

export type SummaryRow = Record<string, string | number | boolean | null>;

export async function summaryRows(db: DbAdapter, table: SummaryTable): Promise<{ spec: SummarySpec; rows: SummaryRow[] }> {
  const spec = SUMMARY_TABLES[table]();
  return { spec, rows: await db.query<SummaryRow>(spec.sql) };
}

export interface SummaryCsvOptions {
  header: HeaderStyle;
  numbers: NumberStyle;
  lang: Lang;
}

function cellText(c: SummaryColumn, v: SummaryRow[string], opts: SummaryCsvOptions): CsvCell {
  if (c.kind === 'bool') return v == null ? '' : opts.numbers === 'formatted' ? (v ? '是' : '否') : String(v);
  if (c.kind === 'text' || c.kind === 'year') return v == null ? '' : typeof v === 'number' ? v : String(v);
  const n = v == null ? null : Number(v);
  if (opts.numbers === 'raw') return n;
  return c.kind === 'money' ? fmtMoney(n, opts.lang) : fmtCount(n, opts.lang);
}

/** Rows → CSV text (BOM included). Blank stays blank ("" raw, "—" formatted), never 0. */
export function summaryToCsv(columns: SummaryColumn[], rows: SummaryRow[], opts: SummaryCsvOptions): string {
  const codes = columns.map((c) => c.key);
  const zh = columns.map((c) => c.zh);
  const header = opts.header === 'zh' ? zh : codes;
  const headerRows = opts.header === 'both' ? [zh] : [];
  return toCsv(header, rows.map((r) => columns.map((c) => cellText(c, r[c.key], opts))), { headerRows });
}

/** CSV text (with its BOM) → what to download: UTF-8 keeps the BOM (Excel needs it), GB18030
 *  has no BOM. */
export function encodeCsv(text: string, encoding: TextEncoding): string | Uint8Array {
  if (encoding === 'utf-8') return text;
  return encodeGb18030(text.replace(/^\uFEFF/, ''));
}

export const CSV_MIME: Record<TextEncoding, string> = { 'utf-8': 'text/csv;charset=utf-8', gb18030: 'text/csv;charset=gb18030' };
