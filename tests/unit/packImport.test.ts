import { describe, expect, it } from 'vitest';
import { CHUNK_ROWS, pack, packAsync, unpack, type PackedHead } from '../../src/lib/db/packImport';
import type { PreparedImport } from '../../src/lib/db/load';
import { packedRows, withCells } from '../../src/lib/ingest/packedCells';
import { randomRecord } from '../fixtures/reports/randomRecord';

const imp = (n: number): PreparedImport => ({
  file: 'x.csv', kind: 'wide', agencies: [], newAgencies: [], replace: true,
  records: Array.from({ length: n }, (_, i) => ({ agency: `局${i}`, agency_id: `a${i}`, year: 2024, line: i + 2, published_on: i % 2 ? '2025-01-02' : null, cells: randomRecord(i + 1) })),
});

/** An unpacked import as plain records (cells read back out of the packed arrays). */
function asRecords(p: PreparedImport): PreparedImport {
  const { packedCells, ...rest } = p;
  if (!packedCells) return p;
  expect(packedRows(packedCells)).toBe(p.records.length);
  return { ...rest, records: withCells(p.records, packedCells) };
}

describe('stored imports (packed)', () => {
  it('round-trip exactly, blanks and fractions included, across chunk boundaries', async () => {
    for (const n of [0, 1, CHUNK_ROWS, CHUNK_ROWS + 3]) {
      const p = pack(imp(n));
      expect(p.chunks).toHaveLength(Math.ceil(n / CHUNK_ROWS));
      expect(asRecords(unpack(p.head, p.chunks))).toEqual(imp(n));
      const a = await packAsync(imp(n));
      expect(asRecords(unpack(a.head, a.chunks))).toEqual(imp(n));
    }
  });

  it('reads back imports stored before counts were packed as integers (cells as doubles)', () => {
    const now = pack(imp(5));
    const before = now.chunks.map((ch) => ({ meta: ch.meta, rows: ch.rows, cells: unpack(now.head, [ch]).packedCells!.chunks[0].cells }));
    expect(before[0].cells).toBeInstanceOf(Float64Array);
    expect(asRecords(unpack(now.head, before))).toEqual(imp(5));
  });

  it('a packed import is stored compactly (counts as 32-bit integers) and reads back packed', () => {
    const first = unpack(pack(imp(5)).head, pack(imp(5)).chunks);
    expect(first.packedCells).toBeDefined();
    const again = pack(first);
    const stored = again.chunks[0];
    expect(stored.ints).toBeInstanceOf(Int32Array);
    expect(stored.ints!.length).toBe(5 * 200);
    expect(stored.money!.length).toBe(5); // s2_fee_amount only
    expect(stored.cells).toBeUndefined();
    expect(asRecords(unpack(again.head, again.chunks))).toEqual(imp(5));
    // reading a packed record's cells directly is a bug, and says so
    expect(() => first.records[0].cells.s3_new_total).toThrow(/packed/);
  });

  it('still reads version 2 (row by row), as stored by earlier versions of the app', () => {
    const src = imp(3);
    const codes = Object.keys(src.records[0].cells);
    const cells = new Float64Array(3 * codes.length);
    src.records.forEach((r, i) => codes.forEach((c, j) => {
      const v = (r.cells as Record<string, number | null>)[c];
      cells[i * codes.length + j] = v === null ? NaN : v;
    }));
    const { records, ...rest } = src;
    const head: PackedHead = { ...rest, packed: 2, codes, rows: 3 };
    expect(unpack(head, [{ cells, meta: records.map(({ cells: _, ...m }) => m) }])).toEqual(src);
  });
});
