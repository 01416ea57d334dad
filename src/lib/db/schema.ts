// Tables of the store. Reports are wide (one row per agency-year, one column per cell code):
// measured 4× smaller and ~5× faster to load than a long (agency, year, code, value) layout
// (shared/design/PITFALLS.md), and the rules and rollups read it directly.
// A blank cell is NULL, never 0. No PRIMARY KEY: uniqueness of (agency_id, year) is kept by
// load.ts (delete-then-insert inside one transaction), and keys would slow bulk inserts.
import { CELLS, allowsFraction } from '../format/cells';
import { ident } from './adapter';
import { REPORT_ROWS, reportsViewSql } from './reportParts';
import type { Column } from './arrow';
import { CELL_FAULTS_TABLE_SQL } from './cellFaults';

export function cellColumnType(code: string): string {
  return allowsFraction(code) ? 'DOUBLE' : 'INTEGER';
}

export const REPORT_META_COLUMNS = [
  ['agency_id', 'VARCHAR NOT NULL'],
  ['year', 'INTEGER NOT NULL'],
  ['reported_name', 'VARCHAR'],
  ['published_on', 'DATE'],
  ['source', 'VARCHAR'],
  ['import_id', 'INTEGER'],
  ['imported_at', 'TIMESTAMP'],
] as const;

export function schemaSql(): string[] {
  const cellCols = CELLS.map((c) => `${ident(c.code)} ${cellColumnType(c.code)}`).join(',\n  ');
  const meta = REPORT_META_COLUMNS.map(([n, t]) => `${n} ${t}`).join(',\n  ');
  return [
    `CREATE TABLE IF NOT EXISTS agencies (agency_id VARCHAR NOT NULL, name VARCHAR NOT NULL, level VARCHAR,
      parent_id VARCHAR, category VARCHAR, is_aggregate BOOLEAN NOT NULL DEFAULT false, aliases VARCHAR[],
      import_id INTEGER, active_from INTEGER, active_to INTEGER)`,
    // read through the view `reports` (reportParts.ts); big imports have tables of their own
    `CREATE TABLE IF NOT EXISTS ${REPORT_ROWS} (\n  ${meta},\n  ${cellCols}\n)`,
    'CREATE TABLE IF NOT EXISTS report_parts (part VARCHAR, import_id INTEGER, source VARCHAR, imported_at TIMESTAMP)',
    reportsViewSql([]),
    // Where a figure read from a document came from (file, page, line), for the agency page.
    `CREATE TABLE IF NOT EXISTS cell_sources (agency_id VARCHAR, year INTEGER, code VARCHAR, file VARCHAR,
      page INTEGER, line INTEGER)`,
    // A document's extracted text, kept with its import, and what is read from it
    // (ingest/narrative): the standard sections present, the 信息处理费 it says was charged (元),
    // section 五 as printed and normalised (digits and spaces removed), and its share of characters
    // in common with the previous year's (narrative_copied).
    `CREATE TABLE IF NOT EXISTS document_texts (agency_id VARCHAR, year INTEGER, source VARCHAR, text VARCHAR,
      sections VARCHAR[], fee_yuan DOUBLE, fee_quote VARCHAR, fee_line INTEGER, section5 VARCHAR, section5_norm VARCHAR,
      copy_share DOUBLE)`,
    // Figures the narrative states about cells of the form, compared with them at import
    // (rules/narrative.ts): status agrees / mismatch / not_checkable; read by narrative_mismatch.
    `CREATE TABLE IF NOT EXISTS narrative_statements (agency_id VARCHAR, year INTEGER, quote VARCHAR, line INTEGER,
      value DOUBLE, topic VARCHAR, cells VARCHAR[], table_value DOUBLE, basis VARCHAR, status VARCHAR)`,
    CELL_FAULTS_TABLE_SQL,
    `CREATE TABLE IF NOT EXISTS imports (import_id INTEGER, file_name VARCHAR, kind VARCHAR, rows INTEGER,
      status VARCHAR, messages VARCHAR, new_agencies VARCHAR[], imported_at TIMESTAMP)`,
  ];
}

/** The cell catalogue (cells.csv) as columns for the `cells` table: loaded through Arrow, since a
 *  200-row VALUES statement took ~140 ms of the first screen in the browser. */
export function catalogueColumns(): Column[] {
  const col = (name: string, f: (c: (typeof CELLS)[number]) => string): Column => ({ name, type: 'utf8', values: CELLS.map(f) });
  return [
    col('code', (c) => c.code), col('section', (c) => c.section), col('item', (c) => c.item),
    col('row_label_zh', (c) => c.row_label_zh), col('col_label_zh', (c) => c.col_label_zh),
    col('label_en', (c) => c.label_en), col('unit', (c) => c.unit), col('grp', (c) => c.group),
  ];
}
