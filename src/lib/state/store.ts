// Start-up and imports: open DuckDB, build the schema, load the bundled demo city through the
// same validation as a user's file, replay the user's stored imports, then mark the app ready.
import agenciesUrl from '../../../data/agencies.csv?url';
import reportsUrl from '../../../data/reports.csv?url';
import { getDb } from '../db/duckdb';
import { applyImport, createSchema, readRegistry, type AppliedImport } from '../db/load';
import { listImports, saveImport } from '../db/persist';
import { prepareCsv, type Preparation } from '../ingest/prepare';
import { prepareDocuments, type DocumentDraft } from '../ingest/document';
import type { Problem } from '../i18n/messages';
import { problemText } from '../i18n/messages';
import { app } from './app.svelte';

export const DEMO_FILES = [
  { name: 'data/agencies.csv', url: agenciesUrl },
  { name: 'data/reports.csv', url: reportsUrl },
];

let started: Promise<void> | null = null;

export function startStore(): Promise<void> {
  started ??= boot().catch((e) => {
    app.dbError = e instanceof Error ? e.message : String(e);
    throw e;
  });
  return started;
}

async function boot() {
  // Fetch the demo files while DuckDB's wasm compiles.
  const demoBytes = DEMO_FILES.map((f) => fetch(f.url).then(async (r) => new Uint8Array(await r.arrayBuffer())));
  const db = await getDb();
  performance.mark('dd:db-open');
  await createSchema(db);
  for (const [i, f] of DEMO_FILES.entries()) {
    const bytes = await demoBytes[i];
    const prep = prepareCsv(f.name, bytes, await readRegistry(db));
    if (!prep.prepared) throw new Error(prep.problems.map((p) => problemText(p, app.lang)).join('\n'));
    await applyImport(db, prep.prepared);
  }
  app.demoLoaded = true;
  performance.mark('dd:demo-loaded');
  for (const { imp } of await listImports()) await applyImport(db, imp);
  performance.mark('dd:store-ready');
  app.dbReady = true;
  app.dataVersion++;
}

export interface ImportResult extends Preparation {
  applied: AppliedImport | null;
  /** set when a valid file still failed to load (e.g. storage full); nothing was changed */
  failure: string | null;
}

/** Validate one file against the current registry and, if it is clean, load and store it. */
export async function importFile(name: string, bytes: Uint8Array, replace: boolean): Promise<ImportResult> {
  await startStore();
  const db = await getDb();
  const prep = prepareCsv(name, bytes, await readRegistry(db), { replace });
  if (!prep.prepared) return { ...prep, applied: null, failure: null };
  try {
    const applied = await applyImport(db, prep.prepared, async () => void (await saveImport(prep.prepared!)));
    app.dataVersion++;
    return { ...prep, applied, failure: null };
  } catch (e) {
    return { ...prep, applied: null, failure: e instanceof Error ? e.message : String(e) };
  }
}

export interface DocumentsResult {
  applied: AppliedImport | null;
  problems: Problem[];
  newAgencies: { agency_id: string; name: string }[];
  failure: string | null;
}

/** Commit reviewed documents in one transaction (all or nothing), and store them for reloads. */
export async function commitDocuments(drafts: DocumentDraft[], replace: boolean): Promise<DocumentsResult> {
  await startStore();
  const db = await getDb();
  const { prepared, problems } = prepareDocuments(drafts, await readRegistry(db), replace);
  if (!prepared) return { applied: null, problems, newAgencies: [], failure: null };
  try {
    const applied = await applyImport(db, prepared, async () => void (await saveImport(prepared)));
    app.dataVersion++;
    return { applied, problems, newAgencies: prepared.newAgencies, failure: null };
  } catch (e) {
    return { applied: null, problems, newAgencies: [], failure: e instanceof Error ? e.message : String(e) };
  }
}

/** Registry names and aliases → agency_id, for matching a draft's agency as it is typed. */
export async function registryLookup(): Promise<Map<string, string>> {
  await startStore();
  const map = new Map<string, string>();
  for (const a of await readRegistry(await getDb())) {
    map.set(a.agency_id, a.agency_id);
    map.set(a.name, a.agency_id);
    for (const al of a.aliases) map.set(al, a.agency_id);
  }
  return map;
}
