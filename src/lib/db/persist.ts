// What the user did to the data survives reloads and restarts: an ordered log in IndexedDB of
// committed imports and deletions, replayed into a fresh DuckDB on start-up, plus settings (is the
// demo city shown). The demo itself is rebuilt from the bundled files, never stored. An IndexedDB
// transaction is atomic: a write cut short (tab closed, quota hit) leaves no trace, and the import
// that asked for it is rolled back in DuckDB too (load.ts's beforeCommit).
// Measured against DuckDB's own OPFS file: see scripts/bench/persist.ts and the P6 commit.
import type { PreparedImport } from './load';

const DB_NAME = 'disclosure-dashboard';
const LOG = 'imports';
const SETTINGS = 'settings';

/** One step of the log. Version-1 entries are bare PreparedImports (read as imports). */
export type LogEntry =
  | { op: 'import'; imp: PreparedImport; at: string }
  | { op: 'delete'; agency_id: string; year: number; at: string };

export interface StoredEntry {
  key: number;
  entry: LogEntry;
}

export interface Settings {
  /** show the bundled synthetic demo city */
  demo: boolean;
}
const DEFAULT_SETTINGS: Settings = { demo: true };

function openIdb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 2);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(LOG)) db.createObjectStore(LOG, { autoIncrement: true });
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
    t.onerror = () => { idb.close(); reject(t.error); };
    t.onabort = () => { idb.close(); reject(t.error ?? new Error('IndexedDB transaction aborted')); };
    Promise.resolve(f(t)).then((v) => (out = v), (e) => { try { t.abort(); } catch { /* already done */ } reject(e); });
  });
}

const req = <T>(r: IDBRequest<T>) => new Promise<T>((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });

/** Test hooks, set by browser tests on window.__ddFaults: make the next write throw, hit the
 *  quota, or stall (the transaction held open) so a test can close the tab mid-write. */
interface Faults { failWrite?: 'error' | 'quota'; stallWriteMs?: number }
const faults = (): Faults => (globalThis as { __ddFaults?: Faults }).__ddFaults ?? {};

async function append(entry: LogEntry): Promise<number> {
  const f = faults();
  if (f.failWrite === 'quota') throw new DOMException('injected by a test', 'QuotaExceededError');
  if (f.failWrite === 'error') throw new Error('injected persistence failure');
  return tx([LOG], 'readwrite', async (t) => {
    const key = (await req(t.objectStore(LOG).add(entry))) as number;
    if (f.stallWriteMs) await stall(t, f.stallWriteMs);
    return key;
  });
}

/** Keeps a transaction alive (uncommitted) with back-to-back reads. */
async function stall(t: IDBTransaction, ms: number) {
  (globalThis as { __ddPersisting?: boolean }).__ddPersisting = true;
  const end = Date.now() + ms;
  while (Date.now() < end) await req(t.objectStore(LOG).count());
}

export function saveImport(imp: PreparedImport): Promise<number> {
  void requestPersistence();
  return append({ op: 'import', imp: pack(imp) as unknown as PreparedImport, at: new Date().toISOString() });
}

/** Records stored as one Float64Array of cells (NaN = blank) beside their metadata: a typed array
 *  clones as one copy, where 20,000 objects of 200 keys took seconds of the main thread and
 *  several times the space. */
interface Packed extends Omit<PreparedImport, 'records'> {
  packed: 1;
  codes: string[];
  cells: Float64Array;
  meta: Omit<PreparedImport['records'][number], 'cells'>[];
}

function pack(imp: PreparedImport): Packed {
  const codes = imp.records.length ? Object.keys(imp.records[0].cells) : [];
  const cells = new Float64Array(imp.records.length * codes.length);
  imp.records.forEach((r, i) => codes.forEach((c, j) => {
    const v = (r.cells as Record<string, number | null>)[c];
    cells[i * codes.length + j] = v === null || v === undefined ? NaN : v;
  }));
  const { records, ...rest } = imp;
  return { ...rest, packed: 1, codes, cells, meta: records.map(({ cells: _, ...m }) => m) };
}

function unpack(p: PreparedImport | Packed): PreparedImport {
  if (!('packed' in p)) return p;
  const { packed: _, codes, cells, meta, ...rest } = p;
  const records = meta.map((m, i) => {
    const c: Record<string, number | null> = {};
    codes.forEach((code, j) => {
      const v = cells[i * codes.length + j];
      c[code] = Number.isNaN(v) ? null : v;
    });
    return { ...m, cells: c } as PreparedImport['records'][number];
  });
  return { ...rest, records };
}

export function saveDeletion(agency_id: string, year: number): Promise<number> {
  return append({ op: 'delete', agency_id, year, at: new Date().toISOString() });
}

export async function listEntries(): Promise<StoredEntry[]> {
  return tx([LOG], 'readonly', async (t) => {
    const s = t.objectStore(LOG);
    const [keys, values] = await Promise.all([req(s.getAllKeys()), req(s.getAll())]);
    return keys.map((k, i) => ({ key: k as number, entry: asEntry(values[i]) }));
  });
}

/** The log without unpacking records (for listing it). */
export async function listSummaries(): Promise<{ key: number; op: LogEntry['op']; label: string; year: number | null; rows: number; at: string }[]> {
  return tx([LOG], 'readonly', async (t) => {
    const s = t.objectStore(LOG);
    const [keys, values] = await Promise.all([req(s.getAllKeys()), req(s.getAll())]);
    return keys.map((k, i) => {
      const o = values[i] as LogEntry | PreparedImport;
      const e: LogEntry = 'op' in o ? o : { op: 'import', imp: o, at: '' };
      if (e.op === 'delete') return { key: k as number, op: e.op, label: e.agency_id, year: e.year, rows: 1, at: e.at };
      const imp = e.imp as PreparedImport | Packed;
      const n = 'packed' in imp ? imp.meta.length : imp.records.length;
      return { key: k as number, op: e.op, label: imp.file, year: null, rows: n || imp.agencies.length, at: e.at };
    });
  });
}

function asEntry(v: unknown): LogEntry {
  const o = v as LogEntry | PreparedImport;
  if (!('op' in o)) return { op: 'import', imp: o, at: '' };
  return o.op === 'import' ? { ...o, imp: unpack(o.imp) } : o;
}

export async function deleteEntry(key: number): Promise<void> {
  await tx([LOG], 'readwrite', (t) => void t.objectStore(LOG).delete(key));
}

export async function readSettings(): Promise<Settings> {
  return tx([SETTINGS], 'readonly', async (t) => ({ ...DEFAULT_SETTINGS, ...((await req(t.objectStore(SETTINGS).get('settings'))) ?? {}) }));
}

export async function writeSettings(s: Settings): Promise<void> {
  await tx([SETTINGS], 'readwrite', (t) => void t.objectStore(SETTINGS).put(s, 'settings'));
}

/** Empties the log and sets the settings in one transaction (all or nothing). */
export async function resetAll(s: Settings): Promise<void> {
  await tx([LOG, SETTINGS], 'readwrite', (t) => {
    t.objectStore(LOG).clear();
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
