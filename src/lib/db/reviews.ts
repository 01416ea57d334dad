// A supervisor's review of compliance flags ("确认无误" with a note), kept in IndexedDB so it
// survives reloads and restarts. Keyed by the stable flag key (rule|agency_id|year|column), so a
// re-import that still raises the same flag keeps its review. A database of its own: persist.ts
// owns 'disclosure-dashboard' at version 1, and a second store there would need a version bump.
// One database per workspace (reviews of the demo city never show on the user's own data): the
// user's own keeps the name reviews had before workspaces, as their log does (persist.ts).
import type { Workspace } from './persist';

const STORE = 'reviews';
let workspace: Workspace = 'demo';
const dbName = () => (workspace === 'own' ? 'disclosure-dashboard-reviews' : 'disclosure-dashboard-reviews-demo');

/** The workspace whose reviews are read and written from now on (set when it is loaded). */
export function useReviewsOf(ws: Workspace) {
  workspace = ws;
}

export interface Review {
  key: string;
  state: 'confirmed';
  note: string;
  /** ISO time of the review */
  at: string;
}

function openIdb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(dbName(), 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function tx<T>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const idb = await openIdb();
  return new Promise<T>((resolve, reject) => {
    const t = idb.transaction(STORE, mode);
    const req = f(t.objectStore(STORE));
    t.oncomplete = () => { idb.close(); resolve(req.result); };
    t.onerror = () => { idb.close(); reject(t.error ?? req.error); };
    t.onabort = () => { idb.close(); reject(t.error ?? new Error('IndexedDB transaction aborted')); };
  });
}

export async function listReviews(): Promise<Map<string, Review>> {
  const all = (await tx('readonly', (s) => s.getAll())) as Review[];
  return new Map(all.map((r) => [r.key, r]));
}

export async function confirmFlag(key: string, note: string): Promise<Review> {
  const r: Review = { key, state: 'confirmed', note, at: new Date().toISOString() };
  await tx('readwrite', (s) => s.put(r));
  return r;
}

export async function reopenFlag(key: string): Promise<void> {
  await tx('readwrite', (s) => s.delete(key));
}

/** Forget every review (data management's "clear all"). */
export async function clearReviews(): Promise<void> {
  await tx('readwrite', (s) => s.clear());
}

/** Reviews carried in an imported dataset, stored as they were (note and time kept). */
export async function putReviews(list: readonly Review[]): Promise<void> {
  if (!list.length) return;
  const idb = await openIdb();
  await new Promise<void>((resolve, reject) => {
    const t = idb.transaction(STORE, 'readwrite');
    const s = t.objectStore(STORE);
    for (const r of list) s.put({ key: r.key, state: r.state, note: r.note, at: r.at });
    t.oncomplete = () => { idb.close(); resolve(); };
    t.onerror = () => { idb.close(); reject(t.error); };
    t.onabort = () => { idb.close(); reject(t.error ?? new Error('IndexedDB transaction aborted')); };
  });
}
