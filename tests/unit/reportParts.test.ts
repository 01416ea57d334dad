// Big imports get a table of their own under the `reports` view: reads see every table, replacing
// and keeping, deleting, clearing and a failed import behave as with one table — on a real DuckDB.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DbAdapter } from '../../src/lib/db/adapter';
import { CellStaging, applyImport, readRegistry, type PreparedImport } from '../../src/lib/db/load';
import { prepareCsvStream } from '../../src/lib/ingest/csvStream';
import { PART_MIN_ROWS, clearSql, reportParts, reportTables } from '../../src/lib/db/reportParts';
import { deleteAgencyYearSql } from '../../src/lib/state/dataSql';
import { consistentCells } from './helpers/records';
import { freshDb } from './helpers/db';

/** `n` agency-years of agencies P0…, 5,000 agencies a year from 2021; `new` applications = base + i % 7. */
function bigImport(n: number, base: number, replace = true, file = 'big.csv'): PreparedImport {
  const records = Array.from({ length: n }, (_, i) => ({
    agency: `P${i % 5000}`, agency_id: `P${i % 5000}`, year: 2021 + Math.floor(i / 5000), line: i + 2,
    cells: consistentCells(base + (i % 7), 1),
  }));
  return { file, kind: 'wide', agencies: [], newAgencies: [], records, replace };
}

const total = async (db: DbAdapter, where = 'true') =>
  (await db.query<{ n: number; s: number | null }>(`SELECT COUNT(*)::INTEGER AS n, SUM(s3_new_natural)::DOUBLE AS s FROM reports WHERE ${where}`))[0];
const tables = (db: DbAdapter) => db.query<{ t: string }>(`SELECT table_name AS t FROM duckdb_tables() WHERE table_name LIKE 'report_%' ORDER BY 1`).then((r) => r.map((x) => x.t));

let db: DbAdapter;
beforeAll(async () => { db = await freshDb(); });

describe('reports over tables', () => {
  it('a big import becomes a table of its own; small ones go to report_rows; the view reads both', async () => {
    const n = PART_MIN_ROWS;
    const big = await applyImport(db, bigImport(n, 10));
    expect(big.inserted).toBe(n);
    expect(await reportParts(db)).toEqual([`report_part_${big.importId}`]);
    expect(await tables(db)).toEqual(['report_part_1', 'report_parts', 'report_rows']);
    expect(await db.query(`SELECT COUNT(*)::INTEGER AS n FROM report_rows`)).toEqual([{ n: 0 }]);
    const expectedSum = Array.from({ length: n }, (_, i) => 10 + (i % 7)).reduce((a, b) => a + b, 0);
    expect(await total(db)).toEqual({ n, s: expectedSum });
    // the part's rows carry their import and a date type like report_rows'
    expect(await db.query(`SELECT DISTINCT import_id, typeof(published_on) AS t FROM reports`)).toEqual([{ import_id: big.importId, t: 'DATE' }]);

    // a small import replacing three agency-years of the part: they move to report_rows
    const small = { ...bigImport(3, 100, true, 'small.csv') };
    const r = await applyImport(db, small);
    expect(r).toMatchObject({ inserted: 3, replaced: 3 });
    expect(await db.query(`SELECT COUNT(*)::INTEGER AS n FROM report_rows`)).toEqual([{ n: 3 }]);
    expect(await total(db)).toEqual({ n, s: expectedSum - (10 + 11 + 12) + (100 + 101 + 102) });

    // a second big import that keeps what is loaded: only its new agency-years land
    const keep = bigImport(n + 5000, 1000, false, 'keep.csv');
    const k = await applyImport(db, keep);
    expect(k).toMatchObject({ inserted: 5000, skipped: n });
    expect(await reportParts(db)).toHaveLength(2);
    expect(await total(db, 'year = 2025')).toEqual({ n: 5000, s: Array.from({ length: 5000 }, (_, i) => 1000 + ((n + i) % 7)).reduce((a, b) => a + b, 0) });
    expect((await total(db)).n).toBe(n + 5000);

    // a big import replacing rows of both tables and of the other part
    const again = await applyImport(db, bigImport(n + 5000, 7));
    expect(again).toMatchObject({ inserted: n + 5000, replaced: n + 5000 });
    expect((await total(db)).n).toBe(n + 5000);
    expect(await db.query(`SELECT COUNT(*)::INTEGER AS n FROM report_rows`)).toEqual([{ n: 0 }]);
    expect(await db.query(`SELECT DISTINCT import_id FROM reports`)).toEqual([{ import_id: again.importId }]);
  });

  it('deleting an agency-year reaches the part that holds it', async () => {
    const before = (await total(db)).n;
    for (const sql of deleteAgencyYearSql('P7', 2022, await reportTables(db))) await db.query(sql);
    expect((await total(db)).n).toBe(before - 1);
    expect((await total(db, `agency_id = 'P7' AND year = 2022`)).n).toBe(0);
  });

  it('a failed big import leaves no table behind and every figure as it was', async () => {
    const before = { t: await tables(db), parts: await reportParts(db), sum: await total(db) };
    await expect(applyImport(db, bigImport(PART_MIN_ROWS, 50), async () => { throw new Error('disk full'); })).rejects.toThrow('disk full');
    expect({ t: await tables(db), parts: await reportParts(db), sum: await total(db) }).toEqual(before);
  });

  it('clearing drops every part', async () => {
    for (const sql of clearSql(await reportParts(db))) await db.query(sql);
    expect(await tables(db)).toEqual(['report_parts', 'report_rows']);
    expect((await total(db)).n).toBe(0);
    await applyImport(db, bigImport(3, 1));
    expect((await total(db)).n).toBe(3);
  });

  it('a big CSV staged while it is read becomes the part itself, with the same rows as when replayed', async () => {
    const n = PART_MIN_ROWS + 3;
    const lines = Array.from({ length: n }, (_, i) => `局${i % 4001},${2019 + Math.floor(i / 4001)},${i % 11},${(i % 11) + 1},${i % 3 ? '' : '2024-01-2' + (i % 9)}`);
    const bytes = new TextEncoder().encode(`agency,year,s3_new_natural,s3_new_total,published_on\n${lines.join('\n')}\n`);
    const staging = new CellStaging(db);
    const prep = await prepareCsvStream('s.csv', bytes.length, async (a, b) => bytes.slice(a, b), await readRegistry(db), { nowYear: 2025, onChunk: (c) => staging.add(c) });
    expect(prep.problems).toEqual([]);
    const staged = await staging.finish();
    const r = await applyImport(db, { ...prep.prepared!, stagedCells: staged! });
    await staging.drop();
    expect(r.inserted).toBe(n);
    expect(await reportParts(db)).toEqual([`report_part_${r.importId}`]);
    expect(await tables(db)).toEqual([`report_part_${r.importId}`, 'report_parts', 'report_rows']); // renamed, not copied
    const dump = () => db.query(`SELECT * EXCLUDE (import_id, imported_at) FROM reports ORDER BY agency_id, year`);
    const fromStaged = await dump();
    expect(fromStaged).toHaveLength(n + 3);
    expect(await db.query(`SELECT DISTINCT source, typeof(published_on) AS t FROM reports WHERE import_id = ${r.importId}`)).toEqual([{ source: 's.csv', t: 'DATE' }]);

    // the same import replayed from its records (as after a reload): the same rows
    const other = await freshDb();
    await applyImport(other, bigImport(3, 1));
    await applyImport(other, { ...prep.prepared! });
    expect(await other.query(`SELECT * EXCLUDE (import_id, imported_at) FROM reports ORDER BY agency_id, year`)).toEqual(fromStaged);
  });
});
