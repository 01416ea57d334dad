// The streaming CSV reader (the import worker's) against the whole-file one: read in random
// slices (so multi-byte characters break across them) it accepts exactly what prepareCsv accepts
// and loads the same records; its problems name the physical line.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CELL_CODES } from '../../../src/lib/format/cells';
import { prepareCsv } from '../../../src/lib/ingest/prepare';
import { MAX_PROBLEMS, prepareCsvStream } from '../../../src/lib/ingest/csvStream';
import { withCells } from '../../../src/lib/ingest/packedCells';
import { randomRecord } from '../../fixtures/reports/randomRecord';
import { TIMEOUT, agencyName, expectLocated, params } from './fuzz';

const enc = (s: string) => new TextEncoder().encode(s);
const NOW = 2025;
const stream = (file: string, bytes: Uint8Array, sliceBytes: number) =>
  prepareCsvStream(file, bytes.length, async (a, b) => bytes.slice(a, b), [], { nowYear: NOW, sliceBytes });

const records = fc.uniqueArray(fc.record({ agency: agencyName, year: fc.integer({ min: 2008, max: 2025 }), seed: fc.integer({ min: 1, max: 2 ** 30 }) }),
  { minLength: 1, maxLength: 4, selector: (r) => r.agency });
const wide = (rs: { agency: string; year: number; seed: number }[], nl: string) => Papa.unparse({ fields: ['agency', 'year', ...CELL_CODES],
  data: rs.map((r) => { const c = randomRecord(r.seed); return [r.agency, r.year, ...CELL_CODES.map((k) => c[k] ?? '')]; }) }, { newline: nl });

describe('streaming CSV reader', () => {
  it('valid wide files in random slices load the same records as the whole-file reader', async () => {
    await fc.assert(fc.asyncProperty(records, fc.integer({ min: 1, max: 300 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), async (rs, slice, nl, bom) => {
      const bytes = enc((bom ? '\uFEFF' : '') + wide(rs, nl));
      const s = await stream('w.csv', bytes, slice);
      expect(s.problems).toEqual([]);
      // records equal but for `line`: the stream names physical lines (names may hold newlines)
      const noLine = (p: typeof s.prepared) => p && { ...p, packedCells: undefined, records: withCells(p.records, p.packedCells).map(({ line: _, ...r }) => r) };
      expect(noLine(s.prepared)).toEqual(noLine(prepareCsv('w.csv', bytes, [], { nowYear: NOW }).prepared));
    }), params());
  }, TIMEOUT);

  it('hostile text in random slices: accepted exactly when the whole-file reader accepts, problems located', async () => {
    const junk = fc.array(fc.oneof(fc.constantFrom('agency,year,s3_new_total\n', '甲局,2024,5\n', '"', '""', ',', '\n', '\r\n', '\n\n', ' \n', '乙,2023,x\n', '\u0000'), fc.string({ maxLength: 6 })), { maxLength: 30 });
    await fc.assert(fc.asyncProperty(junk, fc.integer({ min: 1, max: 50 }), async (parts, slice) => {
      const text = parts.join('');
      const s = await stream('j.csv', enc(text), slice);
      expectLocated(s.problems, 'j.csv');
      expect(!!s.prepared).toBe(!!prepareCsv('j.csv', enc(text), [], { nowYear: NOW }).prepared);
    }), params());
  }, TIMEOUT);
});

describe('streaming CSV reader: odd files', () => {
  it('names the physical line past blank lines and quoted newlines', async () => {
    const text = 'agency,year,s3_new_natural\n\n"甲\n局",2024,1\n\n  \n乙局,2024,x\n';
    const s = await stream('l.csv', enc(text), 5);
    expect(s.problems.map((p) => [p.line, p.column])).toEqual([[7, 's3_new_natural']]);
  });

  it('finds GBK even when the first GBK byte comes late, and reads it', async () => {
    const bytes = new Uint8Array(readFileSync('tests/fixtures/csv/import-good-gbk.csv'));
    const s = await stream('g.csv', bytes, 16);
    expect(s.encoding).toBe('gb18030');
    const p = s.prepared!;
    expect({ ...p, packedCells: undefined, records: withCells(p.records, p.packedCells) }).toEqual(prepareCsv('g.csv', bytes, [], { nowYear: NOW }).prepared);
  });

  it('empty, binary and headerless files get one plain message', async () => {
    expect((await stream('e.csv', new Uint8Array(), 8)).problems[0].message_en).toMatch(/empty/);
    const bin = new Uint8Array(2048).map((_, i) => (i * 37) % 256);
    expect((await stream('b.csv', bin, 64)).problems[0].message_en).toMatch(/not a text/);
    expect((await stream('n.csv', enc('\n\n  \n'), 2)).problems[0].message_en).toMatch(/empty/);
  });

  it('keeps at most MAX_PROBLEMS problems and counts the rest', async () => {
    const rows = Array.from({ length: MAX_PROBLEMS + 500 }, (_, i) => `局${i},2024,x`).join('\n');
    const s = await stream('m.csv', enc(`agency,year,s3_new_natural\n${rows}\n`), 4096);
    expect(s.problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(s.problems.filter((p) => /500 more problems/.test(p.message_en))).toHaveLength(1);
  });

  it('a header of 10,000 columns is rejected with located messages, quickly', async () => {
    const header = ['agency', 'year', ...Array.from({ length: 10_000 }, (_, i) => `c${i}`)];
    const t0 = performance.now();
    const s = await stream('wide.csv', enc(`${header.join(',')}\n甲局,2024${',1'.repeat(10_000)}\n`), 1 << 20);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(s.prepared).toBeNull();
    expect(s.problems.find((p) => p.line === 1)).toMatchObject({ column: 'c0' });
  });
});
