// Native DuckDB (@duckdb/node-api) as the benchmark's yardstick: the same schema, the same files
// loaded with read_csv, the same SQL texts the app ran. Runs a newer DuckDB than the browser's
// (PITFALLS.md), so it is the comparison, not the engine the tests trust.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { schemaSql } from '../../src/lib/db/schema';

export interface Native {
  conn: DuckDBConnection;
  close(): void;
}

export async function openNative(threads?: number): Promise<Native> {
  const inst = await DuckDBInstance.create(':memory:', threads ? { threads: String(threads) } : {});
  const conn = await inst.connect();
  for (const sql of schemaSql()) await conn.run(sql);
  return { conn, close: () => { conn.closeSync(); inst.closeSync(); } };
}

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

export async function loadRegistry(n: Native, file: string) {
  await n.conn.run(`INSERT INTO agencies (agency_id, name, level, parent_id, category, is_aggregate, aliases, import_id)
    SELECT agency_id, name, NULLIF(level, ''), NULLIF(parent_id, ''), NULLIF(category, ''),
    lower(is_aggregate) IN ('true', '是', '1'), CASE WHEN coalesce(aliases, '') = '' THEN []::VARCHAR[] ELSE string_split(aliases, ';') END, 1
    FROM read_csv(${q(file)}, header = true, all_varchar = true)`);
}

/** The native import: the wide CSV read by read_csv straight into `reports`. Returns ms. */
export async function loadReports(n: Native, file: string): Promise<number> {
  const t0 = performance.now();
  await n.conn.run(`INSERT INTO report_rows BY NAME SELECT agency_id, year::INTEGER AS year, agency AS reported_name,
    published_on::DATE AS published_on, ${q(file)} AS source, 2 AS import_id, now()::TIMESTAMP AS imported_at, COLUMNS('^s[234]_')
    FROM read_csv(${q(file)}, header = true)`);
  return performance.now() - t0;
}

/** Runs each SQL text (best of `reps`) and returns the total ms. */
export async function timeQueries(n: Native, sqls: string[], reps = 3): Promise<number> {
  let total = 0;
  for (const sql of sqls) {
    let best = Infinity;
    for (let i = 0; i < reps; i++) {
      const t0 = performance.now();
      await n.conn.runAndReadAll(sql);
      best = Math.min(best, performance.now() - t0);
    }
    total += best;
  }
  return total;
}
