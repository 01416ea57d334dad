// Property-style round trip: random records that are valid by the form's sums, written as report
// text in each layout by renderText, parsed back: every one of the 200 cells must come back.
import { describe, expect, it } from 'vitest';
import { S3_ROWS } from '../../src/lib/format/cells';
import type { CellValues } from '../../src/lib/format/record';
import { parseReportText } from '../../src/lib/ingest/reportText';
import { TEXT_LAYOUTS, renderReportText } from '../../src/lib/ingest/renderText';
import { checkWithinReport } from '../../src/lib/rules/withinReport';
import { prng, randomRecord } from '../fixtures/reports/randomRecord';

const N = 200;
describe(`round trip: ${N} random valid records × ${TEXT_LAYOUTS.length} layouts`, () => {
  it('generates valid records', () => {
    for (let s = 1; s <= N; s++) expect(checkWithinReport(randomRecord(s))).toEqual([]);
  });
  for (const layout of TEXT_LAYOUTS) {
    it(`${layout}: all 200 cells, agency and year come back`, () => {
      for (let s = 1; s <= N; s++) {
        const cells = randomRecord(s);
        const rec = { agency: `测试第${s}局`, year: 2021 + (s % 5), cells };
        const text = renderReportText(rec, layout);
        const r = parseReportText(text);
        expect({ seed: s, cells: r.cells }).toEqual({ seed: s, cells });
        expect([r.agency, r.year]).toEqual([rec.agency, rec.year]);
        expect(r.failedRules).toEqual([]);
      }
    });
  }
});

/** Never a wrong number: each cell is the truth or null, and a null the truth fills is warned. */
function expectNoSilentError(r: ReturnType<typeof parseReportText>, truth: CellValues, seed: number) {
  const warned = new Set(r.warnings.map((w) => w.code));
  for (const [code, got] of Object.entries(r.cells) as [keyof CellValues, number | null][]) {
    if (got !== null) expect({ seed, code, got }).toEqual({ seed, code, got: truth[code] });
    else if (truth[code] !== null) expect({ seed, code, warned: warned.has(code) }).toEqual({ seed, code, warned: true });
  }
}

describe('damaged text never gives a wrong number (rows layout, 200 random records each)', () => {
  it('one value dropped from a random section-三 row: that row is blank with warnings, the rest exact', () => {
    for (let s = 1; s <= N; s++) {
      const cells = randomRecord(s);
      const rnd = prng(s * 7919);
      const lines = renderReportText({ agency: '某局', year: 2023, cells }, 'rows').split('\n');
      const rowLines = lines.map((l, i) => [l, i] as const).filter(([l]) => /^\S+( \S+){7}$/.test(l) && !l.startsWith('申请人情况'));
      expect(rowLines.length).toBe(S3_ROWS.length);
      const k = Math.floor(rnd() * rowLines.length);
      const [line, i] = rowLines[k];
      const parts = line.split(' ');
      parts.splice(1 + Math.floor(rnd() * 7), 1);
      lines[i] = parts.join(' ');
      const r = parseReportText(lines.join('\n'));
      expectNoSilentError(r, cells, s);
      const row = S3_ROWS[k];
      expect(Object.values(row.codes).every((c) => r.cells[c] === null)).toBe(true);
    }
  });
  it('a lone page number or a page footer between random rows: all cells exact', () => {
    for (let s = 1; s <= N; s++) {
      const cells = randomRecord(s);
      const rnd = prng(s * 104729);
      const lines = renderReportText({ agency: '某局', year: 2023, cells }, 'rows').split('\n');
      const at = lines.findIndex((l) => l.startsWith('一、本年新收')) + 1 + Math.floor(rnd() * 24);
      lines.splice(at, 0, ['', String(2 + Math.floor(rnd() * 30)), ''][Math.floor(rnd() * 3)] || `- ${s % 9 + 1} -`);
      const r = parseReportText(lines.join('\n'));
      expectNoSilentError(r, cells, s);
      expect({ seed: s, cells: r.cells }).toEqual({ seed: s, cells });
    }
  });
});
