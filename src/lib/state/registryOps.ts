// Registry edits of the workspace shown: each is checked (registry/plan.ts), applied in one DuckDB
// transaction with its log entry written inside it, announced to the other tabs, and replayed at
// every start like an import. Undo removes the last registry edit from the log and rebuilds.
import { getDb } from '../db/duckdb';
import { lit } from '../db/adapter';
import { applyAgencyEdit } from '../db/applyAgencyEdit';
import type { AgencyEdit } from '../db/agencyEdit';
import { deleteEntry, listSummaries, saveAgencyEdit } from '../db/persist';
import type { RegistryAgency } from '../registry/plan';
import { announce, exclusive } from './sync';
import { app } from './app.svelte';
import { failureText, rebuildNow, settings, startStore } from './store';

/** The registry as the edit checks need it (ids, names, aliases, parents). Uncached: it must be
 *  what DuckDB holds now. */
export async function registrySnapshot(): Promise<RegistryAgency[]> {
  await startStore();
  const rows = await (await getDb()).query<{ agency_id: string; name: string; aliases: string[] | null; parent_id: string | null }>(
    'SELECT agency_id, name, aliases, parent_id FROM agencies', { uncached: true });
  return rows.map((r) => ({ agency_id: r.agency_id, name: r.name, aliases: r.aliases ? [...r.aliases] : [], parent_id: r.parent_id }));
}

/** Each agency's years with a report. */
export async function reportYears(ids: readonly string[]): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>(ids.map((id) => [id, []]));
  if (!ids.length) return out;
  const rows = await (await getDb()).query<{ agency_id: string; year: number }>(
    `SELECT DISTINCT agency_id, year FROM reports WHERE agency_id IN (${ids.map(lit).join(', ')}) ORDER BY year`, { uncached: true });
  for (const r of rows) out.get(r.agency_id)?.push(r.year);
  return out;
}

/** Apply and log one edit; an error sentence, or null when it landed. */
export async function commitAgencyEdit(edit: AgencyEdit): Promise<string | null> {
  await startStore();
  const db = await getDb();
  const ws = settings.workspace;
  try {
    await exclusive(() => applyAgencyEdit(db, edit, async () => void (await saveAgencyEdit(ws, edit))));
  } catch (e) {
    return failureText(e);
  }
  announce();
  app.dataVersion++;
  return null;
}

/** Undo the most recent registry edit still in the workspace's log; what it was, or null. */
export async function undoLastAgencyEdit(): Promise<string | null> {
  await startStore();
  const out = await exclusive(async () => {
    const last = (await listSummaries(settings.workspace)).filter((x) => x.op === 'agency').at(-1);
    if (!last) return null;
    await deleteEntry(settings.workspace, last.key);
    await rebuildNow();
    return last.label;
  });
  announce();
  return out;
}

/** How many registry edits the workspace's log holds (for the undo button). */
export async function agencyEditCount(): Promise<number> {
  return (await listSummaries(settings.workspace)).filter((x) => x.op === 'agency').length;
}
