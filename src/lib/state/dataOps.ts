// Data management: delete one agency-year, undo the last import, clear everything (back to the
// demo city or to empty), show or hide the demo. Each change is stored first or together with
// the DuckDB change, so it survives reloads; undo and clear rebuild the tables from the bundled
// demo and the remaining log (the log is the truth, DuckDB a cache of it).
import { getDb } from '../db/duckdb';
import { reportTables } from '../db/reportParts';
import { deleteEntry, listSummaries, resetAll, saveDeletion, writeSettings, type LogEntry } from '../db/persist';
import { clearReviews } from '../db/reviews';
import { deleteAgencyYearSql } from './dataSql';
import { announce, exclusive } from './sync';
import { app } from './app.svelte';
import { failureText, rebuildNow, settings, startStore } from './store';

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
  const err = await exclusive(async () => {
    await db.query('BEGIN TRANSACTION');
    try {
      for (const sql of deleteAgencyYearSql(agencyId, year, await reportTables(db))) await db.query(sql);
      await saveDeletion(agencyId, year);
      await db.query('COMMIT');
      return null;
    } catch (e) {
      await db.query('ROLLBACK');
      return failureText(e);
    }
  });
  if (!err) {
    announce();
    app.dataVersion++;
  }
  return err;
}

/** Undo the most recent import still in the log (deletions stay). */
export async function undoLastImport(): Promise<string | null> {
  return changed(async () => {
    const last = (await listSummaries()).filter((x) => x.op === 'import').at(-1);
    if (!last) return null;
    await deleteEntry(last.key);
    await rebuildNow();
    return last.label;
  });
}

/** Forget every import, deletion and review; keep (or hide) the demo city. */
export async function clearAll(keepDemo: boolean) {
  await changed(async () => {
    await resetAll({ ...settings, demo: keepDemo });
    await clearReviews();
    await rebuildNow();
  });
}

export async function setDemoShown(shown: boolean) {
  await changed(async () => {
    await writeSettings({ ...settings, demo: shown });
    await rebuildNow();
  });
}

/** Runs a change alone, then tells the other tabs. */
async function changed<T>(f: () => Promise<T>): Promise<T> {
  await startStore();
  const out = await exclusive(f);
  announce();
  return out;
}
