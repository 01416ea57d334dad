import { describe, expect, it } from 'vitest';
import { CHUNK_ROWS, pack, packAsync, unpack } from '../../src/lib/db/packImport';
import type { PreparedImport } from '../../src/lib/db/load';
import { randomRecord } from '../fixtures/reports/randomRecord';

const imp = (n: number): PreparedImport => ({
  file: 'x.csv', kind: 'wide', agencies: [], newAgencies: [], replace: true,
  records: Array.from({ length: n }, (_, i) => ({ agency: `局${i}`, agency_id: `a${i}`, year: 2024, line: i + 2, published_on: i % 2 ? '2025-01-02' : null, cells: randomRecord(i + 1) })),
});

describe('stored imports (packed)', () => {
  it('round-trip exactly, blanks and fractions included, across chunk boundaries', async () => {
    for (const n of [0, 1, CHUNK_ROWS, CHUNK_ROWS + 3]) {
      const p = pack(imp(n));
      expect(p.chunks).toHaveLength(Math.ceil(n / CHUNK_ROWS));
      expect(unpack(p.head, p.chunks)).toEqual(imp(n));
      const a = await packAsync(imp(n));
      expect(unpack(a.head, a.chunks)).toEqual(imp(n));
    }
  });
});
