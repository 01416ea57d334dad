// The fast wide-CSV reader (wideFast.ts) against the general one: for any file — clean, or with
// odd values, blank lines, CRLF, ragged rows, duplicates, bad years or dates, unknown columns —
// the streaming reader gives exactly what it gives with the fast reader switched off: the same
// records and cells, the same problems, the same encoding. And the fast reader does take the
// clean files (else this test would prove nothing).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CELL_CODES } from '../../../src/lib/format/cells';
import { prepareCsvStream } from '../../../src/lib/ingest/csvStream';
import { withCells } from '../../../src/lib/ingest/packedCells';
import { readWideFast } from '../../../src/lib/ingest/wideFast';
import { RUNS, TIMEOUT, params } from './fuzz';

const NOW = 2025;
const enc = (s: string) => new TextEncoder().encode(s);
const read = (text: string, fast: boolean) => {
  const bytes = enc(text);
  return prepareCsvStream('f.csv', bytes.length, async (a, b) => bytes.slice(a, b), [{ agency_id: 'K1', name: '已知局', aliases: ['旧名局'] }], { nowYear: NOW, fast, sliceBytes: 7 + (bytes.length % 300) });
};
const comparable = (p: Awaited<ReturnType<typeof read>>) => ({
  ...p, prepared: p.prepared && { ...p.prepared, packedCells: undefined, records: withCells(p.prepared.records, p.prepared.packedCells) },
});

// Clean files (the fast case) with faults planted in some: odd values only the general path
// reads, impossible years and dates, ragged rows, duplicates, unknown columns.
const plainCell = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 99_999 }).map(String) }, { weight: 1, arbitrary: fc.constant('') });
const oddCell = fc.constantFrom('/', '—', '无', ' 7', '７', '5.0', '0.5', '-1', 'x', '1e3', '1234567890', '2147483648', '999999999', '00012', ' ', '１２');
const fault = fc.record({
  row: fc.nat(),
  kind: fc.constantFrom('cell', 'cell', 'year', 'date', 'ragged+', 'ragged-', 'duplicate', 'no-agency', 'alias'),
  value: oddCell,
  year: fc.constantFrom('2007', '2030', '24', '２０２３', '2023年', 'x', ' 2023 '),
  date: fc.constantFrom('2023-02-30', 'soon', '2024/2/3', '2024年1月5日', ' 2024-01-02'),
});
const file = fc.record({
  codes: fc.shuffledSubarray([...CELL_CODES], { minLength: 1, maxLength: 12 }),
  withDate: fc.boolean(),
  extraHeader: fc.constantFrom('', '', '', '', '', 'oops', 'agency', 'agency_id'),
  rows: fc.array(fc.record({ year: fc.integer({ min: 2019, max: 2024 }), date: fc.constantFrom('', '2024-01-20', '2023-03-31'), cells: fc.array(plainCell, { minLength: 12, maxLength: 12 }) }), { minLength: 1, maxLength: 40 }),
  faults: fc.oneof(fc.constant([]), fc.array(fault, { maxLength: 3 })),
  blankLines: fc.array(fc.constantFrom('', '  ', ',,', ' , ', '\u3000'), { maxLength: 3 }),
  crlf: fc.boolean(),
  bom: fc.boolean(),
});

type FileSpec = typeof file extends fc.Arbitrary<infer T> ? T : never;

function render(f: FileSpec): string {
  const header = ['agency', 'year', ...(f.withDate ? ['published_on'] : []), ...f.codes, ...(f.extraHeader ? [f.extraHeader] : [])];
  const rows = f.rows.map((r, i) => [`局${i}`, String(r.year), ...(f.withDate ? [r.date] : []), ...r.cells.slice(0, f.codes.length), ...(f.extraHeader ? ['K1'] : [])]);
  for (const x of f.faults) {
    const i = x.row % rows.length;
    const row = rows[i];
    if (x.kind === 'cell') row[row.length - 1 - (x.row % f.codes.length)] = x.value;
    if (x.kind === 'year') row[1] = x.year;
    if (x.kind === 'date' && f.withDate) row[2] = x.date;
    if (x.kind === 'ragged+') row.push('9');
    if (x.kind === 'ragged-') row.pop();
    if (x.kind === 'duplicate') rows.push([...row]);
    if (x.kind === 'no-agency') row[0] = ' ';
    if (x.kind === 'alias') row[0] = x.row % 2 ? '旧名局' : '已知局';
  }
  const lines = [header.join(','), ...rows.map((r) => r.join(','))];
  f.blankLines.forEach((b, k) => lines.splice(1 + ((k * 7) % lines.length), 0, b));
  return (f.bom ? '\uFEFF' : '') + lines.join(f.crlf ? '\r\n' : '\n') + (f.rows.length % 2 ? '\n' : '');
}

describe('fast wide-CSV reader', () => {
  it('gives exactly what the general reader gives, for clean and faulty files alike', async () => {
    const taken = { read: 0, 'not-applicable': 0, problem: 0 };
    await fc.assert(fc.asyncProperty(file, async (f) => {
      const text = render(f);
      taken[readWideFast('f.csv', text.replace(/^\uFEFF/, ''), ',', { nowYear: NOW }).kind]++;
      expect(comparable(await read(text, true))).toEqual(comparable(await read(text, false)));
    }), params());
    // the comparison means something only if the fast reader took many of the files
    expect(taken.read).toBeGreaterThan(RUNS / 10);
    expect(taken.problem).toBeGreaterThan(RUNS / 20);
  }, TIMEOUT);

  it('takes the clean files itself, and leaves quoted fields and mixed line endings to the general reader', () => {
    const clean = `agency,year,s3_new_total,s2_fee_amount\n甲局,2024,5,\n乙局,2023,,0.5\n\n`;
    const got = readWideFast('c.csv', clean, ',', { nowYear: NOW });
    expect(got.kind).toBe('read');
    expect(readWideFast('q.csv', clean.replace('甲局', '"甲局"'), ',', { nowYear: NOW }).kind).toBe('not-applicable');
    expect(readWideFast('m.csv', clean.replace('\n乙', '\r\n乙'), ',', { nowYear: NOW }).kind).toBe('not-applicable');
    expect(readWideFast('t.csv', clean.replaceAll(',', '\t'), '\t', { nowYear: NOW }).kind).toBe('not-applicable');
    expect(readWideFast('b.csv', clean.replace('5,', 'x,'), ',', { nowYear: NOW }).kind).toBe('not-applicable'); // a problem in the first row
    expect(readWideFast('l.csv', `${clean}丙局,2024,x,\n`, ',', { nowYear: NOW })).toEqual({ kind: 'problem', chunksSent: 0 });
  });
});
