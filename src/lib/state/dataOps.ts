// Data management: delete one agency-year, undo the last import, clear everything (back to the
// demo city or to empty), show or hide the demo. Each change is stored first or together with
// the DuckDB change, so it survives reloads; undo and clear rebuild the tables from the bundled
// demo and the remaining log (the log is the truth, DuckDB a cache of it).
import { getDb } from '../db/duckdb';
import { deleteEntry, listSummaries, resetAll, saveDeletion, writeSettings, type LogEntry } from '../db/persist';
import { clearReviews } from '../db/reviews';
import { CLEAR_SQL, deleteAgencyYearSql } from './dataSql';
import { app } from './app.svelte';
import { failureText, loadAll, settings, startStore } from './store';

export interface LogItem {
  key: number;
  op: LogEntry['op'];
  /** file name (imports) or agency_id (deletions) */
  label: string;
  year: number | null;
  rows: number;
  at: string;
}

export function logItems(): Promise<LogItem[]> {
  return listSummaries();
}

/** Remove one agency-year; returns an error sentence or null. */
export async function deleteAgencyYear(agencyId: string, year: number): Promise<string | null> {
  await startStore();
  const db = await getDb();
  await db.query('BEGIN TRANSACTION');
  try {
    for (const sql of deleteAgencyYearSql(agencyId, year)) await db.query(sql);
    await saveDeletion(agencyId, year);
    await db.query('COMMIT');
  } catch (e) {
    await db.query('ROLLBACK');
    return failureText(e);
  }
  app.dataVersion++;
  return null;
}

/** Undo the most recent import still in the log (deletions stay). */
export async function undoLastImport(): Promise<string | null> {
  const last = (await listSummaries()).filter((x) => x.op === 'import').at(-1);
  if (!last) return null;
  await deleteEntry(last.key);
  await rebuild();
  return last.label;
}

/** Forget every import, deletion and review; keep (or hide) the demo city. */
export async function clearAll(keepDemo: boolean) {
  await resetAll({ ...settings, demo: keepDemo });
  await clearReviews();
  settings.demo = keepDemo;
  await rebuild();
}

export async function setDemoShown(shown: boolean) {
  await writeSettings({ ...settings, demo: shown });
  settings.demo = shown;
  await rebuild();
}

/** Empty the tables and load the demo (if shown) and the log again. */
async function rebuild() {
  await startStore();
  const db = await getDb();
  app.dbReady = false;
  try {
    for (const sql of CLEAR_SQL) await db.query(sql);
    await loadAll(db);
  } catch (e) {
    app.dbError = e instanceof Error ? e.message : String(e);
    throw e;
  } finally {
    app.dbReady = true;
    app.dataVersion++;
  }
}
