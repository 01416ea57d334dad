// Tables of the store. Reports are wide (one row per agency-year, one column per cell code):
// measured 4× smaller and ~5× faster to load than a long (agency, year, code, value) layout
// (shared/design/PITFALLS.md), and the rules and rollups read it directly.
// A blank cell is NULL, never 0. No PRIMARY KEY: uniqueness of (agency_id, year) is kept by
// load.ts (delete-then-insert inside one transaction), and keys would slow bulk inserts.
import { CELLS, allowsFraction } from '../format/cells';
import { ident, lit } from './adapter';

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
  const catalogue = CELLS.map(
    (c) =>
      `(${[c.code, c.section, c.item, c.row_label_zh, c.col_label_zh, c.label_en, c.unit, c.group].map(lit).join(', ')})`,
  ).join(',\n');
  return [
    `CREATE TABLE IF NOT EXISTS cells (code VARCHAR, section VARCHAR, item VARCHAR, row_label_zh VARCHAR,
      col_label_zh VARCHAR, label_en VARCHAR, unit VARCHAR, grp VARCHAR)`,
    `DELETE FROM cells`,
    `INSERT INTO cells VALUES\n${catalogue}`,
    `CREATE TABLE IF NOT EXISTS agencies (agency_id VARCHAR NOT NULL, name VARCHAR NOT NULL, level VARCHAR,
      parent_id VARCHAR, category VARCHAR, is_aggregate BOOLEAN NOT NULL DEFAULT false, aliases VARCHAR[],
      import_id INTEGER)`,
    `CREATE TABLE IF NOT EXISTS reports (\n  ${meta},\n  ${cellCols}\n)`,
    // Where a figure read from a document came from (file, page, line), for the agency page.
    `CREATE TABLE IF NOT EXISTS cell_sources (agency_id VARCHAR, year INTEGER, code VARCHAR, file VARCHAR,
      page INTEGER, line INTEGER)`,
    `CREATE TABLE IF NOT EXISTS imports (import_id INTEGER, file_name VARCHAR, kind VARCHAR, rows INTEGER,
      status VARCHAR, messages VARCHAR, new_agencies VARCHAR[], imported_at TIMESTAMP)`,
  ];
}
