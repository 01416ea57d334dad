// Start-up and imports: open DuckDB, build the schema, load the workspace shown (the bundled demo
// city, through the same validation as a user's file, or the user's own data), replay that
// workspace's stored log of imports, deletions and registry edits, then mark the app ready.
// The two workspaces never mix: the user's imports always go to their own workspace. DuckDB is a cache of bundled files + the log: every
// change is written to the log inside the DuckDB transaction that makes it (all or nothing).
import agenciesUrl from '../../../data/agencies.csv?url';
import reportsUrl from '../../../data/reports.csv?url';
import { packAsync, type PackedImport } from '../db/packImport';
import { adoptEarlyResults, dropEarlyResults, getDb, useEarlyResults } from '../db/duckdb';
import type { DbAdapter } from '../db/adapter';
import { CellStaging, applyImport, createSchema, readRegistry, type AppliedImport, type PreparedImport } from '../db/load';
import { prepareCsvInWorker } from '../ingest/csvClient';
import { isQuotaError, listEntries, logIsEmpty, readSettings, saveImport, storageInfo, writeSettings, type Settings, type Workspace } from '../db/persist';
import { applyAgencyEdit } from '../db/applyAgencyEdit';
import { useReviewsOf } from '../db/reviews';
import { prepareCsv, type Preparation } from '../ingest/prepare';
import { DEMO_FILE_NAMES, prepareDemoFiles } from '../ingest/demo';
import type { MatchDecisions, RegistryEntry } from '../ingest/resolve';
import { prepareDocuments, type DocumentDraft } from '../ingest/document';
import type { Problem } from '../i18n/messages';
import { problemText } from '../i18n/messages';
import { deleteAgencyYearSql } from './dataSql';
import { clearSql, reportParts, reportTables } from '../db/reportParts';
import { announce, exclusive, onOtherTab } from './sync';
import { app } from './app.svelte';

export const DEMO_FILES = [
  { name: DEMO_FILE_NAMES[0], url: agenciesUrl },
  { name: DEMO_FILE_NAMES[1], url: reportsUrl },
];

let started: Promise<void> | null = null;
export const settings: Settings = { demo: true, workspace: 'demo' };
/** stored entries that could not be replayed (kept in the log, reported on the import screen) */
export const replayFailures: { file: string; error: string }[] = [];

export function startStore(): Promise<void> {
  started ??= boot().catch((e) => {
    app.dbError = e instanceof Error ? e.message : String(e);
    throw e;
  });
  return started;
}

async function boot() {
  // Fetch, parse and validate the demo files and read the log while DuckDB's wasm compiles (in its
  // worker, leaving this thread idle): ~0.3 s off the first screen.
  const demo = prepareDemo();
  demo.catch(() => undefined);
  const stored = readSettings().catch(() => settings);
  const early = showFirstScreen(stored);
  const db = await getDb();
  performance.mark('dd:db-open');
  await createSchema(db);
  Object.assign(settings, await stored);
  const replayed = await loadAll(db, demo);
  // the early results were for the demo alone: they hold for what DuckDB now has only if that is so
  if ((await early) && settings.workspace === 'demo' && replayed === 0) adoptEarlyResults();
  else dropEarlyResults();
  app.earlyData = false;
  app.dbReady = true;
  app.dataVersion++;
  onOtherTab(() => void rebuild().catch(() => undefined));
}

/** The first screen before DuckDB is open (~1.5 s of wasm to fetch, compile and start): when the
 *  data is the bundled demo alone (shown, nothing imported), the overview's query results that the
 *  build computed from the same files with the same SQL on the same DuckDB
 *  (scripts/build/firstScreen.ts) answer those queries until DuckDB has loaded the demo itself. */
async function showFirstScreen(stored: Promise<Settings>): Promise<boolean> {
  // asked for at once (11 KB), while IndexedDB says whether it applies
  const module = import('virtual:first-screen');
  module.catch(() => undefined);
  try {
    const s = await stored;
    // the header names the workspace from the start (its data follows)
    app.workspace = s.workspace;
    app.demoOffered = s.demo;
    if (s.workspace !== 'demo' || !(await logIsEmpty('demo'))) return false;
    const { default: snapshot } = await module;
    if (app.dbReady) return false;
    useEarlyResults(snapshot.results);
    app.demoLoaded = true;
    app.earlyData = true;
    return true;
  } catch {
    return false; // no early screen: the views wait for DuckDB as usual
  }
}

/** Empty the tables and load the workspace shown and its log again, with the stored settings. */
export function rebuild(): Promise<void> {
  return exclusive(rebuildNow);
}

/** The same, for callers already inside `exclusive`. */
export async function rebuildNow() {
  await startStore();
  const db = await getDb();
  app.dbReady = false;
  try {
    Object.assign(settings, await readSettings());
    for (const sql of clearSql(await reportParts(db))) await db.query(sql);
    await loadAll(db);
  } catch (e) {
    app.dbError = errorText(e);
    throw e;
  } finally {
    app.dbReady = true;
    app.dataVersion++;
  }
}

/** The bundled demo files, fetched, parsed and validated as any user's files are. */
async function prepareDemo(): Promise<PreparedImport[]> {
  const files = await Promise.all(DEMO_FILES.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await (await fetch(f.url)).arrayBuffer()) })));
  return prepareDemoFiles(files, app.lang);
}

/** The workspace shown (the demo's files, or nothing for the user's own) + its replayed log into
 *  empty tables. Returns how many log entries there were. */
export async function loadAll(db: DbAdapter, demo?: Promise<PreparedImport[]>): Promise<number> {
  const ws = settings.workspace;
  useReviewsOf(ws);
  // (left as it is while the demo reloads: the first screen already shows it as loaded)
  if (ws !== 'demo') app.demoLoaded = false;
  if (ws === 'demo') {
    // the tables were just created or cleared: the demo goes in without conflict checks
    for (const imp of await (demo ?? prepareDemo())) await applyImport(db, imp, undefined, true);
    app.demoLoaded = true;
  }
  performance.mark('dd:demo-loaded');
  replayFailures.length = 0;
  const entries = await listEntries(ws);
  for (const { entry } of entries) {
    try {
      if (entry.op === 'import') await applyImport(db, entry.imp);
      else if (entry.op === 'agency') await applyAgencyEdit(db, entry.edit);
      else for (const sql of deleteAgencyYearSql(entry.agency_id, entry.year, await reportTables(db))) await db.query(sql);
    } catch (e) {
      replayFailures.push({ file: entryLabel(entry), error: errorText(e) });
    }
  }
  performance.mark('dd:store-ready');
  // the header names the workspace once its data is in (the views are not ready before)
  app.workspace = ws;
  app.demoOffered = settings.demo;
  return entries.length;
}

function entryLabel(e: Awaited<ReturnType<typeof listEntries>>[number]['entry']): string {
  if (e.op === 'import') return e.imp.file;
  if (e.op === 'delete') return `${e.agency_id} ${e.year}`;
  return e.edit.kind === 'merge' ? `${e.edit.from} → ${e.edit.into}` : e.edit.kind === 'create' ? e.edit.row.agency_id : e.edit.agency_id;
}

/** Show the other workspace: its data and log replace the tables' contents (all tabs follow). */
export async function switchWorkspace(ws: Workspace): Promise<void> {
  await startStore();
  await exclusive(async () => {
    if (settings.workspace === ws) return;
    // the demo shown again is offered again
    await writeSettings({ ...settings, workspace: ws, demo: ws === 'demo' ? true : settings.demo });
    await rebuildNow();
  });
  announce();
}

/** The user's own data never joins the demo: an import started while the demo is shown first
 *  switches to the user's own workspace (created by that first import), with one notice. */
export async function ensureOwnWorkspace(): Promise<void> {
  await startStore();
  if (settings.workspace === 'own') return;
  await switchWorkspace('own');
  app.workspaceNotice = true;
}

export const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Load a prepared import and append it to the log, in one transaction: a failed write (quota,
 *  a closed tab, an injected fault) leaves DuckDB and the log as they were. */
async function commitPrepared(db: DbAdapter, imp: PreparedImport, packed?: Promise<PackedImport>): Promise<AppliedImport> {
  performance.mark('dd:commit-start');
  const applied = await exclusive(() => applyImport(db, imp, async () => {
    performance.mark('dd:persist-start');
    await saveImport(settings.workspace, imp, packed);
    performance.mark('dd:persist-end');
  }));
  announce();
  app.dataVersion++;
  return applied;
}

/** A plain sentence for a failed commit: storage full gets the figures from storage.estimate. */
export async function failureText(e: unknown): Promise<string> {
  if (!isQuotaError(e)) return errorText(e);
  const { usage, quota } = await storageInfo();
  const mb = (n: number | null) => (n === null ? '?' : (n / 1e6).toFixed(1));
  return app.lang === 'zh'
    ? `浏览器本地存储空间不足（已用 ${mb(usage)} MB / 上限 ${mb(quota)} MB），本次导入已撤销，数据没有任何改变。请在「数据管理」中删除旧的导入，或在浏览器设置中释放空间后重试。`
    : `The browser's local storage is full (${mb(usage)} MB used of ${mb(quota)} MB): this import was rolled back and nothing changed. Delete older imports under "Data management", or free space in the browser's settings, then try again.`;
}

export interface ImportResult extends Preparation {
  applied: AppliedImport | null;
  /** set when a valid file still failed to load (e.g. storage full); nothing was changed */
  failure: string | null;
}

/** Reads one file into an import (CSV by default; XLSX and Parquet plug in their own). */
export type Preparer = (name: string, bytes: Uint8Array, registry: RegistryEntry[], opts: { replace: boolean }) => Preparation | Promise<Preparation>;

/** Validate one file against the current registry and, if it is clean, load and store it. */
export async function importFile(name: string, bytes: Uint8Array, replace: boolean, prepare: Preparer = prepareCsv): Promise<ImportResult> {
  await ensureOwnWorkspace();
  const db = await getDb();
  const prep = await prepare(name, bytes, await readRegistry(db), { replace });
  return commitPreparation(prep);
}

/** A CSV file through the CSV worker: a wide file's cells are staged into DuckDB chunk by chunk
 *  while the rest is still being read (the two run on different threads), then the validated
 *  import is committed and stored — or, if the file has any error, the staged cells are dropped. */
export async function importCsvFile(file: File, replace: boolean, onProgress?: (done: number, total: number) => void, decisions?: MatchDecisions): Promise<ImportResult> {
  await ensureOwnWorkspace();
  const db = await getDb();
  const staging = new CellStaging(db);
  try {
    const prep = await prepareCsvInWorker(file, await readRegistry(db), replace, onProgress, (chunk) => staging.add(chunk), () => staging.restart(), decisions);
    performance.mark('dd:csv-prepared');
    // packed for storage while DuckDB finishes staging (~0.25 s of the main thread at 100k rows)
    const packed = prep.prepared ? packAsync(prep.prepared) : undefined;
    packed?.catch(() => undefined);
    if (prep.prepared?.packedCells) {
      try {
        prep.prepared.stagedCells = (await staging.finish()) ?? undefined;
      } catch (e) {
        return { ...prep, prepared: null, applied: null, failure: await failureText(e) };
      }
    }
    return await commitPreparation(prep, packed);
  } finally {
    // after the result is shown (a staged table that became the import's own is gone already)
    void staging.drop().catch(() => undefined);
  }
}

/** Commit a CSV preparation made elsewhere (the CSV worker). The result keeps no records: the
 *  import screen holds it, and 100,000 records held there were gigabytes the tab never gave back. */
export async function commitPreparation(prep: Preparation, packed?: Promise<PackedImport>): Promise<ImportResult> {
  if (!prep.prepared) return { ...prep, applied: null, failure: null };
  const slim = { ...prep, prepared: { ...prep.prepared, records: [], packedCells: undefined } };
  try {
    return { ...slim, applied: await commitPrepared(await getDb(), prep.prepared, packed), failure: null };
  } catch (e) {
    return { ...slim, applied: null, failure: await failureText(e) };
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
  await ensureOwnWorkspace();
  const db = await getDb();
  const { prepared, problems } = prepareDocuments(drafts, await readRegistry(db), replace);
  if (!prepared) return { applied: null, problems, newAgencies: [], failure: null };
  try {
    const applied = await commitPrepared(db, prepared);
    return { applied, problems, newAgencies: prepared.newAgencies, failure: null };
  } catch (e) {
    return { applied: null, problems, newAgencies: [], failure: await failureText(e) };
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

/** The registry with its hierarchy, for matching drafts' agencies (agencyMatch.ts). */
export async function registryEntries(): Promise<RegistryEntry[]> {
  await startStore();
  return readRegistry(await getDb());
}
