// Property-style round trip: random records that are valid by the form's sums, written as report
// text in each layout by renderText, parsed back: every one of the 200 cells must come back.
import { describe, expect, it } from 'vitest';
import {
  CARRIED_OUT_ROW, HANDLED_ROW, OUTCOME_GROUPS, RECEIVED_ROWS, S3_PART_COLUMNS, S3_ROWS, S3_TOTAL_COLUMN,
  S4_GROUPS, SECTION2_CODES, allowsFraction, s3RowsOfGroup,
} from '../../src/lib/format/cells';
import { emptyCells, type CellValues } from '../../src/lib/format/record';
import { parseReportText } from '../../src/lib/ingest/reportText';
import { TEXT_LAYOUTS, renderReportText } from '../../src/lib/ingest/renderText';
import { checkWithinReport } from '../../src/lib/rules/withinReport';

/** mulberry32: a small seeded PRNG, so a failure names a reproducible seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random record consistent by every within-report sum; some cells blank where blank keeps it so. */
export function randomRecord(seed: number): CellValues {
  const rnd = prng(seed);
  const count = (max: number) => (rnd() < 0.45 ? 0 : Math.floor(rnd() ** 2 * max) + 1);
  const cells = emptyCells();
  for (const c of SECTION2_CODES) {
    if (allowsFraction(c)) cells[c] = rnd() < 0.3 ? null : Math.round(rnd() * 100000) / 100;
    else cells[c] = rnd() < 0.05 ? null : count(rnd() < 0.2 ? 20000 : 300);
  }
  const outcomeRows = OUTCOME_GROUPS.flatMap((g) => s3RowsOfGroup(g));
  const bigness = rnd() < 0.3 ? 2000 : 40;
  for (const col of S3_PART_COLUMNS) {
    let handled = 0;
    for (const r of outcomeRows) {
      const v = count(bigness);
      cells[r.codes[col]] = v;
      handled += v;
    }
    cells[HANDLED_ROW.codes[col]] = handled;
    const out = count(bigness);
    cells[CARRIED_OUT_ROW.codes[col]] = out;
    const carriedIn = Math.floor(rnd() * (handled + out + 1));
    cells[RECEIVED_ROWS[1].codes[col]] = carriedIn;
    cells[RECEIVED_ROWS[0].codes[col]] = handled + out - carriedIn;
  }
  for (const r of S3_ROWS) {
    cells[r.codes[S3_TOTAL_COLUMN]] = S3_PART_COLUMNS.reduce((s, c) => s + cells[r.codes[c]]!, 0);
  }
  // an occasional blank sub-row cell: it leaves its sums not checkable, which is still valid
  if (rnd() < 0.3) cells[outcomeRows[Math.floor(rnd() * outcomeRows.length)].codes[S3_PART_COLUMNS[Math.floor(rnd() * 6)]]] = null;
  for (const g of S4_GROUPS) {
    const parts = g.parts.map(() => count(30));
    g.parts.forEach((c, i) => (cells[c] = parts[i]));
    cells[g.total] = parts.reduce((a, b) => a + b, 0);
  }
  return cells;
}

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
