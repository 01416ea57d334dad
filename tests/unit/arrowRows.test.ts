// Arrow results → JS rows, on a real DuckDB: the column-wise conversion and the lazy rows give
// exactly what Arrow's own row objects (toJSON) give, for every type the app's queries return.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { arrowToRows, lazyRows, type Row } from '../../src/lib/db/adapter';

type Conn = { query(sql: string): { toArray(): { toJSON(): Row }[] } };
let conn: Conn;

beforeAll(async () => {
  const require = createRequire(import.meta.url);
  const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const db = await duckdb.createDuckDB({
    mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
  }, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  conn = db.connect();
});

/** What the adapter returned before: Arrow's row objects, BigInt → number, vectors → arrays. */
function viaToJson(t: { toArray(): { toJSON(): Row }[] }): Row[] {
  const plain = (v: unknown): unknown => {
    if (typeof v === 'bigint') return Number(v);
    if (v && typeof v === 'object' && typeof (v as { toArray?: unknown }).toArray === 'function') return Array.from((v as { toArray(): unknown[] }).toArray(), plain);
    return v;
  };
  return t.toArray().map((r) => Object.fromEntries(Object.entries(r.toJSON()).map(([k, v]) => [k, plain(v)])));
}

// several thousand rows, so the result comes in more than one Arrow batch
const SQL = `SELECT i::INTEGER AS i, CASE WHEN i % 3 = 0 THEN NULL ELSE i * 1.5 END AS d,
  CASE WHEN i % 4 = 0 THEN NULL WHEN i % 2 = 0 THEN '甲局_' || i ELSE 'ascii-' || i END AS s,
  CASE WHEN i % 5 = 0 THEN NULL ELSE i % 2 = 0 END AS b, SUM(i) OVER (ORDER BY i) AS big,
  (i * 1000000000000)::BIGINT AS i64, (i % 7)::SMALLINT AS small, (i / 3)::DECIMAL(10, 2) AS dec,
  CASE WHEN i % 6 = 0 THEN NULL ELSE ['x', i::VARCHAR] END AS lst, DATE '2024-01-01' + i::INTEGER AS dt,
  CASE WHEN i % 2 = 0 THEN '' ELSE repeat('长', i % 90) END AS long_s
FROM range(5000) t(i)`;

describe('Arrow → rows', () => {
  it('the column-wise conversion equals Arrow row objects, over several batches', () => {
    const t = conn.query(SQL);
    const want = viaToJson(t);
    const got = arrowToRows<Row>(t);
    expect(got.length).toBe(5000);
    expect(got).toEqual(want);
    expect(got[3]).toMatchObject({ i: 3, d: null, s: 'ascii-3', b: false });
    expect(got[4]).toMatchObject({ s: null, b: true, small: 4 });
  });

  it('lazy rows read as plain objects: values, keys, in, spread, JSON', () => {
    const t = conn.query(SQL);
    const want = viaToJson(t);
    const got = lazyRows<Row>(t);
    expect(got).toEqual(want);
    expect(Object.keys(got[7])).toEqual(Object.keys(want[7]));
    expect({ ...got[8] }).toEqual(want[8]);
    expect(JSON.parse(JSON.stringify(got[9]))).toEqual(JSON.parse(JSON.stringify(want[9])));
    expect('s' in got[1] && !('nope' in got[1])).toBe(true);
    expect(got[2].nope).toBeUndefined();
  });

  it('a lazy row written to becomes an ordinary object with its values', () => {
    const got = lazyRows<Row>(conn.query(SQL));
    const r = got[12];
    r.extra = 1;
    r.s = 'changed';
    delete r.d;
    expect(r).toMatchObject({ i: 12, s: 'changed', extra: 1, b: true });
    expect('d' in r).toBe(false);
    expect(Object.keys(r)).toContain('extra');
    expect(got[13].s).toBe('ascii-13'); // other rows untouched
  });
});
