// Parquet: the whole dataset out and back into a fresh store (every row equal), a damaged file
// refused with located problems, and a file over HTTP read by range: only the footer and one
// year's chunks of the asked-for columns are fetched.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbAdapter } from '../../src/lib/db/adapter';
import { applyImport, readRegistry } from '../../src/lib/db/load';
import { exportDataset, prepareParquet } from '../../src/lib/parquet/dataset';
import { isZip, writeParquet } from '../../src/lib/parquet/io';
import { readYearFromUrl, type FetchLog } from '../../src/lib/parquet/remote';
import { REPORT_COLUMNS, datasetTables } from '../../src/lib/parquet/tables';
import { prepareCsv } from '../../src/lib/ingest/prepare';
import { consistentCells, wideCsv } from './helpers/records';
import { freshDb, loadCsv } from './helpers/db';

async function demoDb(): Promise<DbAdapter> {
  const db = await freshDb();
  await loadCsv(db, 'agencies.csv', readFileSync('data/agencies.csv', 'utf8'));
  await loadCsv(db, 'reports.csv', readFileSync('data/reports.csv', 'utf8'));
  return db;
}

const snapshot = async (db: DbAdapter) => ({
  reports: await db.query('SELECT * EXCLUDE (import_id, imported_at) FROM reports ORDER BY agency_id, year'),
  agencies: await db.query('SELECT * EXCLUDE (import_id) FROM agencies ORDER BY agency_id'),
  sources: await db.query('SELECT * FROM cell_sources ORDER BY agency_id, year, code'),
  texts: await db.query('SELECT * FROM document_texts ORDER BY agency_id, year'),
  faults: await db.query('SELECT * FROM cell_faults ORDER BY agency_id, year, code'),
});

const REPORT_TEXT = '示例市甲局2024年政府信息公开工作年度报告\n一、总体情况\n六、存在的主要问题及改进情况\n本年度未收取信息处理费。\n';

const review = { key: 'balance|SL-D01|2024|total', state: 'confirmed' as const, note: '已核实：原表笔误', at: '2026-11-20T08:00:00.000Z' };

describe('Parquet dataset', () => {
  let source: DbAdapter;
  let zip: Uint8Array;
  beforeAll(async () => {
    source = await demoDb();
    // a user's import beyond the demo: a new agency, a replaced report, per-cell provenance, a fee
    const prep = prepareCsv('mine.csv', new TextEncoder().encode(wideCsv([
      { agency: '示例市新设局', year: 2024, published_on: '2025-01-20', cells: { ...consistentCells(7, 3), s2_fee_amount: 0.35 } },
      { agency: 'SL-D01', agency_id: 'SL-D01', year: 2024, cells: consistentCells(11, 4) },
    ])), await readRegistry(source), { nowYear: 2025 });
    prep.prepared!.cellSources = [{ agency_id: 'SL-D01', year: 2024, code: 's3_new_total', file: 'mine.pdf', page: 2, line: 14 }];
    // the document's text (read again on import: its sections and fee) and a count printed as 2.5
    prep.prepared!.reportTexts = [{ agency_id: 'SL-D01', year: 2024, source: 'mine.pdf', text: REPORT_TEXT }];
    prep.prepared!.records[1].faults = [{ code: 's3_new_legal', value: 2.5 }];
    await applyImport(source, prep.prepared!);
    zip = await exportDataset(source, [review]);
  }, 60_000);

  it('exports one zip of Parquet files and loads it into a fresh store with every row equal', async () => {
    expect(isZip(zip)).toBe(true);
    const fresh = await demoDb();
    const prep = await prepareParquet('dataset.zip', zip, await readRegistry(fresh), { nowYear: 2025 });
    expect(prep.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(prep.reviews).toEqual([review]);
    await applyImport(fresh, prep.prepared!);
    const [a, b] = [await snapshot(source), await snapshot(fresh)];
    expect(b.reports.length).toBe(a.reports.length);
    expect(b).toEqual(a);
    expect(b.sources).toHaveLength(1);
    expect(b.texts).toHaveLength(1);
    expect(b.texts[0]).toMatchObject({ agency_id: 'SL-D01', year: 2024, source: 'mine.pdf', text: REPORT_TEXT, fee_yuan: 0 });
    expect(b.faults).toEqual([{ agency_id: 'SL-D01', year: 2024, code: 's3_new_legal', printed: 2.5 }]);
    expect(b.reports.find((r) => r.agency_id === '示例市新设局')!.s2_fee_amount).toBe(0.35);
  });

  it('a damaged reports table loads nothing and says file, line and column', async () => {
    const db = await demoDb();
    const tables = await datasetTables(db, []);
    const reports = tables.find((t) => t.name === 'reports')!;
    const col = (n: string) => reports.columns.find((c) => c.name === n)!;
    col('s3_new_natural').data[4] = -3;
    col('year').data[9] = 1890;
    const bytes = writeParquet(reports.columns);
    const prep = await prepareParquet('reports.parquet', bytes, await readRegistry(db), { nowYear: 2025 });
    expect(prep.prepared).toBeNull();
    const where = prep.problems.map((p) => `${p.file}:${p.line}:${p.column}`);
    // an impossible year refuses the table; a negative count is the report's own fault: loaded, and
    // flagged by the negative rule (P8), never a reason to refuse the file
    expect(where).toContain('reports.parquet:11:year');
    expect(where).not.toContain('reports.parquet:6:s3_new_natural');
    await expect(prepareParquet('x.parquet', new Uint8Array([80, 65, 82, 49, 0, 0, 0, 0]), [], {})).resolves.toMatchObject({ prepared: null });
  });
});

describe('Parquet over HTTP', () => {
  let server: Server;
  let base = '';
  const files: Record<string, Uint8Array> = {};
  let served = 0;
  beforeAll(async () => {
    const db = await demoDb();
    files['demo.parquet'] = writeParquet((await datasetTables(db, [])).find((t) => t.name === 'reports')!.columns);
    files['big.parquet'] = writeParquet(syntheticReports(5, 2000));
    server = createServer((req, res) => {
      const file = files[(req.url ?? '').slice(1)];
      if (!file) return void res.writeHead(404).end();
      const range = /bytes=(\d+)-(\d*)/.exec(req.headers.range ?? '');
      if (req.method === 'HEAD') {
        res.writeHead(200, { 'Content-Length': file.length, 'Accept-Ranges': 'bytes' }).end();
      } else if (range) {
        const start = Number(range[1]);
        const end = range[2] ? Number(range[2]) + 1 : file.length;
        served += end - start;
        res.writeHead(206, { 'Content-Range': `bytes ${start}-${end - 1}/${file.length}`, 'Content-Length': end - start });
        res.end(Buffer.from(file.subarray(start, end)));
      } else {
        served += file.length;
        res.writeHead(200, { 'Content-Length': file.length }).end(Buffer.from(file));
      }
    });
    // longer than fetch's own idle timeout: a loaded machine's delayed timers otherwise let the server
    // close a kept-alive socket just as fetch reuses it (ECONNRESET)
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  }, 60_000);
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('reads one year of two columns of the demo export, equal to the store', async () => {
    const got = await readYearFromUrl(`${base}demo.parquet`, 2023, ['agency_id', 's3_new_total']);
    const demo = readFileSync('data/reports.csv', 'utf8');
    expect(got.numRows).toBe(demo.trim().split('\n').length - 1);
    expect(got.columns).toEqual(['year', 'agency_id', 's3_new_total']);
    const db = await demoDb();
    const want = await db.query('SELECT agency_id, s3_new_total FROM reports WHERE year = 2023 ORDER BY agency_id');
    expect(got.rows.map((r) => ({ agency_id: r.agency_id, s3_new_total: r.s3_new_total }))).toEqual(want);
  });

  it('on 10,000 agency-years fetches the footer and one year\'s chunks only: a small part of the file', async () => {
    served = 0;
    const log: FetchLog = { requests: 0, bytes: 0 };
    const got = await readYearFromUrl(`${base}big.parquet`, 2022, ['agency_id', 's3_new_total'], log);
    expect(got.numRows).toBe(10_000);
    expect(got.rows).toHaveLength(2000);
    expect(got.rows.every((r) => r.year === 2022)).toBe(true);
    expect(served).toBe(log.bytes);
    const size = files['big.parquet'].length;
    expect(log.bytes).toBeLessThan(size * 0.15);
    console.log(`range reads: ${log.requests} requests, ${log.bytes} of ${size} bytes (${((100 * log.bytes) / size).toFixed(1)}%)`);
  });
});

/** `years` × `n` reports with seeded pseudo-random cells, sorted by year (as the export writes). */
function syntheticReports(years: number, n: number) {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const rows = years * n;
  return REPORT_COLUMNS.map(([name, type]) => ({
    name, type,
    data: Array.from({ length: rows }, (_, i) => {
      const year = 2020 + Math.floor(i / n);
      if (name === 'agency_id') return `A${String(i % n).padStart(5, '0')}`;
      if (name === 'year') return year;
      if (name === 'reported_name' || name === 'source') return `机构${i % n}`;
      if (type === 'DATE' || type === 'TIMESTAMP') return new Date(Date.UTC(year + 1, 0, 1 + (i % 28)));
      if (type === 'DOUBLE') return Math.round(rnd() * 1000) / 100;
      return Math.floor(rnd() * 500);
    }),
  }));
}
