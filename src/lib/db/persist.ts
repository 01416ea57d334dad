// What the user did to the data survives reloads and restarts: an ordered log in IndexedDB of
// committed imports, deletions and registry edits, replayed into a fresh DuckDB on start-up, plus
// settings (which workspace is shown, is the demo offered). One log per workspace: the user's own
// ('own', the store the app always had, so logs written before workspaces existed are the user's)
// and the demo city's ('demo': its deletions and registry edits; imports never go there). The
// demo's data itself is rebuilt from the bundled files, never stored. An IndexedDB
// transaction is atomic: a write cut short (tab closed, quota hit) leaves no trace, and the import
// that asked for it is rolled back in DuckDB too (load.ts's beforeCommit).
// Imports are stored packed, their records in chunks of their own (packImport.ts).
// Kept over DuckDB's own OPFS file (scripts/bench/persist.ts): OPFS starts ~1.5 s sooner at 10k
// agency-years but writes ~14× slower, locks out a second tab, and would carry old schemas and a
// stale demo across app updates; the log is rebuilt by the current code on every start.
import type { PreparedImport } from './load';
import type { AgencyEdit } from './agencyEdit';
import { packAsync, unpack, type PackedChunk, type PackedHead, type PackedImport } from './packImport';

const DB_NAME = 'disclosure-dashboard';
const LOG = 'imports';
const DEMO_LOG = 'imports-demo';
const SETTINGS = 'settings';
const CHUNKS = 'chunks';

/** A workspace: the bundled demo city, or the user's own data. Never mixed. */
export type Workspace = 'demo' | 'own';
const logStore = (ws: Workspace) => (ws === 'own' ? LOG : DEMO_LOG);

/** One step of the log. */
export type LogEntry =
  | { op: 'import'; imp: PreparedImport; at: string }
  | { op: 'delete'; agency_id: string; year: number; at: string }
  | { op: 'agency'; edit: AgencyEdit; at: string };
/** As stored. Version-1 entries are bare PreparedImports (read as imports). */
type StoredValue =
  | { op: 'import'; imp: PackedHead | PreparedImport; chunks?: number[]; at: string }
  | { op: 'delete'; agency_id: string; year: number; at: string }
  | { op: 'agency'; edit: AgencyEdit; at: string }
  | PreparedImport;

export interface StoredEntry {
  key: number;
  entry: LogEntry;
}

export interface Settings {
  /** the demo workspace is offered (the header's switch); off: the user's own data only */
  demo: boolean;
  /** the workspace shown (all tabs show the same one) */
  workspace: Workspace;
}
const DEFAULT_SETTINGS: Settings = { demo: true, workspace: 'demo' };

function openIdb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 4);
    req.onupgradeneeded = () => {
      const db = req.result;
      for (const name of [LOG, DEMO_LOG, CHUNKS]) if (!db.objectStoreNames.contains(name)) db.createObjectStore(name, { autoIncrement: true });
      if (!db.objectStoreNames.contains(SETTINGS)) db.createObjectStore(SETTINGS);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error('IndexedDB is held by an older tab of this app: close it and reload'));
  });
}

/** Runs `f` in one transaction over `stores`; resolves with f's result once it has committed. */
async function tx<T>(stores: string[], mode: IDBTransactionMode, f: (t: IDBTransaction) => T | Promise<T>): Promise<T> {
  const idb = await openIdb();
  return new Promise<T>((resolve, reject) => {
    const t = idb.transaction(stores, mode);
    let out: T;
    t.oncomplete = () => { idb.close(); resolve(out); };
    // the failing request's error: the transaction's own is not set yet when this fires
    t.onerror = (ev) => { idb.close(); reject((ev.target as IDBRequest | null)?.error ?? t.error ?? new Error('IndexedDB write failed')); };
    t.onabort = () => { idb.close(); reject(t.error ?? new Error('IndexedDB transaction aborted')); };
    Promise.resolve(f(t)).then((v) => (out = v), (e) => { try { t.abort(); } catch { /* already done */ } reject(e); });
  });
}

const req = <T>(r: IDBRequest<T>) => new Promise<T>((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });

/** Test hooks, set by browser tests on window.__ddFaults: make the next write throw, hit the
 *  quota, or stall (the transaction held open) so a test can close the tab mid-write. */
interface Faults { failWrite?: 'error' | 'quota'; stallWriteMs?: number }
const faults = (): Faults => (globalThis as { __ddFaults?: Faults }).__ddFaults ?? {};

async function append(ws: Workspace, entry: LogEntry, prepacked?: Promise<PackedImport>): Promise<number> {
  const f = faults();
  if (f.failWrite === 'quota') throw new DOMException('injected by a test', 'QuotaExceededError');
  if (f.failWrite === 'error') throw new Error('injected persistence failure');
  const packed = entry.op === 'import' ? await (prepacked ?? packAsync(entry.imp)) : null;
  const store = logStore(ws);
  return tx([store, CHUNKS], 'readwrite', async (t) => {
    let value: StoredValue = entry;
    if (entry.op === 'import' && packed) {
      const keys: number[] = [];
      for (const c of packed.chunks) keys.push((await req(t.objectStore(CHUNKS).add(c))) as number);
      value = { op: 'import', imp: packed.head, chunks: keys, at: entry.at };
    }
    const key = (await req(t.objectStore(store).add(value))) as number;
    if (f.stallWriteMs) await stall(t, store, f.stallWriteMs);
    return key;
  });
}

/** Keeps a transaction alive (uncommitted) with back-to-back reads. */
async function stall(t: IDBTransaction, store: string, ms: number) {
  (globalThis as { __ddPersisting?: boolean }).__ddPersisting = true;
  const end = Date.now() + ms;
  while (Date.now() < end) await req(t.objectStore(store).count());
}

/** `packed`: the import already packed for storage (packImport.ts), e.g. while its cells were
 *  still being staged. */
export function saveImport(ws: Workspace, imp: PreparedImport, packed?: Promise<PackedImport>): Promise<number> {
  void requestPersistence();
  return append(ws, { op: 'import', imp, at: new Date().toISOString() }, packed);
}

export function saveDeletion(ws: Workspace, agency_id: string, year: number): Promise<number> {
  return append(ws, { op: 'delete', agency_id, year, at: new Date().toISOString() });
}

/** A registry edit (create, change, merge), written inside the DuckDB transaction that makes it. */
export function saveAgencyEdit(ws: Workspace, edit: AgencyEdit): Promise<number> {
  void requestPersistence();
  return append(ws, { op: 'agency', edit, at: new Date().toISOString() });
}

export async function listEntries(ws: Workspace): Promise<StoredEntry[]> {
  const store = logStore(ws);
  return tx([store, CHUNKS], 'readonly', async (t) => {
    const s = t.objectStore(store);
    const [keys, values] = await Promise.all([req(s.getAllKeys()), req(s.getAll())]);
    const out: StoredEntry[] = [];
    for (const [i, v] of (values as StoredValue[]).entries()) {
      const e = asStored(v);
      let entry: LogEntry;
      if (e.op === 'delete' || e.op === 'agency') entry = e;
      else if ('packed' in e.imp) {
        const chunks = await Promise.all((e.chunks ?? []).map((k) => req(t.objectStore(CHUNKS).get(k)) as Promise<PackedChunk>));
        entry = { op: 'import', imp: unpack(e.imp, chunks), at: e.at };
      } else entry = { op: 'import', imp: e.imp, at: e.at };
      out.push({ key: keys[i] as number, entry });
    }
    return out;
  });
}

/** True when nothing was imported or deleted (a count: no entry is read). */
export async function logIsEmpty(ws: Workspace): Promise<boolean> {
  return tx([logStore(ws)], 'readonly', async (t) => (await req(t.objectStore(logStore(ws)).count())) === 0);
}

/** The log without its records (for listing it). */
export async function listSummaries(ws: Workspace): Promise<{ key: number; op: LogEntry['op']; label: string; year: number | null; rows: number; at: string }[]> {
  const store = logStore(ws);
  return tx([store], 'readonly', async (t) => {
    const s = t.objectStore(store);
    const [keys, values] = await Promise.all([req(s.getAllKeys()), req(s.getAll())]);
    return (values as StoredValue[]).map((v, i) => {
      const e = asStored(v);
      const key = keys[i] as number;
      if (e.op === 'delete') return { key, op: e.op, label: e.agency_id, year: e.year, rows: 1, at: e.at };
      if (e.op === 'agency') return { key, op: e.op, label: editLabel(e.edit), year: null, rows: 1, at: e.at };
      const n = 'packed' in e.imp ? e.imp.rows : e.imp.records.length;
      return { key, op: e.op, label: e.imp.file, year: null, rows: n || e.imp.agencies.length, at: e.at };
    });
  });
}

function asStored(v: StoredValue): Exclude<StoredValue, PreparedImport> {
  return 'op' in v ? v : { op: 'import', imp: v, at: '' };
}

/** A registry edit in a log listing: what it did, by agency id. */
function editLabel(e: AgencyEdit): string {
  if (e.kind === 'merge') return `${e.from} → ${e.into}`;
  return e.kind === 'create' ? e.row.agency_id : e.agency_id;
}

export async function deleteEntry(ws: Workspace, key: number): Promise<void> {
  const store = logStore(ws);
  await tx([store, CHUNKS], 'readwrite', async (t) => {
    const v = (await req(t.objectStore(store).get(key))) as StoredValue | undefined;
    const e = v && asStored(v);
    if (e?.op === 'import') for (const k of e.chunks ?? []) t.objectStore(CHUNKS).delete(k);
    t.objectStore(store).delete(key);
  });
}

export async function readSettings(): Promise<Settings> {
  return tx([SETTINGS, LOG], 'readonly', async (t) => {
    const stored = (await req(t.objectStore(SETTINGS).get('settings'))) as Partial<Settings> | undefined;
    const s = { ...DEFAULT_SETTINGS, ...(stored ?? {}) };
    // settings from before workspaces: imports (then shown on top of the demo) or a hidden demo
    // make the user's own workspace the one shown
    if (stored && !stored.workspace) s.workspace = !s.demo || (await req(t.objectStore(LOG).count())) > 0 ? 'own' : 'demo';
    return s;
  });
}

export async function writeSettings(s: Settings): Promise<void> {
  await tx([SETTINGS], 'readwrite', (t) => void t.objectStore(SETTINGS).put(s, 'settings'));
}

/** Empties one workspace's log (and its imports' chunks) and sets the settings, in one
 *  transaction (all or nothing). The other workspace's log stays. */
export async function resetWorkspace(ws: Workspace, s: Settings): Promise<void> {
  const store = logStore(ws);
  await tx([store, CHUNKS, SETTINGS], 'readwrite', async (t) => {
    for (const v of (await req(t.objectStore(store).getAll())) as StoredValue[]) {
      const e = asStored(v);
      if (e.op === 'import') for (const k of e.chunks ?? []) t.objectStore(CHUNKS).delete(k);
    }
    t.objectStore(store).clear();
    t.objectStore(SETTINGS).put(s, 'settings');
  });
}

export interface StorageInfo { usage: number | null; quota: number | null; persisted: boolean | null }

export async function storageInfo(): Promise<StorageInfo> {
  const st = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  const est = await st?.estimate?.().catch(() => null);
  const persisted = await st?.persisted?.().catch(() => null);
  return { usage: est?.usage ?? null, quota: est?.quota ?? null, persisted: persisted ?? null };
}

/** Ask the browser not to evict our data under storage pressure (granted or not, silently). */
let asked = false;
async function requestPersistence() {
  if (asked) return;
  asked = true;
  await navigator.storage?.persist?.().catch(() => false);
}

export function isQuotaError(e: unknown): boolean {
  const name = (e as { name?: string } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}
