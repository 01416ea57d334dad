import { beforeEach, describe, expect, it } from 'vitest';
import type { DbAdapter } from '../../src/lib/db/adapter';
import { CellStaging, applyImport, readRegistry } from '../../src/lib/db/load';
import { prepareCsv } from '../../src/lib/ingest/prepare';
import { prepareCsvStream } from '../../src/lib/ingest/csvStream';
import { CHUNK_ROWS } from '../../src/lib/ingest/packedCells';
import { consistentCells, wideCsv } from './helpers/records';
import { freshDb, loadCsv } from './helpers/db';

const REGISTRY = 'agency_id,name,level,parent_id,category,is_aggregate,aliases\nC,示例市,市级,,综合,否,\nD1,示例市甲局,市级部门,C,综合,否,示例市旧甲局\nQ,示例区,区县,C,区县政府,是,\n';

describe('loading into DuckDB', () => {
  let db: DbAdapter;
  beforeEach(async () => {
    db = await freshDb();
    await loadCsv(db, 'agencies.csv', REGISTRY);
  });

  it('holds the cell catalogue from cells.csv', async () => {
    expect(await db.query("SELECT COUNT(*)::INTEGER AS n, COUNT(DISTINCT grp)::INTEGER AS groups FROM cells")).toEqual([{ n: 200, groups: 13 }]);
    expect(await db.query("SELECT row_label_zh, col_label_zh, unit FROM cells WHERE code = 's2_fee_amount'"))
      .toEqual([{ row_label_zh: '行政事业性收费', col_label_zh: '本年收费金额（单位：万元）', unit: '万元' }]);
  });

  it('keeps blanks as NULL and zeros as 0, and resolves names and aliases', async () => {
    await loadCsv(db, 'r.csv', wideCsv([
      { agency: '示例市甲局', year: 2024, published_on: '2025-01-10', cells: consistentCells(5, 2) },
      { agency: '示例市旧甲局', year: 2023, cells: consistentCells(4, 1) },
    ]));
    const rows = await db.query<{ agency_id: string; year: number; s2_fee_amount: number | null; s3_new_legal: number; s3_new_total: number; reported_name: string; published_on: string | null }>(
      'SELECT agency_id, year, s2_fee_amount, s3_new_legal, s3_new_total, reported_name, published_on::VARCHAR AS published_on FROM reports ORDER BY year');
    expect(rows).toEqual([
      { agency_id: 'D1', year: 2023, s2_fee_amount: null, s3_new_legal: 0, s3_new_total: 5, reported_name: '示例市旧甲局', published_on: null },
      { agency_id: 'D1', year: 2024, s2_fee_amount: null, s3_new_legal: 0, s3_new_total: 6, reported_name: '示例市甲局', published_on: '2025-01-10' },
    ]);
  });

  it('replaces an agency-year already loaded, or keeps it when asked', async () => {
    await loadCsv(db, 'a.csv', wideCsv([{ agency: 'D1', year: 2024, cells: consistentCells(5, 2) }]));
    const r1 = await loadCsv(db, 'b.csv', wideCsv([{ agency: 'D1', year: 2024, cells: consistentCells(9, 2) }]));
    expect(r1.replaced).toBe(1);
    const r2 = await loadCsv(db, 'c.csv', wideCsv([{ agency: 'D1', year: 2024, cells: consistentCells(20, 2) }]), false);
    expect(r2.skipped).toBe(1);
    expect(await db.query('SELECT s3_new_total, source FROM reports')).toEqual([{ s3_new_total: 10, source: 'b.csv' }]);
  });

  it('adds an unknown agency to the registry as a new top-level entry and logs the import', async () => {
    await loadCsv(db, 'n.csv', wideCsv([{ agency: '示例市新设局', year: 2024, cells: consistentCells(3, 1) }]));
    expect(await db.query("SELECT agency_id, name, parent_id, is_aggregate FROM agencies WHERE name = '示例市新设局'"))
      .toEqual([{ agency_id: '示例市新设局', name: '示例市新设局', parent_id: null, is_aggregate: false }]);
    const log = await db.query<{ file_name: string; rows: number; new_agencies: string[] }>('SELECT file_name, rows, new_agencies FROM imports ORDER BY import_id');
    expect(log.at(-1)).toEqual({ file_name: 'n.csv', rows: 1, new_agencies: ['示例市新设局'] });
  });

  it('a failure inside the transaction leaves every table exactly as it was', async () => {
    await loadCsv(db, 'a.csv', wideCsv([{ agency: 'D1', year: 2024, cells: consistentCells(5, 2) }]));
    const snapshot = async () => JSON.stringify([
      await db.query('SELECT * EXCLUDE (imported_at) FROM reports ORDER BY agency_id, year'),
      await db.query('SELECT * FROM agencies ORDER BY agency_id'),
      await db.query('SELECT import_id, file_name FROM imports ORDER BY import_id'),
    ]);
    const before = await snapshot();
    const prep = prepareCsv('boom.csv', new TextEncoder().encode(wideCsv([
      { agency: 'D1', year: 2024, cells: consistentCells(50, 2) },
      { agency: '示例市另一新局', year: 2024, cells: consistentCells(3, 1) },
    ])), await readRegistry(db), { nowYear: 2025 });
    await expect(applyImport(db, prep.prepared!, async () => { throw new Error('disk full'); })).rejects.toThrow('disk full');
    expect(await snapshot()).toEqual(before);
  });

  it('loads 2,000 agency-years in one pass', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => ({ agency: `机构${i % 500}`, year: 2021 + Math.floor(i / 500), cells: consistentCells(3 + (i % 7), 1) }));
    const r = await loadCsv(db, 'big.csv', wideCsv(rows));
    expect(r.inserted).toBe(2000);
    expect(await db.query('SELECT COUNT(*)::INTEGER AS n, SUM(s3_new_total)::DOUBLE AS s FROM reports'))
      .toEqual([{ n: 2000, s: rows.reduce((a, r) => a + (r.cells.s3_new_total as number), 0) }]);
  });

  it('a packed import (typed arrays from the CSV worker, several chunks) loads exactly what the record path loads, and replaces or keeps alike', async () => {
    const rows = Array.from({ length: CHUNK_ROWS + 7 }, (_, i) => ({ agency: `机构${i % 2003}`, year: 2019 + Math.floor(i / 2003), published_on: i % 3 ? '2025-01-05' : undefined, cells: { ...consistentCells(3 + (i % 11), i % 4), s2_fee_amount: i % 5 ? null : (i % 13) / 4 } }));
    const text = wideCsv(rows);
    const bytes = new TextEncoder().encode(text);
    const streamed = await prepareCsvStream('p.csv', bytes.length, async (a, b) => bytes.slice(a, b), await readRegistry(db), { nowYear: 2025 });
    expect(streamed.prepared!.packedCells!.chunks.length).toBe(2);
    const dump = () => db.query<Record<string, unknown>>(`SELECT * EXCLUDE (import_id, imported_at, source) FROM reports ORDER BY agency_id, year`);
    expect((await applyImport(db, streamed.prepared!)).inserted).toBe(rows.length);
    const fromPacked = await dump();
    db = await freshDb();
    await loadCsv(db, 'agencies.csv', REGISTRY);
    await loadCsv(db, 'p.csv', text);
    expect(await dump()).toEqual(fromPacked);
    expect(fromPacked.filter((r) => r.s2_fee_amount === 0.25)).not.toHaveLength(0);
    // the same file again, packed: kept (none inserted), then replaced
    const again = await prepareCsvStream('p.csv', bytes.length, async (a, b) => bytes.slice(a, b), await readRegistry(db), { nowYear: 2025, replace: false });
    expect(await applyImport(db, again.prepared!)).toMatchObject({ inserted: 0, skipped: rows.length });
    expect(await applyImport(db, { ...again.prepared!, replace: true })).toMatchObject({ inserted: rows.length, replaced: rows.length });
    expect(await dump()).toEqual(fromPacked);
  });

  it('cells staged chunk by chunk while the file is read load the same rows; a file with an error late on stages its first chunks, loads nothing, and its staging goes', async () => {
    const rows = Array.from({ length: CHUNK_ROWS + 11 }, (_, i) => ({ agency: `机构${i % 1999}`, year: 2019 + Math.floor(i / 1999), cells: { ...consistentCells(2 + (i % 9), i % 3), s2_fee_amount: i % 7 ? null : 0.5 } }));
    const bytes = new TextEncoder().encode(wideCsv(rows));
    const read = async (a: number, b: number) => bytes.slice(a, b);
    const staging = new CellStaging(db);
    const prep = await prepareCsvStream('s.csv', bytes.length, read, await readRegistry(db), { nowYear: 2025, onChunk: (c) => staging.add(c) });
    const staged = await staging.finish();
    expect(staged).toEqual({ table: staging.table, rows: rows.length });
    const dump = () => db.query<Record<string, unknown>>('SELECT * EXCLUDE (import_id, imported_at, source) FROM reports ORDER BY agency_id, year');
    expect((await applyImport(db, { ...prep.prepared!, stagedCells: staged! })).inserted).toBe(rows.length);
    await staging.drop();
    const fromStaged = await dump();
    db = await freshDb();
    await loadCsv(db, 'agencies.csv', REGISTRY);
    await applyImport(db, prep.prepared!); // the same import from its packed cells (as replayed after a reload)
    expect(await dump()).toEqual(fromStaged);

    const bad = new TextEncoder().encode(wideCsv(rows).replace(/\n机构5,2024,/, '\n机构5,2024x,'));
    const before = await dump();
    const late = new CellStaging(db);
    let chunks = 0;
    let restarts = 0;
    const failed = await prepareCsvStream('b.csv', bad.length, async (a, b) => bad.slice(a, b), await readRegistry(db), {
      nowYear: 2025, onChunk: (c) => { chunks++; late.add(c); }, onRestart: () => { restarts++; chunks = 0; late.restart(); },
    });
    expect(failed.prepared).toBeNull();
    expect(failed.problems.map((p) => p.column)).toEqual(['year']);
    // the fast reader stopped at the error; the general one read the file again to name every problem
    expect(restarts).toBe(1);
    expect(chunks).toBe(1); // the first 10,000 rows went ahead before the error was found
    expect(await db.query(`SELECT COUNT(*)::INTEGER AS n FROM ${late.table}`)).toEqual([{ n: CHUNK_ROWS }]);
    await late.drop();
    expect(await db.query(`SELECT COUNT(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name LIKE 'staged_cells_%'`)).toEqual([{ n: 0 }]);
    expect(await dump()).toEqual(before);
  });
});
