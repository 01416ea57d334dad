// Property tests of the CSV readers (wide, long, registry) through prepareCsv, as the import
// screen calls them: hostile bytes never crash or hang, every rejection is located and explained,
// and valid files made from random consistent records load with zero problems and round-trip.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CELL_CODES, CELLS } from '../../../src/lib/format/cells';
import type { CellValues } from '../../../src/lib/format/record';
import { prepareCsv } from '../../../src/lib/ingest/prepare';
import { randomRecord } from '../../fixtures/reports/randomRecord';
import { TIMEOUT, agencyName, expectLocated, params, timed } from './fuzz';

const enc = (s: string) => new TextEncoder().encode(s);
const NOW = { nowYear: 2025 };

function checkOutcome(file: string, bytes: Uint8Array) {
  const prep = timed(() => prepareCsv(file, bytes, [], NOW));
  expectLocated(prep.problems, file);
  if (!prep.prepared) expect(prep.problems.some((p) => p.severity === 'error')).toBe(true);
  else expect(prep.problems.filter((p) => p.severity === 'error')).toEqual([]);
}

// Tokens a CSV reader meets, good and bad: codes, meta columns, numbers in every spelling, marks.
const HEADERS = ['agency', 'year', 'agency_id', 'name', 'code', 'value', 'level', 'parent', 'parent_id', 'published_on', 'is_aggregate', 'aliases', ...CELL_CODES.slice(0, 30), `${CELLS[20].row_label_zh}|${CELLS[20].col_label_zh}`, 'bogus'];
const FIELDS = ['', ' ', '0', '7', '-3', '1.5', '1,234', '１２', '/', '—', '无', 'NaN', 'Infinity', '1e400', '2024', '2024年', '1999', '2024-02-30', '2024/1/31', '是', 'true', '"', '""', '\n', '\r\n', ',', '<img src=x onerror=alert(1)>', '=cmd|x', '\u0000', '\uFEFF', '甲局', 's3_new_total', '99999999999999999'];
const field = fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 6 }));
const csvText = fc.tuple(
  fc.array(fc.constantFrom(...HEADERS), { minLength: 0, maxLength: 8 }),
  fc.array(fc.array(field, { maxLength: 9 }), { maxLength: 6 }),
  fc.constantFrom(',', ';', '\t'),
  fc.constantFrom('\n', '\r\n', '\r'),
).map(([h, rows, sep, nl]) => [h, ...rows].map((r) => r.join(sep)).join(nl));

describe('CSV readers: hostile input', () => {
  it('arbitrary bytes: no crash, every rejection located', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (b) => checkOutcome('bytes.csv', b)), params());
  }, TIMEOUT);

  it('CSV-shaped text of random tokens: no crash, every rejection located', () => {
    fc.assert(fc.property(csvText, fc.boolean(), (t, bom) => checkOutcome('tokens.csv', enc((bom ? '\uFEFF' : '') + t))), params());
  }, TIMEOUT);

  it('a valid wide file with one field damaged: rejected at that line and column, or still valid', () => {
    const arb = fc.tuple(fc.integer({ min: 1, max: 2 ** 30 }), fc.nat(199), fc.constantFrom('x', '-1', '1.5', '１', '', '1,5', '1e3', '<b>'));
    fc.assert(fc.property(arb, ([seed, i, bad]) => {
      const code = CELL_CODES[i];
      const cells = { ...randomRecord(seed), [code]: bad } as unknown as Record<string, unknown>;
      const text = Papa.unparse({ fields: ['agency', 'year', ...CELL_CODES], data: [['甲局', 2024, ...CELL_CODES.map((c) => cells[c] ?? '')]] });
      const prep = timed(() => prepareCsv('damaged.csv', enc(text), [], NOW));
      expectLocated(prep.problems, 'damaged.csv');
      if (!prep.prepared) expect(prep.problems.map((p) => `${p.line}:${p.column}`)).toEqual([`2:${code}`]);
    }), params());
  }, TIMEOUT);
});

interface Rec { agency: string; year: number; cells: CellValues }
const records = (max: number) => fc
  .uniqueArray(fc.record({ agency: agencyName, year: fc.integer({ min: 2008, max: 2025 }), seed: fc.integer({ min: 1, max: 2 ** 30 }) }),
    { minLength: 1, maxLength: max, selector: (r) => r.agency })
  .map((rs): Rec[] => rs.map((r) => ({ agency: r.agency, year: r.year, cells: randomRecord(r.seed) })));

const wide = (rs: Rec[]) => Papa.unparse({ fields: ['agency', 'year', ...CELL_CODES], data: rs.map((r) => [r.agency, r.year, ...CELL_CODES.map((c) => r.cells[c] ?? '')]) });
const long = (rs: Rec[]) => Papa.unparse({ fields: ['agency', 'year', 'code', 'value'], data: rs.flatMap((r) => CELL_CODES.map((c) => [r.agency, r.year, c, r.cells[c] ?? ''])) });

function loadClean(file: string, text: string, bom: boolean): Rec[] {
  const prep = timed(() => prepareCsv(file, enc((bom ? '\uFEFF' : '') + text), [], NOW));
  expect(prep.problems).toEqual([]);
  return prep.prepared!.records.map((r) => ({ agency: r.agency, year: r.year, cells: r.cells }));
}

describe('CSV readers: valid input is never rejected', () => {
  it('wide CSV from random consistent records loads with zero problems and round-trips', () => {
    fc.assert(fc.property(records(4), fc.boolean(), (rs, bom) => {
      const back = loadClean('wide.csv', wide(rs), bom);
      expect(back).toEqual(rs);
      expect(wide(back)).toBe(wide(rs));
    }), params());
  }, TIMEOUT);

  it('long CSV from the same records loads with zero problems and equals the wide reading', () => {
    fc.assert(fc.property(records(2), (rs) => {
      expect(loadClean('long.csv', long(rs), false)).toEqual(rs);
    }), params());
  }, TIMEOUT);

  it('a registry CSV of random agencies loads with zero problems and round-trips', () => {
    const reg = fc.uniqueArray(fc.record({ id: fc.stringMatching(/^[A-Za-z0-9_-]{1,10}$/), name: agencyName, agg: fc.boolean(),
      aliases: fc.uniqueArray(agencyName.filter((s) => !/[;；]/.test(s)), { maxLength: 3 }) }), { minLength: 1, maxLength: 6, selector: (r) => r.id });
    fc.assert(fc.property(reg, (rows) => {
      const text = Papa.unparse({ fields: ['agency_id', 'name', 'level', 'parent_id', 'category', 'is_aggregate', 'aliases'],
        data: rows.map((r, i) => [r.id, r.name, '部门', i > 0 ? rows[0].id : '', '', r.agg ? '是' : '否', r.aliases.join(';')]) });
      const prep = timed(() => prepareCsv('agencies.csv', enc(text), [], NOW));
      expect(prep.problems).toEqual([]);
      expect(prep.prepared!.agencies.map((a) => [a.agency_id, a.name, a.is_aggregate, a.aliases])).toEqual(rows.map((r) => [r.id, r.name, r.agg, r.aliases]));
    }), params());
  }, TIMEOUT);
});
