// DuckDB-WASM's blocking Node bundle: the same DuckDB version as the browser, for tests and
// the batch commands (audit, parse, bench). Not imported by the app.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { arrowToRows, type DbAdapter, type QueryOptions } from './adapter';
import { columnsToArrow } from './arrow';

export async function openNodeDb(): Promise<DbAdapter> {
  const require = createRequire(import.meta.url);
  const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
  // The CJS build: the ESM one has other class identities and inserts nothing (PITFALLS.md).
  const arrow = require('apache-arrow');
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const bundles = {
    mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const conn = db.connect();
  conn.query('SET autoload_known_extensions=false');
  conn.query('SET autoinstall_known_extensions=false');
  return {
    query: async <T,>(sql: string, opts?: QueryOptions) => arrowToRows<T>(conn.query(sql), opts),
    registerFile: async (name, bytes) => db.registerFileBuffer(name, bytes),
    dropFile: async (name) => void db.dropFile(name),
    insertColumns: async (name, columns, append = false) => void conn.insertArrowTable(columnsToArrow(arrow, columns), { name, create: !append }),
  };
}
