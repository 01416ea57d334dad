// Browser side of scripts/bench/persist.ts (the log stored packed, as the app stores it) (served by Vite's dev server): the app's own
// validation and load code against two ways of keeping data — the app's IndexedDB log replayed
// into an in-memory DuckDB, and DuckDB's own database file in OPFS.
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import * as arrow from 'apache-arrow';
import { arrowToRows, type DbAdapter } from '../../src/lib/db/adapter';
import { columnsToArrow } from '../../src/lib/db/arrow';
import { applyImport, createSchema, readRegistry, type PreparedImport } from '../../src/lib/db/load';
import { prepareCsv } from '../../src/lib/ingest/prepare';
import { pack, unpack } from '../../src/lib/db/packImport';

async function open(path?: string) {
  const worker = new Worker(ehWorker);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(ehWasm);
  await db.open({ path, accessMode: path ? duckdb.DuckDBAccessMode.READ_WRITE : undefined, query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const conn = await db.connect();
  const a: DbAdapter = {
    query: async <T,>(sql: string) => arrowToRows<T>(await conn.query(sql)),
    registerFile: (n, b) => db.registerFileBuffer(n, b),
    dropFile: async (n) => void (await db.dropFile(n)),
    insertColumns: async (n, cols) => void (await conn.insertArrowTable(columnsToArrow(arrow, cols), { name: n, create: true })),
  };
  return { db, worker, a };
}

const bytes = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer());
const FILES: Record<string, string[]> = {
  demo: ['/data/agencies.csv', '/data/reports.csv'],
  '10k': ['/data/agencies.csv', '/data/reports.csv', '/.bench/10000/agencies.csv', '/.bench/10000/reports.csv'],
};

async function prepared(a: DbAdapter, set: string): Promise<PreparedImport[]> {
  const out: PreparedImport[] = [];
  for (const f of FILES[set]) {
    const p = prepareCsv(f, await bytes(f), await readRegistry(a));
    if (!p.prepared) throw new Error(`${f}: ${p.problems[0]?.message_en}`);
    await applyImport(a, p.prepared);
    out.push(p.prepared);
  }
  return out;
}

function idb<T>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return new Promise((res, rej) => {
    const r = indexedDB.open('bench', 1);
    r.onupgradeneeded = () => r.result.createObjectStore('log', { autoIncrement: true });
    r.onsuccess = () => {
      const t = r.result.transaction('log', mode);
      const q = f(t.objectStore('log'));
      t.oncomplete = () => { r.result.close(); res(q.result); };
      t.onerror = () => rej(t.error);
    };
    r.onerror = () => rej(r.error);
  });
}

const count = async (a: DbAdapter) => (await a.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM reports'))[0].n;

(window as unknown as { bench: unknown }).bench = {
  /** Write: the app's way (log in IndexedDB) and OPFS (DuckDB file). User imports = all but the demo. */
  async setup(set: string) {
    const mem = await open();
    await createSchema(mem.a);
    const preps = await prepared(mem.a, set);
    const user = preps.slice(2);
    await idb('readwrite', (s) => s.clear());
    let t0 = performance.now();
    for (const p of user) await idb('readwrite', (s) => s.add(pack(p)));
    const idbWriteMs = performance.now() - t0;
    mem.worker.terminate();
    const root = await navigator.storage.getDirectory();
    for (const n of ['bench.db', 'bench.db.wal']) await root.removeEntry(n).catch(() => undefined);
    const op = await open('opfs://bench.db');
    t0 = performance.now();
    await createSchema(op.a);
    await prepared(op.a, set);
    await op.a.query('CHECKPOINT');
    const opfsWriteMs = performance.now() - t0;
    const n = await count(op.a);
    await op.db.terminate();
    const est = await navigator.storage.estimate();
    return { reports: n, idbWriteMs, opfsWriteMs, usageMb: (est.usage ?? 0) / 1e6 };
  },
  /** Start-up as after a restart: open, build, replay (IndexedDB) or just open the file (OPFS). */
  async startIdb(set: string) {
    const t0 = performance.now();
    const mem = await open();
    const t1 = performance.now();
    await createSchema(mem.a);
    for (const f of FILES[set].slice(0, 2)) {
      const p = prepareCsv(f, await bytes(f), await readRegistry(mem.a));
      await applyImport(mem.a, p.prepared!);
    }
    const t2 = performance.now();
    const log = ((await idb('readonly', (s) => s.getAll())) as ReturnType<typeof pack>[]).map((p) => unpack(p.head, p.chunks));
    const t3 = performance.now();
    for (const p of log) await applyImport(mem.a, p);
    const t4 = performance.now();
    const n = await count(mem.a);
    mem.worker.terminate();
    return { reports: n, instantiateMs: t1 - t0, demoMs: t2 - t1, idbReadMs: t3 - t2, replayMs: t4 - t3, totalMs: t4 - t0 };
  },
  /** Opens the OPFS file and keeps it open (a first tab). */
  async holdOpfs() {
    const op = await open('opfs://bench.db');
    (window as unknown as { held: unknown }).held = op;
    return count(op.a);
  },
  async startOpfsOrError() {
    try {
      return String((await (window as unknown as { bench: { startOpfs(): Promise<{ reports: number }> } }).bench.startOpfs()).reports);
    } catch (e) {
      return `error: ${e instanceof Error ? e.message : String(e)}`;
    }
  },
  async startOpfs() {
    const t0 = performance.now();
    const op = await open('opfs://bench.db');
    const t1 = performance.now();
    const n = await count(op.a);
    const t2 = performance.now();
    await op.db.terminate();
    return { reports: n, instantiateAndOpenMs: t1 - t0, firstQueryMs: t2 - t1, totalMs: t2 - t0 };
  },
};
document.title = 'ready';
