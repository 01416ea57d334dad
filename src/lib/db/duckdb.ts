// The one lazily opened DuckDB-WASM database of the app. Wasm and worker are bundled by Vite
// (?url), so no request leaves the app's origin.
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import * as arrow from 'apache-arrow';
import { arrowToRows, type DbAdapter, type QueryOptions } from './adapter';
import { columnsToArrow } from './arrow';
import { QueryCache } from './queryCache';

let opened: Promise<DbAdapter> | null = null;
const cache = new QueryCache();

/** Results known before DuckDB is open, by SQL text (the store decides when they hold). */
let early: Map<string, unknown[]> | null = null;

export function useEarlyResults(results: Record<string, unknown[]>) {
  early = new Map(Object.entries(results));
}

/** DuckDB now holds the data the early results were computed from: they become ordinary cached
 *  results (so the views' reload once it is open costs nothing), cleared by the next write. */
export function adoptEarlyResults() {
  for (const [sql, rows] of early ?? []) cache.put(sql, rows);
  early = null;
}

export function dropEarlyResults() {
  early = null;
}

/** A read that an early result may answer before DuckDB is open; otherwise DuckDB's answer. */
export async function queryEarly<T>(sql: string): Promise<T[]> {
  const hit = early?.get(sql);
  if (hit) return hit.slice() as T[];
  return (await getDb()).query<T>(sql);
}

/** Recent queries with their times, read by the benchmark (scripts/bench) to time each view's SQL
 *  and replay it on native DuckDB. Bounded, so it costs nothing that grows. */
export interface QueryLogEntry { sql: string; ms: number; at: number }
const queryLog: QueryLogEntry[] = [];
(globalThis as { __ddQueryLog?: QueryLogEntry[] }).__ddQueryLog = queryLog;
function logQuery(sql: string, ms: number) {
  queryLog.push({ sql, ms, at: performance.now() });
  if (queryLog.length > 2000) queryLog.splice(0, queryLog.length - 2000);
}

/** Statements queued or running on the connection, and when the last one ended. */
let pending = 0;
let lastDone = 0;

/** Resolves once the connection has had nothing to do for `quietMs` (for work that must never
 *  hold up what the user asked for). */
export async function whenIdle(quietMs: number): Promise<void> {
  for (;;) {
    const quiet = performance.now() - lastDone;
    if (pending === 0 && quiet >= quietMs) return;
    await new Promise((r) => setTimeout(r, Math.max(50, quietMs - quiet)));
  }
}

export function getDb(): Promise<DbAdapter> {
  opened ??= open();
  return opened;
}

async function open(): Promise<DbAdapter> {
  const bundles: duckdb.DuckDBBundles = {
    mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
    eh: { mainModule: ehWasm, mainWorker: ehWorker },
  };
  const bundle = await duckdb.selectBundle(bundles);
  const worker = new Worker(bundle.mainWorker!);
  worker.addEventListener('error', (e) => console.error('duckdb worker error', e.message));
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  performance.mark('dd:db-worker');
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  performance.mark('dd:db-instantiated');
  await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const conn = await db.connect();
  // Extensions would be fetched from DuckDB's servers: forbid it so a missing one fails clearly.
  await conn.query('SET autoload_known_extensions=false');
  await conn.query('SET autoinstall_known_extensions=false');
  // One connection, one queue: DuckDB-WASM's connection is not safe for interleaved async queries.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(f: () => Promise<T>): Promise<T> => {
    pending++;
    const next = chain.then(f, f);
    chain = next.catch(() => undefined).finally(() => { pending--; lastDone = performance.now(); });
    return next;
  };
  return {
    query: <T,>(sql: string, opts?: QueryOptions) => {
      const run = () => serial(async () => {
        const t0 = performance.now();
        const rows = arrowToRows<T>(await conn.query(sql), opts);
        logQuery(sql, performance.now() - t0);
        return rows;
      });
      return opts?.uncached && QueryCache.isRead(sql) ? run() : cache.get<T>(sql, run, opts?.lazy ? 'lazy' : '');
    },
    registerFile: (name, bytes) => serial(() => db.registerFileBuffer(name, bytes)),
    dropFile: (name) => serial(async () => void (await db.dropFile(name))),
    insertColumns: (name, columns, append = false) => {
      cache.clear();
      return serial(() => conn.insertArrowTable(columnsToArrow(arrow, columns), { name, create: !append }));
    },
  };
}
