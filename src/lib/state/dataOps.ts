// Data management of the workspace shown: delete one agency-year, undo the last import, clear its
// log (then show the demo city, or the user's own data without the demo), offer or hide the demo.
// Each change is stored first or together with the DuckDB change, so it survives reloads; undo
// and clear rebuild the tables from the workspace's sources and remaining log (the log is the
// truth, DuckDB a cache of it).
import { getDb } from '../db/duckdb';
import { reportTables } from '../db/reportParts';
import { deleteEntry, listSummaries, resetWorkspace, saveDeletion, writeSettings, type LogEntry } from '../db/persist';
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
  return listSummaries(settings.workspace);
}

/** Remove one agency-year; returns an error sentence or null. */
export async function deleteAgencyYear(agencyId: string, year: number): Promise<string | null> {
  await startStore();
  const db = await getDb();
  const err = await exclusive(async () => {
    await db.query('BEGIN TRANSACTION');
    try {
      for (const sql of deleteAgencyYearSql(agencyId, year, await reportTables(db))) await db.query(sql);
      await saveDeletion(settings.workspace, agencyId, year);
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
    const last = (await listSummaries(settings.workspace)).filter((x) => x.op === 'import').at(-1);
    if (!last) return null;
    await deleteEntry(settings.workspace, last.key);
    await rebuildNow();
    return last.label;
  });
}

/** Forget every import, deletion, registry edit and review of the workspace shown (the other
 *  workspace keeps its own); then show the demo city, or the user's own data with the demo hidden. */
export async function clearAll(keepDemo: boolean) {
  await changed(async () => {
    await clearReviews();
    await resetWorkspace(settings.workspace, { ...settings, demo: keepDemo, workspace: keepDemo ? 'demo' : 'own' });
    await rebuildNow();
  });
}

/** Offer the demo workspace (and show it) or hide it (the user's own data is shown). */
export async function setDemoShown(shown: boolean) {
  await changed(async () => {
    await writeSettings({ ...settings, demo: shown, workspace: shown ? 'demo' : 'own' });
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
