// Property tests of the XLSX reader (prepareXlsx): arbitrary bytes and damaged workbooks never
// crash and are refused with a located reason; workbooks of random consistent records (one wide
// sheet, as a spreadsheet would hold them) load with zero problems and the same records.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CELL_CODES } from '../../../src/lib/format/cells';
import { prepareXlsx } from '../../../src/lib/xlsx/read';
import { randomRecord } from '../../fixtures/reports/randomRecord';
import { TIMEOUT, agencyName, expectLocated, params } from './fuzz';

const NOW = 2025;


async function book(rows: { agency: string; year: number; seed: number }[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('reports');
  ws.addRow(['agency', 'year', ...CELL_CODES]);
  for (const r of rows) { const c = randomRecord(r.seed); ws.addRow([r.agency, r.year, ...CELL_CODES.map((k) => c[k])]); }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
const records = fc.uniqueArray(fc.record({ agency: agencyName, year: fc.integer({ min: 2008, max: 2025 }), seed: fc.integer({ min: 1, max: 2 ** 30 }) }),
  { minLength: 1, maxLength: 3, selector: (r) => r.agency });

let valid: Uint8Array;

describe('XLSX reader', () => {
  it('arbitrary bytes (zip-like or not): refused with a reason, no crash', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.boolean(), async (b, zipHead) => {
      const bytes = zipHead ? new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b]) : b;
      const p = await prepareXlsx('x.xlsx', bytes, [], { nowYear: NOW });
      expect(p.prepared).toBeNull();
      expect(p.problems.length).toBeGreaterThan(0);
      expectLocated(p.problems, 'x.xlsx');
    }), params());
  }, TIMEOUT);

  it('a valid workbook with bytes flipped: no crash; loads only with no error', async () => {
    valid ??= await book([{ agency: '甲局', year: 2024, seed: 7 }]);
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 6 }), async (flips) => {
      const bytes = valid.slice();
      for (const [at, x] of flips) bytes[at % bytes.length] ^= x;
      const p = await prepareXlsx('d.xlsx', bytes, [], { nowYear: NOW });
      expectLocated(p.problems, 'd.xlsx');
      if (!p.prepared) expect(p.problems.some((q) => q.severity === 'error')).toBe(true);
    }), params());
  }, TIMEOUT);

  it('an empty extra sheet is skipped, not a crash (found by the flipped-bytes property)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await book([{ agency: '甲局', year: 2024, seed: 7 }])).buffer as ArrayBuffer);
    wb.addWorksheet('empty');
    const p = await prepareXlsx('e.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()), [], { nowYear: NOW });
    expect(p.problems).toEqual([]);
    expect(p.prepared!.records).toHaveLength(1);
  });

  it('workbooks of random consistent records load with zero problems and the same records', async () => {
    await fc.assert(fc.asyncProperty(records, async (rs) => {
      const p = await prepareXlsx('ok.xlsx', await book(rs), [], { nowYear: NOW });
      expect(p.problems).toEqual([]);
      expect(p.prepared!.records.map((r) => [r.agency, r.year, r.cells])).toEqual(rs.map((r) => [r.agency, r.year, randomRecord(r.seed)]));
    }), params());
  }, TIMEOUT);
});
