// User imports survive reloads and restarts: each committed import is kept in IndexedDB and
// replayed into a fresh DuckDB on start-up (the demo city is rebuilt from the bundled files).
import type { PreparedImport } from './load';

const DB_NAME = 'disclosure-dashboard';
const STORE = 'imports';

function openIdb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { autoIncrement: true });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function tx<T>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return openIdb().then(
    (idb) =>
      new Promise<T>((resolve, reject) => {
        const t = idb.transaction(STORE, mode);
        const req = f(t.objectStore(STORE));
        t.oncomplete = () => { idb.close(); resolve(req.result); };
        t.onerror = () => { idb.close(); reject(t.error ?? req.error); };
        t.onabort = () => { idb.close(); reject(t.error ?? new Error('IndexedDB transaction aborted')); };
      }),
  );
}

export interface StoredImport {
  key: number;
  imp: PreparedImport;
}

export async function saveImport(imp: PreparedImport): Promise<number> {
  return (await tx('readwrite', (s) => s.add(imp))) as number;
}

export async function listImports(): Promise<StoredImport[]> {
  const [keys, values] = await Promise.all([
    tx('readonly', (s) => s.getAllKeys()),
    tx('readonly', (s) => s.getAll()),
  ]);
  return keys.map((k, i) => ({ key: k as number, imp: values[i] as PreparedImport }));
}

export async function deleteImport(key: number): Promise<void> {
  await tx('readwrite', (s) => s.delete(key));
}

export async function clearImports(): Promise<void> {
  await tx('readwrite', (s) => s.clear());
}
