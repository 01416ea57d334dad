// Numbers a report printed in count cells that a count cannot be (a fraction: 12.5). The count
// columns are INTEGER (sums, packed storage and the big-file path are built on whole numbers), so
// such a cell is blank in `reports` — never rounded into a total — and its printed value is kept
// here, per agency-year, where the `negative` rule reads it. Negative counts fit the columns and
// stay in `reports` as printed.
import type { DbAdapter } from './adapter';
import type { ReportRecord } from '../format/record';

export const CELL_FAULTS_TABLE_SQL = 'CREATE TABLE IF NOT EXISTS cell_faults (agency_id VARCHAR, year INTEGER, code VARCHAR, printed DOUBLE)';

/** Inside an import's transaction: the incoming agency-years' faults replace the ones they had. */
export async function replaceCellFaults(db: DbAdapter, records: readonly (ReportRecord & { agency_id: string })[], incoming: string, intoEmpty: boolean) {
  const rows = records.flatMap((r) => (r.faults ?? []).map((f) => ({ agency_id: r.agency_id, year: r.year, ...f })));
  if (!intoEmpty) await db.query(`DELETE FROM cell_faults f WHERE EXISTS (SELECT 1 FROM ${incoming} i WHERE i.agency_id = f.agency_id AND i.year = f.year)`);
  if (!rows.length) return;
  const name = `${incoming}_faults`;
  await db.insertColumns(name, [
    { name: 'agency_id', type: 'utf8', values: rows.map((f) => f.agency_id) },
    { name: 'year', type: 'int32', values: rows.map((f) => f.year) },
    { name: 'code', type: 'utf8', values: rows.map((f) => f.code) },
    { name: 'printed', type: 'float64', values: rows.map((f) => f.value) },
  ]);
  // (rows the import skips, kept mode, are no longer in `incoming`)
  await db.query(`INSERT INTO cell_faults SELECT f.* FROM ${name} f JOIN (SELECT DISTINCT agency_id, year FROM ${incoming}) i USING (agency_id, year)`);
  await db.query(`DROP TABLE ${name}`);
}
