// `reports` is a view over physical tables: `report_rows` (the demo, documents, small files) and
// one table per big import (`report_part_<import_id>`). Why: at COMMIT, DuckDB copies a
// transaction's rows into a table that already holds rows (100,000 agency-years: 1.1–1.7 s in the
// browser, a second copy after the staging one), but hands a table created inside the transaction
// over whole (~3 ms). Queries read the view unchanged; measured no slower at 100k agency-years
// (all rules and the overview, DuckDB-WASM in Node: 1.9 s as one table, 1.3–1.5 s as a view).
// Writes go to the tables: reportTables() lists them.
import type { DbAdapter } from './adapter';

export const REPORT_ROWS = 'report_rows';
/** An import of at least this many rows gets a table of its own. */
export const PART_MIN_ROWS = 20_000;

export const partName = (importId: number) => `report_part_${Math.trunc(importId)}`;

/** The view over the tables, by column name. A part holds the rows' own columns (agency, year,
 *  name, date, cells); its import's id, source file and time come from report_parts. */
export function reportsViewSql(parts: readonly string[]): string {
  const part = (p: string) => ` UNION ALL BY NAME SELECT t.*, i.import_id, i.source, i.imported_at FROM ${p} t CROSS JOIN ` +
    `(SELECT import_id, source, imported_at FROM report_parts WHERE part = '${p}') i`;
  return `CREATE OR REPLACE VIEW reports AS SELECT * FROM ${REPORT_ROWS}${parts.map(part).join('')}`;
}

export async function reportParts(db: DbAdapter): Promise<string[]> {
  return (await db.query<{ part: string }>('SELECT part FROM report_parts ORDER BY import_id')).map((r) => r.part);
}

/** Every table that holds reports (for writes). */
export async function reportTables(db: DbAdapter): Promise<string[]> {
  return [REPORT_ROWS, ...(await reportParts(db))];
}

export async function refreshReportsView(db: DbAdapter): Promise<void> {
  await db.query(reportsViewSql(await reportParts(db)));
}

/** Empty every data table (the cell catalogue stays), the parts dropped. */
export function clearSql(parts: readonly string[]): string[] {
  return [
    `DELETE FROM ${REPORT_ROWS}`, ...parts.map((p) => `DROP TABLE IF EXISTS ${p}`), 'DELETE FROM report_parts', reportsViewSql([]),
    'DELETE FROM cell_sources', 'DELETE FROM cell_faults', 'DELETE FROM document_texts', 'DELETE FROM narrative_statements', 'DELETE FROM agencies', 'DELETE FROM imports',
  ];
}
