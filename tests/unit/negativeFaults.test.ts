// A report's faults are data: a wide CSV with a negative count and a fractional count loads (the
// rest of the file with it) and the `negative` rule flags both, through both CSV readers, on a real
// DuckDB. A fractional count is never rounded into a total: its cell is blank, its printed value kept.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DbAdapter } from '../../src/lib/db/adapter';
import { applyImport, readRegistry } from '../../src/lib/db/load';
import { clearSql, reportParts, reportTables } from '../../src/lib/db/reportParts';
import { prepareCsvStream } from '../../src/lib/ingest/csvStream';
import { deleteAgencyYearSql } from '../../src/lib/state/dataSql';
import { consistentCells, wideCsv } from './helpers/records';
import { freshDb, loadCsv } from './helpers/db';
import { flagsOf } from './helpers/scenario';

let db: DbAdapter;
beforeAll(async () => { db = await freshDb(); }, 60_000);

const rows = () => {
  const bad = consistentCells(23, 9);
  bad.s3_new_legal = -4; // a negative count, as printed
  bad.s3_granted_natural = 8.5; // a fractional count
  return [
    { agency: '淮安市教育局', year: 2024, cells: consistentCells(31, 12) },
    { agency: '淮安市财政局', year: 2024, cells: bad },
    { agency: '淮安市民政局', year: 2024, cells: consistentCells(17, 5) },
  ];
};

async function reset() {
  for (const sql of clearSql(await reportParts(db))) await db.query(sql);
}

async function loadStream(text: string) {
  const bytes = new TextEncoder().encode(text);
  const prep = await prepareCsvStream('faults.csv', bytes.length, async (a, b) => bytes.slice(a, b), await readRegistry(db), { nowYear: 2025, replace: true });
  expect(prep.problems.filter((p) => p.severity === 'error')).toEqual([]);
  await applyImport(db, prep.prepared!);
}

describe('negative and fractional counts: loaded and flagged, not refused', () => {
  for (const reader of ['general', 'stream'] as const) {
    it(`${reader} reader: the file loads whole and \`negative\` flags both cells`, async () => {
      await reset();
      const text = wideCsv(rows());
      if (reader === 'general') await loadCsv(db, 'faults.csv', text);
      else await loadStream(text);
      const [{ n }] = await db.query<{ n: number }>('SELECT COUNT(*)::INTEGER AS n FROM reports');
      expect(n).toBe(3);
      const flags = await flagsOf(db, 'negative');
      expect(flags.map((f) => `${f.agency} ${f.column} ${f.actual}`).sort()).toEqual(['淮安市财政局 s3_granted_natural 8.5', '淮安市财政局 s3_new_legal -4']);
      const frac = flags.find((f) => f.column === 's3_granted_natural')!;
      expect(frac.message_zh).toContain('整数');
      expect(frac.expected).toBe(9);
      // the negative count is in the report as printed; the fraction is blank there (never in a sum)
      const [cells] = await db.query<{ legal: number; granted: number | null }>(
        "SELECT s3_new_legal AS legal, s3_granted_natural AS granted FROM reports r JOIN agencies a USING (agency_id) WHERE a.name = '淮安市财政局'");
      expect(cells).toEqual({ legal: -4, granted: null });
    });
  }

  it('a corrected file replaces the fault; deleting the agency-year removes it', async () => {
    await reset();
    await loadCsv(db, 'faults.csv', wideCsv(rows()));
    const fixed = rows();
    fixed[1].cells = consistentCells(23, 9);
    await loadCsv(db, 'fixed.csv', wideCsv(fixed));
    expect(await flagsOf(db, 'negative')).toEqual([]);
    await loadCsv(db, 'faults.csv', wideCsv(rows()));
    expect((await flagsOf(db, 'negative')).length).toBe(2);
    const [{ id }] = await db.query<{ id: string }>("SELECT agency_id AS id FROM agencies WHERE name = '淮安市财政局'");
    for (const sql of deleteAgencyYearSql(id, 2024, await reportTables(db))) await db.query(sql);
    expect(await flagsOf(db, 'negative')).toEqual([]);
    const [{ n }] = await db.query<{ n: number }>('SELECT COUNT(*)::INTEGER AS n FROM cell_faults');
    expect(n).toBe(0);
  });
});
