// One registry edit in one DuckDB transaction, with the log write inside it (as applyImport
// does): a failed write leaves the registry and the reports exactly as they were.
import type { DbAdapter } from './adapter';
import { agencyEditSql, type AgencyEdit } from './agencyEdit';
import { reportTables } from './reportParts';

export async function applyAgencyEdit(db: DbAdapter, edit: AgencyEdit, beforeCommit?: () => Promise<void>): Promise<void> {
  const tables = await reportTables(db);
  await db.query('BEGIN TRANSACTION');
  try {
    for (const sql of agencyEditSql(edit, tables)) await db.query(sql);
    if (beforeCommit) await beforeCommit();
    await db.query('COMMIT');
  } catch (e) {
    await db.query('ROLLBACK');
    throw e;
  }
}
