// The loaded dataset as column tables, one per Parquet file: the registry, the reports (wide:
// meta columns, then one column per cell code, NULL = blank), where document figures came from,
// the text of each document read (and the printed values of cells a count cannot hold), and the
// supervisors' reviews of flags. Pure apart from the one query per table.
import { ident, type DbAdapter } from '../db/adapter';
import { CELLS, allowsFraction } from '../format/cells';
import type { Review } from '../db/reviews';

export type PqType = 'STRING' | 'INT32' | 'DOUBLE' | 'BOOLEAN' | 'DATE' | 'TIMESTAMP';
export interface PqColumn {
  name: string;
  type: PqType;
  data: unknown[];
}
export interface PqTable {
  name: TableName;
  columns: PqColumn[];
  rows: number;
}
export type TableName = 'agencies' | 'reports' | 'cell_sources' | 'document_texts' | 'cell_faults' | 'reviews';
export const TABLE_FILES: Record<TableName, string> = {
  agencies: 'agencies.parquet', reports: 'reports.parquet', cell_sources: 'cell_sources.parquet',
  document_texts: 'document_texts.parquet', cell_faults: 'cell_faults.parquet', reviews: 'reviews.parquet',
};

const AGENCY_COLUMNS: [string, PqType][] = [
  ['agency_id', 'STRING'], ['name', 'STRING'], ['level', 'STRING'], ['parent_id', 'STRING'], ['category', 'STRING'],
  ['is_aggregate', 'BOOLEAN'], ['aliases', 'STRING'], ['active_from', 'INT32'], ['active_to', 'INT32'],
];
export const REPORT_META: [string, PqType][] = [
  ['agency_id', 'STRING'], ['year', 'INT32'], ['reported_name', 'STRING'], ['published_on', 'DATE'],
  ['source', 'STRING'], ['imported_at', 'TIMESTAMP'],
];
const SOURCE_COLUMNS: [string, PqType][] = [
  ['agency_id', 'STRING'], ['year', 'INT32'], ['code', 'STRING'], ['file', 'STRING'], ['page', 'INT32'], ['line', 'INT32'],
];
const TEXT_COLUMNS: [string, PqType][] = [['agency_id', 'STRING'], ['year', 'INT32'], ['source', 'STRING'], ['text', 'STRING']];
const FAULT_COLUMNS: [string, PqType][] = [['agency_id', 'STRING'], ['year', 'INT32'], ['code', 'STRING'], ['printed', 'DOUBLE']];
const REVIEW_COLUMNS: [string, PqType][] = [['key', 'STRING'], ['state', 'STRING'], ['note', 'STRING'], ['at', 'STRING']];

export const REPORT_COLUMNS: [string, PqType][] = [
  ...REPORT_META,
  ...CELLS.map((c): [string, PqType] => [c.code, allowsFraction(c.code) ? 'DOUBLE' : 'INT32']),
];

function toColumns(name: TableName, defs: [string, PqType][], rows: Record<string, unknown>[]): PqTable {
  return {
    name, rows: rows.length,
    columns: defs.map(([n, type]) => ({ name: n, type, data: rows.map((r) => value(r[n], type)) })),
  };
}

function value(v: unknown, type: PqType): unknown {
  if (v === null || v === undefined) return null;
  if (type === 'DATE' || type === 'TIMESTAMP') return new Date(String(v).length === 10 ? `${v}T00:00:00Z` : String(v));
  if (type === 'INT32' || type === 'DOUBLE') return Number(v);
  if (type === 'BOOLEAN') return Boolean(v);
  return String(v);
}

/** Reports are sorted by year, so each year is one row group and a reader over HTTP can fetch
 *  a single year (remote.ts). */
export async function datasetTables(db: DbAdapter, reviews: readonly Review[]): Promise<PqTable[]> {
  const agencies = await db.query(`SELECT agency_id, name, level, parent_id, category, is_aggregate,
    array_to_string(COALESCE(aliases, []::VARCHAR[]), ';') AS aliases, active_from, active_to FROM agencies ORDER BY agency_id`);
  const reports = await db.query(`SELECT ${REPORT_META.map(([n, t]) =>
    t === 'DATE' ? `strftime(${n}, '%Y-%m-%d') AS ${n}` : t === 'TIMESTAMP' ? `strftime(${n}, '%Y-%m-%dT%H:%M:%S.%gZ') AS ${n}` : n).join(', ')},
    ${CELLS.map((c) => ident(c.code)).join(', ')} FROM reports ORDER BY year, agency_id`);
  const sources = await db.query('SELECT * FROM cell_sources ORDER BY agency_id, year, code');
  // (what is read from a text, narrative statements and sections, is read again on import)
  const texts = await db.query('SELECT agency_id, year, source, text FROM document_texts ORDER BY agency_id, year');
  const faults = await db.query('SELECT agency_id, year, code, printed FROM cell_faults ORDER BY agency_id, year, code');
  return [
    toColumns('agencies', AGENCY_COLUMNS, agencies),
    toColumns('reports', REPORT_COLUMNS, reports),
    toColumns('cell_sources', SOURCE_COLUMNS, sources),
    toColumns('document_texts', TEXT_COLUMNS, texts),
    toColumns('cell_faults', FAULT_COLUMNS, faults),
    toColumns('reviews', REVIEW_COLUMNS, reviews.map((r) => ({ ...r }))),
  ];
}

/** Row-group sizes for rows sorted by `year`: one group per year. */
export function groupsByYear(years: unknown[]): number[] {
  const sizes: number[] = [];
  years.forEach((y, i) => {
    if (i > 0 && y === years[i - 1]) sizes[sizes.length - 1]++;
    else sizes.push(1);
  });
  return sizes.length ? sizes : [1];
}
